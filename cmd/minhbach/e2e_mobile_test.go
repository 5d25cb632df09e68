package main

// Phone tests of the default theme, as a citizen on a 360 px or 320 px
// phone uses it:
//
//   - TestE2EMobileHeader (demo site, 360×740): the main menu is collapsed
//     behind a "Menu" button, with JavaScript and without, that screen
//     readers announce as a collapsed or expanded button; the header takes
//     at most 25 % of the first screen at text size A and 40 % at A++; the
//     home page shows the search box and the procedure finder within its
//     first two screens.
//   - TestE2EReflow (testdata/reflow, a site of hard cases: portrait and
//     SVG lead pictures, wide tables, long document numbers, SHA-256
//     strings): no page of any kind scrolls sideways at 320 px (WCAG 2.1,
//     1.4.10), at text size A and A++ and without JavaScript; wide tables
//     scroll in their own box, which takes the keyboard focus and has a
//     name.
//
// Run them with: go test ./cmd/minhbach/ -run 'E2EMobile|E2EReflow' -v
// The rules of e2e_test.go (skip without chromium, fail under CI=true)
// hold. Screenshots go to artifacts/screenshots/mobile-*.png.

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"
)

// phoneHeight is the height of the first screen of a 360×740 phone.
const phoneHeight = 740

// openPhone opens url in a phone's viewport of width×phoneHeight.
func openPhone(t *testing.T, ctx context.Context, stage, url string, width int64) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, phoneHeight, chromedp.EmulateMobile), chromedp.Navigate(url)); err != nil {
		t.Fatalf("%s: %v", stage, err)
	}
}

// setTextSize stores a text size of the header's reading aids ("1" for A,
// "1.3" for A++) as a reader's earlier choice, for the pages opened next.
func setTextSize(t *testing.T, ctx context.Context, scale string) {
	t.Helper()
	js := `localStorage.removeItem("minhbach:font-scale"); true`
	if scale != "1" {
		js = fmt.Sprintf(`localStorage.setItem("minhbach:font-scale", %q); true`, scale)
	}
	browserRun(t, ctx, "set the text size "+scale, chromedp.Evaluate[bool](js))
}

// menuJS describes the main menu: which navigation links are on screen,
// and the "Menu" button of small screens.
const menuJS = `(() => {
	// checkVisibility: the content of a closed <details> keeps its boxes,
	// but is not rendered (content-visibility: hidden).
	const shown = e => { const r = e.getBoundingClientRect(); return r.width > 1 && r.height > 1 && e.checkVisibility({visibilityProperty: true, contentVisibilityAuto: true}) && r.left >= 0 && r.right <= innerWidth + 0.5 };
	const links = Array.from(document.querySelectorAll('.site-header nav[aria-label="Điều hướng chính"] a')).filter(shown);
	const b = document.querySelector(".site-header details.menu > summary");
	return {
		links: links.map(a => a.textContent.trim()),
		button: !!b && shown(b), buttonText: b ? b.textContent.trim() : "",
		open: !!b && b.parentElement.open,
		navs: Array.from(document.querySelectorAll("nav")).filter(n => n.getClientRects().length > 0 && n.getAttribute("aria-label") === "Điều hướng chính").length,
	};
})()`

type menuView struct {
	Links      []string `json:"links"`
	Button     bool     `json:"button"`
	ButtonText string   `json:"buttonText"`
	Open       bool     `json:"open"`
	Navs       int      `json:"navs"`
}

// headerShareJS is the height of the site header and its share of the
// first screen.
const headerShareJS = `(() => { const h = document.querySelector("header.site-header").getBoundingClientRect().height; return {height: h, share: h / innerHeight} })()`

type share struct {
	Height float64 `json:"height"`
	Share  float64 `json:"share"`
}

// axButton reads what a screen reader is told of the first element for
// sel: its role, name and expanded state, from Chromium's accessibility
// tree.
func axButton(t *testing.T, ctx context.Context, stage, sel string) (role, name, expanded string) {
	t.Helper()
	nodes := browserRun(t, ctx, stage+": find "+sel, chromedp.Nodes(chromedp.CSS(sel)))
	if len(nodes) == 0 {
		t.Fatalf("%s: no %s", stage, sel)
	}
	res, err := chromedp.Run(ctx, func(ctx context.Context, tg *chromedp.Target) (accessibility.GetPartialAXTreeResult, error) {
		return cdp.Call(ctx, tg, accessibility.GetPartialAXTree, accessibility.GetPartialAXTreeParams{BackendNodeID: nodes[0].BackendNodeID, FetchRelatives: ptr(false)})
	})
	if err != nil || len(res.Nodes) == 0 {
		t.Fatalf("%s: accessibility tree of %s: %v", stage, sel, err)
	}
	value := func(v *accessibility.Value) string {
		if v == nil {
			return ""
		}
		var s any
		if json.Unmarshal([]byte(v.Value), &s) != nil {
			return string(v.Value)
		}
		return fmt.Sprint(s)
	}
	n := res.Nodes[0]
	role, name = value(n.Role), value(n.Name)
	for _, p := range n.Properties {
		if p.Name == accessibility.PropertyNameExpanded {
			expanded = value(p.Value)
		}
	}
	return role, name, expanded
}

// checkMenuCollapsed checks the header at a phone's width: the menu's
// links are hidden behind a "Menu" button, announced as a collapsed
// button; a click (or a tap) opens it and shows every link; a second
// click closes it.
func checkMenuCollapsed(t *testing.T, ctx context.Context, stage string) {
	t.Helper()
	m := browserRun(t, ctx, stage+": menu", chromedp.Evaluate[menuView](menuJS))
	if len(m.Links) != 0 || m.Open {
		t.Errorf("%s: the main menu is not collapsed: links on screen %q, open %v", stage, m.Links, m.Open)
	}
	if !m.Button || m.ButtonText != "Menu" {
		t.Fatalf("%s: no \"Menu\" button on screen (found %v, text %q)", stage, m.Button, m.ButtonText)
	}
	const summary = ".site-header details.menu > summary"
	role, name, expanded := axButton(t, ctx, stage, summary)
	// Chromium names the role of a <summary> DisclosureTriangle, and
	// screen readers announce it as a button.
	if (role != "DisclosureTriangle" && role != "button") || name != "Menu" || expanded != "false" {
		t.Errorf("%s: the Menu button is announced as role %q, name %q, expanded %q; want a button \"Menu\", expanded false", stage, role, name, expanded)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(summary))); err != nil {
		t.Fatalf("%s: tap Menu: %v", stage, err)
	}
	m = browserRun(t, ctx, stage+": menu opened", chromedp.Evaluate[menuView](menuJS))
	if !m.Open || len(m.Links) < 3 || m.Navs != 1 {
		t.Errorf("%s: after a tap on Menu: open %v, links on screen %q, main navigations shown %d; want it open with every link in one navigation", stage, m.Open, m.Links, m.Navs)
	}
	if _, _, expanded := axButton(t, ctx, stage, summary); expanded != "true" {
		t.Errorf("%s: opened, the Menu button is announced with expanded %q, want true", stage, expanded)
	}
	saveShot(t, "mobile-"+shotName(stage)+"-menu-open.png", browserRun(t, ctx, stage, chromedp.CaptureScreenshot()))
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(summary))); err != nil {
		t.Fatalf("%s: tap Menu again: %v", stage, err)
	}
	if m = browserRun(t, ctx, stage+": menu closed", chromedp.Evaluate[menuView](menuJS)); m.Open || len(m.Links) != 0 {
		t.Errorf("%s: a second tap on Menu did not close it: open %v, links %q", stage, m.Open, m.Links)
	}
}

func shotName(stage string) string {
	return strings.NewReplacer(" ", "-", "/", "-", "(", "", ")", "", "+", "p", ",", "").Replace(stage)
}

func TestE2EMobileHeader(t *testing.T) {
	ctx, base, clean := startSite(t)
	proc := firstLink(t, ctx, base, "/thu-tuc/linh-vuc/ho-tich/", "main a", `^/thu-tuc/\d[\d.]*/$`)
	clean("finding pages")
	pages := []struct{ name, url string }{
		{"home", "/"}, {"news", "/tin-tuc/2025/01/tong-ket-cong-tac-cong-bao-nam-2024/"}, {"procedure", proc}, {"search", "/tim-kiem/"},
	}

	// The header's share of the first screen, at A and A++.
	for _, size := range []struct {
		name, scale string
		most        float64
	}{{"A", "1", 0.25}, {"A++", "1.3", 0.40}} {
		openPhone(t, ctx, "text size", base+"/", 360)
		setTextSize(t, ctx, size.scale)
		for _, p := range pages {
			stage := fmt.Sprintf("%s at 360 px, text size %s", p.name, size.name)
			openPhone(t, ctx, stage, base+p.url, 360)
			s := browserRun(t, ctx, stage+": header", chromedp.Evaluate[share](headerShareJS))
			t.Logf("%s: the header is %.0f px high, %.1f %% of the first screen (%d px)", stage, s.Height, 100*s.Share, phoneHeight)
			if s.Share > size.most {
				t.Errorf("%s: the header takes %.1f %% of the first screen, want at most %.0f %%", stage, 100*s.Share, 100*size.most)
			}
			saveShot(t, "mobile-"+shotName(stage)+".png", browserRun(t, ctx, stage, chromedp.CaptureScreenshot()))
			if p.name == "home" || p.name == "search" {
				checkMenuCollapsed(t, ctx, stage)
			}
			clean(stage)
		}
	}
	setTextSize(t, ctx, "1")

	// The home page on a phone: the search box and the procedure finder
	// are within the first two screens.
	stage := "home at 360 px"
	openPhone(t, ctx, stage, base+"/", 360)
	for _, f := range []struct{ what, sel string }{{"search box", "#q-header"}, {"procedure finder", "#q-home-thu-tuc"}} {
		top := browserRun(t, ctx, stage+": "+f.what, chromedp.Evaluate[float64](fmt.Sprintf(`(() => { const e = document.querySelector(%q); return e && e.getClientRects().length ? e.getBoundingClientRect().top + scrollY : -1 })()`, f.sel)))
		t.Logf("%s: the %s (%s) is %.0f px down, on screen %d", stage, f.what, f.sel, top, int(top)/phoneHeight+1)
		if top < 0 || top > 2*phoneHeight-60 {
			t.Errorf("%s: the %s (%s) is %.0f px down the page; want it within the first two screens (%d px)", stage, f.what, f.sel, top, 2*phoneHeight)
		}
	}
	browserRun(t, ctx, stage+": images", chromedp.Evaluate[[]string](imagesJS, chromedp.EvalAwaitPromise))
	saveShot(t, "mobile-home-360-full.png", browserRun(t, ctx, stage, chromedp.FullScreenshot(100)))
	clean(stage)

	// Without JavaScript the menu is collapsed all the same, and opens.
	scripts(t, ctx, false)
	for _, p := range pages[:2] {
		stage := fmt.Sprintf("%s at 360 px without JavaScript", p.name)
		openPhone(t, ctx, stage, base+p.url, 360)
		checkMenuCollapsed(t, ctx, stage)
		clean(stage)
	}
	scripts(t, ctx, true)

	// With JavaScript, Escape closes the open menu and puts the focus back
	// on its button.
	stage = "menu and Escape"
	openPhone(t, ctx, stage, base+"/", 360)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".site-header details.menu > summary")), chromedp.KeyEvent("\x1b")); err != nil {
		t.Fatal(err)
	}
	if m := browserRun(t, ctx, stage, chromedp.Evaluate[menuView](menuJS)); m.Open {
		t.Errorf("%s: Escape did not close the menu", stage)
	}
	if f := browserRun(t, ctx, stage, chromedp.Evaluate[string](`document.activeElement ? document.activeElement.tagName : ""`)); f != "SUMMARY" {
		t.Errorf("%s: after Escape the focus is on %q, want the Menu button", stage, f)
	}
	clean(stage)

	// On a wide screen the menu is a bar of links, without the button.
	for _, p := range pages[:2] {
		stage := p.name + " at 1280 px"
		openAt(t, ctx, stage, base+p.url, 1280)
		m := browserRun(t, ctx, stage, chromedp.Evaluate[menuView](menuJS))
		if m.Button || len(m.Links) < 3 || m.Navs != 1 {
			t.Errorf("%s: Menu button shown %v, links on screen %q, main navigations %d; want the links in one bar and no button", stage, m.Button, m.Links, m.Navs)
		}
		clean(stage)
	}
}

// reflowPages are pages of every kind of the site in testdata/reflow.
var reflowPages = []struct{ kind, url string }{
	{"home", "/"},
	{"list", "/tin-tuc/"},
	{"list", "/tin-tuc/trang/2/"},
	{"list", "/tin-tuc/the/cong-bao/"},
	{"terms", "/tin-tuc/chuyen-muc/"},
	{"news", "/tin-tuc/2025/01/anh-doc-svg/"},
	{"news", "/tin-tuc/2025/02/anh-chan-dung/"},
	{"news", "/tin-tuc/2025/03/anh-ngang/"},
	{"news", "/tin-tuc/2025/04/khong-anh/"},
	{"page", "/bang-rong/"},
	{"gazette", "/cong-bao/"},
	{"issue", "/cong-bao/2025/so-14-15-16/"},
	{"documents", "/van-ban/"},
	{"documents", "/van-ban/co-quan/uy-ban-nhan-dan-tinh-thua-thien-son-ha/"},
	{"document", "/van-ban/12345-2025-qd-ubnd-ktthncpcxdcbgtvttnmt/"},
	{"procedures", "/thu-tuc/"},
	{"procedures", "/thu-tuc/co-quan/van-phong-dang-ky-dat-dai-chi-nhanh-van-phong-dang-ky-dat-dai/"},
	{"procedure", "/thu-tuc/1.004227/"},
	{"procedure", "/thu-tuc/2.000815/"},
	{"search", "/tim-kiem/?q=khai+sinh"},
	{"404", "/404.html"},
	{"statistics", "/thong-ke/"},
	{"statistics", "/thong-ke/2026-quy-3/"},
	{"statistics", "/thong-ke/co-quan/van-phong-doan-dai-bieu-quoc-hoi-va-hoi-dong-nhan-dan-tinh-thua-thien-son-ha/"},
}

// tableBoxJS describes the boxes that hold the tables of a page: whether
// each is a named region that takes the keyboard focus, and whether its
// table is wider than the box (so that the box scrolls).
const tableBoxJS = `Array.from(document.querySelectorAll("main table"), t => {
	const b = t.closest(".table-box");
	return {boxed: !!b, focusable: !!b && b.tabIndex === 0, role: b ? b.getAttribute("role") || "" : "", label: b ? b.getAttribute("aria-label") || "" : "",
		scrolls: !!b && b.scrollWidth > b.clientWidth};
})`

type tableBoxView struct {
	Boxed     bool   `json:"boxed"`
	Focusable bool   `json:"focusable"`
	Role      string `json:"role"`
	Label     string `json:"label"`
	Scrolls   bool   `json:"scrolls"`
}

func TestE2EReflow(t *testing.T) {
	ctx, base, clean := startSiteFrom(t, "testdata/reflow", 10*time.Minute)
	kinds := map[string]bool{}
	for _, p := range reflowPages {
		kinds[p.kind] = true
	}
	if len(kinds) != 14 {
		t.Errorf("reflowPages covers %d page kinds, want all 14 (home, list, terms, news, page, gazette, issue, documents, document, procedures, procedure, search, 404, statistics)", len(kinds))
	}
	check := func(stage string, width int64) {
		t.Helper()
		o := browserRun(t, ctx, stage+": overflow", chromedp.Evaluate[overflow](overflowJS))
		if err := o.check(int(width)); err != nil {
			t.Errorf("%s: %v", stage, err)
		}
	}
	run := func(how string, sizes []string) {
		for _, size := range sizes {
			openPhone(t, ctx, "text size", base+"/", 320)
			if how == "" {
				setTextSize(t, ctx, size)
			}
			for _, p := range reflowPages {
				stage := fmt.Sprintf("%s %s at 320 px, text size %s%s", p.kind, p.url, size, how)
				openPhone(t, ctx, stage, base+p.url, 320)
				if how == "" {
					// imagesJS waits on timers, which do not run without JavaScript.
					browserRun(t, ctx, stage+": images", chromedp.Evaluate[[]string](imagesJS, chromedp.EvalAwaitPromise))
				}
				if p.kind == "search" && how == "" {
					// The results come after the page has loaded.
					browserRun(t, ctx, stage+": results", chromedp.Poll[bool](`document.querySelectorAll("#ket-qua .result").length > 0`, chromedp.WithPollingTimeout(10*time.Second)))
				}
				check(stage, 320)
				for i, b := range browserRun(t, ctx, stage+": tables", chromedp.Evaluate[[]tableBoxView](tableBoxJS)) {
					if !b.Boxed || !b.Focusable || b.Role != "region" || !strings.HasPrefix(b.Label, "Bảng") {
						t.Errorf("%s: table %d: in a box %v, focusable %v, role %q, label %q; want a named region that takes the focus", stage, i+1, b.Boxed, b.Focusable, b.Role, b.Label)
					}
					if p.kind != "news" && p.kind != "page" && p.kind != "document" {
						continue
					}
					if !b.Scrolls {
						t.Logf("%s: table %d fits in 320 px", stage, i+1)
					}
				}
				if size != "1" || how != "" || strings.Contains(p.url, "?") {
					continue
				}
				saveShot(t, "mobile-reflow-"+p.kind+"-"+shotName(strings.Trim(p.url, "/"))+".png", browserRun(t, ctx, stage, chromedp.FullScreenshot(100)))
				clean(stage)
			}
			clean("reflow " + size + how)
		}
	}
	run("", []string{"1", "1.3"})
	setTextSize(t, ctx, "1")
	scripts(t, ctx, false)
	run(" without JavaScript", []string{"1"})
	scripts(t, ctx, true)
}
