package main

// End-to-end browser test of the status on the reader's date: the demo
// site is built as of 23/11/2026 (startSite), and Decision 62/2026/QĐ-UBND
// takes effect on 05/12/2026 and repeals a clause of 10/2025/QĐ-UBND on
// that day. With the browser's clock set to 10/12/2026, the script of the
// page (assets/js/app.js) must show 62/2026 "Còn hiệu lực", 10/2025 "Hết
// hiệu lực một phần" with the clause repealed, and move the as-of date to
// 10/12/2026, on the document pages and in the browse list. Without
// JavaScript the same pages show the status as of the build.
//
// Run it with: go test ./cmd/minhbach/ -run E2EValidity -v
// The rules of e2e_test.go (skip without chromium, fail under CI=true) hold.

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// validityJS reads what a document page shows of its validity.
const validityJS = `(() => {
	const text = sel => { const e = document.querySelector(sel); return e ? e.textContent.trim() : null; };
	const shown = e => !!e && !e.closest("[hidden]") && e.getClientRects().length > 0;
	const badge = document.querySelector(".status-line [data-status]");
	return {
		badge: badge ? badge.textContent.trim() : null,
		badgeClass: badge ? badge.className : null,
		asOf: text(".status-line time[data-as-of]"),
		asOfDate: (document.querySelector(".status-line time[data-as-of]") || {getAttribute: () => null}).getAttribute("datetime"),
		metaStatus: text("dd[data-status-label]"),
		parts: Array.from(document.querySelectorAll(".validity-parts li")).filter(shown).map(li => li.textContent.trim()),
		ahead: Array.from(document.querySelectorAll(".validity-ahead li")).filter(shown).map(li => li.textContent.trim()),
		pending: Array.from(document.querySelectorAll(".history [data-until]")).filter(shown).length,
	};
})()`

type validityView struct {
	Badge      string   `json:"badge"`
	BadgeClass string   `json:"badgeClass"`
	AsOf       string   `json:"asOf"`
	AsOfDate   string   `json:"asOfDate"`
	MetaStatus string   `json:"metaStatus"`
	Parts      []string `json:"parts"`
	Ahead      []string `json:"ahead"`
	Pending    int      `json:"pending"`
}

// listStatusJS returns the status badge and the as-of line of a browse
// list entry, by the path of its link.
const listStatusJS = `((href) => {
	const a = document.querySelector('main .doc-list a[href="' + href + '"]');
	const li = a ? a.closest("li") : null, b = li ? li.querySelector("[data-status]") : null;
	const t = document.querySelector("main .as-of time[data-as-of]");
	return {badge: b ? b.textContent.trim() : null, asOf: t ? t.textContent.trim() : null};
})`

type listStatus struct {
	Badge string `json:"badge"`
	AsOf  string `json:"asOf"`
}

// setClock makes the tab's clock read at when a page starts, and run on
// from there: a script run before any script of each new page replaces
// Date with one shifted by the difference. (Chrome's virtual time,
// Emulation.setVirtualTimePolicy with initialVirtualTime, was tried first:
// with the policy "advance" it jumps over idle timers, and read three days
// later after three page loads; "pause" stops the timers the pages need.)
func setClock(t *testing.T, ctx context.Context, at time.Time) {
	t.Helper()
	src := fmt.Sprintf(`(() => {
	const Real = Date, shift = %d - Real.now();
	class Shifted extends Real {
		constructor(...a) { if (a.length) { super(...a); } else { super(Real.now() + shift); } }
		static now() { return Real.now() + shift; }
	}
	globalThis.Date = Shifted;
})()`, at.UnixMilli())
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src})
		return err
	}))
	if err != nil {
		t.Fatalf("set the browser clock to %s: %v", at, err)
	}
}

func TestE2EValidity(t *testing.T) {
	ctx, base, clean := startSite(t) // built as of 23/11/2026
	const (
		decision = "/van-ban/62-2026-qd-ubnd/" // takes effect on 05/12/2026
		amended  = "/van-ban/10-2025-qd-ubnd/" // its clause 3 of Article 2 is repealed on 05/12/2026
	)
	view := func(stage, path string, width int64) validityView {
		t.Helper()
		vp := chromedp.EmulateViewport(width, 900)
		if width < 600 {
			vp = chromedp.EmulateViewport(width, 800, chromedp.EmulateMobile)
		}
		if err := chromedp.Do(ctx, vp, chromedp.Navigate(base+path)); err != nil {
			t.Fatalf("%s: %v", stage, err)
		}
		v := browserRun(t, ctx, stage, chromedp.Evaluate[validityView](validityJS))
		clean(stage)
		now := browserRun(t, ctx, stage+": clock", chromedp.Evaluate[string](`new Date().toISOString()`))
		t.Logf("%s: the browser's clock reads %s", stage, now)
		return v
	}

	// Without JavaScript: the status as of the build, with its date, and
	// the change ahead listed.
	scripts(t, ctx, false)
	v := view("62/2026 without JavaScript", decision, 1280)
	if v.Badge != "◷ Chưa có hiệu lực" || v.AsOf != "23/11/2026" || v.MetaStatus != "Chưa có hiệu lực" {
		t.Errorf("62/2026 without JavaScript shows %q as of %q (meta %q), want \"◷ Chưa có hiệu lực\" as of 23/11/2026", v.Badge, v.AsOf, v.MetaStatus)
	}
	if want := "Từ ngày 05/12/2026: Còn hiệu lực (văn bản bắt đầu có hiệu lực)"; len(v.Ahead) != 1 || v.Ahead[0] != want {
		t.Errorf("62/2026 without JavaScript lists the changes ahead %q, want [%q]", v.Ahead, want)
	}
	v = view("10/2025 without JavaScript", amended, 1280)
	if v.Badge != "✓ Còn hiệu lực" || len(v.Parts) != 0 || v.Pending != 2 {
		t.Errorf("10/2025 without JavaScript shows %q with the parts out of force %q and %d pending changes, want \"✓ Còn hiệu lực\", none and 2", v.Badge, v.Parts, v.Pending)
	}
	scripts(t, ctx, true)

	// With JavaScript and the clock of 10/12/2026 (Vietnam time).
	setClock(t, ctx, time.Date(2026, 12, 10, 9, 0, 0, 0, time.FixedZone("ICT", 7*3600)))
	v = view("62/2026 on 10/12/2026", decision, 1280)
	if v.Badge != "✓ Còn hiệu lực" || v.BadgeClass != "status status-in_force" || v.MetaStatus != "Còn hiệu lực" {
		t.Errorf("62/2026 on 10/12/2026 shows %q (class %q, meta %q), want \"✓ Còn hiệu lực\"", v.Badge, v.BadgeClass, v.MetaStatus)
	}
	if v.AsOf != "10/12/2026" || v.AsOfDate != "2026-12-10" {
		t.Errorf("62/2026 on 10/12/2026: as-of date %q (datetime %q), want 10/12/2026", v.AsOf, v.AsOfDate)
	}
	if len(v.Ahead) != 0 {
		t.Errorf("62/2026 on 10/12/2026 still lists the changes ahead %q", v.Ahead)
	}
	v = view("10/2025 on 10/12/2026", amended, 360)
	wantPart := "Hết hiệu lực một phần: Khoản 3 Điều 2 — bãi bỏ bởi 62/2026/QĐ-UBND, từ ngày 05/12/2026"
	if v.Badge != "◐ Hết hiệu lực một phần" || len(v.Parts) != 1 || v.Parts[0] != wantPart {
		t.Errorf("10/2025 on 10/12/2026 shows %q with the parts %q, want \"◐ Hết hiệu lực một phần\" with [%q]", v.Badge, v.Parts, wantPart)
	}
	if want := "Từ ngày 01/01/2027: Hết hiệu lực một phần (Khoản 2 Điều 2 — bãi bỏ bởi 62/2026/QĐ-UBND)"; len(v.Ahead) != 1 || v.Ahead[0] != want {
		t.Errorf("10/2025 on 10/12/2026 lists the changes ahead %q, want [%q]", v.Ahead, want)
	}
	if v.Pending != 1 {
		t.Errorf("10/2025 on 10/12/2026: %d changes of the history marked not yet in force, want 1 (01/01/2027)", v.Pending)
	}
	o := browserRun(t, ctx, "10/2025 at 360 px: overflow", chromedp.Evaluate[overflow](overflowJS))
	if err := o.check(360); err != nil {
		t.Errorf("10/2025 at 360 px: %v", err)
	}
	saveShot(t, "validity-10-2025-360.png", browserRun(t, ctx, "screenshot", chromedp.FullScreenshot(100)))

	// The validity block and the history table pass axe-core's WCAG 2.1
	// AA rules (the accessibility test loads a document page without them).
	t.Run("axe", func(t *testing.T) {
		src := needAxe(t)
		view("10/2025 at 1280 px for axe", amended, 1280)
		runAxe(t, ctx, "10/2025 at 1280 px", src)
	})

	// The browse list shows the status on the reader's date too.
	stage := "browse list on 10/12/2026"
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(base+"/van-ban/")); err != nil {
		t.Fatalf("%s: %v", stage, err)
	}
	ls := browserRun(t, ctx, stage, chromedp.Evaluate[listStatus](fmt.Sprintf("%s(%q)", listStatusJS, decision)))
	if ls.Badge != "✓ Còn hiệu lực" || ls.AsOf != "10/12/2026" {
		t.Errorf("%s: 62/2026 shows %q as of %q, want \"✓ Còn hiệu lực\" as of 10/12/2026", stage, ls.Badge, ls.AsOf)
	}
	clean(stage)
}
