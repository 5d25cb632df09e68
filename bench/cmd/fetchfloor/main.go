// Command fetchfloor measures what a fetch costs in headless Chromium on
// this machine, whatever the index: from a page of the given site, a cold
// browser context fetches N of the site's small files at once and reports
// when the first and the last arrived (parsed as JSON), as the floor under
// any search that needs a round of requests.
//
//	fetchfloor -public DIR [-runs 5] [-settle 200ms] URL…
//
// -settle is how long the page rests, loaded, before fetching: a browser
// context just started keeps working for a second or two.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
)

var settle = 200 * time.Millisecond

func main() {
	public := flag.String("public", "public", "the built site")
	chromium := flag.String("chromium", "/usr/bin/chromium", "the browser")
	runs := flag.Int("runs", 5, "cold runs")
	flag.DurationVar(&settle, "settle", settle, "time the page rests before fetching")
	flag.Parse()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	srv := &http.Server{Handler: http.FileServer(http.Dir(*public))}
	go srv.Serve(ln)
	base := "http://" + ln.Addr().String()
	opts := append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]),
		chromedp.ExecPath(*chromium), chromedp.Headless, chromedp.NoSandbox, chromedp.NoFirstRun, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.WindowSize(360, 800))
	allocCtx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	browser, cancelB := chromedp.NewContext(allocCtx)
	defer cancelB()
	if err := chromedp.Do(browser); err != nil {
		log.Fatal(err)
	}
	urls, _ := json.Marshal(flag.Args())
	js := `(async (urls) => { const t0 = performance.now(); let first = 0;
		await Promise.all(urls.map(u => fetch(u).then(r => r.json()).then(() => { first = first || performance.now() - t0; })));
		return [first, performance.now() - t0]; })(` + string(urls) + `)`
	var firsts, lasts []float64
	for range *runs {
		ctx, c := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
		var out []float64
		err := chromedp.Do(ctx, chromedp.Navigate(base+"/__none__"))
		if err == nil {
			time.Sleep(settle)
			out, err = chromedp.Run(ctx, chromedp.Evaluate[[]float64](js, chromedp.EvalAwaitPromise))
		}
		c()
		if err != nil {
			log.Fatal(err)
		}
		firsts, lasts = append(firsts, out[0]), append(lasts, out[1])
	}
	sort.Float64s(firsts)
	sort.Float64s(lasts)
	fmt.Printf("%d files (%s…): first arrives median %.1f ms (%.1f–%.1f), last %.1f ms (%.1f–%.1f)\n", flag.NArg(), strings.Join(flag.Args()[:1], ""),
		firsts[len(firsts)/2], firsts[0], firsts[len(firsts)-1], lasts[len(lasts)/2], lasts[0], lasts[len(lasts)-1])
}
