package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestRequiredReport runs minhbach check and build on a site in
// Vietnamese and English whose contacts page has no translation and whose
// structure page's translation is older than its original: both commands
// succeed (the law asks for these pages, but a missing translation must
// not block publishing), name each file in a warning and sum them up in
// one line. A site in Vietnamese only gets no such line.
func TestRequiredReport(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "site.yaml"), siteYAML+"languages: [vi, en]\n")
	writeFile(t, filepath.Join(dir, "content/pages/lien-he.md"), "---\ntitle: Liên hệ\nupdated: 2026-11-20\nrequired_en: lien-he\n---\nĐiện thoại: 0208 111 222.\n")
	writeFile(t, filepath.Join(dir, "content/pages/co-cau-to-chuc.md"), "---\ntitle: Cơ cấu tổ chức\nupdated: 2026-11-20\nrequired_en: to-chuc\n---\nVăn phòng gồm năm phòng.\n")
	writeFile(t, filepath.Join(dir, "content/pages/co-cau-to-chuc.en.md"), "---\ntitle: Organisational structure\nupdated: 2026-11-01\n---\nThe Office has four divisions.\n")
	writeFile(t, filepath.Join(dir, "content/pages/gioi-thieu.md"), "---\ntitle: Giới thiệu\nupdated: 2026-11-20\nrequired_en: chuc-nang\n---\nVăn phòng tham mưu.\n")
	writeFile(t, filepath.Join(dir, "content/pages/gioi-thieu.en.md"), "---\ntitle: About the Office\nupdated: 2026-11-20\n---\nThe Office advises.\n")
	summary := "translations the law requires (en): 2 missing or out of date: 0 kinds of information no page declares, 1 pages without translation, 1 translations older than their original"
	for _, cmd := range [][]string{{"check", "--source", dir}, {"build", "--source", dir, "--destination", filepath.Join(dir, "public")}} {
		code, out, errs := runCLI(t, cmd...)
		if code != 0 {
			t.Fatalf("%s: exit %d, want 0 (warnings only)\n%s", cmd[0], code, errs)
		}
		if !strings.Contains(out, summary) {
			t.Errorf("%s: stdout lacks the summary %q:\n%s", cmd[0], summary, out)
		}
		for _, want := range []string{"content/pages/lien-he.md:4:1: warning: this page (the officials' contacts) has no en translation",
			"content/pages/co-cau-to-chuc.en.md:3:1: warning: this en translation (updated 01/11/2026) is older than its original content/pages/co-cau-to-chuc.md"} {
			if !strings.Contains(errs, want) {
				t.Errorf("%s: stderr lacks %q:\n%s", cmd[0], want, errs)
			}
		}
	}
	one := t.TempDir()
	writeFile(t, filepath.Join(one, "site.yaml"), siteYAML)
	writeFile(t, filepath.Join(one, "content/pages/lien-he.md"), "---\ntitle: Liên hệ\nupdated: 2026-11-20\nrequired_en: lien-he\n---\nĐiện thoại.\n")
	code, out, errs := runCLI(t, "check", "--source", one)
	if code != 0 || strings.Contains(out, "translations the law requires") || strings.Contains(errs, "translation") {
		t.Errorf("a site in Vietnamese only: exit %d, stdout %q, stderr %q; want 0 and no word of translations", code, out, errs)
	}
}
