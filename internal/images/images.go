// Package images makes the smaller copies of photos that pages offer
// through srcset, so that a phone downloads a picture of its own width.
// Decoding and encoding use the standard library (JPEG, PNG); scaling uses
// golang.org/x/image/draw. The output depends only on the input bytes and
// the width: the same photo gives byte-identical copies on every build.
// It reads and writes nothing itself.
package images

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"path"
	"strings"

	"golang.org/x/image/draw"
)

// Ladder is the widths, in pixels, of the copies made of a photo wider
// than them.
var Ladder = []int{320, 480, 640, 960, 1280, 1600}

// JPEGQuality is the quality of the JPEG copies.
const JPEGQuality = 80

// Worth reports whether smaller copies of the file are worth making:
// JPEG photos. A PNG is most often a chart or a map, which a smaller copy
// blurs and which then compresses worse than the original; Resize still
// handles PNG for callers that want it.
func Worth(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".jpg", ".jpeg":
		return true
	}
	return false
}

// Widths returns the widths of the copies to make of a photo w pixels
// wide: the Ladder widths below w.
func Widths(w int) []int {
	var out []int
	for _, x := range Ladder {
		if x < w {
			out = append(out, x)
		}
	}
	return out
}

// Height returns the height of a copy width pixels wide of a w×h photo,
// rounded to the nearest pixel and at least 1.
func Height(w, h, width int) int {
	if w <= 0 {
		return 0
	}
	return max(1, (h*width+w/2)/w)
}

// Name returns the file name of the copy of a photo: its base name, a
// short hash of its bytes and the width ("anh/hoi-nghi.jpg", 480 →
// "hoi-nghi.3f9a1c2b-480.jpg"). Photos with the same bytes share their
// copies, whichever page shows them.
func Name(file string, data []byte, width int) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(file)
	base := strings.TrimSuffix(path.Base(file), ext)
	return fmt.Sprintf("%s.%s-%d%s", base, hex.EncodeToString(sum[:4]), width, strings.ToLower(ext))
}

// Resize returns a copy of the JPEG or PNG photo data, scaled to width
// pixels (keeping its proportions) with the Catmull-Rom filter and
// encoded in the same format. It does not enlarge: a width at or above
// the photo's is an error.
func Resize(data []byte, width int) ([]byte, error) {
	src, format, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("decode picture: %w", err)
	}
	b := src.Bounds()
	if width <= 0 || width >= b.Dx() {
		return nil, fmt.Errorf("resize a picture %d px wide to %d px: only smaller copies are made", b.Dx(), width)
	}
	dst := image.NewRGBA(image.Rect(0, 0, width, Height(b.Dx(), b.Dy(), width)))
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, b, draw.Src, nil)
	var out bytes.Buffer
	switch format {
	case "jpeg":
		err = jpeg.Encode(&out, dst, &jpeg.Options{Quality: JPEGQuality})
	case "png":
		err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&out, dst)
	default:
		return nil, fmt.Errorf("resize a %s picture: only JPEG and PNG are resized", format)
	}
	if err != nil {
		return nil, fmt.Errorf("encode %s: %w", format, err)
	}
	return out.Bytes(), nil
}
