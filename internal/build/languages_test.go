package build_test

import (
	"bytes"
	"slices"
	"testing"

	"golang.org/x/tools/txtar"

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
