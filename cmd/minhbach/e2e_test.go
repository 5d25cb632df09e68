package main

// End-to-end browser tests: build the demo site, serve it on 127.0.0.1 and
// load its pages in headless Chromium. startSite does the setup. This file
// loads the home page and a news page; e2e_gazette_test.go loads the pages
// of the gazette documents (/van-ban/).
//
// Run it with: go test ./cmd/minhbach/ -run E2E -v
// It needs the Debian package chromium (apt-get install chromium). Without
// it the test skips, except under CI=true, where it fails. The screenshots
// go to artifacts/screenshots/ at the repository root (git-ignored).

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

const chromiumMissing = "chromium not found: install Debian package chromium to run browser tests"

// skipOrFail skips the test, or fails it when CI=true: CI installs the
// browser, so a browser test that does not run there is a failure.
func skipOrFail(t *testing.T, msg string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Log("CI=true: a browser test that cannot run fails instead of skipping")
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// needChromium returns the path of the Chromium binary found in PATH, or
// skips the test (fails it under CI=true) when there is none or when the
// tests run with -short.
func needChromium(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		skipOrFail(t, "browser test not run with -short")
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	skipOrFail(t, chromiumMissing)
	return ""
}

// pageLog collects what must not happen while a page loads: console errors,
// uncaught exceptions, browser log errors, failed requests and HTTP errors.
type pageLog struct {
	mu       sync.Mutex
	urls     map[network.RequestID]string
	problems []string
}

func (l *pageLog) add(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.problems = append(l.problems, fmt.Sprintf(format, args...))
}

// take returns the problems seen since the last call and forgets them.
func (l *pageLog) take() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	p := l.problems
	l.problems = nil
	return p
}

// listen is the event func of chromedp.Listen (formerly ListenTarget). It
// runs in the loop that reads the browser's messages, so it only records.
func (l *pageLog) listen(ev any) {
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			l.add("console.%s: %s (at %s)", ev.Type, remoteText(ev.Args), stackPlace(ev.StackTrace))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			text += " " + d.Exception.Description
		}
		place := d.URL
		if place == "" {
			place = stackPlace(d.StackTrace)
		} else {
			place += fmt.Sprintf(":%d", d.LineNumber+1)
		}
		l.add("uncaught exception: %s (at %s)", text, place)
	case *log.EventEntryAdded:
		if e := ev.Entry; e.Level == log.EntryLevelError {
			l.add("browser log error [%s]: %s (URL %s)", e.Source, e.Text, e.URL)
		}
	case *network.EventRequestWillBeSent:
		l.mu.Lock()
		if l.urls == nil {
			l.urls = map[network.RequestID]string{}
		}
		l.urls[ev.RequestID] = ev.Request.URL
		l.mu.Unlock()
	case *network.EventResponseReceived:
		if r := ev.Response; r.Status >= 400 {
			l.add("HTTP %d %s for %s (%s)", r.Status, r.StatusText, r.URL, ev.Type)
		}
	case *network.EventLoadingFailed:
		if ev.Canceled {
			return // navigating away cancels pending loads; not an error of the page
		}
		l.mu.Lock()
		u := l.urls[ev.RequestID]
		l.mu.Unlock()
		l.add("request failed: %s %s for %s (%s)", ev.ErrorText, ev.BlockedReason, u, ev.Type)
	}
}

func remoteText(args []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range args {
		switch {
		case len(a.Value) > 0:
			parts = append(parts, string(a.Value))
		case a.Description != "":
			parts = append(parts, a.Description)
		default:
			parts = append(parts, string(a.Type))
		}
	}
	return strings.Join(parts, " ")
}

func stackPlace(st *runtime.StackTrace) string {
	if st == nil || len(st.CallFrames) == 0 {
		return "unknown place"
	}
	f := st.CallFrames[0]
	return fmt.Sprintf("%s:%d", f.URL, f.LineNumber+1)
}

// browserRun runs one chromedp action and fails the test on error.
func browserRun[T any](t *testing.T, ctx context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// imagesJS makes every image load now (the thumbnails are loading="lazy",
// and a full-page screenshot does not scroll), waits for each to load or
// fail and to be decoded (they are decoding="async": a JPEG not yet decoded
// is a blank box in the screenshot), and returns the URLs of the images
// that have no pixels.
const imagesJS = `(async () => {
	const imgs = Array.from(document.images);
	for (const i of imgs) i.loading = "eager";
	await Promise.all(imgs.map(i => (i.complete ? Promise.resolve() : new Promise(done => {
		i.addEventListener("load", done, {once: true});
		i.addEventListener("error", done, {once: true});
		setTimeout(done, 15000);
	})).then(() => i.naturalWidth > 0 ? i.decode() : null).catch(() => null)));
	await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
	return imgs.filter(i => !i.complete || i.naturalWidth === 0).map(i => i.currentSrc || i.src);
})()`

// overflowJS measures horizontal overflow and names the elements that stick
// out on the right of the layout viewport. With mobile emulation, Chrome
// zooms out to fit content that is too wide, so then innerWidth grows
// beyond the device width, and clientWidth stays at the layout width.
const overflowJS = `(() => {
	const iw = window.innerWidth, cw = document.documentElement.clientWidth;
	const sw = document.documentElement.scrollWidth, edge = Math.min(iw, cw);
	const wide = [];
	for (const el of document.querySelectorAll("body *")) {
		const r = el.getBoundingClientRect();
		if (r.width > 0 && r.right > edge + 0.5) {
			let name = el.tagName.toLowerCase();
			if (el.id) name += "#" + el.id;
			if (el.classList.length) name += "." + Array.from(el.classList).join(".");
			wide.push(name + " (right edge " + Math.round(r.right) + " px)");
			if (wide.length >= 8) break;
		}
	}
	return {innerWidth: iw, clientWidth: cw, scrollWidth: sw, wide: wide};
})()`

type overflow struct {
	InnerWidth  int      `json:"innerWidth"`
	ClientWidth int      `json:"clientWidth"`
	ScrollWidth int      `json:"scrollWidth"`
	Wide        []string `json:"wide"`
}

// check reports horizontal scrolling at a viewport width of want px.
func (o overflow) check(want int) error {
	if o.InnerWidth == want && o.ScrollWidth <= o.InnerWidth && o.ScrollWidth <= o.ClientWidth {
		return nil
	}
	return fmt.Errorf("horizontal scroll: document.documentElement.scrollWidth %d, window.innerWidth %d, clientWidth %d (want all %d); too wide: %s",
		o.ScrollWidth, o.InnerWidth, o.ClientWidth, want, strings.Join(o.Wide, ", "))
}

// shownJS reports whether the first element for a CSS selector is really
// on screen: a box of more than 1 px, not hidden, not transparent, and
// horizontally inside the viewport.
func shownJS(sel string) string {
	return fmt.Sprintf(`(() => {
	const el = document.querySelector(%q);
	if (!el) return false;
	const r = el.getBoundingClientRect(), s = getComputedStyle(el);
	return r.width > 1 && r.height > 1 && s.visibility !== "hidden" && Number(s.opacity) > 0 &&
		r.left >= 0 && r.right <= window.innerWidth + 0.5;
})()`, sel)
}

// bodyFontJS is the computed font size, in px, of the body text of a news page.
const bodyFontJS = `parseFloat(getComputedStyle(document.querySelector(".prose p") || document.querySelector(".prose")).fontSize)`

// The news links on the home page: the lead story and the list under it.
const newsLinkSel = `main article h3 a[href^="/tin-tuc/20"]`

// shotsDir returns artifacts/screenshots/ at the repository root, made if
// needed. The folder is git-ignored.
func shotsDir(t *testing.T) string {
	t.Helper()
	shots := filepath.Join("..", "..", "artifacts", "screenshots")
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	return shots
}

// startSite builds the demo site at the repository root into a temporary
// folder, with the build date 2026-11-23, serves it on 127.0.0.1 and starts
// headless Chromium with one tab. It returns the context of that tab, the
// base URL of the site (no trailing slash) and clean, which fails the test
// for every problem that the browser reported since its last call (console
// errors, uncaught exceptions, browser log errors, failed requests, HTTP
// errors), with stage naming the page. It skips the test when there is no
// Chromium (fails it under CI=true). The browser, the server and the
// folders go away when the test ends, in that order.
func startSite(t *testing.T) (ctx context.Context, base string, clean func(stage string)) {
	t.Helper()
	return startSiteFrom(t, "../..", 4*time.Minute)
}

// startSiteFrom is startSite for the site in the folder source, with a
// test that may run for at most timeout.
func startSiteFrom(t *testing.T, source string, timeout time.Duration) (ctx context.Context, base string, clean func(stage string)) {
	t.Helper()
	chromium := needChromium(t)
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	t.Cleanup(cancel)

	// Build the site in-process.
	public := filepath.Join(t.TempDir(), "public")
	var stdout, stderr bytes.Buffer
	args := []string{"build", "--source", source, "--destination", public, "--build-date", "2026-11-23"}
	if code := run(ctx, args, &stdout, &stderr, time.Now); code != 0 {
		t.Fatalf("minhbach build exit %d:\n%s", code, stderr.String())
	}
	t.Log(strings.TrimSpace(stdout.String()))

	// Serve it on the loopback interface only.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.FileServer(http.Dir(public)), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	base = "http://" + ln.Addr().String()

	// Start headless Chromium. We may run as root (no sandbox then), and the
	// network is closed: nothing in the background may try to reach it.
	opts := append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]),
		chromedp.ExecPath(chromium),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.NoFirstRun,
		chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.WindowSize(1280, 900),
	)
	// Cleanups run last registered first: the browser is killed and waited
	// for before the server closes and before t.TempDir removes its folders.
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	bctx, cancelBrowser := chromedp.NewContext(allocCtx)
	t.Cleanup(cancelBrowser)

	events := new(pageLog)
	if err := chromedp.Listen(bctx, events.listen); err != nil {
		t.Fatalf("start chromium %s: %v", chromium, err)
	}
	clean = func(stage string) {
		t.Helper()
		for _, p := range events.take() {
			t.Errorf("%s: %s", stage, p)
		}
	}
	return bctx, base, clean
}

// loadPage opens url at the given viewport width, waits for every image,
// checks the page for errors (with clean) and, below 600 px, for horizontal
// overflow, and writes a full page screenshot <name>-<width>.png.
func loadPage(t *testing.T, ctx context.Context, clean func(string), name, url string, width int64) {
	t.Helper()
	stage := fmt.Sprintf("%s at %d px (%s)", name, width, url)
	var vp chromedp.Action[chromedp.Void]
	if width < 600 {
		vp = chromedp.EmulateViewport(width, 800, chromedp.EmulateMobile)
	} else {
		vp = chromedp.EmulateViewport(width, 900)
	}
	if err := chromedp.Do(ctx, vp, chromedp.Navigate(url)); err != nil {
		t.Fatalf("%s: %v", stage, err)
	}
	broken := browserRun(t, ctx, stage+": images", chromedp.Evaluate[[]string](imagesJS, chromedp.EvalAwaitPromise))
	for _, src := range broken {
		t.Errorf("%s: image did not load: %s", stage, src)
	}
	if width < 600 {
		o := browserRun(t, ctx, stage+": overflow", chromedp.Evaluate[overflow](overflowJS))
		if err := o.check(int(width)); err != nil {
			t.Errorf("%s: %v", stage, err)
		}
	}
	png := browserRun(t, ctx, stage+": screenshot", chromedp.FullScreenshot(100))
	file := filepath.Join(shotsDir(t), fmt.Sprintf("%s-%d.png", name, width))
	if err := os.WriteFile(file, png, 0o644); err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(file)
	t.Logf("screenshot %s", abs)
	clean(stage)
}

func TestE2EBrowser(t *testing.T) {
	bctx, base, clean := startSite(t)
	shots := shotsDir(t)
	load := func(name, url string, width int64) {
		t.Helper()
		loadPage(t, bctx, clean, name, url, width)
	}

	// The home page: its h1 is the site title, and news links are visible.
	var siteTitle, newsURL string
	for _, width := range []int64{1280, 360} {
		load("home", base+"/", width)
		stage := fmt.Sprintf("home at %d px", width)
		siteTitle = browserRun(t, bctx, stage+": title", chromedp.Title())
		h1 := browserRun(t, bctx, stage+": h1", chromedp.TextContent(chromedp.CSS("main h1")))
		if siteTitle == "" || strings.TrimSpace(h1) != siteTitle {
			t.Errorf("%s: h1 %q, want the site title %q", stage, h1, siteTitle)
		}
		if err := chromedp.Do(bctx, chromedp.WaitVisible(chromedp.CSS(".site-header .brand-title"))); err != nil {
			t.Fatalf("%s: site title in the header: %v", stage, err)
		}
		if !browserRun(t, bctx, stage+": header title", chromedp.Evaluate[bool](shownJS(".site-header .brand-title"))) {
			t.Errorf("%s: the site title in the header is not on screen", stage)
		}
		brand := browserRun(t, bctx, stage+": header title", chromedp.Text(chromedp.CSS(".site-header .brand-title")))
		if strings.TrimSpace(brand) != siteTitle {
			t.Errorf("%s: header title %q, want %q", stage, brand, siteTitle)
		}
		if err := chromedp.Do(bctx, chromedp.WaitVisible(chromedp.CSS(newsLinkSel))); err != nil {
			t.Fatalf("%s: no visible news link %s: %v", stage, newsLinkSel, err)
		}
		if !browserRun(t, bctx, stage+": news link", chromedp.Evaluate[bool](shownJS(newsLinkSel))) {
			t.Errorf("%s: the first news link is not on screen", stage)
		}
		href := browserRun(t, bctx, stage+": news link", chromedp.AttributeValue(chromedp.CSS(newsLinkSel), "href"))
		if !href.Exists || href.Value == "" {
			t.Fatalf("%s: the first news link has no href", stage)
		}
		newsURL = base + href.Value
		clean(stage)
	}
	t.Logf("news page: %s", newsURL)

	// The news page of the home page's first news link.
	for _, width := range []int64{1280, 360} {
		load("news", newsURL, width)
		stage := fmt.Sprintf("news at %d px", width)
		if err := chromedp.Do(bctx, chromedp.WaitVisible(chromedp.CSS("h1#tieu-de"))); err != nil {
			t.Fatalf("%s: headline h1#tieu-de: %v", stage, err)
		}
		if !browserRun(t, bctx, stage+": headline", chromedp.Evaluate[bool](shownJS("h1#tieu-de"))) {
			t.Errorf("%s: the headline h1#tieu-de is not on screen", stage)
		}
		headline := strings.TrimSpace(browserRun(t, bctx, stage+": headline", chromedp.Text(chromedp.CSS("h1#tieu-de"))))
		title := browserRun(t, bctx, stage+": title", chromedp.Title())
		if want, ok := strings.CutSuffix(title, " – "+siteTitle); !ok || headline == "" || headline != want {
			t.Errorf("%s: headline %q does not match <title> %q (want \"<headline> – %s\")", stage, headline, title, siteTitle)
		}
		lead := browserRun(t, bctx, stage+": lead photo", chromedp.Evaluate[int](
			`(() => { const i = document.querySelector("figure.lead-photo img"); return i ? i.naturalWidth : -1 })()`))
		switch {
		case lead == 0:
			t.Errorf("%s: the lead photo did not load (naturalWidth 0)", stage)
		case lead < 0:
			t.Logf("%s: no lead photo", stage)
		}
		clean(stage)
	}

	// The text-size control of assets/js/app.js: "Cỡ chữ" with A, A+, A++.
	// Still on the news page at 360 px.
	const group = `.site-header [role="group"][aria-label="Cỡ chữ"]`
	if err := chromedp.Do(bctx, chromedp.WaitVisible(chromedp.CSS(group))); err != nil {
		t.Fatalf("text-size control %s: %v", group, err)
	}
	labels := browserRun(t, bctx, "text-size buttons", chromedp.Evaluate[[]string](
		`Array.from(document.querySelectorAll('`+group+` button'), b => b.textContent.trim())`))
	if !slices.Equal(labels, []string{"A", "A+", "A++"}) {
		t.Fatalf("text-size buttons %q, want [A A+ A++]", labels)
	}
	before := browserRun(t, bctx, "body font size", chromedp.Evaluate[float64](bodyFontJS))
	if err := chromedp.Do(bctx, chromedp.Click(chromedp.Search(`//*[@role="group" and @aria-label="Cỡ chữ"]/button[normalize-space(.)="A++"]`))); err != nil {
		t.Fatalf("click A++: %v", err)
	}
	after, err := chromedp.Run(bctx, chromedp.Poll[float64](
		fmt.Sprintf(`(() => { const v = %s; return v > %g ? v : 0 })()`, bodyFontJS, before),
		chromedp.WithPollingTimeout(5*time.Second)))
	if err != nil {
		now := browserRun(t, bctx, "body font size", chromedp.Evaluate[float64](bodyFontJS))
		t.Errorf("clicking A++ did not enlarge the body text: font-size %gpx before, %gpx after", before, now)
	} else {
		t.Logf("A++: body text %gpx → %gpx", before, after)
	}
	pressed := browserRun(t, bctx, "A++ pressed", chromedp.Evaluate[string](
		`document.querySelectorAll('`+group+` button')[2].getAttribute("aria-pressed")`))
	if pressed != "true" {
		t.Errorf("after clicking A++ its aria-pressed is %q, want \"true\"", pressed)
	}
	// The largest text must not make the 360 px page scroll sideways either
	// (WCAG 1.4.4 and 1.4.10). In a phone browser an overflow does not show
	// as a scroll bar: the page zooms out, and undoes part of the A++.
	o := browserRun(t, bctx, "overflow at A++", chromedp.Evaluate[overflow](overflowJS))
	if err := o.check(360); err != nil {
		t.Errorf("news at 360 px with A++: %v", err)
	}
	png := browserRun(t, bctx, "screenshot at A++", chromedp.FullScreenshot(100))
	if err := os.WriteFile(filepath.Join(shots, "news-360-large-text.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
	clean("text-size control")
}
