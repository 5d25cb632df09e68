package main

// Accessibility test: axe-core (the npm package) injected into every kind
// of page of the demo site in headless Chromium, at WCAG 2.1 A and AA.
// Any violation fails the test, reported by rule id, impact and the CSS
// selectors of the elements at fault.
//
// Run it with: go test ./cmd/minhbach/ -run E2EAccessibility -v
// It needs chromium (see e2e_test.go) and axe-core: .ci/run installs it
// with npm into /usr/local/lib/minhbach-test; MINHBACH_AXE may name
// another axe.min.js. Without either the test skips, except under
// CI=true, where it fails.

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// axeDefault is where .ci/run installs axe-core.
const axeDefault = "/usr/local/lib/minhbach-test/node_modules/axe-core/axe.min.js"

// needAxe returns the source of axe.min.js, or skips the test (fails it
// under CI=true) when it is not installed.
func needAxe(t *testing.T) string {
	t.Helper()
	file := axeDefault
	if f := os.Getenv("MINHBACH_AXE"); f != "" {
		file = f
	}
	src, err := os.ReadFile(file)
	if err != nil {
		skipOrFail(t, fmt.Sprintf("axe-core not found (%v): run npm install --prefix /usr/local/lib/minhbach-test axe-core, or set MINHBACH_AXE to an axe.min.js", err))
	}
	return string(src)
}

// axeRunJS runs axe on the whole document with the WCAG 2.1 A and AA rules
// and returns the violations, each with the elements at fault.
const axeRunJS = `(async () => {
	const r = await axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, resultTypes: ["violations"]});
	return {
		passes: r.passes.length,
		violations: r.violations.map(v => ({
			id: v.id, impact: v.impact || "", help: v.help,
			nodes: v.nodes.map(n => ({target: n.target.map(String).join(" "), summary: n.failureSummary || ""})),
		})),
	};
})()`

type axeNode struct {
	Target  string `json:"target"`
	Summary string `json:"summary"`
}

type axeViolation struct {
	ID     string    `json:"id"`
	Impact string    `json:"impact"`
	Help   string    `json:"help"`
	Nodes  []axeNode `json:"nodes"`
}

type axeResult struct {
	Passes     int            `json:"passes"`
	Violations []axeViolation `json:"violations"`
}

// runAxe injects axe into the page loaded in ctx, runs it and fails the
// test with one error per violated rule.
func runAxe(t *testing.T, ctx context.Context, stage, axeSrc string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](axeSrc+";\ntrue")); err != nil {
		t.Fatalf("%s: inject axe-core: %v", stage, err)
	}
	res := browserRun(t, ctx, stage+": axe.run", chromedp.Evaluate[axeResult](axeRunJS, chromedp.EvalAwaitPromise))
	if res.Passes == 0 {
		t.Errorf("%s: axe-core checked no rule at all: did the page load?", stage)
	}
	for _, v := range res.Violations {
		var b strings.Builder
		for i, n := range v.Nodes {
			if i == 5 {
				fmt.Fprintf(&b, "\n    … and %d more", len(v.Nodes)-5)
				break
			}
			fmt.Fprintf(&b, "\n    %s\n      %s", n.Target, strings.ReplaceAll(n.Summary, "\n", "\n      "))
		}
		t.Errorf("%s: axe %s (%s): %s, %d element(s):%s", stage, v.ID, v.Impact, v.Help, len(v.Nodes), b.String())
	}
	t.Logf("%s: axe-core: %d rules passed, %d violated", stage, res.Passes, len(res.Violations))
}

// firstHrefJS returns the first href in the page matching a pattern, or "".
func firstHrefJS(sel, pattern string) string {
	return fmt.Sprintf(`(Array.from(document.querySelectorAll(%q), a => a.getAttribute("href")).find(h => new RegExp(%q).test(h)) || "")`, sel, pattern)
}

func TestE2EAccessibility(t *testing.T) {
	axeSrc := needAxe(t)
	ctx, base, clean := startSite(t)

	// Find a page of each kind by following the site's own links.
	find := func(from, sel, pattern string) string { return firstLink(t, ctx, base, from, sel, pattern) }
	news := find("/tin-tuc/", ".news-item:has(img) h2 a", `^/tin-tuc/\d{4}/`)
	doc := find("/van-ban/", "main a", `^/van-ban/[^/]*\d[^/]*/$`)
	proc := find("/thu-tuc/linh-vuc/ho-tich/", "main a", `^/thu-tuc/\d[\d.]*/$`)
	issue := find("/cong-bao/", "main a", `^/cong-bao/\d{4}/so-`)
	clean("finding pages")

	pages := []struct{ name, url, wait string }{
		{"home", "/", ""},
		{"news list", "/tin-tuc/", ""},
		{"news page", news, ""},
		{"404 page", "/404.html", ""},
		{"gazette issue", issue, ""},
		{"document page", doc, ""},
		{"procedure page", proc, ""},
		{"procedure catalogue", "/thu-tuc/", ""},
		{"contact page", "/lien-he/", ""},
		{"search page", "/tim-kiem/", ""},
		{"Xác thực page", "/xac-thuc/", ""},
		{"statistics", "/thong-ke/", ""},
		{"statistics of a period", "/thong-ke/2026-quy-3/", ""},
		{"disclosure catalogue", "/danh-muc-cong-khai/", ""},
		{"draft for comment", "/du-thao/quan-ly-cay-xanh-do-thi/", ""},
		{"drafts for comment", "/du-thao/", ""},
		{"budget disclosure", "/ngan-sach/du-toan-2026/", ""},
		{"public investment project", "/du-an/duong-tinh-712/", ""},
		{"search results", "/tim-kiem/?q=thu+tuc+dat+dai", "#ket-qua .result"},
		// The English edition (issue 21).
		{"English home", "/en/", ""},
		{"English page", "/en/contact/", ""},
		{"English news page", englishNews, ""},
		{"English 404 page", "/en/404.html", ""},
		{"English search page", "/en/search/", ""},
		{"English search results", "/en/search/?q=son+ha", "#ket-qua .result"},
	}
	for _, width := range []int64{1280, 360} {
		for _, p := range pages {
			stage := fmt.Sprintf("%s %s at %d px", p.name, p.url, width)
			openAt(t, ctx, stage, base+p.url, width)
			if p.wait != "" {
				wctx, cancel := context.WithTimeout(ctx, 10*time.Second)
				err := chromedp.Do(wctx, chromedp.WaitVisible(chromedp.CSS(p.wait)))
				cancel()
				if err != nil {
					t.Fatalf("%s: waiting for %s: %v", stage, p.wait, err)
				}
			}
			runAxe(t, ctx, stage, axeSrc)
			clean(stage)
		}
	}

	// High contrast: switch it on with its button, as a reader would; the
	// choice holds on the next pages.
	openAt(t, ctx, "high contrast", base+news, 1280)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(contrastButton))); err != nil {
		t.Fatalf("click the high-contrast button %s: %v", contrastButton, err)
	}
	for _, p := range pages[:4] {
		stage := fmt.Sprintf("%s %s in high contrast", p.name, p.url)
		openAt(t, ctx, stage, base+p.url, 1280)
		if on := browserRun(t, ctx, stage, chromedp.Evaluate[string](`document.documentElement.dataset.contrast || ""`)); on != "high" {
			t.Fatalf("%s: <html data-contrast> is %q, want \"high\" (the choice did not persist)", stage, on)
		}
		runAxe(t, ctx, stage, axeSrc)
		clean(stage)
	}
}

// contrastButton is the high-contrast switch in the header.
const contrastButton = `.site-header button[data-contrast]`

// openAt loads url at a viewport width (a phone below 600 px) and waits
// for the page's load event.
func openAt(t *testing.T, ctx context.Context, stage, url string, width int64) {
	t.Helper()
	vp := chromedp.EmulateViewport(width, 900)
	if width < 600 {
		vp = chromedp.EmulateViewport(width, 800, chromedp.EmulateMobile)
	}
	if err := chromedp.Do(ctx, vp, chromedp.Navigate(url)); err != nil {
		t.Fatalf("%s: %v", stage, err)
	}
}
