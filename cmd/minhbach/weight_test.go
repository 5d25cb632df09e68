package main

// Page-weight budgets of the default theme, checked on the demo site as
// built (minified): all CSS together at most 20 KB minified, and a news
// or procedure page at most 60 KB transferred without its photos: the HTML and the CSS
// and JavaScript it links, each gzipped as the server sends them (the
// build's own .gz twins). A KB here is 1000 bytes.

import (
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"

	"minhbach/internal/output"
)

const (
	cssBudget  = 20_000 // bytes of CSS, minified, all files together
	pageBudget = 60_000 // bytes transferred for a news or procedure page, gzipped, without photos
)

var (
	// tagRE finds the tags that make a browser fetch CSS or JavaScript.
	tagRE = regexp.MustCompile(`(?i)<(link|script)\b[^>]*>`)
	// attrRE reads one attribute of a tag, quoted or not.
	attrRE = regexp.MustCompile(`(?i)\s(rel|href|src)=(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))`)
)

// linkedAssets returns the site paths of the style sheets and scripts an
// HTML page loads.
func linkedAssets(page []byte) []string {
	var out []string
	for _, tag := range tagRE.FindAllSubmatch(page, -1) {
		attrs := map[string]string{}
		for _, a := range attrRE.FindAllSubmatch(tag[0], -1) {
			attrs[strings.ToLower(string(a[1]))] = string(a[2]) + string(a[3]) + string(a[4])
		}
		var u string
		switch strings.ToLower(string(tag[1])) {
		case "link":
			if slices.Contains(strings.Fields(strings.ToLower(attrs["rel"])), "stylesheet") {
				u = attrs["href"]
			}
		case "script":
			u = attrs["src"]
		}
		if u != "" {
			out = append(out, strings.TrimPrefix(u, "/"))
		}
	}
	return out
}

func TestLinkedAssets(t *testing.T) {
	page := `<link rel=stylesheet href=/assets/css/a.css><link rel="icon" href="/i.svg"><script>x()</script>` +
		`<link href='/b.css' rel='preload stylesheet'><script src="/assets/js/app.js" defer></script>`
	got := linkedAssets([]byte(page))
	want := []string{"assets/css/a.css", "b.css", "assets/js/app.js"}
	if !slices.Equal(got, want) {
		t.Errorf("linkedAssets = %q, want %q", got, want)
	}
}

// buildDemo builds the demo site at the repository root in memory,
// minified, as of 2026-11-23.
func buildDemo(t *testing.T) map[string][]byte {
	t.Helper()
	return buildSite(t, "../..")
}

func TestPageWeight(t *testing.T) {
	files := buildDemo(t)

	css := 0
	for p, data := range files {
		if path.Ext(p) == ".css" {
			css += len(data)
		}
	}
	if css == 0 {
		t.Fatal("the site has no CSS")
	}
	if css > cssBudget {
		t.Errorf("CSS %d bytes minified, over the budget of %d", css, cssBudget)
	}
	t.Logf("CSS: %d bytes minified (budget %d)", css, cssBudget)

	gz := func(p string) int {
		t.Helper()
		data, ok := files[p]
		if !ok {
			t.Fatalf("%s is linked but not in the site", p)
		}
		z, err := output.Gzip(data)
		if err != nil {
			t.Fatal(err)
		}
		return len(z)
	}
	// News pages and procedure pages, each with the CSS and JavaScript
	// it links, against the same budget.
	for _, kind := range []struct {
		name string
		re   *regexp.Regexp
		min  int
	}{
		{"news", regexp.MustCompile(`^tin-tuc/20\d\d/\d\d/[^/]+/index\.html$`), 10},
		{"procedure", regexp.MustCompile(`^thu-tuc/\d[\d.]*/index\.html$`), 10},
		// The English edition (issue 21): its news, pages, home, search
		// and 404, against the same budget.
		{"English news", regexp.MustCompile(`^en/news/20\d\d/\d\d/[^/]+/index\.html$`), 5},
		{"English", regexp.MustCompile(`^en/(index\.html|404\.html|search/index\.html|(about|contact|organisational-structure)/index\.html)$`), 6},
	} {
		var pages []string
		for p := range files {
			if kind.re.MatchString(p) {
				pages = append(pages, p)
			}
		}
		slices.Sort(pages)
		if len(pages) < kind.min {
			t.Fatalf("found %d %s pages, want the demo's", len(pages), kind.name)
		}
		heaviest, most := "", 0
		for _, p := range pages {
			total := gz(p)
			assets := linkedAssets(files[p])
			if len(assets) == 0 {
				t.Errorf("%s links no CSS or JavaScript: the test cannot find them", p)
			}
			for _, a := range assets {
				total += gz(a)
			}
			if total > pageBudget {
				t.Errorf("%s page %s: %d bytes gzipped with %v, over the budget of %d", kind.name, p, total, assets, pageBudget)
			}
			if total > most {
				heaviest, most = p, total
			}
		}
		t.Logf("heaviest %s page: %s, %d bytes gzipped with its CSS and JS (budget %d)", kind.name, heaviest, most, pageBudget)
	}
}
