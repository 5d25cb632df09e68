package build_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"minhbach"
	"minhbach/internal/build"
	"minhbach/internal/images"
	"minhbach/internal/output"
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

// countingStore is an images.Store in memory that counts what it keeps.
type countingStore struct {
	mu   sync.Mutex
	m    map[string][]byte
	puts int
}

func (s *countingStore) Get(k string) ([]byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d, ok := s.m[k]
	return d, ok
}

func (s *countingStore) Put(k string, d []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.puts++
	s.m[k] = bytes.Clone(d)
	return nil
}

// photoSite is a site with a lead photo, the same photo in a page's
// body, and another photo in a news body.
func photoSite() fstest.MapFS {
	return fstest.MapFS{
		"site.yaml":                 {Data: []byte("title: T\n")},
		"content/news/anh/lead.jpg": {Data: sitetest.Photo(1700, 1000, 1)},
		"content/news/anh/body.jpg": {Data: sitetest.Photo(1000, 700, 2)},
		"content/news/mot.md": {Data: []byte("---\ntitle: Một\ndate: 2026-05-04\ncategory: Tin hoạt động\nimage: anh/lead.jpg\n" +
			"image_alt: Hội trường\n---\n\nMở đầu.\n\n![Đại biểu dự hội nghị](anh/body.jpg \"Ảnh: Minh Tâm\")\n\nKết thúc.\n")},
		"content/pages/anh/lead.jpg":  {Data: sitetest.Photo(1700, 1000, 1)},
		"content/pages/gioi-thieu.md": {Data: []byte("---\ntitle: Giới thiệu\n---\n\n![Trụ sở](anh/lead.jpg)\n")},
	}
}

// TestPhotoCopiesKept builds a site with photos three times: into an
// empty Store, which receives every copy; again over that Store, which
// makes no copy at all; and without a Store. The three sites are byte
// for byte the same: a copy read back is the copy made.
func TestPhotoCopiesKept(t *testing.T) {
	fsys := photoSite()
	buildWith := func(store images.Store) (*build.Result, map[string][]byte) {
		t.Helper()
		mem := output.NewMemory()
		res, err := build.Build(context.Background(), build.Options{Source: fsys, Theme: minhbach.Theme, Now: sitetest.DefaultNow, Pictures: store}, mem)
		if err != nil {
			t.Fatal(err)
		}
		if res.Diags.HasErrors() {
			t.Fatalf("errors:\n%s", res.Diags.Format(0))
		}
		return res, mem.Files
	}
	want := len(images.Widths(1700)) + len(images.Widths(1000))
	store := &countingStore{m: map[string][]byte{}}
	res, first := buildWith(store)
	if res.Resized != want || store.puts != want {
		t.Fatalf("first build: %d copies made, %d stored; want %d (the two photos' copies, the shared one once)", res.Resized, store.puts, want)
	}
	res, second := buildWith(store)
	if res.Resized != 0 || store.puts != want {
		t.Errorf("second build over the same Store: %d copies made, %d more stored; want none", res.Resized, store.puts-want)
	}
	_, fresh := buildWith(nil)
	for name, files := range map[string]map[string][]byte{"second build": second, "build without a Store": fresh} {
		if len(files) != len(first) {
			t.Errorf("%s: %d files, the first build %d", name, len(files), len(first))
		}
		for p, data := range first {
			if !bytes.Equal(files[p], data) {
				t.Errorf("%s: %s differs from the first build's", name, p)
			}
		}
	}
}

// TestBodyPhotoVariants: a photo in a news body gets the lead photo's
// treatment: srcset with its copies, sizes, width and height, inside its
// figure; each copy named has the width srcset claims.
func TestBodyPhotoVariants(t *testing.T) {
	files := sitetest.BuildFS(t, photoSite()).Files
	page := files["tin-tuc/2026/05/mot/index.html"]
	var body []byte
	for _, m := range srcsetRE.FindAllSubmatch(page, -1) {
		if bytes.Contains(m[0], []byte(`alt="Đại biểu dự hội nghị"`)) {
			body = m[0]
			checkSrcset(t, files, string(m[1]), 1000)
		}
	}
	if body == nil {
		t.Fatalf("the body's photo has no srcset:\n%s", page)
	}
	for _, want := range []string{`sizes="(min-width: 48rem) 46rem, calc(100vw - 2rem)"`, `width="1000" height="700"`, `loading="lazy"`} {
		if !bytes.Contains(body, []byte(want)) {
			t.Errorf("body photo lacks %s: %s", want, body)
		}
	}
	if !bytes.Contains(page, []byte("<figure><img")) || !bytes.Contains(page, []byte("<figcaption>Ảnh: Minh Tâm</figcaption></figure>")) {
		t.Errorf("body photo not in its figure with its caption")
	}
	m := srcsetRE.FindSubmatch(files["gioi-thieu/index.html"])
	if m == nil {
		t.Fatal("a photo in a plain page's body has no srcset")
	}
	checkSrcset(t, files, string(m[1]), 1700)
}

// checkSrcset checks that every copy a srcset names was written, with the
// width it claims, and that the original comes last, w pixels wide.
func checkSrcset(t *testing.T, files map[string][]byte, srcset string, w int) {
	t.Helper()
	set := strings.Split(srcset, ", ")
	if len(set) != len(images.Widths(w))+1 || !strings.HasSuffix(set[len(set)-1], " "+strconv.Itoa(w)+"w") {
		t.Fatalf("srcset %q, want %d copies and the %dw original", srcset, len(images.Widths(w)), w)
	}
	for _, c := range set[:len(set)-1] {
		url, wd, _ := strings.Cut(c, " ")
		data, ok := files[strings.TrimPrefix(url, "/")]
		if !ok {
			t.Errorf("srcset names %s, which the build did not write", url)
			continue
		}
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			t.Errorf("%s: %v", url, err)
		} else if want := strings.TrimSuffix(wd, "w"); want != strconv.Itoa(cfg.Width) {
			t.Errorf("%s is %d px wide, srcset says %s", url, cfg.Width, wd)
		}
	}
}

// TestHeavyPhotoWarning: an original longer than images.HeavySide, as a
// lead photo or in a body, is a warning at the place that names it; the
// build still succeeds.
func TestHeavyPhotoWarning(t *testing.T) {
	wide := sitetest.Photo(3300, 40, 3)
	s := sitetest.BuildFS(t, fstest.MapFS{
		"site.yaml":                 {Data: []byte("title: T\n")},
		"content/news/anh/rong.jpg": {Data: wide},
		"content/news/mot.md": {Data: []byte("---\ntitle: Một\ndate: 2026-05-04\ncategory: Tin hoạt động\nimage: anh/rong.jpg\n" +
			"image_alt: Toàn cảnh\n---\n\nMở đầu.\n\n![Toàn cảnh](anh/rong.jpg)\n")},
	})
	if s.Result.Diags.HasErrors() {
		t.Fatalf("errors:\n%s", s.Errors)
	}
	var got []string
	for _, d := range s.Result.Diags.Sorted() {
		got = append(got, d.Pos.String())
		if !strings.Contains(d.Msg, "3300×40 px") || !strings.Contains(d.Msg, "resize it") {
			t.Errorf("warning %q: want the picture's size and the advice to resize it", d.Msg)
		}
	}
	if want := []string{"content/news/mot.md:5:8", "content/news/mot.md:11:1"}; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("warnings at %q, want %q", got, want)
	}
}

// TestSessionPhotos edits a site with photos in a session, as a preview
// does, and checks after each edit that the session's files equal a full
// build's: a body edit of the item with the lead photo, a photo added to
// a body, the lead photo replaced by another under the same name, and a
// heavy photo (a warning) put in its place.
func TestSessionPhotos(t *testing.T) {
	dir := t.TempDir()
	write := func(rel string, data []byte) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	item := "---\ntitle: Một\ndate: 2026-05-04\ncategory: Tin hoạt động\nimage: anh/lead.jpg\nimage_alt: Hội trường\n---\n\nMở đầu.\n"
	for rel, data := range photoSite() {
		write(rel, data.Data)
	}
	write("content/news/mot.md", []byte(item))
	opt := build.Options{Source: os.DirFS(dir), Theme: minhbach.Theme, Now: sitetest.DefaultNow, Pictures: &countingStore{m: map[string][]byte{}}}
	sess := build.NewSession(opt)
	steps := []struct {
		name    string
		do      func()
		changed []string
	}{
		{"first build", func() {}, nil},
		{"body edit of the item with a lead photo", func() { write("content/news/mot.md", []byte(item+"\nThêm một dòng.\n")) }, []string{"content/news/mot.md"}},
		{"photo added to the body", func() {
			write("content/news/mot.md", []byte(item+"\n![Đại biểu](anh/body.jpg)\n"))
		}, []string{"content/news/mot.md"}},
		{"lead photo replaced", func() { write("content/news/anh/lead.jpg", sitetest.Photo(1500, 1000, 9)) }, []string{"content/news/anh/lead.jpg"}},
		{"heavy photo in its place", func() { write("content/news/anh/lead.jpg", sitetest.Photo(3300, 40, 9)) }, []string{"content/news/anh/lead.jpg"}},
	}
	for _, st := range steps {
		st.do()
		res, err := sess.Build(context.Background(), st.changed)
		if err != nil || res.Diags.HasErrors() {
			t.Fatalf("%s: %v %s", st.name, err, res.Diags.Format(0))
		}
		want, wantDiags := fullBuild(t, build.Options{Source: os.DirFS(dir), Theme: minhbach.Theme, Now: sitetest.DefaultNow})
		compareSites(t, st.name, want, sess.Files())
		if got := diagStrings(res); !slices.Equal(got, wantDiags) {
			t.Errorf("%s: session reports %q, a full build %q", st.name, got, wantDiags)
		}
	}
}
