package main

import (
	"path/filepath"
	"strings"
	"testing"

	"minhbach/internal/diag"
)

// TestDisclosureLine checks the line every build and check print about
// the disclosure catalogue, and check --cong-khai: every problem listed,
// exit status 1 when there is one.
func TestDisclosureLine(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "site.yaml"), "title: Công khai\nfields:\n  dat-dai: Đất đai\n")
	writeFile(t, filepath.Join(dir, "content/gazette/documents/1.md"), "---\nnumber: 1/2026/QĐ-UBND\ntitle: Đăng muộn\ndoc_type: Quyết định\nagency: UBND tỉnh\nsigner: A\nfield: dat-dai\nissued: 2026-11-02\npublished: 2026-11-20\n---\n")
	writeFile(t, filepath.Join(dir, "content/cong-khai.yaml"), `categories:
  - title: Văn bản
    legal: Điều 19
    kinds: [documents]
    retention: Không thời hạn
  - title: Thủ tục hành chính
    legal: Điều 19
    kinds: [procedures]
    retention: Khi còn hiệu lực
`)
	code, out, errs := runCLI(t, "check", "--source", dir)
	if code != 0 {
		t.Fatalf("check: exit %d: %s", code, errs)
	}
	want := "disclosure: 2 categories: 1 without content, 0 not updated in time, 0 pages not found; 1 documents published late (minhbach check --cong-khai lists them)"
	if !strings.Contains(out, want+"\n") || strings.Contains(out, "cong-khai.yaml:") {
		t.Errorf("check printed\n%s\nwant the line\n%s\nand no problem listed", out, want)
	}
	code, out, _ = runCLI(t, "check", "--cong-khai", "--source", dir)
	if code != 1 {
		t.Errorf("check --cong-khai: exit %d, want 1", code)
	}
	for _, w := range []string{
		`content/cong-khai.yaml:6:5: warning: "Thủ tục hành chính" has no content on the site (/thu-tuc/)`,
		"content/gazette/documents/1.md:9:12: warning: 1/2026/QĐ-UBND was published on 20/11/2026, 14 working days after it was issued on 02/11/2026: the deadline was 09/11/2026",
		want,
	} {
		if !strings.Contains(out, w) {
			t.Errorf("check --cong-khai printed\n%s\nwant\n%s", out, w)
		}
	}
	lang = diag.Vietnamese
	_, out, _ = runCLI(t, "check", "--source", dir)
	lang = diag.English
	if w := "Công khai: 2 mục trong danh mục: 1 mục chưa có nội dung"; !strings.Contains(out, w) {
		t.Errorf("in Vietnamese, check printed\n%s\nwant\n%s", out, w)
	}

	// Without the file, the line says so and --cong-khai fails.
	empty := t.TempDir()
	writeFile(t, filepath.Join(empty, "site.yaml"), "title: Trống\n")
	code, out, _ = runCLI(t, "check", "--cong-khai", "--source", empty)
	if code != 1 || !strings.Contains(out, "disclosure: no content/cong-khai.yaml") {
		t.Errorf("check --cong-khai without the file: exit %d, printed\n%s", code, out)
	}
}
