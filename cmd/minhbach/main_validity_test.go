package main

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"minhbach/internal/diag"
)

const validitySite = "title: Cổng thử nghiệm\nbase_url: https://vp.example.gov.vn/\nfields:\n  y-te: Y tế\n"

const doc10 = `---
number: 10/2025/QĐ-UBND
title: Ban hành Quy chế phối hợp quản lý nhà nước về an toàn thực phẩm
doc_type: Quyết định
agency: Ủy ban nhân dân tỉnh
signer: Nguyễn Văn An — Chủ tịch
issued: 2025-03-18
effective: 2025-04-01
field: y-te
---
`

const doc62 = `---
number: 62/2026/QĐ-UBND
title: Ban hành Quy định phối hợp điều tra, xử lý sự cố ngộ độc thực phẩm
doc_type: Quyết định
agency: Ủy ban nhân dân tỉnh
signer: Nguyễn Văn An — Chủ tịch
issued: 2026-11-20
effective: 2026-12-05
field: y-te
repeals:
  - {number: 10/2025/QĐ-UBND, scope: Khoản 3 Điều 2}
  - {number: 10/2025/QĐ-UBND, scope: Khoản 2 Điều 2, date: 2027-01-01}
---
`

// TestNextStatusChange checks the line that build and check print after
// their summary: the next date on which a status changes, and why.
func TestNextStatusChange(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "site.yaml"), validitySite)
	writeFile(t, filepath.Join(dir, "content/gazette/documents/10.md"), doc10)
	writeFile(t, filepath.Join(dir, "content/gazette/documents/62.md"), doc62)

	for _, tt := range []struct {
		args []string
		want string
	}{
		// fixedNow is 23/11/2026.
		{[]string{"build", "--source", dir}, "next change of legal status: 05/12/2026 (62/2026/QĐ-UBND takes effect; Khoản 3 Điều 2 of 10/2025/QĐ-UBND is repealed by 62/2026/QĐ-UBND): rebuild the site on that day"},
		{[]string{"check", "--source", dir, "--build-date", "2026-12-05"}, "next change of legal status: 01/01/2027 (Khoản 2 Điều 2 of 10/2025/QĐ-UBND is repealed by 62/2026/QĐ-UBND): rebuild the site on that day"},
		{[]string{"check", "--source", dir, "--build-date", "2027-01-01"}, "next change of legal status: none known after 01/01/2027 (no document takes effect, ends or is changed later)"},
	} {
		code, out, errs := runCLI(t, tt.args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", tt.args, code, errs)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		// After the summary (and a build's warning about signing), the
		// line of the next change, then that of the disclosure check.
		i := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "next change") })
		if i < 1 || lines[i] != tt.want || i+1 >= len(lines) || !strings.HasPrefix(lines[i+1], "disclosure: ") {
			t.Errorf("%v printed\n%s\nwant after the summary\n%s\nthen the line of the disclosure check", tt.args, out, tt.want)
		}
	}

	// In Vietnamese, as staff read it.
	lang = diag.Vietnamese
	_, out, _ := runCLI(t, "build", "--source", dir)
	lang = diag.English
	if want := "Hiệu lực thay đổi tiếp theo: ngày 05/12/2026 (62/2026/QĐ-UBND có hiệu lực; Khoản 3 Điều 2 của 10/2025/QĐ-UBND bị bãi bỏ bởi 62/2026/QĐ-UBND) — hãy tạo lại trang vào ngày đó"; !strings.Contains(out, want+"\n") {
		t.Errorf("build in Vietnamese printed\n%s\nwant the line\n%s", out, want)
	}

	// A site without gazette documents has no such line.
	news := t.TempDir()
	writeFile(t, filepath.Join(news, "site.yaml"), siteYAML)
	writeFile(t, filepath.Join(news, "content/news/2026/hoi-nghi.md"), goodNews)
	if _, out, _ := runCLI(t, "check", "--source", news); strings.Contains(out, "legal status") {
		t.Errorf("check of a site without documents printed %q", out)
	}
}
