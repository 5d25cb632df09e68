package render

import (
	"bytes"
	"os"
	"testing"
	"time"

	"minhbach/internal/config"
	"minhbach/internal/model"
	"minhbach/internal/tmplexec"
)

// benchSite is the configuration of a site in Vietnamese only, as the
// generated corpora of bench/ are.
const benchSite = "title: Cổng thông tin điện tử tỉnh Sơn Hà\nbase_url: https://sonha.gov.vn/\nlanguage: vi\n" +
	"menus:\n  main:\n    - {name: Trang chủ, url: /, weight: 1}\n    - {name: Tin tức, url: /tin-tuc/, weight: 2}\n"

// BenchmarkPage renders one page of each common kind with the theme's
// layouts (a site in Vietnamese only, not minified), as
// a build does for each of its pages: the figures are the time and the
// allocations of the templates, for comparing a layout change.
//
//	go test -run XXX -bench Page -benchmem ./internal/render
//	BENCH_HTML_TEMPLATE=1 go test -run XXX -bench Page -benchmem ./internal/render
func BenchmarkPage(b *testing.B) {
	// Time the pages as a build runs them, not also with html/template
	// (TestMain's check); BENCH_HTML_TEMPLATE=1 times html/template alone.
	tmplexec.Verify.Store(false)
	tmplexec.Off.Store(os.Getenv("BENCH_HTML_TEMPLATE") != "")
	b.Cleanup(func() { tmplexec.Verify.Store(true); tmplexec.Off.Store(false) })
	o := demoOptions(b)
	site, d := config.Load([]byte(benchSite))
	if d.HasErrors() {
		b.Fatal(d.Format(5))
	}
	o.Site, o.ThemeChrome = site, true
	day := time.Date(2026, 11, 2, 8, 0, 0, 0, model.Zone)
	s := &model.Site{Updated: day}
	cat := threeNews(s, day)
	s.Categories = []*model.Taxon{cat}
	// A list of 20 items, as paginate: 20 gives (the three news again and
	// again: a build renders each item once and splices it after).
	items := make([]*model.News, 20)
	for i := range items {
		items[i] = s.News[i%len(s.News)]
	}
	s.Lists = []*model.List[*model.News]{{Kind: "news", Title: "Tin tức", URL: "/tin-tuc/", Items: items,
		Pager: model.Pager{Number: 2, Total: 9, Pages: []string{"/tin-tuc/", "/tin-tuc/trang/2/", "/tin-tuc/trang/3/", "/tin-tuc/trang/4/", "/tin-tuc/trang/5/", "/tin-tuc/trang/6/", "/tin-tuc/trang/7/", "/tin-tuc/trang/8/", "/tin-tuc/trang/9/"}}}}
	o.Languages, o.Strings = []string{"vi"}, themeTables(b, "vi")
	r, d := New(o)
	if d.HasErrors() {
		b.Fatal(d.Format(5))
	}
	jobs := map[string]Job{}
	for _, j := range r.Jobs(s, Inputs{SearchIndex: "/tim-kiem/index/x/manifest.json"}) {
		jobs[j.Path] = j
	}
	for _, c := range []struct{ name, path string }{
		{"news", "tin-tuc/2026/11/tin-a/index.html"},
		{"news-list", "tin-tuc/index.html"},
	} {
		j, ok := jobs[c.path]
		if !ok || j.To == nil {
			b.Fatalf("no page job %s", c.path)
		}
		b.Run(c.name, func(b *testing.B) {
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := j.To(&buf); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len()), "bytes/page")
		})
	}
}
