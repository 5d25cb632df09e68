package sitetest_test

import (
	"context"
	"testing"

	"minhbach"
	"minhbach/internal/build"
	"minhbach/internal/output"
	"minhbach/internal/sitetest"
)

func TestGazetteCorpusBuilds(t *testing.T) {
	fsys := sitetest.Corpus(20, 1)
	sitetest.AddGazette(fsys, 300, 10, 1)
	mem := output.NewMemory()
	res, err := build.Build(context.Background(), build.Options{Source: fsys, Theme: minhbach.Theme, Now: sitetest.DefaultNow}, mem)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diags) != 0 {
		t.Fatalf("diagnostics:\n%s", res.Diags.Format(20))
	}
	if got := len(res.Site.Gazette.Documents); got != 300 {
		t.Errorf("%d documents, want 300", got)
	}
	if got := len(res.Site.Gazette.Issues); got != 10 {
		t.Errorf("%d issues, want 10", got)
	}
	back := 0
	for _, d := range res.Site.Gazette.Documents {
		back += len(d.Back)
	}
	if back < 30 {
		t.Errorf("only %d relations between documents", back)
	}
}

func TestCatalogueCorpusBuilds(t *testing.T) {
	fsys := sitetest.Corpus(5, 1)
	sitetest.AddGazette(fsys, 50, 5, 1)
	sitetest.AddCatalogue(fsys, 300, 1)
	mem := output.NewMemory()
	res, err := build.Build(context.Background(), build.Options{Source: fsys, Theme: minhbach.Theme, Now: sitetest.DefaultNow}, mem)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diags) != 0 {
		t.Fatalf("diagnostics:\n%s", res.Diags.Format(20))
	}
	c := res.Site.Catalogue
	if len(c.Procedures) != 300 || len(c.Listed) != 288 {
		t.Errorf("%d procedures, %d listed; want 300 and 288 (one in 25 abolished)", len(c.Procedures), len(c.Listed))
	}
	published := 0
	for _, d := range res.Site.Gazette.Documents {
		published += len(d.Published())
	}
	if published != 300 || len(c.Fields) < 10 || len(c.Levels) != 3 {
		t.Errorf("%d procedures linked from their decisions (want 300), %d fields, %d levels", published, len(c.Fields), len(c.Levels))
	}
}
