package build_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"minhbach"
	"minhbach/internal/build"
	"minhbach/internal/sitetest"
)

// TestOneLanguageUnchanged builds a site without languages and the same
// site with languages: [vi]: a site in Vietnamese only must build byte for
// byte the same either way (and as before languages existed: the
// archive's want/ sections check that X.en.md and content/en/ are what
// they were).
func TestOneLanguageUnchanged(t *testing.T) {
	a, err := txtar.ParseFile("testdata/sites/languages-none.txtar")
	if err != nil {
		t.Fatal(err)
	}
	plain := sitetest.Build(t, a)
	vi := &txtar.Archive{Comment: a.Comment}
	for _, f := range a.Files {
		if f.Name == "site.yaml" {
			f.Data = append(slices.Clone(f.Data), "languages: [vi]\n"...)
		}
		vi.Files = append(vi.Files, f)
	}
	declared := sitetest.Build(t, vi)
	if plain.Errors != declared.Errors {
		t.Errorf("diagnostics differ:\n%s\nwith languages: [vi]:\n%s", plain.Errors, declared.Errors)
	}
	if !slices.Equal(plain.Paths(), declared.Paths()) {
		t.Fatalf("files differ:\n%v\nwith languages: [vi]:\n%v", plain.Paths(), declared.Paths())
	}
	for p, data := range plain.Files {
		if !bytes.Equal(data, declared.Files[p]) {
			t.Errorf("%s differs with languages: [vi]", p)
		}
	}
	if len(plain.Files) < 10 {
		t.Errorf("only %d files built", len(plain.Files))
	}
}

// TestSessionTranslations edits a site in two languages in a preview
// session (translations and originals, added and removed, the languages
// themselves) and checks after each edit that the session's files and
// problems are a full build's.
func TestSessionTranslations(t *testing.T) {
	a, err := txtar.ParseFile("testdata/sites/languages.txtar")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string]string{}
	for _, f := range a.Files {
		if !strings.HasPrefix(f.Name, "want/") {
			write(f.Name, string(f.Data))
			files[f.Name] = string(f.Data)
		}
	}
	opt := build.Options{Source: os.DirFS(dir), Theme: minhbach.Theme, Now: sitetest.DefaultNow}
	s := build.NewSession(opt)
	if res, err := s.Build(context.Background(), nil); err != nil || res.Diags.HasErrors() {
		t.Fatalf("first build: %v %s", err, res.Diags.Format(10))
	}
	const (
		enNews = "content/news/2026/2026-11-02-hoi-nghi-xuc-tien-dau-tu.en.md"
		viNews = "content/news/2026/2026-11-02-hoi-nghi-xuc-tien-dau-tu.md"
		enPage = "content/en/pages/gioi-thieu.md"
		newEn  = "content/en/news/2026/2026-11-10-chi-vietnamese.md"
	)
	edit := func(name, old, new string) {
		files[name] = strings.Replace(files[name], old, new, 1)
		write(name, files[name])
	}
	steps := []struct {
		what string
		do   func() []string
	}{
		{"English body", func() []string {
			edit(enNews, "investment promotion conference.", "investment promotion conference, with 40 investors.")
			return []string{enNews}
		}},
		{"English title", func() []string { edit(enNews, "title: Investment", "title: The Investment"); return []string{enNews} }},
		{"Vietnamese body", func() []string {
			edit(viNews, "hội nghị xúc tiến đầu tư.", "hội nghị xúc tiến đầu tư lần thứ nhất.")
			return []string{viNews}
		}},
		{"page title", func() []string { edit(enPage, "About the Office", "About Us"); return []string{enPage} }},
		{"new translation", func() []string {
			write(newEn, "---\ntitle: Vietnamese only no more\n---\nNow in English.\n")
			return []string{newEn}
		}},
		{"translation removed", func() []string {
			if err := os.Remove(filepath.Join(dir, enPage)); err != nil {
				t.Fatal(err)
			}
			return []string{enPage}
		}},
		{"languages removed", func() []string {
			edit("site.yaml", "languages: [vi, en]", "languages: [vi]")
			return []string{"site.yaml"}
		}},
		{"languages back", func() []string {
			edit("site.yaml", "languages: [vi]", "languages: [vi, en]")
			return []string{"site.yaml"}
		}},
	}
	for _, st := range steps {
		changed := st.do()
		res, err := s.Build(context.Background(), changed)
		if err != nil {
			t.Fatalf("%s: %v", st.what, err)
		}
		want, wantDiags := fullBuild(t, opt)
		if got := diagStrings(res); !slices.Equal(got, wantDiags) {
			t.Fatalf("%s: diagnostics\n%s\nwant\n%s", st.what, strings.Join(got, "\n"), strings.Join(wantDiags, "\n"))
		}
		if res.Diags.HasErrors() {
			// Without languages the translations are ordinary files again:
			// a news item without a date, say. A failed build writes nothing.
			if st.what != "languages removed" {
				t.Errorf("%s: %s", st.what, res.Diags.Format(5))
			}
			continue
		}
		compareSites(t, st.what, want, s.Files())
		if _, ok := want["en/index.html"]; !ok {
			t.Errorf("%s: no English home page", st.what)
		}
	}
}
