package build_test

import (
	"bytes"
	"context"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"minhbach"
	"minhbach/internal/build"
	"minhbach/internal/output"
	"minhbach/internal/sitetest"
	"minhbach/internal/tmplexec"
)

// TestTemplateProgramsMatchHTMLTemplate builds every test site, the demo
// site and a generated one twice, with html/template alone and with
// tmplexec's programs, and wants every file byte for byte the same.
func TestTemplateProgramsMatchHTMLTemplate(t *testing.T) {
	sites := map[string]build.Options{}
	files, _ := filepath.Glob("testdata/sites/*.txtar")
	for _, file := range files {
		a, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		fsys := sitetest.Input(a)
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		sites[name] = build.Options{Source: fsys, Theme: minhbach.Theme, Now: sitetest.DefaultNow, NoMinify: true}
		sites[name+"/minified"] = build.Options{Source: fsys, Theme: minhbach.Theme, Now: sitetest.DefaultNow}
	}
	sites["demo"] = build.Options{Source: os.DirFS("../.."), Theme: minhbach.Theme, Now: sitetest.DefaultNow}
	if !testing.Short() {
		corpus := sitetest.Corpus(300, 7)
		sitetest.AddGazette(corpus, 300, 12, 7)
		sitetest.AddCatalogue(corpus, 100, 7)
		sites["generated"] = build.Options{Source: corpus, Theme: minhbach.Theme, Now: sitetest.DefaultNow}
	}
	ranBefore, fellBefore := tmplexec.Runs()
	for name, opt := range sites {
		want, wantDiags := buildFiles(t, opt, true)
		got, gotDiags := buildFiles(t, opt, false)
		if gotDiags != wantDiags {
			t.Errorf("%s: diagnostics\n%s\nwith html/template alone\n%s", name, gotDiags, wantDiags)
		}
		for _, p := range slices.Sorted(maps.Keys(want)) {
			if !bytes.Equal(got[p], want[p]) {
				t.Errorf("%s: %s differs from html/template's", name, p)
			}
		}
		if len(got) != len(want) {
			t.Errorf("%s: %d files, %d with html/template alone", name, len(got), len(want))
		}
	}
	ran, fell := tmplexec.Runs()
	ran, fell = ran-ranBefore, fell-fellBefore
	t.Logf("programs ran %d times, %d handed back to html/template", ran, fell)
	if ran == 0 || fell*10 > ran {
		t.Errorf("programs ran %d times and %d were handed back: most pages should run as programs", ran, fell)
	}
}

func buildFiles(t *testing.T, opt build.Options, htmlOnly bool) (map[string][]byte, string) {
	t.Helper()
	tmplexec.Off.Store(htmlOnly)
	defer tmplexec.Off.Store(false)
	mem := output.NewMemory()
	res, err := build.Build(context.Background(), opt, mem)
	if err != nil {
		return nil, err.Error()
	}
	return mem.Files, res.Diags.Format(0)
}
