package main

// End-to-end browser test of the procedure catalogue, as a citizen uses it:
// open /thu-tuc/, pick a field, open a procedure, check that its sections
// come in the standard order; open a procedure done online (1.004227):
// its "Nộp hồ sơ trực tuyến" button links to the national portal for its
// code, and its print button shows with JavaScript only; then print it:
// with print media the navigation is gone, the office's name and address
// are on top, the links to forms and documents show their absolute
// address, the numbered checklist of papers is on the page, on one sheet,
// and the page prints on few A4 sheets.
//
// Run it with: go test ./cmd/minhbach/ -run E2EProcedure -v
// The rules of e2e_test.go (skip without chromium, fail under CI=true) hold.

import (
	"context"
	"fmt"
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
// breadcrumb and footer take any room, the checklist items with the box
// drawn before each, the text printed after the links to forms and
// documents, the office's lines and the buttons.
const printJS = `(() => {
	const room = sel => Array.from(document.querySelectorAll(sel)).some(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 });
	const items = Array.from(document.querySelectorAll(".checklist li"));
	const office = document.querySelector(".print-office");
	return {
		header: room(".site-header"), nav: room(".main-nav, nav.breadcrumb"), footer: room(".site-footer"),
		items: items.filter(li => { const r = li.getBoundingClientRect(); return r.width > 0 && r.height > 0 }).length,
		boxed: items.filter(li => getComputedStyle(li, "::before").borderTopStyle === "solid").length,
		source: room(".print-only"),
		office: office && room(".print-office") ? office.innerText : "",
		links: Array.from(document.querySelectorAll("article.procedure a.form-link, article.procedure .basis a, #cong-bo + p a"), a => ({href: a.getAttribute("href"), after: getComputedStyle(a, "::after").content})),
		printButton: room("button[data-print]"),
	};
})()`

type printView struct {
	Header      bool        `json:"header"`
	Nav         bool        `json:"nav"`
	Footer      bool        `json:"footer"`
	Items       int         `json:"items"`
	Boxed       int         `json:"boxed"`
	Source      bool        `json:"source"`
	Office      string      `json:"office"`
	Links       []printLink `json:"links"`
	PrintButton bool        `json:"printButton"`
}

type printLink struct {
	Href  string `json:"href"`
	After string `json:"after"`
}

// onlineJS describes the procedure page's buttons on screen.
const onlineJS = `(() => {
	const a = document.querySelector("article.procedure .actions a.button"), p = document.querySelector("button[data-print]");
	return {text: a ? a.textContent.trim() : "", href: a ? a.href : "", print: !!p && p.getClientRects().length > 0 && p.textContent.trim()};
})()`

type onlineView struct {
	Text  string `json:"text"`
	Href  string `json:"href"`
	Print any    `json:"print"`
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

	// A procedure done online: the button to submit it on the national
	// portal, and the print button (JavaScript only).
	const online = "/thu-tuc/1.004227/"
	loadPage(t, ctx, clean, "thu-tuc-truc-tuyen", base+online, 1280)
	o := browserRun(t, ctx, "online procedure", chromedp.Evaluate[onlineView](onlineJS))
	if want := "https://dichvucong.gov.vn/p/home/dvc-dich-vu-cong-truc-tuyen-ds.html?pkeyWord=1.004227"; o.Text != "Nộp hồ sơ trực tuyến" || o.Href != want {
		t.Errorf("%s: online button %q → %q, want \"Nộp hồ sơ trực tuyến\" → %q", online, o.Text, o.Href, want)
	}
	if o.Print != "In thủ tục này" {
		t.Errorf("%s: print button %v, want \"In thủ tục này\" shown with JavaScript", online, o.Print)
	}
	scripts(t, ctx, false)
	openAt(t, ctx, "online procedure without JavaScript", base+online, 360) // loadPage waits on timers, which need JavaScript
	if o := browserRun(t, ctx, "online procedure without JavaScript", chromedp.Evaluate[onlineView](onlineJS)); o.Print != false || o.Href == "" {
		t.Errorf("%s without JavaScript: print button %v (want none: it cannot work), online link %q (want it)", online, o.Print, o.Href)
	}
	scripts(t, ctx, true)
	loadPage(t, ctx, clean, "thu-tuc-truc-tuyen", base+online, 1280)
	href.Value = online
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
	if v.PrintButton {
		t.Error("printed, the page shows its print button")
	}
	for _, want := range []string{"Văn phòng Ủy ban nhân dân tỉnh Sơn Hà", "Số 12 đường Trần Hưng Đạo", "0208 3851 234"} {
		if !strings.Contains(v.Office, want) {
			t.Errorf("printed, the office's lines on top read %q, want them to hold %q (site.yaml agency and contact)", v.Office, want)
		}
	}
	forms := 0
	for _, l := range v.Links {
		want := fmt.Sprintf("\" (https://vanphong.sonha.gov.vn%s)\"", l.Href)
		if l.After != want {
			t.Errorf("printed, the link to %s is followed by %s, want its absolute address %s", l.Href, l.After, want)
		}
		if strings.HasPrefix(l.Href, "/thu-tuc/bieu-mau/") {
			forms++
		}
	}
	if forms == 0 || len(v.Links) < 2 {
		t.Errorf("printed, %d links found, %d to forms: want the forms and the documents of %s", len(v.Links), forms, href.Value)
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
	if pages > 2 {
		t.Errorf("the procedure prints on %d A4 pages, want at most 2", pages)
	}
	// The checklist is kept on one sheet: it is shorter than a sheet, and
	// the print style sheet forbids a page break inside it (the PDF of
	// artifacts/screenshots shows where the pages break).
	if c := browserRun(t, ctx, "checklist in print", chromedp.Evaluate[checklistPrint](checklistPrintJS)); c.Height > c.Sheet || c.Break != "avoid" {
		t.Errorf("printed, the checklist of papers is %.0f px high (a sheet holds %.0f px) with break-inside %q; want it shorter than a sheet and kept whole (avoid)", c.Height, c.Sheet, c.Break)
	}
	if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{})
		return err
	})); err != nil {
		t.Fatal(err)
	}
	clean("procedure printed")
}

// checklistPrintJS gives the height of the checklist of papers in print
// media, the height of a sheet's printable area (297 mm less the margins
// of @page, 10 and 12 mm, at 96 CSS px an inch) and the list's
// break-inside.
const checklistPrintJS = `(() => {
	const c = document.querySelector(".checklist");
	return {height: c.getBoundingClientRect().height, sheet: (297 - 10 - 12) / 25.4 * 96, break: getComputedStyle(c).breakInside};
})()`

type checklistPrint struct {
	Height float64 `json:"height"`
	Sheet  float64 `json:"sheet"`
	Break  string  `json:"break"`
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
