package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestSummaryCountsLeftOut: the summary line of build and check says how
// many drafts, scheduled and expired news items were left out.
func TestSummaryCountsLeftOut(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "site.yaml"), siteYAML)
	news := filepath.Join(dir, "content/news/2026")
	writeFile(t, filepath.Join(news, "hoi-nghi.md"), goodNews)
	writeFile(t, filepath.Join(news, "nhap.md"), "---\ntitle: Nháp\ndate: 20/11/2026\ncategory: Tin hoạt động\ndraft: true\n---\nNháp.\n")
	writeFile(t, filepath.Join(news, "nhap-2.md"), "---\ntitle: Nháp hai\ndate: 20/11/2026\ncategory: Tin hoạt động\ndraft: true\npublish_date: 01/12/2026\n---\nNháp.\n")
	writeFile(t, filepath.Join(news, "hen-gio.md"), "---\ntitle: Hẹn giờ\ndate: 20/11/2026\ncategory: Tin hoạt động\npublish_date: 24/11/2026 08:00\n---\nSắp đăng.\n")
	writeFile(t, filepath.Join(news, "het-han.md"), "---\ntitle: Hết hạn\ndate: 1/11/2026\ncategory: Tin hoạt động\nexpiry_date: 22/11/2026\n---\nĐã hết hạn.\n")

	code, out, errs := runCLI(t, "build", "--source", dir)
	if code != 0 {
		t.Fatalf("build exit %d: %s", code, errs)
	}
	if !regexp.MustCompile(`^minhbach build: \d+ pages, \d+ files, \d+ bytes, 0 warnings \(left out: drafts 2, scheduled 1, expired 1\) in \d+\.\d\d s → `).MatchString(out) {
		t.Errorf("build summary = %q", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "public/tin-tuc/2026/11/hen-gio/index.html")); err == nil {
		t.Errorf("the scheduled item was published")
	}
	// With drafts, the drafts are built; the draft scheduled for later still waits.
	code, out, errs = runCLI(t, "check", "--source", dir, "--drafts")
	if code != 0 || !strings.Contains(out, "0 warnings (left out: drafts 0, scheduled 2, expired 1) in ") {
		t.Errorf("check --drafts: exit %d, summary %q, stderr %q", code, out, errs)
	}
	// A day later by --build-date (written day/month/year), the scheduled item is out.
	code, out, errs = runCLI(t, "check", "--source", dir, "--build-date", "24/11/2026 09:00")
	if code != 0 || !strings.Contains(out, "(left out: drafts 2, scheduled 0, expired 1)") {
		t.Errorf("check --build-date 24/11/2026: exit %d, summary %q, stderr %q", code, out, errs)
	}
	// Nothing left out: nothing said.
	for _, f := range []string{"nhap.md", "nhap-2.md", "hen-gio.md", "het-han.md"} {
		os.Remove(filepath.Join(news, f))
	}
	_, out, _ = runCLI(t, "check", "--source", dir)
	if strings.Contains(out, "left out") {
		t.Errorf("summary with nothing left out = %q", out)
	}
}

// TestNewThenPlaceholderWarning: the body `new news` writes is a warning
// once the item is shown (serve --drafts, or after draft: true is
// removed), at the line of the file where it is.
func TestNewThenPlaceholderWarning(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "site.yaml"), siteYAML)
	code, out, errs := runCLI(t, "new", "news", "Hội nghị tổng kết", "--source", dir)
	if code != 0 {
		t.Fatalf("new exit %d: %s", code, errs)
	}
	rel := strings.TrimSpace(strings.TrimPrefix(out, "created "))
	data, err := os.ReadFile(filepath.Join(dir, rel))
	if err != nil {
		t.Fatal(err)
	}
	line := 0
	for i, l := range strings.Split(string(data), "\n") {
		if l == "Nội dung bài viết." {
			line = i + 1
		}
	}
	if line == 0 {
		t.Fatalf("%s has no placeholder line:\n%s", rel, data)
	}

	code, out, errs = runCLI(t, "check", "--source", dir)
	if code != 0 || errs != "" || !strings.Contains(out, "(left out: drafts 1, scheduled 0, expired 0)") {
		t.Errorf("check of a new draft: exit %d, out %q, stderr %q", code, out, errs)
	}
	code, _, errs = runCLI(t, "check", "--source", dir, "--drafts")
	want := rel + ":" + strconv.Itoa(line) + ":1: warning: the text \"Nội dung bài viết.\" that minhbach new writes is still here: replace it with the text to publish\n"
	if code != 0 || errs != want {
		t.Errorf("check --drafts: exit %d, stderr\n%s\nwant\n%s", code, errs, want)
	}
}

// TestVietnameseDatesCLI: a date written day/month/year builds; one that
// does not exist fails naming the key, the value and the accepted forms.
func TestVietnameseDatesCLI(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "site.yaml"), siteYAML)
	writeFile(t, filepath.Join(dir, "content/news/2026/hop.md"), "---\ntitle: Họp\ndate: 02/11/2026 14:30\ncategory: Tin hoạt động\n---\nHọp.\n")
	code, _, errs := runCLI(t, "build", "--source", dir)
	if code != 0 {
		t.Fatalf("build exit %d: %s", code, errs)
	}
	page, err := os.ReadFile(filepath.Join(dir, "public/tin-tuc/2026/11/hop/index.html"))
	if err != nil || !strings.Contains(string(page), `<time datetime="2026-11-02T14:30:00+07:00">Thứ Hai, ngày 02/11/2026 14:30</time>`) {
		t.Errorf("page of 02/11/2026 14:30: %v\n%s", err, page)
	}
	writeFile(t, filepath.Join(dir, "content/news/2026/hop.md"), "---\ntitle: Họp\ndate: 31/02/2026\ncategory: Tin hoạt động\n---\nHọp.\n")
	code, _, errs = runCLI(t, "build", "--source", dir)
	want := `content/news/2026/hop.md:3:7: date: date "31/02/2026" does not exist: month 2 of 2026 has 28 days (write day/month/year, as in 02/12/2026, or 2026-12-02)`
	if code != 1 || !strings.Contains(errs, want) {
		t.Errorf("build exit %d, stderr\n%s\nwant\n%s", code, errs, want)
	}
}
