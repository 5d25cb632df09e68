package main

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"minhbach"
	"minhbach/internal/serve"
)

// TestE2EServe opens a news page of the live preview in Chromium, edits
// the item's title on disk and waits for the page to show it without a
// manual reload; then breaks the front matter and waits for the overlay
// naming the file and line, and fixes it again.
func TestE2EServe(t *testing.T) {
	chromium := needChromium(t)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	t.Cleanup(cancel)

	dir := t.TempDir()
	for _, name := range []string{"content", "layouts", "assets"} {
		if err := os.CopyFS(filepath.Join(dir, name), os.DirFS(filepath.Join("../..", name))); err != nil {
			t.Fatal(err)
		}
	}
	cfg, err := os.ReadFile("../../site.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "site.yaml"), cfg, 0o644); err != nil {
		t.Fatal(err)
	}

	srvCtx, stopServe := context.WithCancel(ctx)
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- serve.Run(srvCtx, serve.Options{Dir: dir, Theme: minhbach.Theme, Port: -1,
			Now: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)}, func(url string) { ready <- url })
	}()
	var base string
	select {
	case base = <-ready:
	case err := <-done:
		t.Fatalf("serve: %v", err)
	}

	opts := append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]),
		chromedp.ExecPath(chromium), chromedp.Headless, chromedp.NoSandbox, chromedp.NoFirstRun, chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(1280, 900),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	bctx, cancelBrowser := chromedp.NewContext(allocCtx)
	// The browser goes first, then the preview, then the folders.
	t.Cleanup(func() {
		cancelBrowser()
		cancelAlloc()
		stopServe()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})

	rel := "content/news/2025/2025-01-08-tong-ket-cong-tac-van-phong-nam-2024.md"
	orig, err := os.ReadFile(filepath.Join(dir, rel))
	if err != nil {
		t.Fatal(err)
	}
	save := func(s string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, rel), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// waitText waits for the page's text at sel to contain want.
	waitText := func(what, sel, want string) {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		var got string
		for time.Now().Before(deadline) {
			got, _ = chromedp.Run(bctx, chromedp.Evaluate[string](`(document.querySelector(`+"`"+sel+"`"+`) || {}).innerText || ""`))
			if strings.Contains(got, want) {
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
		t.Fatalf("%s: %s shows %q, want %q", what, sel, got, want)
	}

	page := base + "tin-tuc/2025/01/tong-ket-cong-tac-van-phong-nam-2024/"
	if err := chromedp.Do(bctx, chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	waitText("first load", "h1", "tổng kết công tác năm 2024")
	// A mark that a reload clears: the page must reload by itself.
	browserRun(t, bctx, "mark", chromedp.Evaluate[bool](`window.notReloaded = true`))

	title := "Tiêu đề sửa trong lúc xem trước"
	save(strings.Replace(string(orig), "title: \"", "title: \""+title+": ", 1))
	waitText("edited title", "h1", title)
	if still := browserRun(t, bctx, "mark after", chromedp.Evaluate[bool](`window.notReloaded === true`)); still {
		t.Error("the title changed without a reload?")
	}

	save(strings.Replace(string(orig), "date: ", "date: [", 1))
	waitText("broken front matter", "body", "Không dựng được trang")
	waitText("overlay names the file and line", "ol", rel+":")
	png := browserRun(t, bctx, "screenshot", chromedp.FullScreenshot(100))
	if err := os.WriteFile(filepath.Join(shotsDir(t), "serve-overlay.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}

	save(string(orig))
	waitText("fixed", "h1", "tổng kết công tác năm 2024")
}
