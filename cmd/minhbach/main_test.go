package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"minhbach/internal/diag"
	"minhbach/internal/tmplexec"
)

var fixedNow = func() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC) }

// The tests read messages in English, so that they do not depend on the
// wording of the Vietnamese catalogue; TestVietnameseByDefault checks that.
func init() { lang = diag.English }

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, &out, &errb, fixedNow)
	return code, out.String(), errb.String()
}

// tree returns path → SHA-256 of every file under dir.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		m[filepath.ToSlash(rel)] = fmt.Sprintf("%x", sha256.Sum256(data))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func writeFile(t *testing.T, p, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

const siteYAML = "title: Cổng thử nghiệm\nbase_url: https://vp.example.gov.vn/\n"

const goodNews = "---\ntitle: Hội nghị trực tuyến\ndate: 2026-11-20\ncategory: Tin hoạt động\n---\nNội dung.\n"

func TestBuildSummaryAndFailedBuildKeepsPreviousOutput(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "site.yaml"), siteYAML)
	writeFile(t, filepath.Join(dir, "content/news/2026/hoi-nghi.md"), goodNews)

	code, out, errs := runCLI(t, "build", "--source", dir)
	if code != 0 {
		t.Fatalf("build exit %d: %s", code, errs)
	}
	if !regexp.MustCompile(`^minhbach build: \d+ pages, \d+ files, \d+ bytes, 0 warnings in \d+\.\d\d s → `).MatchString(out) {
		t.Errorf("summary line = %q", out)
	}
	public := filepath.Join(dir, "public")
	if _, err := os.Stat(filepath.Join(public, "tin-tuc/2026/11/hoi-nghi/index.html")); err != nil {
		t.Fatalf("news page not written: %v", err)
	}
	before := tree(t, public)

	// Break two files: the build fails, reports both, and public/ stays as it was.
	writeFile(t, filepath.Join(dir, "content/news/2026/hoi-nghi.md"), "---\ntitle: Hội nghị\ndate: 2026-13-01\ncategory: Tin hoạt động\n---\n")
	writeFile(t, filepath.Join(dir, "content/news/2026/moi.md"), "---\ntitle: Mới\ndate: 2026-11-21\n---\n")
	code, _, errs = runCLI(t, "build", "--source", dir)
	if code != 1 {
		t.Fatalf("broken build exit %d, want 1", code)
	}
	for _, want := range []string{
		"content/news/2026/hoi-nghi.md:3:7: date: date \"2026-13-01\" does not exist: there is no month 13",
		"content/news/2026/moi.md:1: missing required key \"category\"",
		"2 errors, 0 warnings: nothing written",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	after := tree(t, public)
	if fmt.Sprint(before) != fmt.Sprint(after) {
		t.Errorf("public/ changed after a failed build")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "public.") {
			t.Errorf("leftover %s after a failed build", e.Name())
		}
	}
}

func TestCheckWritesNothing(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "site.yaml"), siteYAML)
	writeFile(t, filepath.Join(dir, "content/news/2026/hoi-nghi.md"), goodNews)
	code, out, errs := runCLI(t, "check", "--source", dir)
	if code != 0 || !strings.HasPrefix(out, "minhbach check: ") {
		t.Fatalf("check exit %d, out %q, err %q", code, out, errs)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "public") {
			t.Errorf("check wrote %s", e.Name())
		}
	}
}

func TestNewNews(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "site.yaml"), siteYAML)
	code, out, errs := runCLI(t, "new", "news", "Hội nghị Đảng ủy: tổng kết năm", "--source", dir)
	if code != 0 {
		t.Fatalf("new exit %d: %s", code, errs)
	}
	want := "content/news/2026/2026-11-23-hoi-nghi-dang-uy-tong-ket-nam.md"
	if out != "created "+want+"\n" {
		t.Errorf("new printed %q, want created %s", out, want)
	}
	data, err := os.ReadFile(filepath.Join(dir, want))
	if err != nil {
		t.Fatal(err)
	}
	// The picture keys are there, commented out, each under its Vietnamese comment.
	for _, s := range []string{"title: \"Hội nghị Đảng ủy: tổng kết năm\"", "date: 2026-11-23T16:00:00+07:00", "draft: true",
		"assets/.\n# image: \"", "ảnh).\n# image_alt: \"", "Ảnh: Thu Hà.\n# image_caption: \""} {
		if !strings.Contains(string(data), s) {
			t.Errorf("new file lacks %q:\n%s", s, data)
		}
	}
	if code, _, _ := runCLI(t, "new", "news", "Hội nghị Đảng ủy: tổng kết năm", "--source", dir); code != 1 {
		t.Errorf("second new with the same title: exit %d, want 1 (no overwrite)", code)
	}
	// The new file is a valid draft: it builds with --drafts at its slug.
	code, _, errs = runCLI(t, "build", "--source", dir, "--drafts")
	if code != 0 {
		t.Fatalf("build --drafts exit %d: %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "public/tin-tuc/2026/11/hoi-nghi-dang-uy-tong-ket-nam/index.html")); err != nil {
		t.Error(err)
	}
}

func TestUsage(t *testing.T) {
	for _, cmd := range []string{"build", "check", "new"} {
		code, _, errs := runCLI(t, cmd, "-h")
		if code != 0 || !strings.Contains(errs, "minhbach "+cmd) || !strings.Contains(errs, "-source") {
			t.Errorf("%s -h: exit %d, help %q", cmd, code, errs)
		}
	}
	if code, out, _ := runCLI(t, "version"); code != 0 || !strings.HasPrefix(out, "minhbach ") {
		t.Errorf("version: exit %d, %q", code, out)
	}
	if code, _, _ := runCLI(t, "bogus"); code != 2 {
		t.Errorf("unknown command: exit %d, want 2", code)
	}
}

// TestDemoSiteBuildsDeterministically builds the repository's demo site
// twice: it must build without errors or warnings, and both builds must
// be byte-identical.
func TestDemoSiteBuildsDeterministically(t *testing.T) {
	out := t.TempDir()
	var trees []map[string]string
	for i := range 2 {
		dest := filepath.Join(out, fmt.Sprint(i))
		code, _, errs := runCLI(t, "build", "--source", "../..", "--destination", dest, "--gzip")
		if code != 0 || errs != "" {
			t.Fatalf("demo build exit %d:\n%s", code, errs)
		}
		trees = append(trees, tree(t, dest))
	}
	if len(trees[0]) < 50 {
		t.Errorf("demo site has only %d files", len(trees[0]))
	}
	for p, h := range trees[0] {
		if trees[1][p] != h {
			t.Errorf("%s differs between two builds", p)
		}
	}
	if len(trees[0]) != len(trees[1]) {
		t.Errorf("builds wrote %d and %d files", len(trees[0]), len(trees[1]))
	}
	if _, ok := trees[0]["index.html.gz"]; !ok {
		t.Errorf("--gzip wrote no index.html.gz")
	}
}

// TestVietnameseByDefault runs a broken build as staff see it: every
// line in Vietnamese, each still beginning with path:line:col.
func TestVietnameseByDefault(t *testing.T) {
	lang = diag.ParseLang("")
	defer func() { lang = diag.English }()
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "site.yaml"), siteYAML)
	writeFile(t, filepath.Join(dir, "content/news/2026/moi.md"), "---\ntitle: Mới\ndate: 2026-11-21\ncatgory: Tin hoạt động\n---\n")
	code, _, errs := runCLI(t, "build", "--source", dir)
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	for _, want := range []string{
		"content/news/2026/moi.md:1: thiếu mục bắt buộc \"category\"",
		"content/news/2026/moi.md:4:1: cảnh báo: mục \"catgory\" không có trong mẫu (có phải là \"category\"?)",
		"minhbach: 1 lỗi, 1 cảnh báo: chưa ghi gì",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	for _, english := range []string{"missing", "warning", "errors", "nothing written"} {
		if strings.Contains(errs, english) {
			t.Errorf("stderr still holds English %q:\n%s", english, errs)
		}
	}
	_, _, help := runCLI(t, "build", "-h")
	if !strings.Contains(help, "--source THƯ_MỤC") || !strings.Contains(help, "Các tùy chọn:") {
		t.Errorf("build -h is not in Vietnamese:\n%s", help)
	}
	if code, _, errs := runCLI(t, "build", "--bogus"); code != 2 || !strings.Contains(errs, "không có tùy chọn -bogus") {
		t.Errorf("build --bogus: exit %d, %q", code, errs)
	}
}

// TestTemplatesHTMLOnly checks the way round of MINHBACH_TEMPLATES=html:
// no page runs as a tmplexec program, and the output is the same.
func TestTemplatesHTMLOnly(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "site.yaml"), siteYAML)
	writeFile(t, filepath.Join(dir, "content/news/2026/hoi-nghi.md"), goodNews)
	build := func(dest string) (programs int64) {
		before, _ := tmplexec.Runs()
		if code, _, errs := runCLI(t, "build", "--source", dir, "--destination", dest); code != 0 {
			t.Fatalf("build exit %d: %s", code, errs)
		}
		after, _ := tmplexec.Runs()
		return after - before
	}
	t.Setenv("MINHBACH_TEMPLATES", "html")
	if n := build(filepath.Join(dir, "html")); n != 0 {
		t.Errorf("with MINHBACH_TEMPLATES=html, %d pages ran as programs", n)
	}
	t.Setenv("MINHBACH_TEMPLATES", "")
	if n := build(filepath.Join(dir, "programs")); n == 0 {
		t.Error("without MINHBACH_TEMPLATES, no page ran as a program")
	}
	a, b := tree(t, filepath.Join(dir, "html")), tree(t, filepath.Join(dir, "programs"))
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Errorf("outputs differ:\n%v\n%v", a, b)
	}
}
