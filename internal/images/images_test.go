package images_test

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
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

func TestCopies(t *testing.T) {
	for _, format := range []string{"jpeg", "png"} {
		t.Run(format, func(t *testing.T) {
			src := photo(t, format, 800, 450)
			out, err := images.Copies(src, []int{320, 480, 640})
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range []int{320, 480, 640} {
				cfg, got, err := image.DecodeConfig(bytes.NewReader(out[w]))
				if err != nil {
					t.Fatal(err)
				}
				if h := images.Height(800, 450, w); got != format || cfg.Width != w || cfg.Height != h {
					t.Errorf("Copies(800×450 %s)[%d] = %d×%d %s, want %d×%d %s", format, w, cfg.Width, cfg.Height, got, w, h, format)
				}
			}
			if format == "jpeg" && len(out[320]) >= len(src) {
				t.Errorf("Copies(%s)[320] = %d bytes, not smaller than the %d of the original", format, len(out[320]), len(src))
			}
			// A copy is the same whichever other widths are asked for,
			// and on every run: a Store may hold it.
			alone, err := images.Copies(src, []int{320})
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out[320], alone[320]) {
				t.Errorf("Copies(%s, [320]) differs from the 320 px copy of Copies(%s, [320 480 640])", format, format)
			}
		})
	}
	if _, err := images.Copies(photo(t, "jpeg", 300, 200), []int{320}); err == nil {
		t.Error("Copies enlarged a 300 px picture to 320 px, want an error")
	}
	if _, err := images.Copies([]byte("<svg/>"), []int{320}); err == nil {
		t.Error("Copies of an SVG: no error")
	}
	if _, err := images.Copies(hugePNG(t, 10000, 8000), []int{320}); err == nil || !strings.Contains(err.Error(), "megapixels") {
		t.Errorf("Copies of a 10000×8000 picture: error %v, want one over the megapixel limit (not decoded)", err)
	}
}

// hugePNG returns a PNG whose header says w×h pixels, with a tiny body:
// what DecodeConfig sees of a huge picture, without its memory.
func hugePNG(t *testing.T, w, h uint32) []byte {
	t.Helper()
	data := photo(t, "png", 1, 1)
	// The IHDR chunk: length at 8, type at 12, width and height at 16
	// and 20, CRC of type and data at 29.
	binary.BigEndian.PutUint32(data[16:], w)
	binary.BigEndian.PutUint32(data[20:], h)
	binary.BigEndian.PutUint32(data[29:], crc32.ChecksumIEEE(data[12:29]))
	return data
}

func TestHeavy(t *testing.T) {
	tests := []struct {
		w, h int
		size int64
		want bool
	}{
		{1600, 1067, 400_000, false},
		{3200, 2133, 2_000_000, false},
		{6000, 4000, 900_000, true},
		{2000, 4000, 900_000, true}, // portrait
		{1600, 1067, 3_500_000, true},
	}
	for _, tt := range tests {
		if got := images.Heavy(tt.w, tt.h, tt.size); got != tt.want {
			t.Errorf("Heavy(%d, %d, %d) = %v, want %v", tt.w, tt.h, tt.size, got, tt.want)
		}
	}
}

// memStore is a Store in memory that counts what it is asked.
type memStore struct {
	mu         sync.Mutex
	m          map[string][]byte
	gets, puts int
}

func (s *memStore) Get(k string) ([]byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gets++
	d, ok := s.m[k]
	return d, ok
}

func (s *memStore) Put(k string, d []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.puts++
	s.m[k] = d
	return nil
}

// TestMaker asks for every copy of a photo at once, from many
// goroutines: the photo is read and decoded once, and the copies go into
// the Store; a second Maker over the same Store makes nothing and hands
// out the same bytes.
func TestMaker(t *testing.T) {
	src := photo(t, "jpeg", 1000, 600)
	sum := images.SumOf(src)
	widths := images.Widths(1000)
	store := &memStore{m: map[string][]byte{}}
	var reads atomic.Int64
	read := func() ([]byte, error) { reads.Add(1); return src, nil }
	get := func(m *images.Maker) map[int][]byte {
		var mu sync.Mutex
		got := map[int][]byte{}
		var wg sync.WaitGroup
		for _, w := range widths {
			wg.Go(func() {
				data, err := m.Copy(sum, 1000, 600, w, read)
				if err != nil {
					t.Error(err)
				}
				mu.Lock()
				got[w] = data
				mu.Unlock()
			})
		}
		wg.Wait()
		return got
	}
	m := images.NewMaker(store)
	first := get(m)
	if reads.Load() != 1 || m.Made() != len(widths) || store.puts != len(widths) {
		t.Errorf("first Maker: photo read %d times, %d copies made, %d stored; want 1, %d, %d", reads.Load(), m.Made(), store.puts, len(widths), len(widths))
	}
	fresh, err := images.Copies(src, widths)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range widths {
		if !bytes.Equal(first[w], fresh[w]) {
			t.Errorf("Maker's %d px copy differs from Copies'", w)
		}
	}
	reads.Store(0)
	m2 := images.NewMaker(store)
	second := get(m2)
	if reads.Load() != 0 || m2.Made() != 0 {
		t.Errorf("second Maker over the same Store: photo read %d times, %d copies made; want 0, 0", reads.Load(), m2.Made())
	}
	for _, w := range widths {
		if !bytes.Equal(first[w], second[w]) {
			t.Errorf("the stored %d px copy differs from the one made", w)
		}
	}
	// Without a Store, a Maker still decodes a photo once.
	reads.Store(0)
	m3 := images.NewMaker(nil)
	get(m3)
	get(m3)
	if reads.Load() != 1 || m3.Made() != len(widths) {
		t.Errorf("Maker without a Store, asked twice: photo read %d times, %d copies made; want 1, %d", reads.Load(), m3.Made(), len(widths))
	}
	if _, err := images.NewMaker(nil).Copy(sum, 1000, 600, 320, func() ([]byte, error) { return photo(t, "jpeg", 1000, 600)[1:], nil }); err == nil {
		t.Error("Copy of bytes that are not those of the Sum: no error")
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
	a := images.Name("anh/Hoi-nghi.JPG", images.SumOf([]byte("a")), 480)
	if a != "Hoi-nghi.ca978112-480.jpg" {
		t.Errorf("Name = %q, want Hoi-nghi.ca978112-480.jpg", a)
	}
	if b := images.Name("khac/Hoi-nghi.JPG", images.SumOf([]byte("a")), 480); b != a {
		t.Errorf("the same bytes in another folder: Name = %q, want %q", b, a)
	}
	if c := images.Name("anh/Hoi-nghi.JPG", images.SumOf([]byte("b")), 480); c == a {
		t.Errorf("other bytes, same Name %q", c)
	}
	k := images.Key(images.SumOf([]byte("a")), 480)
	if want := "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb-480-" + images.Settings; k != want {
		t.Errorf("Key = %q, want %q", k, want)
	}
}
