package main

import (
	"os"
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

// TestNewStatistics checks the sheet minhbach new statistics writes: a
// row for each agency of the latest earlier quarter, carried_over from its
// pending dossiers, figures left for staff, and check failing until they
// are filled in; the file is never overwritten.
func TestNewStatistics(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "site.yaml"), "title: Thống kê\n")
	writeFile(t, filepath.Join(dir, "content/statistics/2026.csv"), "period,agency,received,carried_over,on_time,late,pending\n"+
		"2026-Q2,Sở Tư pháp,10,0,8,0,2\n2026-Q3,Sở Tư pháp,10,2,9,0,3\n2026-Q3,Sở Y tế,5,0,4,0,1\n2026,Sở Xây dựng,1,0,1,0,0\n")
	code, out, errs := runCLI(t, "new", "statistics", "2026-Q4", "--source", dir)
	if code != 0 {
		t.Fatalf("new statistics: exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "created content/statistics/2026-q4.csv") {
		t.Errorf("printed %q", out)
	}
	data := readFile(t, filepath.Join(dir, "content/statistics/2026-q4.csv"))
	want := "\uFEFFperiod,agency,received,carried_over,on_time,late,pending,online,note\n2026-Q4,Sở Tư pháp,,3,,,,,\n2026-Q4,Sở Y tế,,1,,,,,\n"
	if data != want {
		t.Errorf("sheet:\n%q\nwant\n%q", data, want)
	}
	code, _, errs = runCLI(t, "check", "--source", dir)
	if code != 1 || !strings.Contains(errs, "content/statistics/2026-q4.csv:2:") || !strings.Contains(errs, "received is empty") {
		t.Errorf("check after new: exit %d, want 1 naming the empty figures:\n%s", code, errs)
	}
	if code, _, _ = runCLI(t, "new", "statistics", "2026-Q4", "--source", dir); code != 1 {
		t.Errorf("new over an existing sheet: exit %d, want 1", code)
	}
	if code, _, errs = runCLI(t, "new", "statistics", "Quý 4", "--source", dir); code != 2 || !strings.Contains(errs, `period "Quý 4"`) {
		t.Errorf("new with a bad period: exit %d: %s", code, errs)
	}
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
