package main

// TestE2EStatistics opens the dossier statistics and the disclosure
// catalogue of the demo site in headless Chromium: at 320 px and 1280 px
// no page scrolls sideways (WCAG 2.1, 1.4.10) and the browser reports no
// error; every chart is drawn (a box wider than 200 px within the
// viewport, with bars), is announced as an image named by its <title>
// and described by its <desc>, which names the bars' figures,
// and keeps its bars in the text colour under forced colours (Windows
// high contrast), where a fixed colour would vanish. The caption of a
// table wider than the screen stays in view (it wraps instead of running
// off with the table). Screenshots go to
// artifacts/screenshots/stats-*.png. The rules of e2e_test.go (skip
// without chromium, fail under CI=true) hold.

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// chartsJS describes the charts of a page.
const chartsJS = `Array.from(document.querySelectorAll("svg.chart")).map(s => {
	const r = s.getBoundingClientRect(), bars = s.querySelectorAll("rect[fill='currentColor']");
	const title = s.querySelector("title"), fig = s.closest("figure");
	const bar = bars[bars.length - 1];
	return {id: fig ? fig.id : "", width: r.width, height: r.height, left: r.left, right: r.right, bars: bars.length,
		title: title ? title.textContent : "", desc: (document.getElementById(s.getAttribute("aria-describedby")) || {}).textContent || "",
		label: (s.querySelector("text[x='0']") || {}).textContent || "", color: getComputedStyle(s).color,
		fill: bar ? getComputedStyle(bar).fill : "", background: getComputedStyle(document.body).backgroundColor};
})`

// captionsJS lists the table captions that run past the viewport's right
// edge, as "caption «text» ends at N px of W".
const captionsJS = `Array.from(document.querySelectorAll("caption")).filter(c => c.getBoundingClientRect().right > innerWidth + 0.5)
	.map(c => "caption «" + c.textContent + "» ends at " + Math.round(c.getBoundingClientRect().right) + " px of " + innerWidth)`

type chartView struct {
	ID         string  `json:"id"`
	Width      float64 `json:"width"`
	Height     float64 `json:"height"`
	Left       float64 `json:"left"`
	Right      float64 `json:"right"`
	Bars       int     `json:"bars"`
	Title      string  `json:"title"`
	Desc       string  `json:"desc"`
	Label      string  `json:"label"`
	Color      string  `json:"color"`
	Fill       string  `json:"fill"`
	Background string  `json:"background"`
}

func TestE2EStatistics(t *testing.T) {
	ctx, base, clean := startSite(t)
	pages := []struct {
		name, path string
		charts     int
	}{
		{"stats-index", "/thong-ke/", 2},
		{"stats-period", "/thong-ke/2026-quy-3/", 1},
		{"stats-agency", "/thong-ke/co-quan/so-tu-phap/", 1},
		{"public-list", "/danh-muc-cong-khai/", 0},
		{"budget", "/ngan-sach/du-toan-2026/", 0},
	}
	for _, p := range pages {
		for _, width := range []int64{320, 1280} {
			loadPage(t, ctx, clean, p.name, base+p.path, width)
			stage := fmt.Sprintf("%s at %d px", p.path, width)
			charts := browserRun(t, ctx, stage+": charts", chromedp.Evaluate[[]chartView](chartsJS))
			if len(charts) != p.charts {
				t.Errorf("%s: %d charts, want %d", stage, len(charts), p.charts)
			}
			captions := browserRun(t, ctx, stage+": captions", chromedp.Evaluate[[]string](captionsJS))
			for _, c := range captions {
				t.Errorf("%s: %s", stage, c)
			}
			for _, c := range charts {
				if c.Width < 200 || c.Height < 40 || c.Left < 0 || c.Right > float64(width)+0.5 || c.Bars == 0 {
					t.Errorf("%s: chart %s not drawn in the viewport: %+v", stage, c.ID, c)
				}
				// The description gives the figures of the bars in words.
				if c.Label == "" || !strings.Contains(c.Desc, strings.TrimSuffix(c.Label, "…")) {
					t.Errorf("%s: chart %s: description %q does not name the bar %q", stage, c.ID, c.Desc, c.Label)
				}
				role, name, _ := axButton(t, ctx, stage, "#"+c.ID+" svg")
				if role != "image" && role != "img" || name != c.Title || name == "" {
					t.Errorf("%s: chart %s is announced as %q named %q, want an image named %q", stage, c.ID, role, name, c.Title)
				}
			}
		}
	}

	// Forced colours: the bars take the text colour the browser forces.
	forced := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "forced-colors", Value: "active"}, {Name: "prefers-color-scheme", Value: "dark"}}})
		return err
	})
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), forced, chromedp.Navigate(base+"/thong-ke/")); err != nil {
		t.Fatalf("forced colours: %v", err)
	}
	charts := browserRun(t, ctx, "forced colours: charts", chromedp.Evaluate[[]chartView](chartsJS))
	for _, c := range charts {
		if c.Fill != c.Color || c.Fill == c.Background {
			t.Errorf("forced colours: chart %s bars are %s on %s, text %s: want the text colour", c.ID, c.Fill, c.Background, c.Color)
		}
	}
	if len(charts) > 0 {
		t.Logf("forced colours: bars %s on %s", charts[0].Fill, charts[0].Background)
	}
	png := browserRun(t, ctx, "forced colours: screenshot", chromedp.FullScreenshot(100))
	writeShot(t, "stats-forced-colors-1280.png", png)
	clean("forced colours")
}

// writeShot writes a screenshot into artifacts/screenshots/.
func writeShot(t *testing.T, name string, png []byte) {
	t.Helper()
	file := filepath.Join(shotsDir(t), name)
	if err := os.WriteFile(file, png, 0o644); err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(file)
	t.Logf("screenshot %s", abs)
}
