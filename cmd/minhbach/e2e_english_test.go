package main

// End-to-end browser tests of the English edition (issue 21), as a
// foreign reader on a phone uses it: English search typed without
// diacritics finds English pages only, the Vietnamese search is
// unchanged, and the language switcher leads from a page to its
// translation and back, or to the English home page with a note.
//
// Run them with: go test ./cmd/minhbach/ -run 'E2EEnglish' -v
// The rules of e2e_test.go (skip without chromium, fail under CI=true) hold.

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// waitAnyResults waits until the search page has shown its results
// (data-ms) and returns them; it fails the test when none come.
func waitAnyResults(t *testing.T, ctx context.Context, stage string) []searchResult {
	t.Helper()
	js := `document.getElementById("tim-kiem").hasAttribute("data-ms") && document.querySelectorAll("#ket-qua .result").length > 0`
	ok := false
	for deadline := time.Now().Add(15 * time.Second); !ok && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		ok, _ = chromedp.Run(ctx, chromedp.Evaluate[bool](js))
	}
	if !ok {
		status := browserRun(t, ctx, stage, chromedp.Evaluate[string](`document.getElementById("trang-thai").textContent`))
		t.Fatalf("%s: no results shown (status %q)", stage, status)
	}
	return browserRun(t, ctx, stage+": results", chromedp.Evaluate[[]searchResult](resultsJS))
}

// englishNews is the demo's English translation of the news item of
// National Digital Transformation Day (Sơn Hà …).
const englishNews = "/en/news/2026/10/national-digital-transformation-day-2026/"

// TestE2EEnglishSearch types English queries without diacritics on
// /en/search/ and finds the English page that has them ("son ha" is
// "Sơn Hà"), highlighted, and English pages only; then checks that the
// Vietnamese search still finds Vietnamese pages only, with its rules
// (i and y alike).
func TestE2EEnglishSearch(t *testing.T) {
	ctx, base, clean := startSite(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 800, chromedp.EmulateMobile), chromedp.Navigate(base+"/en/search/")); err != nil {
		t.Fatal(err)
	}
	if lang := browserRun(t, ctx, "lang", chromedp.Evaluate[string](`document.documentElement.lang`)); lang != "en" {
		t.Errorf("/en/search/ has <html lang=%q>, want en", lang)
	}
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("#q")), chromedp.SendKeys(chromedp.CSS("#q"), "son ha digital transformation day")); err != nil {
		t.Fatalf("type the query: %v", err)
	}
	res := waitAnyResults(t, ctx, "English query typed")
	if res[0].Href != englishNews || res[0].Mark == 0 {
		t.Errorf("son ha digital transformation day: first result %+v, want %s with highlighted words", res[0], englishNews)
	}
	for _, r := range res {
		if !strings.HasPrefix(r.Href, "/en/") {
			t.Errorf("the English search shows a page outside /en/: %+v", r)
		}
	}
	clean("English search, typed")

	for _, q := range []string{"People's Committee organisational structure", "PHAM NGOC LAM", "contact officials e-mail"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/en/search/?"+url.Values{"q": {q}}.Encode())); err != nil {
			t.Fatal(err)
		}
		res := waitAnyResults(t, ctx, "English query "+q)
		for _, r := range res {
			if !strings.HasPrefix(r.Href, "/en/") {
				t.Errorf("%q: the English search shows a page outside /en/: %+v", q, r)
			}
		}
		t.Logf("%q: %d results, first %s", q, len(res), res[0].Href)
	}
	clean("English search, from the URL")

	// The Vietnamese search is unchanged: Vietnamese pages only, and its
	// own rules (i and y spelt alike: "ky" finds "ký").
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/tim-kiem/?"+url.Values{"q": {"son ha chuyen doi so"}}.Encode())); err != nil {
		t.Fatal(err)
	}
	res = waitAnyResults(t, ctx, "Vietnamese query")
	found := false
	for _, r := range res {
		if strings.HasPrefix(r.Href, "/en/") {
			t.Errorf("the Vietnamese search shows an English page: %+v", r)
		}
		found = found || r.Href == "/tin-tuc/2026/10/huong-ung-ngay-chuyen-doi-so-quoc-gia/"
	}
	if !found {
		t.Errorf("son ha chuyen doi so: the Vietnamese original of the English item is not among %q", hrefs(res))
	}
	if lang := browserRun(t, ctx, "lang", chromedp.Evaluate[string](`document.documentElement.lang`)); lang != "vi" {
		t.Errorf("/tim-kiem/ has <html lang=%q>, want vi", lang)
	}
	clean("Vietnamese search")
}

// switchTo clicks the language switcher's link to lang and waits for the
// page it leads to; it returns that page's path and the link's note.
func switchTo(t *testing.T, ctx context.Context, stage, lang string) (path, note string) {
	t.Helper()
	sel := `.lang-switch a[hreflang="` + lang + `"]`
	note = browserRun(t, ctx, stage+": note", chromedp.Evaluate[string](`(() => { const a = document.querySelector(`+"`"+sel+"`"+`);
		if (!a) return "no link"; const n = a.querySelector(".lang-note"); return n ? n.textContent : ""; })()`))
	if note == "no link" {
		t.Fatalf("%s: the page has no switcher link to %s", stage, lang)
	}
	href := browserRun(t, ctx, stage+": href", chromedp.Evaluate[string](`document.querySelector(`+"`"+sel+"`"+`).getAttribute("href")`))
	follow(t, ctx, stage, chromedp.CSS(sel), href)
	path = browserRun(t, ctx, stage+": location", chromedp.Evaluate[string](`location.pathname`))
	if got := browserRun(t, ctx, stage+": lang", chromedp.Evaluate[string](`document.documentElement.lang`)); got != lang {
		t.Errorf("%s: the page reached, %s, has <html lang=%q>, want %s", stage, path, got, lang)
	}
	return path, note
}

// TestE2EEnglishSwitcher follows the language switcher as a reader does,
// at phone width: from the Vietnamese contact page to its English
// translation and back; from a news item and the home page likewise; and
// from a Vietnamese page without translation to the English home page,
// whose link says so.
func TestE2EEnglishSwitcher(t *testing.T) {
	ctx, base, clean := startSite(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 800, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	pairs := []struct{ vi, en string }{
		{"/lien-he/", "/en/contact/"},
		{"/co-cau-to-chuc/", "/en/organisational-structure/"},
		{"/tin-tuc/2026/10/huong-ung-ngay-chuyen-doi-so-quoc-gia/", englishNews},
		{"/", "/en/"},
	}
	for _, p := range pairs {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+p.vi)); err != nil {
			t.Fatal(err)
		}
		got, note := switchTo(t, ctx, p.vi+" → English", "en")
		if got != p.en || note != "" {
			t.Errorf("from %s the switcher leads to %s (note %q), want its translation %s without a note", p.vi, got, note, p.en)
		}
		back, note := switchTo(t, ctx, p.en+" → Vietnamese", "vi")
		if back != p.vi || note != "" {
			t.Errorf("from %s the switcher leads back to %s (note %q), want %s", p.en, back, note, p.vi)
		}
		clean("switcher " + p.vi)
	}
	// A page without translation: the English home page, with a note.
	untranslated := "/tin-tuc/2026/11/tiep-cong-dan-dinh-ky-thang-11-2026/"
	if err := chromedp.Do(ctx, chromedp.Navigate(base+untranslated)); err != nil {
		t.Fatal(err)
	}
	got, note := switchTo(t, ctx, untranslated+" → English", "en")
	if got != "/en/" || strings.TrimSpace(note) == "" {
		t.Errorf("from %s (no translation) the switcher leads to %s with the note %q, want /en/ with a note", untranslated, got, note)
	}
	clean("switcher, untranslated page")
}
