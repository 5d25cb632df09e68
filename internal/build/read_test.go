package build

import (
	"reflect"
	"slices"
	"testing"
	"testing/fstest"

	"minhbach/internal/model"
)

// TestReusableKnowsEntries fails when model.Entries gets a new kind: a
// build reuses a Markdown file's buffer once stowMarkdown has moved its
// records' bodies into the store, so a new kind must be stowed there or
// make reusable say no.
func TestReusableKnowsEntries(t *testing.T) {
	known := []string{"News", "Pages", "Issues", "Documents", "Procedures", "Consultations", "Budgets", "Projects", // stowMarkdown
		"Statistics", "Translations"} // reusable says no
	for f := range reflect.TypeFor[model.Entries]().Fields() {
		if !slices.Contains(known, f.Name) {
			t.Errorf("model.Entries.%s is new: stow its bodies in stowMarkdown, or make reusable false for files that decode to it", f.Name)
		}
	}
}

func TestReadFile(t *testing.T) {
	fsys := fstest.MapFS{"a.md": {Data: []byte("---\ntitle: A\n---\nNội dung\n")}, "empty.md": {}}
	buf := make([]byte, 3, 8)
	for _, p := range []string{"a.md", "empty.md", "a.md"} {
		got, err := readFile(fsys, p, buf)
		if err != nil || string(got) != string(fsys[p].Data) {
			t.Fatalf("readFile(%s) = %q, %v; want %q", p, got, err, fsys[p].Data)
		}
		buf = got
	}
	if _, err := readFile(fsys, "missing.md", buf); err == nil {
		t.Error("readFile of a missing file: no error")
	}
}
