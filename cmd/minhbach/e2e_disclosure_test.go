package main

// End-to-end browser test of the disclosure pages of the demo site, built
// as of 23/11/2026 (startSite). A draft for comment works without
// JavaScript: its state as of the build ("Đang lấy ý kiến, còn 27 ngày"),
// the ways to comment and the draft's file are on the page and reflow at
// 320 px. With JavaScript and the reader's clock later, the state follows
// the reader's date: days left, then closed, with the ways to comment
// hidden. The budget and project tables reflow at 320 px in a scrolling
// region that takes the focus, with a caption and row headers.
//
// Run it with: go test ./cmd/minhbach/ -run E2EDisclosure -v
// The rules of e2e_test.go (skip without chromium, fail under CI=true) hold.

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// consultationJS reads what a draft's page shows a reader.
const consultationJS = `(() => {
	const shown = e => !!e && !e.closest("[hidden]") && e.getClientRects().length > 0;
	const badge = document.querySelector(".status-line [data-consult-state]");
	const ways = document.querySelector(".comment-ways");
	const notes = Array.from(document.querySelectorAll("#cach-gop-y ~ p, #cach-gop-y ~ div p")).filter(shown).map(p => p.textContent.trim());
	const file = document.querySelector('.attachments a[download][href$=".pdf"]');
	return {
		badge: badge ? badge.textContent.trim() : null,
		badgeClass: badge ? badge.className : null,
		asOf: (document.querySelector(".status-line time[data-as-of]") || {}).textContent || null,
		ways: shown(ways) ? Array.from(ways.querySelectorAll("a"), a => a.getAttribute("href")) : [],
		notes: notes,
		file: file ? file.getAttribute("href") : null,
	};
})()`

type consultationView struct {
	Badge      string   `json:"badge"`
	BadgeClass string   `json:"badgeClass"`
	AsOf       string   `json:"asOf"`
	Ways       []string `json:"ways"`
	Notes      []string `json:"notes"`
	File       string   `json:"file"`
}

// figuresJS describes the figure tables of a page: their scrolling box,
// caption and headers.
const figuresJS = `Array.from(document.querySelectorAll("table.figures"), t => {
	const box = t.closest(".table-box");
	return {
		boxed: !!box && getComputedStyle(box).overflowX === "auto",
		region: box ? box.getAttribute("role") : "",
		focusable: !!box && box.tabIndex === 0,
		named: !!box && !!box.getAttribute("aria-labelledby") && !!document.getElementById(box.getAttribute("aria-labelledby")),
		caption: t.caption ? t.caption.textContent.trim() : "",
		cols: t.querySelectorAll("thead th[scope=col]").length,
		rows: t.querySelectorAll("tbody th[scope=row]").length,
	};
})`

type figuresView struct {
	Boxed     bool   `json:"boxed"`
	Region    string `json:"region"`
	Focusable bool   `json:"focusable"`
	Named     bool   `json:"named"`
	Caption   string `json:"caption"`
	Cols      int    `json:"cols"`
	Rows      int    `json:"rows"`
}

func TestE2EDisclosure(t *testing.T) {
	ctx, base, clean := startSite(t) // built as of 23/11/2026
	const (
		open   = "/du-thao/quan-ly-cay-xanh-do-thi/"          // comments from 20/11 to 20/12/2026
		closed = "/du-thao/phoi-hop-xu-ly-ngo-doc-thuc-pham/" // closed 01/10/2026, issued as 62/2026/QĐ-UBND
	)
	view := func(stage, path string, width int64) consultationView {
		t.Helper()
		openAt(t, ctx, stage, base+path, width)
		v := browserRun(t, ctx, stage, chromedp.Evaluate[consultationView](consultationJS))
		if width < 600 {
			o := browserRun(t, ctx, stage+": overflow", chromedp.Evaluate[overflow](overflowJS))
			if err := o.check(int(width)); err != nil {
				t.Errorf("%s: %v", stage, err)
			}
		}
		clean(stage)
		return v
	}

	// Without JavaScript, at 320 px: everything a citizen needs to comment.
	scripts(t, ctx, false)
	v := view("open draft without JavaScript at 320 px", open, 320)
	if v.Badge != "● Đang lấy ý kiến, còn 27 ngày" || v.BadgeClass != "status status-consult-open" || v.AsOf != "23/11/2026" {
		t.Errorf("open draft without JavaScript shows %q (class %q) as of %q, want \"● Đang lấy ý kiến, còn 27 ngày\" as of 23/11/2026", v.Badge, v.BadgeClass, v.AsOf)
	}
	if len(v.Ways) != 2 || v.Ways[0] != "https://gopy.sonha.gov.vn/du-thao/quan-ly-cay-xanh-do-thi" || v.Ways[1] != "mailto:phongqlxd@soxd.sonha.gov.vn" {
		t.Errorf("open draft without JavaScript: ways to comment %q, want the form and the email", v.Ways)
	}
	if len(v.Notes) != 1 || v.Notes[0] != "Mời cơ quan, tổ chức, cá nhân gửi ý kiến góp ý đến hết ngày 20/12/2026." {
		t.Errorf("open draft without JavaScript: notes shown %q, want the one inviting comments", v.Notes)
	}
	if v.File == "" {
		t.Errorf("open draft without JavaScript: no link to the draft's PDF")
	} else if resp, err := http.Get(base + v.File); err != nil || resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/pdf" {
		t.Errorf("draft file %s: %v %v", v.File, err, resp)
	} else {
		resp.Body.Close()
	}
	saveShot(t, "du-thao-320-no-js.png", browserRun(t, ctx, "screenshot", chromedp.FullScreenshot(100)))
	v = view("closed draft without JavaScript at 320 px", closed, 320)
	if v.Badge != "✕ Đã hết thời hạn góp ý" || len(v.Ways) != 0 || len(v.Notes) != 1 || v.Notes[0] != "Đã hết thời hạn góp ý (ngày 01/10/2026)." {
		t.Errorf("closed draft without JavaScript shows %q, ways %q, notes %q; want closed, no ways to comment", v.Badge, v.Ways, v.Notes)
	}
	scripts(t, ctx, true)

	// With JavaScript, the state on the reader's date.
	setClock(t, ctx, time.Date(2026, 12, 10, 9, 0, 0, 0, time.FixedZone("ICT", 7*3600)))
	if v := view("open draft on 10/12/2026", open, 1280); v.Badge != "● Đang lấy ý kiến, còn 10 ngày" || v.AsOf != "10/12/2026" {
		t.Errorf("open draft on 10/12/2026 shows %q as of %q, want \"● Đang lấy ý kiến, còn 10 ngày\" as of 10/12/2026", v.Badge, v.AsOf)
	}
	setClock(t, ctx, time.Date(2026, 12, 21, 9, 0, 0, 0, time.FixedZone("ICT", 7*3600)))
	v = view("open draft on 21/12/2026", open, 320)
	if v.Badge != "✕ Đã hết thời hạn góp ý" || v.BadgeClass != "status status-consult-closed" || len(v.Ways) != 0 {
		t.Errorf("draft on 21/12/2026 (closed the day before) shows %q (class %q) with ways %q, want closed and no ways to comment", v.Badge, v.BadgeClass, v.Ways)
	}
	if len(v.Notes) != 1 || v.Notes[0] != "Đã hết thời hạn góp ý (ngày 20/12/2026)." {
		t.Errorf("draft on 21/12/2026: notes shown %q, want the closed one", v.Notes)
	}

	// The tables of figures at 320 px.
	for _, p := range []struct{ name, url string }{
		{"budget disclosure", "/ngan-sach/du-toan-2026/"},
		{"project", "/du-an/duong-tinh-712/"},
	} {
		stage := fmt.Sprintf("%s at 320 px", p.name)
		openAt(t, ctx, stage, base+p.url, 320)
		o := browserRun(t, ctx, stage+": overflow", chromedp.Evaluate[overflow](overflowJS))
		if err := o.check(320); err != nil {
			t.Errorf("%s: %v", stage, err)
		}
		tables := browserRun(t, ctx, stage+": tables", chromedp.Evaluate[[]figuresView](figuresJS))
		if len(tables) == 0 {
			t.Errorf("%s: no table of figures", stage)
		}
		for i, f := range tables {
			if !f.Boxed || f.Region != "region" || !f.Focusable || !f.Named || f.Caption == "" || f.Cols < 2 || f.Rows < 1 {
				t.Errorf("%s: table %d = %+v; want a named, focusable scrolling region with a caption, column and row headers", stage, i+1, f)
			}
		}
		saveShot(t, "disclosure-"+shotName(p.url)+"-320.png", browserRun(t, ctx, stage, chromedp.FullScreenshot(100)))
		clean(stage)
	}
}
