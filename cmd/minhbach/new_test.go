package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"minhbach/internal/diag"
	"minhbach/internal/schema"
)

const legalSiteYAML = siteYAML + "levels:\n  tinh: Cấp tỉnh\n  xa: Cấp xã\nfields:\n  dat-dai: Đất đai\n  ho-tich: Hộ tịch\n"

// scaffoldLines returns the file's lines and checks that every key of
// keys is written once, with a one-line Vietnamese comment above it.
func scaffoldLines(t *testing.T, file string, keys []string) []string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	for _, k := range keys {
		n := 0
		for i, l := range lines {
			if !strings.HasPrefix(l, k+":") {
				continue
			}
			n++
			if i == 0 || !strings.HasPrefix(lines[i-1], "# ") || !strings.ContainsAny(lines[i-1], "àáảãạăâđêôơưếệ") {
				t.Errorf("%s: key %q has no Vietnamese comment above it (line before: %q)", file, k, lines[i-1])
			}
		}
		if n != 1 {
			t.Errorf("%s: key %q written %d times, want once:\n%s", file, k, n, data)
		}
	}
	return lines
}

// unfilledLines returns "path:line:" for each key the scaffold leaves for
// the writer to fill in, as check reports it.
func unfilledLines(rel string, lines []string) map[string]string {
	out := map[string]string{}
	for i, l := range lines {
		if strings.HasSuffix(l, `: ""`) || strings.HasPrefix(l, "level: []") {
			out[strings.SplitN(l, ":", 2)[0]] = fmt.Sprintf("%s:%d:", rel, i+1)
		}
	}
	return out
}

// fill replaces the placeholder of key in file with value.
func fill(t *testing.T, file, key, value string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	for _, placeholder := range []string{key + `: ""`, key + ": []"} {
		if strings.Contains(s, "\n"+placeholder+"\n") {
			s = strings.Replace(s, "\n"+placeholder+"\n", "\n"+key+": "+value+"\n", 1)
			if err := os.WriteFile(file, []byte(s), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
	}
	t.Fatalf("%s has no placeholder for %s:\n%s", file, key, s)
}

// TestNewLegalScaffolds makes an issue, a document in it and a procedure
// published by it: each file holds every key of its kind with a comment;
// check fails, naming each required value left to fill in, until the
// last one is given; then the site builds with the three pages.
func TestNewLegalScaffolds(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "site.yaml"), legalSiteYAML)

	steps := []struct {
		args  []string
		rel   string
		keys  []string
		fills [][2]string
	}{
		{[]string{"issue", "2026/50"}, "content/gazette/issues/2026-so-50.md", schema.IssueKeys,
			[][2]string{{"date", "20/11/2026"}}},
		// A Word en dash in the number: the file and the number use "-".
		{[]string{"document", "62/2026/QĐ\u2013UBND", "--issue", "2026/50", "--type", "quyet dinh", "--field", "Đất đai"},
			"content/gazette/documents/2026/62-2026-qd-ubnd.md", schema.DocumentKeys,
			[][2]string{{"title", "Quy định bồi thường"}, {"agency", "Ủy ban nhân dân tỉnh"}, {"signer", "Nguyễn Văn A"}, {"issued", "2026-11-10"}}},
		{[]string{"procedure", "1.000894", "--field", "dat-dai"}, "content/procedures/1.000894.md", schema.ProcedureKeys,
			[][2]string{{"title", "Đăng ký đất đai lần đầu"}, {"level", "[tinh]"}, {"agency", "Sở Nông nghiệp và Môi trường"}, {"processing_time", "30 ngày"}}},
	}
	var pending []string // "path:line:" of every value still to fill in
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
		for _, f := range st.fills {
			pending = append(pending, holes[f[0]])
		}
	}
	doc := filepath.Join(dir, steps[1].rel)
	for _, want := range []string{`number: "62/2026/QĐ-UBND"`, `issue: "2026/50"`, `doc_type: "Quyết định"`, `field: "dat-dai"`} {
		if data, _ := os.ReadFile(doc); !strings.Contains(string(data), want) {
			t.Errorf("document scaffold lacks %s:\n%s", want, data)
		}
	}

	// Fill the values one by one: check fails, naming every value still
	// empty, until the last is given.
	i := 0
	for _, st := range steps {
		for _, f := range st.fills {
			code, _, errs := runCLI(t, "check", "--source", dir)
			if code != 1 {
				t.Fatalf("check with %d values to fill in: exit %d, want 1\n%s", len(pending)-i, code, errs)
			}
			for _, p := range pending[i:] {
				if !strings.Contains(errs, p) {
					t.Errorf("check does not report the empty value at %s:\n%s", p, errs)
				}
			}
			if n := strings.Count(errs, "\n") - 1; n != len(pending)-i {
				t.Errorf("check reports %d problems with %d values to fill in:\n%s", n, len(pending)-i, errs)
			}
			fill(t, filepath.Join(dir, st.rel), f[0], f[1])
			i++
		}
	}
	code, _, errs := runCLI(t, "build", "--source", dir)
	if code != 0 || errs != "" {
		t.Fatalf("build of the filled scaffolds: exit %d\n%s", code, errs)
	}
	for _, p := range []string{"cong-bao/2026/so-50/index.html", "van-ban/62-2026-qd-ubnd/index.html", "thu-tuc/1.000894/index.html"} {
		if _, err := os.Stat(filepath.Join(dir, "public", p)); err != nil {
			t.Error(err)
		}
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "public/cong-bao/2026/so-50/index.html")); !strings.Contains(string(data), "/van-ban/62-2026-qd-ubnd/") {
		t.Errorf("issue page does not list the new document")
	}
}

func TestNewIssueDate(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "site.yaml"), legalSiteYAML)
	if code, _, errs := runCLI(t, "new", "issue", "2026/50", "--date", "31/02/2026", "--source", dir); code != 2 || !strings.Contains(errs, "31/02/2026") {
		t.Errorf("impossible --date: exit %d, %q; want 2 naming the date", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "content/gazette/issues/2026-so-50.md")); err == nil {
		t.Errorf("a bad --date wrote the file")
	}
	code, out, errs := runCLI(t, "new", "issue", "2026/27+28", "--date", "5/1/2026", "--source", dir)
	if code != 0 {
		t.Fatalf("new issue --date: exit %d: %s", code, errs)
	}
	rel := "content/gazette/issues/2026-so-27-28.md"
	if out != "created "+rel+"\n" {
		t.Errorf("new issue printed %q", out)
	}
	data, _ := os.ReadFile(filepath.Join(dir, rel))
	for _, want := range []string{"\nnumber: \"27+28\"\n", "\nyear: 2026\n", "\ndate: 05/01/2026\n"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("issue scaffold lacks %q:\n%s", want, data)
		}
	}
	// Every required value is given: the issue passes check as it is.
	if code, _, errs := runCLI(t, "check", "--source", dir); code != 0 {
		t.Errorf("check of a complete issue scaffold: exit %d\n%s", code, errs)
	}
}

func TestNewNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "site.yaml"), legalSiteYAML)
	for _, args := range [][]string{
		{"issue", "2026/50"},
		{"document", "62/2026/QĐ-UBND"},
		{"procedure", "1.000894"},
	} {
		if code, _, errs := runCLI(t, append(append([]string{"new"}, args...), "--source", dir)...); code != 0 {
			t.Fatalf("new %v: exit %d: %s", args, code, errs)
		}
		before := tree(t, dir)
		// The same number with a dash from Word names the same file.
		again := append([]string{"new"}, args...)
		again[2] = strings.ReplaceAll(again[2], "-", "\u2013")
		code, out, errs := runCLI(t, append(again, "--source", dir)...)
		if code != 1 || out != "" || !strings.Contains(errs, "content/") {
			t.Errorf("second new %v: exit %d, out %q, err %q; want 1 naming the file", args, code, out, errs)
		}
		if fmt.Sprint(tree(t, dir)) != fmt.Sprint(before) {
			t.Errorf("second new %v changed the site", args)
		}
	}
}

func TestNewUsageErrors(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "site.yaml"), legalSiteYAML)
	tests := []struct {
		name string
		args []string
		want []string // in stderr
	}{
		{"unknown kind lists the kinds", []string{"isue", "2026/50"}, []string{`"isue"`, "news, page, issue, document, procedure", `"issue"`}},
		{"no kind", nil, []string{"minhbach new issue", "minhbach new document", "minhbach new procedure"}},
		{"no argument", []string{"document"}, []string{"new document"}},
		{"flag of another kind", []string{"issue", "2026/50", "--type", "Quyết định"}, []string{"--type"}},
		{"year after number", []string{"issue", "50/2026"}, []string{"2026/50"}},
		{"bad issue", []string{"document", "62/2026/QĐ-UBND", "--issue", "so 50"}, []string{`"so 50"`}},
		{"unknown type", []string{"document", "62/2026/QĐ-UBND", "--type", "Quyết đinh x"}, []string{`"Quyết đinh x"`, "Quyết định"}},
		{"unknown field", []string{"procedure", "1.000894", "--field", "y-te"}, []string{`"y-te"`, "dat-dai", "ho-tich"}},
		{"code that is no address", []string{"procedure", "thu tuc"}, []string{`"thu tuc"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runCLI(t, append(append([]string{"new"}, tt.args...), "--source", dir)...)
			if code != 2 || out != "" {
				t.Errorf("exit %d, out %q; want 2 and nothing on stdout", code, out)
			}
			for _, w := range tt.want {
				if !strings.Contains(errs, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errs)
				}
			}
			if _, err := os.Stat(filepath.Join(dir, "content")); err == nil {
				t.Errorf("a failed new wrote content/")
			}
		})
	}
}

// TestNewInVietnamese checks what staff read: an unknown kind is named in
// Vietnamese with the kinds that exist, and a fresh scaffold's check
// says, in Vietnamese, to fill the empty values in.
func TestNewInVietnamese(t *testing.T) {
	lang = diag.Vietnamese
	defer func() { lang = diag.English }()
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "site.yaml"), legalSiteYAML)
	code, _, errs := runCLI(t, "new", "vanban", "62/2026/QĐ-UBND", "--source", dir)
	want := `minhbach new: không có loại nội dung "vanban"; các loại tạo được: news, page, issue, document, procedure`
	if code != 2 || !strings.Contains(errs, want) {
		t.Errorf("unknown kind: exit %d, stderr %q; want 2 and %q", code, errs, want)
	}
	if code, _, errs := runCLI(t, "new", "procedure", "1.000894", "--source", dir); code != 0 {
		t.Fatalf("new procedure: exit %d: %s", code, errs)
	}
	_, _, errs = runCLI(t, "check", "--source", dir)
	if !strings.Contains(errs, "content/procedures/1.000894.md:5:8: mục title đang để trống: hãy điền vào") {
		t.Errorf("check of a fresh scaffold, in Vietnamese:\n%s", errs)
	}
}
