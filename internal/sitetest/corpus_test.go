package sitetest_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"minhbach"
	"minhbach/internal/build"
	"minhbach/internal/output"
	"minhbach/internal/sitetest"
)

func TestCorpusBuilds(t *testing.T) {
	const n = 50
	mem := output.NewMemory()
	opt := build.Options{Source: sitetest.Corpus(n, 1), Theme: minhbach.Theme, Now: sitetest.DefaultNow}
	res, err := build.Build(context.Background(), opt, mem)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	if errs, warns := res.Diags.Count(); errs != 0 || warns != 0 {
		t.Fatalf("Corpus(%d, 1) built with %d errors, %d warnings, want none:\n%s", n, errs, warns, res.Diags.Format(0))
	}
	if got := len(res.Site.News); got != n {
		t.Errorf("Corpus(%d, 1) has %d news items, want %d", n, got, n)
	}
	if got := len(res.Site.Pages); got != 3 {
		t.Errorf("Corpus(%d, 1) has %d plain pages, want 3", n, got)
	}
	if got := len(res.Site.Categories); got < 2 {
		t.Errorf("Corpus(%d, 1) has %d categories, want several", n, got)
	}
	for _, news := range res.Site.News {
		// The body, after the front matter (a build's site lets go of
		// the Markdown once converted).
		_, body, _ := strings.Cut(strings.TrimPrefix(string(opt.Source.(fstest.MapFS)[news.Path].Data), "---\n"), "\n---\n")
		words := len(strings.Fields(body))
		if words < 300 || words > 700 {
			t.Errorf("%s: body of %d words, want 300 to 700", news.Path, words)
		}
	}
}

func TestCorpusDeterministic(t *testing.T) {
	a, b := sitetest.Corpus(50, 1), sitetest.Corpus(50, 1)
	if len(a) != len(b) {
		t.Fatalf("Corpus(50, 1) gave %d files, then %d", len(a), len(b))
	}
	for name, f := range a {
		if g, ok := b[name]; !ok || !bytes.Equal(f.Data, g.Data) {
			t.Errorf("Corpus(50, 1): %s differs between two calls", name)
		}
	}
	if c := sitetest.Corpus(50, 2); equalFS(a, c) {
		t.Errorf("Corpus(50, 1) and Corpus(50, 2) are the same, want different seeds to differ")
	}
}

func TestWriteCorpus(t *testing.T) {
	dir := t.TempDir()
	if err := sitetest.WriteCorpus(dir, 5, 1); err != nil {
		t.Fatal(err)
	}
	for name, f := range sitetest.Corpus(5, 1) {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		} else if !bytes.Equal(got, f.Data) {
			t.Errorf("WriteCorpus: %s differs from Corpus", name)
		}
	}
	files, err := fs.Glob(os.DirFS(dir), "content/news/*/*.md")
	if err != nil || len(files) != 5 {
		t.Errorf("WriteCorpus(5): news files %v (%v), want 5", files, err)
	}
}

func equalFS(a, b fstest.MapFS) bool {
	if len(a) != len(b) {
		return false
	}
	for name, f := range a {
		if g, ok := b[name]; !ok || !bytes.Equal(f.Data, g.Data) {
			return false
		}
	}
	return true
}
