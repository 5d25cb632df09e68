package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"minhbach/internal/schema"
)

// TestNewDisclosureScaffolds makes a draft for comment, a budget
// disclosure and a project: each file holds every key of its kind with a
// Vietnamese comment; check fails naming every value left to fill in;
// once they are filled (with the draft's file and the budget's table
// beside them) the site builds with the three pages and no warning.
func TestNewDisclosureScaffolds(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "site.yaml"), legalSiteYAML)
	writeFile(t, filepath.Join(dir, "content/gazette/documents/2305.md"), "---\nnumber: 2305/QĐ-UBND\ntitle: Công bố công khai dự toán\n"+
		"doc_type: Quyết định\nagency: Ủy ban nhân dân tỉnh\nsigner: A\nissued: 2026-11-10\nfield: dat-dai\n---\n")
	noQuarter := slices.DeleteFunc(slices.Clone(schema.BudgetKeys), func(k string) bool { return k == "quarter" })
	steps := []struct {
		args  []string
		rel   string
		keys  []string
		fills [][2]string
	}{
		{[]string{"consultation", "Quyết định quy định giá nước sạch", "--type", "quyet dinh", "--field", "dat-dai"},
			"content/consultations/2026/2026-11-23-quyet-dinh-quy-dinh-gia-nuoc-sach.md", schema.ConsultationKeys,
			[][2]string{{"agency", "Sở Tài chính"}, {"closes", "23/12/2026"}}},
		{[]string{"budget", "2026", "--stage", "Dự toán"}, "content/budget/2026/du-toan-2026.md", noQuarter,
			[][2]string{{"agency", "Ủy ban nhân dân tỉnh"}, {"decision", "2305/QĐ-UBND"}}},
		{[]string{"project", "Kè chống sạt lở sông Hà"}, "content/projects/ke-chong-sat-lo-song-ha.md", schema.ProjectKeys,
			[][2]string{{"investor", "Ban Quản lý dự án"}, {"total_investment", `"48.200"`}, {"location", "Xã Hòa Bình"}, {"period", "2026-2027"}, {"status", "chuan_bi"}}},
	}
	for _, st := range steps {
		code, out, errs := runCLI(t, append(append([]string{"new"}, st.args...), "--source", dir)...)
		if code != 0 || !strings.HasPrefix(out, "created "+st.rel+"\n") {
			t.Fatalf("new %v: exit %d, out %q, err %q", st.args, code, out, errs)
		}
		lines := scaffoldLines(t, filepath.Join(dir, st.rel), st.keys)
		holes := unfilledLines(st.rel, lines)
		if len(holes) != len(st.fills) {
			t.Errorf("%s leaves %v to fill in, want %d values", st.rel, holes, len(st.fills))
		}
		code, _, errs = runCLI(t, "check", "--source", dir)
		if code != 1 {
			t.Fatalf("check after new %s: exit %d, want 1", st.args[0], code)
		}
		for _, f := range st.fills {
			if !strings.Contains(errs, holes[f[0]]) {
				t.Errorf("check does not report the empty %s at %s:\n%s", f[0], holes[f[0]], errs)
			}
			fill(t, filepath.Join(dir, st.rel), f[0], f[1])
		}
	}
	if data, _ := os.ReadFile(filepath.Join(dir, steps[0].rel)); !strings.Contains(string(data), `doc_type: "Quyết định"`) || !strings.Contains(string(data), "opens: 23/11/2026") {
		t.Errorf("draft scaffold lacks its type or today as the first day:\n%s", data)
	}
	// What a scaffold cannot know: the draft's file and how to comment,
	// the budget's table.
	code, _, errs := runCLI(t, "check", "--source", dir)
	for _, want := range []string{"publish the draft itself", "say how to comment", "a budget disclosure publishes its figures"} {
		if code != 1 || !strings.Contains(errs, want) {
			t.Errorf("check with the files missing: exit %d, want 1 with %q:\n%s", code, want, errs)
		}
	}
	fill(t, filepath.Join(dir, steps[0].rel), "attachments", "[{file: tep/du-thao.pdf, role: du_thao}]")
	draft := filepath.Join(dir, steps[0].rel)
	if data, err := os.ReadFile(draft); err != nil || !strings.Contains(string(data), "\nemail:\n") {
		t.Fatalf("draft scaffold has no empty email line: %v\n%s", err, data)
	} else {
		writeFile(t, draft, strings.Replace(string(data), "\nemail:\n", "\nemail: gopy@stc.sonha.gov.vn\n", 1))
	}
	writeFile(t, filepath.Join(dir, "content/consultations/2026/tep/du-thao.pdf"), "%PDF-1.4 dự thảo")
	fill(t, filepath.Join(dir, steps[1].rel), "tables", "[{file: can-doi.csv, title: Cân đối ngân sách}]")
	writeFile(t, filepath.Join(dir, "content/budget/2026/can-doi.csv"), "Nội dung,Dự toán\nTổng thu,\"6.845.200\"\n")

	code, _, errs = runCLI(t, "build", "--source", dir)
	if code != 0 || errs != "" {
		t.Fatalf("build of the filled scaffolds: exit %d\n%s", code, errs)
	}
	for _, p := range []string{"du-thao/quyet-dinh-quy-dinh-gia-nuoc-sach/index.html", "ngan-sach/du-toan-2026/index.html", "du-an/ke-chong-sat-lo-song-ha/index.html"} {
		if _, err := os.Stat(filepath.Join(dir, "public", p)); err != nil {
			t.Error(err)
		}
	}
	if code, _, errs := runCLI(t, "new", "budget", "26", "--source", dir); code != 2 || !strings.Contains(errs, "fiscal year") {
		t.Errorf("new budget 26: exit %d, %q; want 2 naming a fiscal year", code, errs)
	}
	if code, _, errs := runCLI(t, "new", "budget", "2026", "--stage", "quyet_toan", "--quarter", "2", "--source", dir); code != 2 || !strings.Contains(errs, "--quarter") {
		t.Errorf("new budget --quarter with another stage: exit %d, %q; want 2", code, errs)
	}
}
