package images_test

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"slices"
	"testing"

	"minhbach/internal/images"
)

// photo returns a w×h test picture with detail in it, encoded as format.
func photo(t *testing.T, format string, w, h int) []byte {
	t.Helper()
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			m.Set(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), uint8((x ^ y) & 0xff), 255})
		}
	}
	var b bytes.Buffer
	var err error
	if format == "png" {
		err = png.Encode(&b, m)
	} else {
		err = jpeg.Encode(&b, m, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestResize(t *testing.T) {
	for _, format := range []string{"jpeg", "png"} {
		t.Run(format, func(t *testing.T) {
			src := photo(t, format, 800, 450)
			out, err := images.Resize(src, 320)
			if err != nil {
				t.Fatal(err)
			}
			cfg, got, err := image.DecodeConfig(bytes.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			if got != format || cfg.Width != 320 || cfg.Height != 180 {
				t.Errorf("Resize(800×450 %s, 320) = %d×%d %s, want 320×180 %s", format, cfg.Width, cfg.Height, got, format)
			}
			if format == "jpeg" && len(out) >= len(src) {
				t.Errorf("Resize(%s, 320) = %d bytes, not smaller than the %d of the original", format, len(out), len(src))
			}
			again, err := images.Resize(src, 320)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out, again) {
				t.Errorf("Resize(%s, 320) gives different bytes on a second run", format)
			}
		})
	}
	if _, err := images.Resize(photo(t, "jpeg", 300, 200), 320); err == nil {
		t.Error("Resize enlarged a 300 px picture to 320 px, want an error")
	}
	if _, err := images.Resize([]byte("<svg/>"), 320); err == nil {
		t.Error("Resize of an SVG: no error")
	}
}

func TestWidths(t *testing.T) {
	tests := []struct {
		w    int
		want []int
	}{
		{300, nil},
		{320, nil},
		{800, []int{320, 480, 640}},
		{4000, images.Ladder},
	}
	for _, tt := range tests {
		if got := images.Widths(tt.w); !slices.Equal(got, tt.want) {
			t.Errorf("Widths(%d) = %v, want %v", tt.w, got, tt.want)
		}
	}
	if h := images.Height(800, 450, 480); h != 270 {
		t.Errorf("Height(800, 450, 480) = %d, want 270", h)
	}
}

func TestName(t *testing.T) {
	a := images.Name("anh/Hoi-nghi.JPG", []byte("a"), 480)
	if a != "Hoi-nghi.ca978112-480.jpg" {
		t.Errorf("Name = %q, want Hoi-nghi.ca978112-480.jpg", a)
	}
	if b := images.Name("khac/Hoi-nghi.JPG", []byte("a"), 480); b != a {
		t.Errorf("the same bytes in another folder: Name = %q, want %q", b, a)
	}
	if c := images.Name("anh/Hoi-nghi.JPG", []byte("b"), 480); c == a {
		t.Errorf("other bytes, same Name %q", c)
	}
}
