package build_test

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"minhbach/internal/sitetest"
)

// TestChromeCachedSameAsRendered builds each test site twice: as it is,
// where the theme's header and footer are rendered once per language and
// current menu item, and the items of lists (news, documents, procedures)
// once per record, language and level, and with one partial of the site's
// own added, which turns that off so that every page renders them. Every
// file must be the same: a page's current menu item, language, home and
// search page states all reach the cached header, and a list item shows
// the same wherever it is listed. It does so unminified and minified: a
// minified build minifies each cached fragment once and splices it into
// pages already minified (render/splice.go), and must give the bytes of
// minifying every page whole.
func TestChromeCachedSameAsRendered(t *testing.T) {
	files, _ := filepath.Glob("testdata/sites/*.txtar")
	// As they are (a few minified), then all minified.
	for _, minify := range []bool{false, true} {
		pages, items, spliced := 0, 0, 0
		for _, f := range files {
			if strings.Contains(f, "error") || strings.Contains(f, "missing") || strings.Contains(f, "override") {
				continue
			}
			a, err := txtar.ParseFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if minify {
				a.Comment = append(slices.Clone(a.Comment), "\nminify: true\n"...)
			}
			cached := sitetest.Build(t, a)
			b := &txtar.Archive{Comment: a.Comment, Files: slices.Clone(a.Files)}
			b.Files = append(b.Files, txtar.File{Name: "layouts/partials/zz-rieng.html", Data: []byte(`{{define "zz-rieng"}}{{end}}`)})
			rendered := sitetest.Build(t, b)
			if !slices.Equal(cached.Paths(), rendered.Paths()) {
				t.Errorf("%s: files differ", f)
				continue
			}
			spliced += cached.Result.Spliced
			if rendered.Result.Spliced != 0 {
				t.Errorf("%s: %d fragments spliced into a site with its own partials", f, rendered.Result.Spliced)
			}
			for p, data := range cached.Files {
				if !bytes.Equal(data, rendered.Files[p]) {
					t.Errorf("%s (minified %v): %s differs when the header and footer are rendered for every page", filepath.Base(f), minify, p)
				}
				if bytes.Contains(data, []byte("data-minhbach-")) {
					t.Errorf("%s: %s keeps a fragment's placeholder", filepath.Base(f), p)
				}
				if strings.HasSuffix(p, ".html") && bytes.Contains(data, []byte(`class="site-header"`)) {
					pages++
				}
				for _, c := range []string{`class="news-item"`, `class="doc-item"`, `class="proc-item"`, `<li><a href="/tin-tuc/`} {
					items += bytes.Count(data, []byte(c))
				}
			}
		}
		if pages < 100 || items < 300 {
			t.Errorf("minified %v: only %d pages with a header and %d list items compared", minify, pages, items)
		}
		// Each page has a header and a footer at least.
		if minify && spliced < 2*pages {
			t.Errorf("minified: %d fragments spliced into %d pages with a header", spliced, pages)
		}
	}
}

// TestOwnItemShowsOnLists: a site with its own news item partial gets it
// on every list, and the theme's layouts still list every item.
func TestOwnItemShowsOnLists(t *testing.T) {
	a := txtar.Parse([]byte(`-- site.yaml --
title: Cổng thử
base_url: https://example.gov.vn/
-- layouts/partials/news-item.html --
{{define "news-item"}}<p class="own-item" data-level="{{.Level}}">{{.News.Title}}</p>{{end}}
-- content/news/2026/tin-thu-nhat.md --
---
title: Tin thứ nhất
date: 2026-01-01
category: Tin hoạt động
---
Một.
-- content/news/2026/tin-thu-hai.md --
---
title: Tin thứ hai
date: 2026-01-02
category: Tin hoạt động
---
Hai.
`))
	s := sitetest.Build(t, a)
	for p, want := range map[string][]string{
		"tin-tuc/index.html": {`<p class="own-item" data-level="2">Tin thứ nhất</p>`, `<p class="own-item" data-level="2">Tin thứ hai</p>`},
		"index.html":         {`<p class="own-item" data-level="3">Tin thứ nhất</p>`},
	} {
		for _, w := range want {
			if got := string(s.Files[p]); !strings.Contains(got, w) {
				t.Errorf("%s lacks %q (errors: %s)", p, w, s.Errors)
			}
		}
	}
}

// TestOwnHeaderShowsEachPage: a site whose header shows the page's own
// title (its partials/header.html) gets it on every page, not the first
// page's header again.
func TestOwnHeaderShowsEachPage(t *testing.T) {
	a := txtar.Parse([]byte(`-- site.yaml --
title: Cổng thử
base_url: https://example.gov.vn/
-- layouts/partials/header.html --
{{define "header"}}<header class="site-header"><p class="own">Đang xem: {{.Title}}</p></header>{{end}}
{{define "menu-links"}}{{end}}
-- content/news/2026/tin-thu-nhat.md --
---
title: Tin thứ nhất
date: 2026-01-01
category: Tin hoạt động
---
Một.
-- content/news/2026/tin-thu-hai.md --
---
title: Tin thứ hai
date: 2026-01-02
category: Tin hoạt động
---
Hai.
`))
	s := sitetest.Build(t, a)
	for p, want := range map[string]string{
		"tin-tuc/2026/01/tin-thu-nhat/index.html": "Đang xem: Tin thứ nhất",
		"tin-tuc/2026/01/tin-thu-hai/index.html":  "Đang xem: Tin thứ hai",
	} {
		if got := string(s.Files[p]); !strings.Contains(got, want) {
			t.Errorf("%s lacks %q (errors: %s)", p, want, s.Errors)
		}
	}
}
