package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMisspeltRelationFailsBuild is the gazette team's worst case: a
// decision whose repeals key is misspelt must not publish the repealed
// decision as still in force. The build fails (exit 1), names the key it
// meant, and leaves the published site as it was.
func TestMisspeltRelationFailsBuild(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "site.yaml"), legalSiteYAML)
	doc := func(number, extra string) string {
		return fmt.Sprintf("---\nnumber: %q\ntitle: Quyết định\ndoc_type: Quyết định\nagency: UBND tỉnh\nsigner: A\nissued: 2026-01-05\nfield: dat-dai\n%s---\n", number, extra)
	}
	writeFile(t, filepath.Join(dir, "content/gazette/documents/52-2025-qd-ubnd.md"), doc("52/2025/QĐ-UBND", ""))
	if code, _, errs := runCLI(t, "build", "--source", dir); code != 0 {
		t.Fatalf("first build: exit %d\n%s", code, errs)
	}
	before := tree(t, filepath.Join(dir, "public"))

	writeFile(t, filepath.Join(dir, "content/gazette/documents/62-2026-qd-ubnd.md"), doc("62/2026/QĐ-UBND", "repeal: [\"52/2025/QĐ-UBND\"]\n"))
	code, _, errs := runCLI(t, "build", "--source", dir)
	if code != 1 || !strings.Contains(errs, `content/gazette/documents/62-2026-qd-ubnd.md:9:1: unknown key "repeal" (did you mean "repeals"?)`) {
		t.Errorf("misspelt repeals: exit %d, want 1 with the key named\n%s", code, errs)
	}
	if fmt.Sprint(tree(t, filepath.Join(dir, "public"))) != fmt.Sprint(before) {
		t.Errorf("a failed build changed public/")
	}

	// Fixed, with the number typed with a Word en dash: the repeal applies.
	writeFile(t, filepath.Join(dir, "content/gazette/documents/62-2026-qd-ubnd.md"), doc("62/2026/QĐ-UBND", "repeals: [\"52/2025/QĐ\u2013UBND\"]\n"))
	if code, _, errs := runCLI(t, "build", "--source", dir); code != 0 || errs != "" {
		t.Fatalf("fixed build: exit %d\n%s", code, errs)
	}
	data, err := os.ReadFile(filepath.Join(dir, "public/van-ban/52-2025-qd-ubnd/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if page := string(data); !strings.Contains(page, "Hết hiệu lực toàn bộ") || !strings.Contains(page, `<a href="/van-ban/62-2026-qd-ubnd/">`) {
		t.Errorf("the repealed decision is not shown as repealed by 62/2026/QĐ-UBND")
	}
}
