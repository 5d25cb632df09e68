package main

// What a phone downloads for a news page with a large photo in its body,
// measured in headless Chromium.

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"minhbach/internal/sitetest"
)

// TestE2EBodyPhotoOnPhone opens a news page whose body shows a 6 000×4 000
// photo at 360 CSS px and a device pixel ratio of 2, as a phone does: the
// browser picks a smaller copy from srcset, not the 6.5 MB original, and
// the pictures the page downloads weigh a small part of it. The figure is
// logged.
func TestE2EBodyPhotoOnPhone(t *testing.T) {
	needChromium(t)
	dir := t.TempDir()
	photo := sitetest.Photo(6000, 4000, 1)
	writeFile(t, filepath.Join(dir, "site.yaml"), siteYAML)
	writeFile(t, filepath.Join(dir, "content/news/2026/anh/hien-truong.jpg"), string(photo))
	writeFile(t, filepath.Join(dir, "content/news/2026/kiem-tra.md"), "---\ntitle: Kiểm tra hiện trường\ndate: 2026-11-20\ncategory: Tin hoạt động\n---\n\n"+
		"Đoàn công tác kiểm tra hiện trường dự án.\n\n![Đoàn công tác tại hiện trường](anh/hien-truong.jpg \"Ảnh: Minh Tâm\")\n\nĐoàn đề nghị đẩy nhanh tiến độ.\n")
	bctx, base, clean := startSiteFrom(t, dir, 4*time.Minute)

	var mu sync.Mutex
	urls := map[network.RequestID]string{}
	got := map[string]float64{} // image URL → bytes received
	chromedp.Listen(bctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventResponseReceived:
			if ev.Type == network.ResourceTypeImage {
				urls[ev.RequestID] = ev.Response.URL
			}
		case *network.EventLoadingFinished:
			if u, ok := urls[ev.RequestID]; ok {
				got[u] += ev.EncodedDataLength
			}
		}
	})
	url := base + "/tin-tuc/2026/11/kiem-tra/"
	if err := chromedp.Do(bctx,
		chromedp.EmulateViewport(360, 740, chromedp.EmulateScale(2), chromedp.EmulateMobile), chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	browserRun(t, bctx, "images", chromedp.Evaluate[[]string](imagesJS, chromedp.EvalAwaitPromise))
	src := browserRun(t, bctx, "currentSrc", chromedp.Evaluate[string](`document.querySelector(".prose figure img").currentSrc`))
	clean("news page at 360 px, DPR 2")
	time.Sleep(200 * time.Millisecond) // the last LoadingFinished events
	mu.Lock()
	defer mu.Unlock()
	var total float64
	var list []string
	for u, n := range got {
		total += n
		list = append(list, strings.TrimPrefix(u, base)+" "+formatBytes(n))
	}
	t.Logf("360 px, DPR 2: body photo shown from %s; pictures downloaded: %s = %s in all (original %d bytes)",
		strings.TrimPrefix(src, base), strings.Join(list, ", "), formatBytes(total), len(photo))
	if strings.HasSuffix(src, "/hien-truong.jpg") || !strings.Contains(src, "/assets/anh/") {
		t.Errorf("the phone shows %s, want a smaller copy under /assets/anh/", src)
	}
	if total == 0 || total > float64(len(photo))/10 {
		t.Errorf("pictures downloaded: %.0f bytes, want some, and under a tenth of the %d-byte original", total, len(photo))
	}
	if _, err := os.Stat(filepath.Join(dir, ".minhbach-cache", "anh")); err != nil {
		t.Errorf("no picture cache after the build: %v", err)
	}
}

func formatBytes(n float64) string { return fmt.Sprintf("%.1f KB", n/1000) }
