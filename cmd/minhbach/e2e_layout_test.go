package main

// Layout test of the default theme at a phone's width (360 px) and a
// desktop's (1280 px): no page scrolls sideways, the header is on screen,
// pictures reserve their room (no layout shift), the reading aids of the
// header (text size, high contrast) work, persist on the next page, and
// are absent without JavaScript. Full-page and first-screen screenshots go
// to artifacts/screenshots/ (git-ignored; see shotsDir).
//
// Run it with: go test ./cmd/minhbach/ -run E2ELayout -v
// The rules of e2e_test.go (skip without chromium, fail under CI=true) hold.

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// headerJS describes the site header: on screen at the top of the page
// (below the language switcher of a site in several languages, the one
// thing allowed above it: top counts from the switcher's bottom), and
// whether the reading aids show.
const headerJS = `(() => {
	const h = document.querySelector("header.site-header"), r = h ? h.getBoundingClientRect() : null;
	const tools = document.querySelector(".site-header .toolbar");
	const sw = h && h.previousElementSibling && h.previousElementSibling.matches("nav.lang-switch") ? h.previousElementSibling : null;
	const above = sw ? sw.getBoundingClientRect().bottom : 0;
	return {
		found: !!h, top: r ? r.top - above : -1, height: r ? r.height : 0,
		tools: !!tools && tools.getBoundingClientRect().height > 0 && getComputedStyle(tools).display !== "none",
		mainText: (document.querySelector("main") || {innerText: ""}).innerText.trim().length,
	};
})()`

type headerView struct {
	Found    bool    `json:"found"`
	Top      float64 `json:"top"`
	Height   float64 `json:"height"`
	Tools    bool    `json:"tools"`
	MainText int     `json:"mainText"`
}

// sizelessJS lists the pictures of the page without width and height
// attributes: they would move the text under them as they load.
const sizelessJS = `Array.from(document.images).filter(i => !(i.getAttribute("width") > 0 && i.getAttribute("height") > 0)).map(i => i.outerHTML.slice(0, 160))`

// shiftJS is the cumulative layout shift of the page so far, as the
// browser measured it (Layout Instability API), and the elements moved.
const shiftJS = `new Promise(done => {
	const seen = [];
	new PerformanceObserver(list => {
		for (const e of list.getEntries()) if (!e.hadRecentInput) seen.push(e);
	}).observe({type: "layout-shift", buffered: true});
	requestAnimationFrame(() => requestAnimationFrame(() => done({
		cls: seen.reduce((s, e) => s + e.value, 0),
		moved: seen.flatMap(e => e.sources.map(s => s.node ? (s.node.nodeName + "." + (s.node.className || "")) : "?")).slice(0, 8),
	})));
})`

type shiftView struct {
	CLS   float64  `json:"cls"`
	Moved []string `json:"moved"`
}

// fontJS is the computed font size, in px, of the first paragraph of main.
const fontJS = `parseFloat(getComputedStyle(document.querySelector("main p") || document.querySelector("main")).fontSize)`

func TestE2ELayout(t *testing.T) {
	ctx, base, clean := startSite(t)

	// Pages of every kind, found by following links from lists.
	news := firstLink(t, ctx, base, "/tin-tuc/", ".news-item:has(img) h2 a", `^/tin-tuc/\d{4}/`)
	doc := firstLink(t, ctx, base, "/van-ban/", "main a", `^/van-ban/[^/]*\d[^/]*/$`)
	proc := firstLink(t, ctx, base, "/thu-tuc/linh-vuc/dat-dai/", "main a", `^/thu-tuc/\d[\d.]*/$`)
	clean("finding pages")
	pages := []struct{ name, url string }{
		{"home", "/"}, {"news-list", "/tin-tuc/"}, {"news", news}, {"document", doc},
		{"procedure", proc}, {"search", "/tim-kiem/"}, {"contact", "/lien-he/"}, {"404", "/404.html"},
	}

	for _, width := range []int64{360, 1280} {
		for _, p := range pages {
			stage := fmt.Sprintf("%s at %d px (%s)", p.name, width, p.url)
			openAt(t, ctx, stage, base+p.url, width)
			broken := browserRun(t, ctx, stage+": images", chromedp.Evaluate[[]string](imagesJS, chromedp.EvalAwaitPromise))
			for _, src := range broken {
				t.Errorf("%s: image did not load: %s", stage, src)
			}
			o := browserRun(t, ctx, stage+": overflow", chromedp.Evaluate[overflow](overflowJS))
			if err := o.check(int(width)); err != nil {
				t.Errorf("%s: %v", stage, err)
			}
			h := browserRun(t, ctx, stage+": header", chromedp.Evaluate[headerView](headerJS))
			switch {
			case !h.Found:
				t.Errorf("%s: no header.site-header", stage)
			case h.Top != 0 || h.Height < 40:
				t.Errorf("%s: header at top %g px, %g px high; want it at the top of the page", stage, h.Top, h.Height)
			case !h.Tools:
				t.Errorf("%s: the reading aids (text size, contrast) do not show with JavaScript on", stage)
			}
			if !browserRun(t, ctx, stage+": site title", chromedp.Evaluate[bool](shownJS(".site-header .brand-title"))) {
				t.Errorf("%s: the site title in the header is not on screen", stage)
			}
			// The main navigation: a bar of links, or on a phone the
			// "Menu" button that opens it (e2e_mobile_test.go).
			navSel := ".main-nav a"
			if width < 600 {
				navSel = ".site-header details.menu > summary"
			}
			if !browserRun(t, ctx, stage+": navigation", chromedp.Evaluate[bool](shownJS(navSel))) {
				t.Errorf("%s: the main navigation (%s) is not on screen", stage, navSel)
			}
			for _, img := range browserRun(t, ctx, stage+": picture sizes", chromedp.Evaluate[[]string](sizelessJS)) {
				t.Errorf("%s: picture without width and height (the page shifts as it loads): %s", stage, img)
			}
			if s := browserRun(t, ctx, stage+": layout shift", chromedp.Evaluate[shiftView](shiftJS, chromedp.EvalAwaitPromise)); s.CLS > 0.02 {
				t.Errorf("%s: cumulative layout shift %.3f, want ≤ 0.02; moved: %v", stage, s.CLS, s.Moved)
			}
			if p.name == "news" {
				// A phone gets a smaller copy of the lead photo from srcset.
				src := browserRun(t, ctx, stage+": lead photo", chromedp.Evaluate[string](`(document.querySelector("figure.lead-photo img") || {}).currentSrc || ""`))
				if small := strings.Contains(src, "/assets/anh/"); src == "" || small != (width < 600) {
					t.Errorf("%s: the lead photo loaded %q; want a smaller copy (/assets/anh/…) below 600 px and the original above", stage, src)
				}
			}
			saveShot(t, fmt.Sprintf("layout-%s-%d.png", p.name, width), browserRun(t, ctx, stage+": screenshot", chromedp.FullScreenshot(100)))
			saveShot(t, fmt.Sprintf("layout-%s-%d-top.png", p.name, width), browserRun(t, ctx, stage+": screenshot", chromedp.CaptureScreenshot()))
			clean(stage)
		}
	}

	// The text size: A+ on the news page enlarges the text, and the
	// choice holds on the next page; A++ does not make a phone's page
	// scroll sideways; A brings the text back.
	for _, width := range []int64{360, 1280} {
		stage := fmt.Sprintf("text size at %d px", width)
		openAt(t, ctx, stage, base+news, width)
		normal := browserRun(t, ctx, stage, chromedp.Evaluate[float64](fontJS))
		clickAid(t, ctx, stage, `button[data-font-scale="1.15"]`)
		larger := browserRun(t, ctx, stage, chromedp.Evaluate[float64](fontJS))
		if math.Abs(larger-normal*1.15) > 0.5 {
			t.Errorf("%s: A+ made the text %gpx from %gpx, want about %gpx", stage, larger, normal, normal*1.15)
		}
		pressed(t, ctx, stage+" after A+", `button[data-font-scale]`, []string{"false", "true", "false"})

		openAt(t, ctx, stage+": next page", base+doc, width)
		next := browserRun(t, ctx, stage+": next page", chromedp.Evaluate[float64](`parseFloat(getComputedStyle(document.documentElement).fontSize)`))
		if math.Abs(next-16*1.15) > 0.5 {
			t.Errorf("%s: on the next page the root font size is %gpx, want %gpx (the choice A+ did not persist)", stage, next, 16*1.15)
		}
		pressed(t, ctx, stage+" on the next page", `button[data-font-scale]`, []string{"false", "true", "false"})

		clickAid(t, ctx, stage, `button[data-font-scale="1.3"]`)
		o := browserRun(t, ctx, stage+": overflow at A++", chromedp.Evaluate[overflow](overflowJS))
		if err := o.check(int(width)); err != nil {
			t.Errorf("%s with A++: %v", stage, err)
		}
		saveShot(t, fmt.Sprintf("layout-document-%d-large-text.png", width), browserRun(t, ctx, stage, chromedp.CaptureScreenshot()))
		clickAid(t, ctx, stage, `button[data-font-scale="1"]`)
		if back := browserRun(t, ctx, stage, chromedp.Evaluate[float64](`parseFloat(getComputedStyle(document.documentElement).fontSize)`)); back != 16 {
			t.Errorf("%s: after A the root font size is %gpx, want 16px", stage, back)
		}
		clean(stage)
	}

	// High contrast: the switch turns the page white on black, and back.
	stage := "high contrast"
	openAt(t, ctx, stage, base+news, 360)
	clickAid(t, ctx, stage, `button[data-contrast]`)
	pressed(t, ctx, stage, `button[data-contrast]`, []string{"true"})
	bg := browserRun(t, ctx, stage, chromedp.Evaluate[string](`getComputedStyle(document.body).backgroundColor`))
	if bg != "rgb(0, 0, 0)" {
		t.Errorf("%s: body background %s, want black", stage, bg)
	}
	saveShot(t, "layout-news-360-high-contrast.png", browserRun(t, ctx, stage, chromedp.CaptureScreenshot()))
	openAt(t, ctx, stage+": next page", base+"/", 1280)
	browserRun(t, ctx, stage+": images", chromedp.Evaluate[[]string](imagesJS, chromedp.EvalAwaitPromise))
	saveShot(t, "layout-home-1280-high-contrast.png", browserRun(t, ctx, stage, chromedp.CaptureScreenshot()))
	clickAid(t, ctx, stage, `button[data-contrast]`)
	if bg := browserRun(t, ctx, stage, chromedp.Evaluate[string](`getComputedStyle(document.body).backgroundColor`)); bg != "rgb(255, 255, 255)" {
		t.Errorf("%s: switched off, the body background is %s, want white", stage, bg)
	}
	clean(stage)

	// Without JavaScript: no reading aids (they could not work), the page
	// is whole, and the saved choices of the reader are not applied.
	scripts(t, ctx, false)
	for _, width := range []int64{360, 1280} {
		stage := fmt.Sprintf("news without JavaScript at %d px", width)
		openAt(t, ctx, stage, base+news, width)
		h := browserRun(t, ctx, stage, chromedp.Evaluate[headerView](headerJS))
		if h.Tools {
			t.Errorf("%s: the reading aids show, but cannot work without JavaScript", stage)
		}
		if h.MainText < 200 {
			t.Errorf("%s: main holds %d characters of text, want the whole news item", stage, h.MainText)
		}
		o := browserRun(t, ctx, stage+": overflow", chromedp.Evaluate[overflow](overflowJS))
		if err := o.check(int(width)); err != nil {
			t.Errorf("%s: %v", stage, err)
		}
		saveShot(t, fmt.Sprintf("layout-news-%d-no-js.png", width), browserRun(t, ctx, stage, chromedp.CaptureScreenshot()))
		clean(stage)
	}
	scripts(t, ctx, true)
}

// scripts turns JavaScript on or off in the tab.
func scripts(t *testing.T, ctx context.Context, on bool) {
	t.Helper()
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !on})
		return err
	}))
	if err != nil {
		t.Fatalf("turn JavaScript on=%v: %v", on, err)
	}
}

// firstLink opens a list page and returns the first link of sel whose
// href matches pattern.
func firstLink(t *testing.T, ctx context.Context, base, from, sel, pattern string) string {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(base+from)); err != nil {
		t.Fatalf("open %s: %v", from, err)
	}
	href := browserRun(t, ctx, "find a link on "+from, chromedp.Evaluate[string](firstHrefJS(sel, pattern)))
	if href == "" {
		t.Fatalf("no link %s matching %s on %s", sel, pattern, from)
	}
	return href
}

// clickAid clicks a button of the header's reading aids.
func clickAid(t *testing.T, ctx context.Context, stage, sel string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".site-header "+sel))); err != nil {
		t.Fatalf("%s: click %s: %v", stage, sel, err)
	}
}

// pressed checks the aria-pressed states of the buttons matching sel.
func pressed(t *testing.T, ctx context.Context, stage, sel string, want []string) {
	t.Helper()
	got := browserRun(t, ctx, stage, chromedp.Evaluate[[]string](fmt.Sprintf(`Array.from(document.querySelectorAll(".site-header %s"), b => b.getAttribute("aria-pressed"))`, sel)))
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("%s: aria-pressed of %s is %q, want %q", stage, sel, got, want)
	}
}
