package build_test

import (
	"context"
	"fmt"
	"testing"

	"minhbach"
	"minhbach/internal/build"
	"minhbach/internal/output"
	"minhbach/internal/sitetest"
)

// BenchmarkBuild builds a generated news corpus (sitetest.Corpus) in
// memory, minified, as `minhbach build` does without the disk. pages/s
// counts the HTML pages written: news, lists, term pages and plain pages.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("pages=%d", n), func(b *testing.B) {
			if n > 1000 && testing.Short() {
				b.Skip("skipped in -short mode")
			}
			opt := build.Options{Source: sitetest.Corpus(n, 1), Theme: minhbach.Theme, Now: sitetest.DefaultNow}
			ctx := context.Background()
			pages, runs := 0, 0
			b.ReportAllocs()
			for b.Loop() {
				res, err := build.Build(ctx, opt, output.NewMemory())
				if err != nil {
					b.Fatal(err)
				}
				if res.Diags.HasErrors() {
					b.Fatalf("build errors:\n%s", res.Diags.Format(20))
				}
				pages = res.Pages
				runs++
			}
			b.ReportMetric(float64(pages*runs)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}

// discard is a sink that keeps nothing, so that a benchmark measures the
// build's own memory rather than the site held in memory.
type discard struct{}

func (discard) Put(string, []byte) error { return nil }

// BenchmarkCatalogue builds a small portal with a CSV catalogue of 5 000
// procedures into a sink that keeps nothing.
func BenchmarkCatalogue(b *testing.B) {
	fsys := sitetest.Corpus(50, 1)
	sitetest.AddGazette(fsys, 200, 10, 1)
	sitetest.AddCatalogue(fsys, 5000, 1)
	opt := build.Options{Source: fsys, Theme: minhbach.Theme, Now: sitetest.DefaultNow}
	b.ReportAllocs()
	for b.Loop() {
		res, err := build.Build(context.Background(), opt, discard{})
		if err != nil {
			b.Fatal(err)
		}
		if res.Diags.HasErrors() {
			b.Fatalf("build errors:\n%s", res.Diags.Format(20))
		}
	}
}
