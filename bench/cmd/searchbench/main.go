// Command searchbench measures search on a built site in headless
// Chromium, as a citizen's phone meets it: for each query, a cold browser
// (a new browser context: empty cache) asks, and the server counts the
// bytes it sends (gzipped, as a static host sends text), and the page
// reports how long the search took to show its first results.
//
//	searchbench -public DIR -tool minhbach|pagefind [-http1] [-settle 2s] "query" …
//
// The server speaks HTTP/2 over TLS (a certificate made for the run), as
// a portal behind nginx does; -http1 serves plain HTTP/1.1, where a
// browser opens at most 6 connections to a host and a round of more files
// takes two waves.
//
// minhbach: opens /tim-kiem/, waits for it to read its manifest and then
// rest (-settle, as a citizen reads and types), submits the query in its
// form, and reads the times the page measured from the search call to the
// first result and to 10 results shown (data-first-ms, data-ms).
// pagefind: opens a blank page of the same server, imports
// /pagefind/pagefind.js and initialises it, rests as long, then times a
// search and the loading of the first 10 results' data (the first result's
// data, and all 10). Each line gives the bytes of the search files (the
// client and the index: everything but the page's own HTML, CSS and
// images) and of everything, the result count, and the times. For a query
// with diacritics, the same query without them is run too, and the share
// of the first's results the second finds is printed.
//
// -cold measures the path a citizen takes instead: in a new browser
// context (empty cache, nothing rested), a page of the site (-from, the
// home page) loads, the query is typed into its header search box and
// submitted, and the clock runs from the submit to the first result shown
// on /tim-kiem/?q=…, with no rest anywhere. For Pagefind the same path
// goes from a blank page to a page of the bench's own that reads the
// query from its URL, imports and initialises Pagefind, searches and
// loads the first result's data. -timeline prints, for the median run of
// each query, when each file was asked for and arrived and each step of
// the search page, in ms from the submit. -tool both runs minhbach and
// Pagefind in turn on each query (which goes first alternates) and prints
// them side by side; -pagefind DIR serves /pagefind/ from DIR, so that
// both tools' indexes of the same site are served at once:
//
//	searchbench -public OUT -pagefind PF -cold -tool both -runs 5 "dat dai" …
package main

import (
	"compress/gzip"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"flag"
	"fmt"
	"io"
	"log"
	"math/big"
	"net"
	"net/http"
	"os"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/chromedp"

	"minhbach/internal/vnfold"
)

func main() {
	public := flag.String("public", "public", "the built site")
	tool := flag.String("tool", "minhbach", "minhbach or pagefind, or with -cold both (side by side, in turn)")
	pagefindDir := flag.String("pagefind", "", "serve /pagefind/ from this folder's pagefind/ (default: -public's)")
	chromium := flag.String("chromium", "/usr/bin/chromium", "the browser")
	runs := flag.Int("runs", 3, "cold runs of each query; the median time is printed")
	http1 := flag.Bool("http1", false, "serve plain HTTP/1.1 instead of HTTP/2 over TLS")
	flag.DurationVar(&settle, "settle", settle, "how long a page rests, loaded, before the query is asked (a citizen reads and types)")
	cold := flag.Bool("cold", false, "time the citizen's path: submit on another page, first result on /tim-kiem/?q=…, in a fresh context with no rest")
	from := flag.String("from", "/", "with -cold: the page the query is submitted on")
	timeline := flag.Bool("timeline", false, "with -cold: print the timeline of each query's median run")
	flag.Parse()
	if flag.NArg() == 0 {
		log.Fatal("give the queries as arguments")
	}

	counter := &counter{}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/__blank.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, `<!doctype html><html lang="vi"><meta charset="utf-8"><title>bench</title><body></body></html>`)
	})
	mux.HandleFunc("/__pagefind.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, pagefindPage)
	})
	mux.Handle("/", counter.wrap(http.FileServer(http.Dir(*public))))
	if *pagefindDir != "" {
		mux.Handle("/pagefind/", counter.wrap(http.FileServer(http.Dir(*pagefindDir))))
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	base := "http://" + ln.Addr().String()
	var spki string // the certificate's key, which the browser is told to trust
	if *http1 {
		go srv.Serve(ln)
	} else {
		cert, hash, err := selfSigned()
		if err != nil {
			log.Fatal(err)
		}
		spki = hash
		srv.TLSConfig = &tls.Config{Certificates: []tls.Certificate{cert}, NextProtos: []string{"h2", "http/1.1"}}
		go srv.ServeTLS(ln, "", "")
		base = "https://" + ln.Addr().String()
	}
	defer srv.Close()

	opts := append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]),
		chromedp.ExecPath(*chromium), chromedp.Headless, chromedp.NoSandbox, chromedp.NoFirstRun, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true), chromedp.WindowSize(360, 800),
		chromedp.Flag("ignore-certificate-errors-spki-list", spki))
	allocCtx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	browser, cancelBrowser := chromedp.NewContext(allocCtx)
	defer cancelBrowser()
	if err := chromedp.Do(browser); err != nil {
		log.Fatalf("start %s: %v", *chromium, err)
	}

	proto := "HTTP/2 over TLS"
	if *http1 {
		proto = "HTTP/1.1"
	}
	fmt.Printf("%s served over %s\n", *tool, proto)
	if *cold {
		coldRuns(browser, base, *tool, *from, *runs, *timeline, counter, flag.Args())
		return
	}
	var sumSearch, maxSearch int64
	var times, firsts []float64
	same, pairs := 0.0, 0
	for _, q := range flag.Args() {
		var r result
		var ms, first []float64
		for i := 0; i < *runs; i++ {
			r = run(browser, base, *tool, q, counter)
			ms, first = append(ms, r.ms), append(first, r.first)
		}
		r.ms, r.first = median(ms), median(first)
		times, firsts = append(times, r.ms), append(firsts, r.first)
		sumSearch += r.search
		maxSearch = max(maxSearch, r.search)
		note := ""
		// The query as a user without a Vietnamese keyboard types it.
		if f := vnfold.Fold(q); f != q {
			b := run(browser, base, *tool, f, counter)
			pairs++
			share := 1.0
			if len(r.ids) > 0 {
				found := 0
				for _, id := range r.ids {
					if slices.Contains(b.ids, id) {
						found++
					}
				}
				share = float64(found) / float64(len(r.ids))
			}
			same += share
			note = fmt.Sprintf("; %q finds %d, %.0f %% of these", f, b.total, 100*share)
		}
		fmt.Printf("%-30s %6d results, search files %7d B in %3d requests, everything %7d B, first result in %6.1f ms, 10 in %6.1f ms%s\n",
			fmt.Sprintf("%q", q), r.total, r.search, r.requests, r.all, r.first, r.ms, note)
	}
	fmt.Printf("%s: cold query search bytes mean %d B, max %d B; first result median %.1f ms, max %.1f ms; first 10 median %.1f ms, max %.1f ms; diacritic-free forms finding their results: %.0f %% (%d queries)\n",
		*tool, sumSearch/int64(flag.NArg()), maxSearch, median(firsts), slices.Max(firsts), median(times), slices.Max(times), 100*same/float64(max(1, pairs)), pairs)
	fmt.Printf("requests by protocol: %v\n", counter.protos)
}

type result struct {
	total, requests int
	search, all     int64
	// ms is the time from asking to the first 10 results shown, first
	// to the first result shown (for Pagefind: to their data loaded).
	ms, first float64
	ids       []string
}

// Both tools are timed the same way: the page is loaded, the tool's code
// initialised (minhbach's page has read its manifest; Pagefind has loaded
// its WebAssembly and entry file) and the page has rested (settle), then
// the clock runs from the search call to the first 10 results with their
// titles and summaries.
// The bytes count everything the page fetched from the first request.

// minhbachReady waits for the search page to have read its manifest.
const minhbachReady = `(async () => {
	const wait = () => new Promise(r => setTimeout(r, 20));
	for (let i = 0; i < 500 && !performance.getEntriesByType("resource").some(e => /manifest\.json$/.test(e.name) && e.responseEnd > 0); i++) await wait();
	await wait();
	return true;
})()`

// minhbachJS submits the query in the search page's form as a user does,
// and waits for the page's own measures (data-first-ms and data-ms, from
// the search call to the first result and to 10 results shown).
const minhbachJS = `(async (q) => {
	const root = document.getElementById("tim-kiem"), wait = () => new Promise(r => setTimeout(r, 20));
	const form = root.querySelector("form");
	form.querySelector("input[name=q]").value = q;
	form.requestSubmit();
	for (let i = 0; i < 1000 && !root.hasAttribute("data-ms"); i++) await wait();
	const ms = Number(root.getAttribute("data-ms") || 0), first = Number(root.getAttribute("data-first-ms") || ms);
	// Every result, not only those shown: the engine again, its files now cached.
	const e = new MinhbachSearch.Engine(root.getAttribute("data-index"), u => fetch(u).then(r => r.json()));
	const r = await e.search(q, {});
	return {ms, first, total: r.total, ids: Array.from(r.ids, String), debug: JSON.stringify(performance.getEntriesByType("resource").map(e => [e.name.split("/").slice(-2).join("/"), Math.round(e.startTime), Math.round(e.responseEnd)]).concat(performance.getEntriesByType("mark").map(e => [e.name, Math.round(e.startTime)])))};
})`

// pagefindInit loads Pagefind and initialises it.
const pagefindInit = `(async () => {
	const pf = await import("/pagefind/pagefind.js");
	await pf.init();
	return true;
})()`

// pagefindJS times a query with Pagefind's own API.
const pagefindJS = `(async (q) => {
	const pf = await import("/pagefind/pagefind.js");
	const t0 = performance.now();
	const s = await pf.search(q);
	let first = 0;
	await Promise.all(s.results.slice(0, 10).map((r, i) => r.data().then(d => { if (i === 0) first = performance.now() - t0; })));
	return {ms: performance.now() - t0, first: first || performance.now() - t0, total: s.results.length, ids: s.results.map(r => r.id)};
})`

// settle is how long a loaded page rests before the query: a browser
// started for a new context keeps working for a second or two (spare
// renderers, the favicon), which a citizen reading the page and typing
// never meets.
var settle = 2 * time.Second

func run(browser context.Context, base, tool, q string, c *counter) result {
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 60*time.Second)
	defer cancelT()
	type answer struct {
		MS    float64  `json:"ms"`
		First float64  `json:"first"`
		Total int      `json:"total"`
		IDs   []string `json:"ids"`
		Debug string   `json:"debug"`
	}
	var out answer
	var err error
	c.reset()
	if tool == "pagefind" {
		err = chromedp.Do(ctx, chromedp.Navigate(base+"/__blank.html"))
		c.reset()
		if err == nil {
			_, err = chromedp.Run(ctx, chromedp.Evaluate[bool](pagefindInit, chromedp.EvalAwaitPromise))
			time.Sleep(settle)
		}
		if err == nil {
			out, err = chromedp.Run(ctx, chromedp.Evaluate[answer](pagefindJS+"("+quote(q)+")", chromedp.EvalAwaitPromise))
		}
	} else {
		err = chromedp.Do(ctx, chromedp.Navigate(base+"/tim-kiem/"))
		if err == nil {
			_, err = chromedp.Run(ctx, chromedp.Evaluate[bool](minhbachReady, chromedp.EvalAwaitPromise))
			time.Sleep(settle)
		}
		if err == nil {
			out, err = chromedp.Run(ctx, chromedp.Evaluate[answer](minhbachJS+"("+quote(q)+")", chromedp.EvalAwaitPromise))
		}
	}
	if err != nil {
		log.Fatalf("%s %q: %v", tool, q, err)
	}
	// SEARCHBENCH_DEBUG=1 prints when each file was asked for and arrived (ms).
	if os.Getenv("SEARCHBENCH_DEBUG") != "" {
		log.Print(q, " ", out.Debug)
	}
	search, all, n := c.read()
	return result{total: out.Total, ms: out.MS, first: out.First, ids: out.IDs, search: search, all: all, requests: n}
}

// median returns the middle of xs (the upper one of an even count).
func median(xs []float64) float64 {
	xs = slices.Sorted(slices.Values(xs))
	return xs[len(xs)/2]
}

func quote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

// counter counts the bytes the server sends, gzipping text as a static
// host does. Search files are the search client and index (minhbach's
// /assets/js/search.*, /tim-kiem/index/; Pagefind's /pagefind/).
type counter struct {
	mu          sync.Mutex
	search, all int64
	requests    int
	// protos counts every request of the run by protocol ("HTTP/2.0").
	protos map[string]int
}

func (c *counter) reset() {
	c.mu.Lock()
	c.search, c.all, c.requests = 0, 0, 0
	c.mu.Unlock()
}

func (c *counter) read() (int64, int64, int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.search, c.all, c.requests
}

func (c *counter) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		isSearch := strings.HasPrefix(p, "/tim-kiem/index/") || strings.HasPrefix(p, "/pagefind/") ||
			(strings.HasPrefix(p, "/assets/js/search.") && strings.HasSuffix(p, ".js"))
		cw := &countingWriter{ResponseWriter: w}
		var out http.ResponseWriter = cw
		var gz *gzip.Writer
		switch path.Ext(p) {
		case ".html", ".css", ".js", ".json", ".wasm", ".xml", ".svg", "":
			if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
				w.Header().Set("Content-Encoding", "gzip")
				w.Header().Add("Vary", "Accept-Encoding")
				gz = gzips.Get().(*gzip.Writer)
				gz.Reset(cw)
				out = gzipWriter{ResponseWriter: w, w: gz}
			}
		}
		h.ServeHTTP(out, r)
		if gz != nil {
			gz.Close()
			gzips.Put(gz)
		}
		c.mu.Lock()
		c.all += cw.n
		c.requests++
		if c.protos == nil {
			c.protos = map[string]int{}
		}
		c.protos[r.Proto]++
		if isSearch {
			c.search += cw.n
		}
		c.mu.Unlock()
	})
}

// gzips keep their writers between responses: a new one allocates about a
// megabyte, which a static host (nginx) does not pay for each file.
var gzips = sync.Pool{New: func() any { w, _ := gzip.NewWriterLevel(io.Discard, 6); return w }}

type countingWriter struct {
	http.ResponseWriter
	n int64
}

func (w *countingWriter) Write(b []byte) (int, error) {
	n, err := w.ResponseWriter.Write(b)
	w.n += int64(n)
	return n, err
}

type gzipWriter struct {
	http.ResponseWriter
	w *gzip.Writer
}

func (g gzipWriter) WriteHeader(code int) {
	g.ResponseWriter.Header().Del("Content-Length")
	g.ResponseWriter.WriteHeader(code)
}

func (g gzipWriter) Write(b []byte) (int, error) { return g.w.Write(b) }

// selfSigned makes a certificate for 127.0.0.1, valid for a day, and
// returns it with the base64 SHA-256 of its public key, for Chromium's
// --ignore-certificate-errors-spki-list: a certificate trusted that way
// is treated as valid, so the browser caches what it fetches (it caches
// nothing from a host whose certificate errors it merely ignores).
func selfSigned() (tls.Certificate, string, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, "", err
	}
	pub, err := x509.MarshalPKIXPublicKey(&key.PublicKey)
	if err != nil {
		return tls.Certificate{}, "", err
	}
	sum := sha256.Sum256(pub)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "searchbench"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return tls.Certificate{}, "", err
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, base64.StdEncoding.EncodeToString(sum[:]), nil
}

// pagefindPage is the bench's search page for Pagefind in -cold mode: it
// reads the query from its URL, searches, loads the first result's data
// and marks "search:first", as minhbach's page does.
const pagefindPage = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>pagefind</title><body><ol id="r"></ol><script type="module">
const q = new URLSearchParams(location.search).get("q") || "";
performance.mark("search:ask");
const pf = await import("/pagefind/pagefind.js");
await pf.init();
const s = await pf.search(q);
performance.mark("search:ranked");
document.body.dataset.total = s.results.length;
if (s.results.length) {
	const d = await s.results[0].data();
	const li = document.createElement("li");
	li.textContent = d.meta.title;
	document.getElementById("r").appendChild(li);
}
performance.mark("search:first");
</script></body></html>`

// coldSubmit records the time of the submit (ms since the epoch, as the
// next page's performance.timeOrigin counts) and submits the query in the
// page's header search box, or, on the blank page, goes to Pagefind's.
const coldSubmit = `((q) => {
	const t = performance.timeOrigin + performance.now();
	const input = document.getElementById("q-header");
	setTimeout(() => {
		if (input) { input.value = q; input.form.requestSubmit(); }
		else location.href = "/__pagefind.html?q=" + encodeURIComponent(q);
	}, 0);
	return t;
})`

// coldRead returns when the search page's first result came (ms since
// the epoch; 0 while it has not, or on the page before), the results'
// count, and the page's timeline. It never waits: a promise pending when
// the page changes would never settle.
const coldRead = `(() => {
	// A query without results shows none: its page is done at "search:shown".
	const done = () => performance.getEntriesByName("search:first")[0] || performance.getEntriesByName("search:shown")[0];
	// The count is known once every result is counted (after the first).
	if (!done() || (document.getElementById("tim-kiem") && !performance.getEntriesByName("search:shown").length)) return {first: 0};
	const o = performance.timeOrigin, first = done();
	const nav = performance.getEntriesByType("navigation")[0] || {};
	const root = document.getElementById("tim-kiem");
	const status = document.getElementById("trang-thai");
	const total = root ? Number((status.textContent.match(/Tìm thấy ([0-9.]+)/) || ["", "0"])[1].replace(/\./g, "")) : Number(document.body.dataset.total || 0);
	const steps = [["page asked", nav.requestStart || 0], ["page arrived", nav.responseEnd || 0], ["DOMContentLoaded", nav.domContentLoadedEventEnd || 0], ["load", nav.loadEventEnd || 0]];
	for (const e of performance.getEntriesByType("resource")) steps.push([e.name.replace(location.origin, "").replace(/^\/tim-kiem\/index\//, "index:") + " asked", e.startTime], [e.name.replace(location.origin, "").replace(/^\/tim-kiem\/index\//, "index:") + " arrived", e.responseEnd]);
	for (const m of performance.getEntriesByType("mark")) steps.push([m.name, m.startTime]);
	return {origin: o, first: first ? o + first.startTime : 0, total, steps: steps.filter(s => s[1] > 0).map(s => [s[0], o + s[1]])};
})()`

// coldAnswer is what coldRead returns.
type coldAnswer struct {
	Origin float64 `json:"origin"`
	First  float64 `json:"first"`
	Total  int     `json:"total"`
	Steps  [][]any `json:"steps"`
}

// coldRun is one run of a query on the cold path.
type coldRun struct {
	ms          float64
	total       int
	search, all int64
	requests    int
	steps       [][]any
	submit      float64
}

// coldOnce runs q once on the cold path of tool, in a new browser context.
func coldOnce(browser context.Context, base, tool, from, q string, c *counter) coldRun {
	start := from
	if tool == "pagefind" {
		start = "/__blank.html"
	}
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 60*time.Second)
	defer cancelT()
	err := chromedp.Do(ctx, chromedp.Navigate(base+start))
	var submit float64
	if err == nil {
		c.reset()
		submit, err = chromedp.Run(ctx, chromedp.Evaluate[float64](coldSubmit+"("+quote(q)+")", chromedp.EvalAwaitPromise))
	}
	var out coldAnswer
	if err == nil {
		// The page changes under the evaluation: ask again until the
		// search page answers.
		for i := 0; i < 2000; i++ {
			time.Sleep(20 * time.Millisecond)
			out, err = chromedp.Run(ctx, chromedp.Evaluate[coldAnswer](coldRead))
			if err == nil && out.First > 0 {
				break
			}
		}
	}
	if err != nil || out.First == 0 {
		log.Fatalf("%s %q cold: no first result (%v)", tool, q, err)
	}
	search, all, n := c.read()
	return coldRun{ms: out.First - submit, total: out.Total, search: search, all: all, requests: n, steps: out.Steps, submit: submit}
}

// coldRuns runs each query runs times on the cold path and prints the
// median time from submit to first result, with the bytes of the search
// page's load (everything after the submit) and, with timeline, the
// median run's steps. With tool "both" it runs minhbach and Pagefind in
// turn (which goes first alternates from run to run) and prints them side
// by side.
func coldRuns(browser context.Context, base, tool, from string, runs int, timeline bool, c *counter, queries []string) {
	tools := []string{tool}
	if tool == "both" {
		tools = []string{"minhbach", "pagefind"}
	}
	medians := map[string][]float64{}
	maxBytes := map[string]int64{}
	for _, q := range queries {
		rs := map[string][]coldRun{}
		for i := range runs {
			for k := range tools {
				t := tools[(i+k)%len(tools)]
				rs[t] = append(rs[t], coldOnce(browser, base, t, from, q, c))
			}
		}
		var cols []string
		for _, t := range tools {
			slices.SortFunc(rs[t], func(a, b coldRun) int { return cmpFloat(a.ms, b.ms) })
			r := rs[t][len(rs[t])/2]
			medians[t] = append(medians[t], r.ms)
			maxBytes[t] = max(maxBytes[t], r.search)
			var times []string
			for _, x := range rs[t] {
				times = append(times, fmt.Sprintf("%.0f", x.ms))
			}
			cols = append(cols, fmt.Sprintf("%s %6d results, search files %7d B, everything %7d B in %3d requests, submit to first result %6.0f ms (runs %s)",
				t, r.total, r.search, r.all, r.requests, r.ms, strings.Join(times, ", ")))
		}
		fmt.Printf("%-30s %s\n", fmt.Sprintf("%q", q), strings.Join(cols, "\n"+strings.Repeat(" ", 31)))
		if timeline {
			for _, t := range tools {
				r := rs[t][len(rs[t])/2]
				steps := slices.Clone(r.steps)
				slices.SortStableFunc(steps, func(a, b []any) int { return cmpFloat(a[1].(float64), b[1].(float64)) })
				fmt.Printf("  %s, median run:\n", t)
				for _, st := range steps {
					fmt.Printf("    %7.0f ms  %s\n", st[1].(float64)-r.submit, st[0])
				}
			}
		}
	}
	for _, t := range tools {
		fmt.Printf("%s cold path: submit to first result, median over %d queries %.0f ms (min %.0f, max %.0f); search files at most %d B\n",
			t, len(queries), median(medians[t]), slices.Min(medians[t]), slices.Max(medians[t]), maxBytes[t])
	}
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
