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
