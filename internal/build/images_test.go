package build_test

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"minhbach/internal/sitetest"
)

var srcsetRE = regexp.MustCompile(`<img[^>]*\ssrcset="([^"]*)"[^>]*>`)

// TestLeadPhotoVariants builds two news items that share one 800 px lead
// photo, and a third whose photo is too small for copies: the shared
// photo's smaller copies are written once, both pages offer them in
// srcset with sizes, and each copy has the width srcset claims.
func TestLeadPhotoVariants(t *testing.T) {
	photo := func(w, h int) []byte {
		m := image.NewRGBA(image.Rect(0, 0, w, h))
		for y := range h {
			for x := range w {
				m.Set(x, y, color.RGBA{uint8(x), uint8(y), 90, 255})
			}
		}
		var b bytes.Buffer
		if err := jpeg.Encode(&b, m, nil); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	news := func(title, img string) []byte {
		return []byte("---\ntitle: " + title + "\ndate: 2026-05-04\ncategory: Tin hoạt động\nimage: " + img +
			"\nimage_alt: Hội trường hội nghị\n---\n\nNội dung.\n")
	}
	a := &txtar.Archive{Files: []txtar.File{
		{Name: "site.yaml", Data: []byte("title: T\n")},
		{Name: "content/news/anh/hoi-nghi.jpg", Data: photo(800, 450)},
		{Name: "content/news/anh/nho.jpg", Data: photo(300, 200)},
		{Name: "content/news/mot.md", Data: news("Một", "anh/hoi-nghi.jpg")},
		{Name: "content/news/hai.md", Data: news("Hai", "anh/hoi-nghi.jpg")},
		{Name: "content/news/ba.md", Data: news("Ba", "anh/nho.jpg")},
	}}
	s := sitetest.Build(t, a)
	if s.Errors != "" {
		t.Fatalf("errors:\n%s", s.Errors)
	}
	var copies []string
	for p := range s.Files {
		if strings.HasPrefix(p, "assets/anh/") {
			copies = append(copies, p)
		}
	}
	if len(copies) != 3 {
		t.Fatalf("smaller copies written: %q, want 3 (320, 480, 640 px) of the one 800 px photo", copies)
	}
	var first string
	for _, page := range []string{"tin-tuc/2026/05/mot/index.html", "tin-tuc/2026/05/hai/index.html"} {
		m := srcsetRE.FindSubmatch(s.Files[page])
		if m == nil {
			t.Fatalf("%s: no <img srcset>", page)
		}
		if !bytes.Contains(m[0], []byte(` sizes="`)) || !bytes.Contains(m[0], []byte(`width="800" height="450"`)) {
			t.Errorf("%s: lead photo without sizes or its own width and height: %s", page, m[0])
		}
		set := strings.Split(string(m[1]), ", ")
		if len(set) != 4 || !strings.HasSuffix(set[3], " 800w") {
			t.Fatalf("%s: srcset %q, want three copies and the 800w original", page, m[1])
		}
		for _, c := range set[:3] {
			url, wd, _ := strings.Cut(c, " ")
			data, ok := s.Files[strings.TrimPrefix(url, "/")]
			if !ok {
				t.Errorf("%s: srcset names %s, which the build did not write", page, url)
				continue
			}
			cfg, err := jpeg.DecodeConfig(bytes.NewReader(data))
			if err != nil {
				t.Errorf("%s: %v", url, err)
			} else if want := strings.TrimSuffix(wd, "w"); want != strconv.Itoa(cfg.Width) {
				t.Errorf("%s is %d px wide, srcset says %s", url, cfg.Width, wd)
			}
		}
		if first == "" {
			first = string(m[1])
		} else if strings.Join(strings.Split(first, ", ")[:3], ", ") != strings.Join(set[:3], ", ") {
			t.Errorf("the two pages offer different copies of the same photo:\n%s\n%s", first, m[1])
		}
	}
	if m := srcsetRE.FindSubmatch(s.Files["tin-tuc/2026/05/ba/index.html"]); m != nil {
		t.Errorf("a 300 px photo got copies: %s", m[0])
	}
}
