package main

// End-to-end browser test of search, as a citizen on a phone uses it: type
// "thu tuc dat dai" without diacritics on /tim-kiem/, see a land procedure
// among the first results, filter by kind, follow a result, come back with
// the back button. It reports the bytes the page fetched for the query
// (Performance API: the client and the index files).
//
// Run it with: go test ./cmd/minhbach/ -run E2ESearch -v
// The rules of e2e_test.go (skip without chromium, fail under CI=true) hold.

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

type searchResult struct {
	Href string `json:"href"`
	Meta string `json:"meta"`
	Mark int    `json:"mark"`
}

const resultsJS = `Array.from(document.querySelectorAll("#ket-qua .result")).map(li => ({
	href: li.querySelector("a").getAttribute("href"), meta: li.querySelector(".meta").textContent, mark: li.querySelectorAll("mark").length}))`

// fetchedJS sums the bytes of the search client and the index files the
// page fetched (transferSize, or the body size when served from cache).
const fetchedJS = `performance.getEntriesByType("resource").filter(e => /\/tim-kiem\/index\/|search\.[0-9a-f]+\.js/.test(e.name))
	.reduce((n, e) => n + (e.transferSize || e.encodedBodySize), 0)`

func waitResults(t *testing.T, ctx context.Context, stage, wantStatus string) []searchResult {
	t.Helper()
	// data-ms: the page has shown its first results (each as it came) and
	// drawn the filters.
	js := fmt.Sprintf(`(() => { const s = document.getElementById("trang-thai").textContent;
		return s.includes(%q) && document.querySelector("#ket-qua .result") && document.getElementById("tim-kiem").hasAttribute("data-ms") ? s : "" })()`, wantStatus)
	// Evaluate in a loop rather than chromedp.Poll, whose polling does not
	// survive a page restored from the back-forward cache.
	found := ""
	for deadline := time.Now().Add(15 * time.Second); found == "" && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		found, _ = chromedp.Run(ctx, chromedp.Evaluate[string](js))
	}
	if found == "" {
		status := browserRun(t, ctx, stage, chromedp.Evaluate[string](`document.getElementById("trang-thai").textContent`))
		t.Fatalf("%s: no results announced (status %q)", stage, status)
	}
	return browserRun(t, ctx, stage+": results", chromedp.Evaluate[[]searchResult](resultsJS))
}

func TestE2ESearch(t *testing.T) {
	ctx, base, clean := startSite(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 800, chromedp.EmulateMobile), chromedp.Navigate(base+"/tim-kiem/")); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("#q")), chromedp.SendKeys(chromedp.CSS("#q"), "thu tuc dat dai")); err != nil {
		t.Fatalf("type the query: %v", err)
	}
	start := time.Now()
	res := waitResults(t, ctx, "query thu tuc dat dai", "kết quả cho “thu tuc dat dai”")
	t.Logf("results in %v after the last key (150 ms of it is the debounce); client-side search took %s ms",
		time.Since(start).Round(time.Millisecond), browserRun(t, ctx, "timing", chromedp.Evaluate[string](`document.getElementById("tim-kiem").dataset.ms`)))
	fetched := browserRun(t, ctx, "bytes", chromedp.Evaluate[int](fetchedJS))
	t.Logf("the page fetched %d bytes for its first query (client and index files)", fetched)
	// Results shown as their files come are in the engine's order.
	ranked := browserRun(t, ctx, "ranking", chromedp.Evaluate[[]string](`(async () => {
		const e = new MinhbachSearch.Engine(document.getElementById("tim-kiem").dataset.index, u => fetch(u).then(r => r.json()));
		const r = await e.search("thu tuc dat dai", {});
		return (await e.docs(r.ids.slice(0, 10))).map(d => d.url);
	})()`, chromedp.EvalAwaitPromise))
	var shown []string
	for _, r := range res {
		shown = append(shown, r.Href)
	}
	if !slices.Equal(shown, ranked) {
		t.Errorf("the page shows %q, the engine ranks %q", shown, ranked)
	}
	land := -1
	for i, r := range res[:min(3, len(res))] {
		if strings.HasPrefix(r.Href, "/thu-tuc/") && r.Mark > 0 {
			land = i
			break
		}
	}
	if land < 0 {
		t.Fatalf("no procedure with highlighted words among the first 3 results: %+v", res[:min(3, len(res))])
	}
	loc := browserRun(t, ctx, "location", chromedp.Location())
	if u, _ := url.Parse(loc); u.Query().Get("q") != "thu tuc dat dai" {
		t.Errorf("the URL %s does not hold the query", loc)
	}
	clean("search page")

	// Filter: procedures only.
	follow0 := chromedp.Search(`//aside[@id="bo-loc"]//a[starts-with(normalize-space(.), "Thủ tục hành chính (")]`)
	if err := chromedp.Do(ctx, chromedp.Click(follow0)); err != nil {
		t.Fatalf("click the kind filter: %v", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`location.search.includes("kind=thu-tuc")`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatalf("the filter did not reach the URL: %v", err)
	}
	res = waitResults(t, ctx, "filtered", "kết quả cho")
	for _, r := range res {
		if !strings.HasPrefix(r.Href, "/thu-tuc/") || !strings.HasPrefix(r.Meta, "Thủ tục hành chính") {
			t.Errorf("filtered by kind, a result is not a procedure: %+v", r)
		}
	}

	// Follow the first result: a land procedure.
	follow(t, ctx, "follow the first result", chromedp.CSS("#ket-qua .result a"), res[0].Href)
	field := browserRun(t, ctx, "field", chromedp.Evaluate[string](`document.querySelector(".proc-meta dd:nth-of-type(2)").textContent`))
	if strings.TrimSpace(field) != "Đất đai" {
		t.Errorf("the first procedure for thu tuc dat dai is in the field %q, want Đất đai", field)
	}
	clean("procedure page")

	// Back: the filtered results again.
	// (history.back, not chromedp.NavigateBack: a page restored from the
	// back-forward cache fires no load event.)
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`history.back(), true`)); err != nil {
		t.Fatal(err)
	}
	var there bool
	for deadline := time.Now().Add(10 * time.Second); !there && time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		// The page is being replaced: evaluating may fail until it is there.
		there, _ = chromedp.Run(ctx, chromedp.Evaluate[bool](`location.pathname === "/tim-kiem/" && location.search.includes("kind=thu-tuc") && document.readyState !== "loading"`))
	}
	if !there {
		t.Fatal("back: not on the filtered search page after 10 s")
	}
	back := waitResults(t, ctx, "back", "kết quả cho “thu tuc dat dai”")
	if len(back) == 0 || back[0].Href != res[0].Href {
		t.Errorf("after the back button the results are %+v, want them to start with %s", back, res[0].Href)
	}
	shot := browserRun(t, ctx, "screenshot", chromedp.FullScreenshot(90))
	saveShot(t, "tim-kiem-360.png", shot)
	clean("back")
}

// saveShot writes a screenshot into artifacts/screenshots/.
func saveShot(t *testing.T, name string, png []byte) {
	t.Helper()
	file := filepath.Join(shotsDir(t), name)
	if err := os.WriteFile(file, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s", file)
}

// noResultJS reads the no-result state once the page has finished: the
// status, whether the advice is shown, its text and its links.
const noResultJS = `(() => {
	const root = document.getElementById("tim-kiem"), hint = document.getElementById("goi-y");
	if (!root.hasAttribute("data-ms")) return null;
	return {status: document.getElementById("trang-thai").textContent, shown: !!hint && !hint.hidden,
		text: hint ? hint.textContent : "", links: hint ? Array.from(hint.querySelectorAll("a")).map(a => a.getAttribute("href")) : [],
		results: document.querySelectorAll("#ket-qua .result").length};
})()`

type noResult struct {
	Status  string   `json:"status"`
	Shown   bool     `json:"shown"`
	Text    string   `json:"text"`
	Links   []string `json:"links"`
	Results int      `json:"results"`
}

// searchURL opens /tim-kiem/?q=… afresh and returns its results and the
// number the status announces.
func searchURL(t *testing.T, ctx context.Context, base, q string) ([]string, string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/tim-kiem/?"+url.Values{"q": {q}}.Encode())); err != nil {
		t.Fatalf("open the search for %q: %v", q, err)
	}
	res := waitResults(t, ctx, "opened with q="+q, "kết quả cho “"+q+"”")
	status := browserRun(t, ctx, "status", chromedp.Evaluate[string](`document.getElementById("trang-thai").textContent`))
	return hrefs(res), status
}

func hrefs(res []searchResult) []string {
	var out []string
	for _, r := range res {
		out = append(out, r.Href)
	}
	return out
}

// TestE2ESearchForgives checks, as a citizen on a 360 px phone, that
// search forgives: a last word cut short finds what it begins, the same
// while typing, on Enter and from the URL; both spellings of i/y find the
// same pages; the closest title ranks first; and when nothing is found,
// the advice fits what was typed and links the procedures by field.
func TestE2ESearchForgives(t *testing.T) {
	ctx, base, clean := startSite(t)
	const birth = "/thu-tuc/1.004227/" // Đăng ký khai sinh
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 800, chromedp.EmulateMobile), chromedp.Navigate(base+"/tim-kiem/")); err != nil {
		t.Fatal(err)
	}

	// Typing "khai si": the results shown while typing.
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("#q")), chromedp.SendKeys(chromedp.CSS("#q"), "khai si")); err != nil {
		t.Fatalf("type khai si: %v", err)
	}
	typed := hrefs(waitResults(t, ctx, "typing khai si", "kết quả cho “khai si”"))
	if len(typed) == 0 || typed[0] != birth {
		t.Errorf("typing khai si shows %q, want %s first", typed, birth)
	}
	// Enter: a new history entry, and the same list.
	before := browserRun(t, ctx, "history", chromedp.Evaluate[int](`history.length`))
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS("#q"), kb.Enter)); err != nil {
		t.Fatalf("press Enter: %v", err)
	}
	entered := hrefs(waitResults(t, ctx, "khai si + Enter", "kết quả cho “khai si”"))
	if after := browserRun(t, ctx, "history", chromedp.Evaluate[int](`history.length`)); after != before+1 {
		t.Errorf("Enter did not submit the search: history length %d, then %d", before, after)
	}
	if !slices.Equal(entered, typed) {
		t.Errorf("khai si + Enter shows %q, while typing %q: want the same list", entered, typed)
	}
	loc := browserRun(t, ctx, "location", chromedp.Location())
	if u, _ := url.Parse(loc); u.Query().Get("q") != "khai si" {
		t.Fatalf("the URL %s does not hold the query", loc)
	}
	// The same URL opened afresh.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank"), chromedp.Navigate(loc)); err != nil {
		t.Fatal(err)
	}
	opened := hrefs(waitResults(t, ctx, "khai si from the URL", "kết quả cho “khai si”"))
	if !slices.Equal(opened, typed) {
		t.Errorf("%s opened afresh shows %q, typed %q: want the same list", loc, opened, typed)
	}
	clean("khai si")

	// Both spellings of i/y find the same pages, as do the forms without
	// diacritics.
	for _, pair := range [][2]string{{"dang ki ket hon", "đăng ký kết hôn"}, {"dang kí khai sinh", "Đăng ký khai sinh"}, {"lí lịch tư pháp", "lý lịch tư pháp"}} {
		a, sa := searchURL(t, ctx, base, pair[0])
		b, sb := searchURL(t, ctx, base, pair[1])
		na, nb := strings.Fields(sa)[2], strings.Fields(sb)[2]
		// Every page found, not only the 10 shown: the exact spellings
		// of one form rank its pages a little apart from the other's.
		all := func(q string) string {
			return browserRun(t, ctx, "all pages of "+q, chromedp.Evaluate[string](`(async (q) => {
				const e = new MinhbachSearch.Engine(document.getElementById("tim-kiem").getAttribute("data-index"), (u) => fetch(u).then((r) => r.json()));
				return Array.from((await e.search(q, {})).ids).sort((x, y) => x - y).join(",");
			})(`+strconv.Quote(q)+`)`, chromedp.EvalAwaitPromise))
		}
		if len(a) == 10 && na == nb && all(pair[0]) == all(pair[1]) {
			a, b = nil, nil
		}
		if na != nb || !slices.Equal(slices.Sorted(slices.Values(a)), slices.Sorted(slices.Values(b))) {
			t.Errorf("%q finds %s pages %q, %q finds %s pages %q: want the same", pair[0], na, a, pair[1], nb, b)
		}
	}
	clean("i/y")

	// The closest title first.
	for _, q := range []string{"khai sinh", "giấy khai sinh", "lam giay khai sinh"} {
		if got, _ := searchURL(t, ctx, base, q); got[0] != birth {
			t.Errorf("%q: first result %s, want %s (Đăng ký khai sinh); results %q", q, got[0], birth, got)
		}
	}
	// A one-letter fragment at the end keeps the list.
	if got, _ := searchURL(t, ctx, base, "dang ky ket h"); got[0] != "/thu-tuc/1.000894/" {
		t.Errorf("dang ky ket h: results %q, want Đăng ký kết hôn first", got)
	}
	clean("ranking")

	// Nothing found: advice fitting the query, links by field.
	for _, c := range []struct{ q, want, not string }{
		{"xyzzy qwerty", "bớt từ", "dấu"},
		{"xyzzyq", "chính tả", "dấu"},
		{"xyzzy 12345/QĐ-UBND", "số, ký hiệu", "dấu"},
	} {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/tim-kiem/?"+url.Values{"q": {c.q}}.Encode())); err != nil {
			t.Fatal(err)
		}
		var got *noResult
		for deadline := time.Now().Add(10 * time.Second); got == nil && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			got, _ = chromedp.Run(ctx, chromedp.Evaluate[*noResult](noResultJS))
		}
		switch {
		case got == nil:
			t.Errorf("%q: the search did not finish", c.q)
		case !strings.Contains(got.Status, "Không tìm thấy") || got.Results != 0 || !got.Shown:
			t.Errorf("%q: status %q, %d results, advice shown %v; want none found and advice", c.q, got.Status, got.Results, got.Shown)
		case !strings.Contains(got.Text, c.want) || strings.Contains(got.Status+got.Text, c.not):
			t.Errorf("%q: advice %q, want it to say %q and never %q", c.q, got.Text, c.want, c.not)
		case !slices.Contains(got.Links, "/thu-tuc/linh-vuc/ho-tich/"):
			t.Errorf("%q: advice links %q, want the procedures by field (/thu-tuc/linh-vuc/ho-tich/ among them)", c.q, got.Links)
		}
	}
	saveShot(t, "tim-kiem-khong-thay-360.png", browserRun(t, ctx, "screenshot", chromedp.FullScreenshot(100)))
	// A query that finds pages hides the advice.
	searchURL(t, ctx, base, "khai sinh")
	if shown := browserRun(t, ctx, "advice", chromedp.Evaluate[bool](`!document.getElementById("goi-y").hidden`)); shown {
		t.Error("the no-result advice stays shown with results")
	}
	clean("no result")
}
