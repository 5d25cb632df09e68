package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"minhbach"
	"minhbach/internal/build"
	"minhbach/internal/diag"
	"minhbach/internal/images"
	"minhbach/internal/output"
	"minhbach/internal/sitetest"
)

// TestProgressText checks the line in Vietnamese, as staff see it (the
// other tests run in English).
func TestProgressText(t *testing.T) {
	lang = diag.Vietnamese
	defer func() { lang = diag.English }()
	tests := []struct {
		s    build.ProgressState
		want string
	}{
		{build.ProgressState{Stage: "read"}, "minhbach: đang đọc các tệp nội dung (3 giây)"},
		{build.ProgressState{Stage: "render", Done: 120, Total: 306}, "minhbach: đang tạo tệp 120/306 (3 giây)"},
		{build.ProgressState{Stage: "render", Done: 120, Total: 312, Pictures: 2, PictureTotal: 6}, "minhbach: đang tạo tệp 120/312, đã thu nhỏ 2/6 ảnh (3 giây)"},
	}
	for _, tt := range tests {
		if got := progressText(tt.s, 3500*time.Millisecond); got != tt.want {
			t.Errorf("progressText(%+v) = %q, want %q", tt.s, got, tt.want)
		}
	}
}

// syncBuffer is a bytes.Buffer safe for the progress goroutine and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestProgressLine follows a build that resizes a photo, as on a
// terminal with no delay: the line names the stages as they go, and is
// cleared when the build ends and before other output.
func TestProgressLine(t *testing.T) {
	var term syncBuffer
	l := newProgressLine(&term, &build.Progress{}, 0, 20*time.Millisecond)
	fsys := fstest.MapFS{
		"site.yaml":                 {Data: []byte("title: T\n")},
		"content/news/anh/lead.jpg": {Data: sitetest.Photo(2400, 1600, 1)},
		"content/news/mot.md":       {Data: []byte("---\ntitle: Một\ndate: 2026-05-04\ncategory: Tin hoạt động\nimage: anh/lead.jpg\nimage_alt: Hội trường\n---\n\nNội dung.\n")},
	}
	res, err := build.Build(context.Background(), build.Options{Source: fsys, Theme: minhbach.Theme, Now: sitetest.DefaultNow, Progress: l.p}, output.NewMemory())
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("build: %v %s", err, res.Diags.Format(0))
	}
	if s := l.p.Snapshot(); s.Running || s.Done != s.Total || s.Total < len(images.Widths(2400)) || s.PictureTotal != 1 || s.Pictures != 1 {
		t.Errorf("progress after the build: %+v, want done, every file and the one photo counted", s)
	}
	time.Sleep(100 * time.Millisecond) // a tick sees the build ended
	l.Write([]byte("log line\n"))
	l.close()
	out := term.String()
	if !strings.Contains(out, "\r\x1b[Kminhbach: writing files ") || !strings.Contains(out, ", photos resized ") {
		t.Errorf("no render progress with the photo's copies shown:\n%q", out[max(0, len(out)-400):])
	}
	if !strings.HasSuffix(out, "\r\x1b[Klog line\n") {
		t.Errorf("the line was not cleared when the build ended, before the log line:\n%q", out[max(0, len(out)-200):])
	}
}

// TestBuildKeepsPictureCopies builds a site with a photo twice from the
// command line: the copies are kept in .minhbach-cache/anh, not in the
// output; the second build writes the same site and rewrites no copy;
// check adds nothing to the site folder; no terminal, no progress line.
func TestBuildKeepsPictureCopies(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "site.yaml"), siteYAML)
	writeFile(t, filepath.Join(dir, "content/news/2026/hoi-nghi.md"), strings.Replace(goodNews, "---\nNội", "image: anh/hoi-nghi.jpg\nimage_alt: Hội trường\n---\nNội", 1))
	writeFile(t, filepath.Join(dir, "content/news/2026/anh/hoi-nghi.jpg"), string(sitetest.Photo(2000, 1333, 1)))

	code, _, errs := runCLI(t, "check", "--source", dir)
	if code != 0 {
		t.Fatalf("check exit %d: %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, output.CacheDir)); err == nil {
		t.Errorf("check created %s", output.CacheDir)
	}
	var trees []map[string]string
	var cached []map[string]time.Time
	for i := range 2 {
		code, _, errs := runCLI(t, "build", "--source", dir)
		if code != 0 || strings.Contains(errs, "\r") {
			t.Fatalf("build %d exit %d, stderr %q", i+1, code, errs)
		}
		trees = append(trees, tree(t, filepath.Join(dir, "public")))
		files, _ := filepath.Glob(filepath.Join(dir, output.CacheDir, "anh", "*", "*"))
		times := map[string]time.Time{}
		for _, f := range files {
			st, err := os.Stat(f)
			if err != nil {
				t.Fatal(err)
			}
			times[f] = st.ModTime()
		}
		cached = append(cached, times)
	}
	if n := len(images.Widths(2000)); len(cached[0]) != n {
		t.Errorf("%d files in the picture cache, want the photo's %d copies", len(cached[0]), n)
	}
	for p, tm := range cached[0] {
		if !cached[1][p].Equal(tm) {
			t.Errorf("the second build wrote %s again", p)
		}
	}
	if len(trees[0]) != len(trees[1]) {
		t.Errorf("the builds wrote %d and %d files", len(trees[0]), len(trees[1]))
	}
	copies := 0
	for p, h := range trees[0] {
		if trees[1][p] != h {
			t.Errorf("%s differs between the build that made the copies and the one that read them", p)
		}
		if strings.Contains(p, output.CacheDir) {
			t.Errorf("the cache is in the output: %s", p)
		}
		if strings.HasPrefix(p, "assets/anh/") {
			copies++
		}
	}
	if copies != len(images.Widths(2000)) {
		t.Errorf("%d copies published, want %d", copies, len(images.Widths(2000)))
	}
}
