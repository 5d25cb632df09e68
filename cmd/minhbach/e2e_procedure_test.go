package main

// End-to-end browser test of the procedure catalogue, as a citizen uses it:
// open /thu-tuc/, pick a field, open a procedure, check that its sections
// come in the standard order, then print it: with print media the
// navigation is gone and the numbered checklist of papers is on the page,
// and the page prints on few A4 sheets.
//
// Run it with: go test ./cmd/minhbach/ -run E2EProcedure -v
// The rules of e2e_test.go (skip without chromium, fail under CI=true) hold.

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// procedureSections are the labels of a procedure page, in the order the
// page must show them.
var procedureSections = []string{"Mã thủ tục", "Lĩnh vực", "Cấp thực hiện", "Cơ quan thực hiện", "Trình tự thực hiện",
	"Cách thức thực hiện", "Thành phần hồ sơ", "Thời hạn giải quyết", "Phí, lệ phí", "Kết quả thực hiện", "Căn cứ pháp lý",
	"Quyết định công bố", "Tình trạng"}

// labelsJS lists the dt and h2 texts of the procedure article, in order.
const labelsJS = `Array.from(document.querySelectorAll("article.procedure dt, article.procedure h2")).map(e => e.textContent.trim())`

// printJS describes the page as printed: whether the header, navigation,
// breadcrumb and footer take any room, and the checklist items with the
// box drawn before each.
const printJS = `(() => {
	const room = sel => Array.from(document.querySelectorAll(sel)).some(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 });
	const items = Array.from(document.querySelectorAll(".checklist li"));
	return {
		header: room(".site-header"), nav: room(".main-nav, nav.breadcrumb"), footer: room(".site-footer"),
		items: items.filter(li => { const r = li.getBoundingClientRect(); return r.width > 0 && r.height > 0 }).length,
		boxed: items.filter(li => getComputedStyle(li, "::before").borderTopStyle === "solid").length,
		source: room(".print-only"),
	};
})()`

type printView struct {
	Header bool `json:"header"`
	Nav    bool `json:"nav"`
	Footer bool `json:"footer"`
	Items  int  `json:"items"`
	Boxed  int  `json:"boxed"`
	Source bool `json:"source"`
}

func TestE2EProcedure(t *testing.T) {
	ctx, base, clean := startSite(t)

	loadPage(t, ctx, clean, "thu-tuc", base+"/thu-tuc/", 1280)
	follow(t, ctx, "catalogue: pick the field Hộ tịch", chromedp.Search(`//ul[@class="field-grid"]//a[normalize-space(.)="Hộ tịch"]`), "/thu-tuc/linh-vuc/ho-tich/")
	n := browserRun(t, ctx, "field page", chromedp.Evaluate[int](`document.querySelectorAll(".proc-list .proc-item").length`))
	if n < 3 {
		t.Fatalf("the Hộ tịch field lists %d procedures, want at least 3", n)
	}
	href := browserRun(t, ctx, "field page: first procedure", chromedp.AttributeValue(chromedp.CSS(".proc-list .proc-item a"), "href"))
	follow(t, ctx, "field page: open the first procedure", chromedp.CSS(".proc-list .proc-item a"), href.Value)
	clean("procedure page")

	labels := browserRun(t, ctx, "procedure labels", chromedp.Evaluate[[]string](labelsJS))
	at := 0
	for _, want := range procedureSections {
		i := indexFrom(labels, want, at)
		if i < 0 {
			t.Errorf("procedure page %s: %q missing or out of order; labels in order: %q", href.Value, want, labels)
			continue
		}
		at = i + 1
	}
	papers := browserRun(t, ctx, "checklist", chromedp.Evaluate[int](`document.querySelectorAll(".checklist li").length`))
	if papers == 0 {
		t.Fatalf("procedure page %s has no checklist of papers", href.Value)
	}

	// Print it: A4 width at 96 dpi, print media.
	printMedia := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	})
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(794, 1123), printMedia); err != nil {
		t.Fatalf("emulate print: %v", err)
	}
	v := browserRun(t, ctx, "print view", chromedp.Evaluate[printView](printJS))
	if v.Header || v.Nav || v.Footer {
		t.Errorf("printed, the page still shows header %v, navigation %v, footer %v; want none", v.Header, v.Nav, v.Footer)
	}
	if v.Items != papers || v.Boxed != papers {
		t.Errorf("printed, %d of %d checklist items are visible and %d have a tick box", v.Items, papers, v.Boxed)
	}
	if !v.Source {
		t.Error("printed, the page does not show its web address")
	}
	png := browserRun(t, ctx, "print screenshot", chromedp.FullScreenshot(100))
	shot := filepath.Join(shotsDir(t), "thu-tuc-in-a4.png")
	if err := os.WriteFile(shot, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s", shot)

	pdf := browserRun(t, ctx, "print to PDF", func(ctx context.Context, tg *chromedp.Target) ([]byte, error) {
		res, err := cdp.Call(ctx, tg, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: ptr(true)})
		return res.Data, err
	})
	pages := len(pdfPage.FindAll(pdf, -1))
	if err := os.WriteFile(filepath.Join(shotsDir(t), "thu-tuc-in-a4.pdf"), pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("printed %s: %d bytes of PDF, about %d A4 pages", href.Value, len(pdf), pages)
	if pages > 3 {
		t.Errorf("the procedure prints on %d A4 pages, want at most 3", pages)
	}
	if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{})
		return err
	})); err != nil {
		t.Fatal(err)
	}
	clean("procedure printed")
}

// pdfPage matches the page objects of a PDF (not the /Pages tree).
var pdfPage = regexp.MustCompile(`/Type\s*/Page[^s]`)

func indexFrom(s []string, want string, from int) int {
	for i := from; i < len(s); i++ {
		if strings.TrimSuffix(s[i], ":") == want {
			return i
		}
	}
	return -1
}

func ptr[T any](v T) *T { return &v }
