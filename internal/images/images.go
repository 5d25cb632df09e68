// Package images makes the smaller copies of photos that pages offer
// through srcset, so that a phone downloads a picture of its own width.
// Decoding and encoding use the standard library (JPEG, PNG); scaling uses
// github.com/disintegration/imaging, whose two passes need a buffer of
// 4 bytes a pixel of the copy's width times the photo's height (the
// scaler of golang.org/x/image/draw needs 32). The output depends only on
// the input bytes and the width: the same photo gives byte-identical
// copies on every build, so that copies can be kept between builds in a
// Store (see Maker). It reads and writes nothing itself.
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
	"slices"
	"strconv"
	"strings"

	"github.com/disintegration/imaging"
)

// Ladder is the widths, in pixels, of the copies made of a photo wider
// than them.
var Ladder = []int{320, 480, 640, 960, 1280, 1600}

// JPEGQuality is the quality of the JPEG copies.
const JPEGQuality = 80

// Settings names how copies are made: the filter, the quality and the
// way smaller copies derive from the largest. It is part of every Key:
// change it whenever a change here changes the bytes of a copy, so that a
// Store never hands out a copy made the old way.
const Settings = "catmullrom-q80-cascade1"

// MaxPixels is the largest photo, in pixels, that copies are made of:
// decoding one takes 1.5 bytes a pixel (JPEG) to 4 (PNG), 96 MB at the
// limit. Larger photos are published as they are (see Heavy).
const MaxPixels = 64_000_000

// The limits above which an original is worth resizing before it is
// added to the site: longer than HeavySide pixels (twice the largest
// copy; no page shows a picture wider) or heavier than HeavyBytes.
const (
	HeavySide  = 3200
	HeavyBytes = 3_000_000
)

// Heavy reports whether a picture of w×h pixels and size bytes is larger
// than any page needs (see HeavySide and HeavyBytes).
func Heavy(w, h int, size int64) bool {
	return max(w, h) > HeavySide || size > HeavyBytes
}

// Worth reports whether smaller copies of the file are worth making:
// JPEG photos. A PNG is most often a chart or a map, which a smaller copy
// blurs and which then compresses worse than the original; Copies still
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

// Sum is the SHA-256 of a photo's bytes, which names its copies.
type Sum [sha256.Size]byte

// SumOf returns the Sum of data.
func SumOf(data []byte) Sum { return sha256.Sum256(data) }

// Name returns the file name of the copy of a photo: its base name, a
// short hash of its bytes and the width ("anh/hoi-nghi.jpg", 480 →
// "hoi-nghi.3f9a1c2b-480.jpg"). Photos with the same bytes share their
// copies, whichever page shows them.
func Name(file string, sum Sum, width int) string {
	ext := path.Ext(file)
	base := strings.TrimSuffix(path.Base(file), ext)
	return fmt.Sprintf("%s.%s-%d%s", base, hex.EncodeToString(sum[:4]), width, strings.ToLower(ext))
}

// Key names a copy in a Store: the photo's whole hash, the width and
// Settings ("3f9a…-480-catmullrom-q80-cascade1"). It is a valid file
// name.
func Key(sum Sum, width int) string {
	return hex.EncodeToString(sum[:]) + "-" + strconv.Itoa(width) + "-" + Settings
}

// Copies returns copies of the JPEG or PNG photo data, one for each of
// widths (each below the photo's width), scaled keeping its proportions
// with the Catmull-Rom filter and encoded in the photo's format. The
// photo is decoded once: the widest copy is made from it, and the
// narrower ones from the widest (unencoded), which costs a fraction of
// scaling the original again and looks the same. A copy's bytes depend on
// the photo, its width and the widest copy of Widths(photo width), never
// on which other widths are asked for. Photos over MaxPixels are an
// error.
func Copies(data []byte, widths []int) (map[int][]byte, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("decode picture: %w", err)
	}
	if format != "jpeg" && format != "png" {
		return nil, fmt.Errorf("resize a %s picture: only JPEG and PNG are resized", format)
	}
	if int64(cfg.Width)*int64(cfg.Height) > MaxPixels {
		return nil, fmt.Errorf("resize a picture of %d×%d px: over %d megapixels", cfg.Width, cfg.Height, MaxPixels/1_000_000)
	}
	ladder := Widths(cfg.Width)
	for _, w := range widths {
		if !slices.Contains(ladder, w) {
			return nil, fmt.Errorf("resize a picture %d px wide to %d px: only the smaller widths %v are made", cfg.Width, w, ladder)
		}
	}
	out := map[int][]byte{}
	if len(widths) == 0 {
		return out, nil
	}
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("decode picture: %w", err)
	}
	top := ladder[len(ladder)-1]
	widest := imaging.Resize(src, top, Height(cfg.Width, cfg.Height, top), imaging.CatmullRom)
	src = nil // the decoded photo is the largest buffer: let it go first
	for _, w := range widths {
		m := widest
		if w != top {
			m = imaging.Resize(widest, w, Height(cfg.Width, cfg.Height, w), imaging.CatmullRom)
		}
		b, err := encode(m, format)
		if err != nil {
			return nil, err
		}
		out[w] = b
	}
	return out, nil
}

// encode writes m in format. A JPEG copy is opaque, as JPEG photos are:
// its pixels are those of an RGBA image, which the encoder takes in its
// fast path.
func encode(m *image.NRGBA, format string) ([]byte, error) {
	var out bytes.Buffer
	var err error
	switch format {
	case "jpeg":
		err = jpeg.Encode(&out, &image.RGBA{Pix: m.Pix, Stride: m.Stride, Rect: m.Rect}, &jpeg.Options{Quality: JPEGQuality})
	default:
		err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&out, m)
	}
	if err != nil {
		return nil, fmt.Errorf("encode %s: %w", format, err)
	}
	return out.Bytes(), nil
}
