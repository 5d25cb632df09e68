package main

// End-to-end browser test of a gazette document page (/van-ban/<slug>/):
// the status is visible as colour and text, the metadata list is complete,
// the attachment link downloads a file whose SHA-256 and size match what
// the page shows, and a relation shows on the pages of both documents.
//
// Run it with: go test ./cmd/minhbach/ -run E2EGazette -v
// startSite in e2e_test.go builds and serves the demo site; the rules of
// e2e_test.go (skip without chromium, fail under CI=true) hold here too.

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// statusLabels are the five labels of the validity status (tình trạng hiệu lực).
var statusLabels = []string{
	"Còn hiệu lực",
	"Hết hiệu lực một phần",
	"Hết hiệu lực toàn bộ",
	"Ngưng hiệu lực",
	"Chưa có hiệu lực",
}

// docMetaLabels are the terms that dl.doc-meta must show for every document.
var docMetaLabels = []string{
	"Số ký hiệu",
	"Loại văn bản",
	"Cơ quan ban hành",
	"Người ký",
	"Ngày ban hành",
	"Ngày hiệu lực",
	"Lĩnh vực",
}

// The relations whose page shows the passive side ("is repealed by"), and
// the label that the page of the other document must show for the same
// relation, linking back.
var inverseRelation = map[string]string{
	"Bị bãi bỏ bởi:":   "Bãi bỏ:",
	"Bị thay thế bởi:": "Thay thế:",
}

// docLink is one entry of a browse list of documents (ol/ul.doc-list).
type docLink struct {
	Href   string `json:"href"`   // path of the document page
	Number string `json:"number"` // link text: type and number, "Nghị quyết 28/2026/NQ-HĐND"
	Status string `json:"status"` // status badge text, with its symbol
}

type listScan struct {
	Found *docLink `json:"found"`
	Count int      `json:"count"`
	Next  string   `json:"next"`
}

// scanListJS looks, in the order of the browse list on the current page, for
// the first document whose page matches the JavaScript predicate has (a
// function of the parsed Document). It fetches the pages the way the
// browser would load them, so that the test can then click the real link.
func scanListJS(has string) string {
	return `(async () => {
	const has = ` + has + `;
	const items = Array.from(document.querySelectorAll("main .doc-list > li.doc-item"), li => {
		const a = li.querySelector("a[href]"), st = li.querySelector(".status");
		return {href: a ? a.getAttribute("href") : "", number: a ? a.textContent.trim() : "", status: st ? st.textContent.trim() : ""};
	}).filter(it => it.href);
	for (const it of items) {
		const r = await fetch(it.href);
		if (!r.ok) throw new Error("HTTP " + r.status + " for " + it.href);
		if (has(new DOMParser().parseFromString(await r.text(), "text/html"))) return {found: it, count: items.length, next: ""};
	}
	const next = document.querySelector('main a[rel="next"]');
	return {found: null, count: items.length, next: next ? next.getAttribute("href") : ""};
})()`
}

// findInList opens the browse list at listURL and returns the first document,
// in list order and over the next pages, whose page matches has. It leaves
// the browser on the list page that holds the link.
func findInList(t *testing.T, ctx context.Context, clean func(string), what, listURL, has string) docLink {
	t.Helper()
	u := listURL
	for range 10 {
		stage := fmt.Sprintf("browse list %s", u)
		if err := chromedp.Do(ctx, chromedp.Navigate(u), chromedp.WaitVisible(chromedp.CSS("main .doc-list"))); err != nil {
			t.Fatalf("%s: %v", stage, err)
		}
		scan := browserRun(t, ctx, stage+": look for "+what, chromedp.Evaluate[listScan](scanListJS(has), chromedp.EvalAwaitPromise))
		clean(stage)
		if scan.Count == 0 {
			t.Fatalf("%s: no document in the list", stage)
		}
		if scan.Found != nil {
			t.Logf("%s: %s (%s)", what, scan.Found.Number, scan.Found.Href)
			return *scan.Found
		}
		if scan.Next == "" {
			break
		}
		u = absURL(u, scan.Next)
	}
	t.Fatalf("no document in the browse list %s (and its next pages) is %s", listURL, what)
	return docLink{}
}

// absURL resolves href against the URL of the page that holds it.
func absURL(pageURL, href string) string {
	b, err := url.Parse(pageURL)
	if err != nil {
		return href
	}
	r, err := url.Parse(href)
	if err != nil {
		return href
	}
	return b.ResolveReference(r).String()
}

// follow clicks the link sel, as a reader does, waits for the page it opens
// to load and checks that its path is wantPath.
func follow[S chromedp.Selectable](t *testing.T, ctx context.Context, stage string, sel S, wantPath string) {
	t.Helper()
	tctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if _, err := chromedp.Run(tctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(sel))); err != nil {
		t.Fatalf("%s: click %v: %v", stage, sel, err)
	}
	loc := browserRun(t, ctx, stage+": location", chromedp.Location())
	if u, err := url.Parse(loc); err != nil || u.Path != wantPath {
		t.Fatalf("%s: the link %v opened %s, want the path %s", stage, sel, loc, wantPath)
	}
}

// docPage is what docPageJS reads from a document page.
type docPage struct {
	Title       string     `json:"title"`
	TitleShown  bool       `json:"titleShown"`
	Status      string     `json:"status"`
	StatusShown bool       `json:"statusShown"`
	StatusColor string     `json:"statusColor"`
	BodyColor   string     `json:"bodyColor"`
	Meta        []metaItem `json:"meta"`
}

type metaItem struct {
	Term  string `json:"term"`
	Def   string `json:"def"`
	Shown bool   `json:"shown"`
}

// docPageJS reads the headline, the status badge and the metadata list. An
// element is shown when it has a box, is not hidden or transparent, and
// lies horizontally inside the viewport (as shownJS in e2e_test.go).
const docPageJS = `(() => {
	const shown = el => {
		if (!el) return false;
		const r = el.getBoundingClientRect(), s = getComputedStyle(el);
		return r.width > 1 && r.height > 1 && s.visibility !== "hidden" && Number(s.opacity) > 0 &&
			r.left >= 0 && r.right <= window.innerWidth + 0.5;
	};
	const h1 = document.querySelector("h1#tieu-de");
	const st = document.querySelector(".status-line .status");
	const meta = [];
	for (const dt of document.querySelectorAll("dl.doc-meta > dt")) {
		const dd = dt.nextElementSibling && dt.nextElementSibling.tagName === "DD" ? dt.nextElementSibling : null;
		meta.push({term: dt.textContent.trim(), def: dd ? dd.textContent.trim() : "", shown: shown(dt) && shown(dd)});
	}
	return {
		title: h1 ? h1.textContent.trim() : "", titleShown: shown(h1),
		status: st ? st.textContent.trim() : "", statusShown: shown(st),
		statusColor: st ? getComputedStyle(st).color : "", bodyColor: getComputedStyle(document.body).color,
		meta: meta,
	};
})()`

// statusLabel is the label of a status badge text without its symbol
// ("◷ Chưa có hiệu lực" → "Chưa có hiệu lực").
func statusLabel(badge string) string {
	return strings.TrimLeftFunc(badge, func(r rune) bool { return !unicode.IsLetter(r) })
}

// checkDocPage checks the headline, the status and the metadata of the
// document page that is open, against its entry in the browse list.
func checkDocPage(t *testing.T, ctx context.Context, stage string, from docLink) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("h1#tieu-de"))); err != nil {
		t.Fatalf("%s: headline h1#tieu-de: %v", stage, err)
	}
	p := browserRun(t, ctx, stage+": document", chromedp.Evaluate[docPage](docPageJS))
	if !p.TitleShown || p.Title == "" {
		t.Errorf("%s: the headline h1#tieu-de %q is not on screen", stage, p.Title)
	}

	// The status: a badge on screen, one of the five labels as text, and a
	// colour of its own. Colour alone would not reach every reader.
	label := statusLabel(p.Status)
	switch {
	case p.Status == "":
		t.Errorf("%s: no status badge .status-line .status", stage)
	case !p.StatusShown:
		t.Errorf("%s: the status badge %q is not on screen", stage, p.Status)
	}
	if !slices.Contains(statusLabels, label) {
		t.Errorf("%s: status badge text %q, want one of %q", stage, p.Status, statusLabels)
	}
	if p.StatusColor == "" || p.StatusColor == p.BodyColor {
		t.Errorf("%s: the status badge has the colour %q of the body text %q", stage, p.StatusColor, p.BodyColor)
	}
	if p.Status != from.Status {
		t.Errorf("%s: status %q on the page, %q in the browse list", stage, p.Status, from.Status)
	}

	// The metadata list.
	meta := map[string]metaItem{}
	for _, m := range p.Meta {
		meta[m.Term] = m
	}
	for _, term := range docMetaLabels {
		m, ok := meta[term]
		switch {
		case !ok:
			t.Errorf("%s: dl.doc-meta has no term %q (terms: %q)", stage, term, terms(p.Meta))
		case m.Def == "":
			t.Errorf("%s: dl.doc-meta: %q has an empty value", stage, term)
		case !m.Shown:
			t.Errorf("%s: dl.doc-meta: %q (%q) is not on screen", stage, term, m.Def)
		}
	}
	if m, ok := meta["Tình trạng hiệu lực"]; ok && m.Def != label {
		t.Errorf("%s: dl.doc-meta says %q, the status badge %q", stage, m.Def, p.Status)
	}
	if want := meta["Loại văn bản"].Def + " " + meta["Số ký hiệu"].Def; want != from.Number {
		t.Errorf("%s: type and number %q on the page, %q in the browse list", stage, want, from.Number)
	}
	t.Logf("%s: %s, status %q (colour %s, body text %s)", stage, meta["Số ký hiệu"].Def, p.Status, p.StatusColor, p.BodyColor)
}

func terms(meta []metaItem) []string {
	var s []string
	for _, m := range meta {
		s = append(s, m.Term)
	}
	return s
}

// attachment is one file of section.attachments, as the page shows it.
type attachment struct {
	Href  string `json:"href"`
	Title string `json:"title"`
	Size  string `json:"size"` // "1,0 KB"
	Hash  string `json:"hash"` // the text after "SHA-256:"
}

const attachmentsJS = `Array.from(document.querySelectorAll(".attachments li"), li => {
	const a = li.querySelector("a[download]"), code = li.querySelector(".hash code");
	const size = /\(([^()]*)\)/.exec(li.textContent.replace(a ? a.textContent : "", ""));
	const hash = li.querySelector(".hash");
	return {
		href: a ? a.getAttribute("href") : "", title: a ? a.textContent.trim() : "",
		size: size ? size[1].trim() : "",
		hash: hash && code && /^\s*SHA-256:/.test(hash.textContent) ? code.textContent.trim() : "",
	};
})`

// shownSize returns the range of byte counts that render.FileSize shows as
// s: "512 byte" exactly, "1,0 KB" and "2,3 MB" to one decimal, after an
// optional file type ("PDF, 1,0 KB").
func shownSize(s string) (lo, hi float64, err error) {
	if _, rest, ok := strings.Cut(s, ", "); ok && !strings.ContainsAny(s[:strings.Index(s, ", ")], "0123456789") {
		s = rest
	}
	num, unit, ok := strings.Cut(s, " ")
	if !ok {
		return 0, 0, fmt.Errorf("size %q: no unit", s)
	}
	v, err := strconv.ParseFloat(strings.Replace(num, ",", ".", 1), 64)
	if err != nil {
		return 0, 0, fmt.Errorf("size %q: %w", s, err)
	}
	switch unit {
	case "byte":
		return v, v, nil
	case "KB":
		return (v - 0.05) * 1024, (v + 0.05) * 1024, nil
	case "MB":
		return (v - 0.05) * 1024 * 1024, (v + 0.05) * 1024 * 1024, nil
	}
	return 0, 0, fmt.Errorf("size %q: unknown unit %q", s, unit)
}

// download clicks the n-th (from 1) attachment link, lets Chromium save the
// file into a new temporary folder, and returns its bytes.
func download(t *testing.T, ctx context.Context, stage string, n int, a attachment) []byte {
	t.Helper()
	dir := t.TempDir()
	if _, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior:      browser.SetDownloadBehaviorBehaviorAllow,
		DownloadPath:  dir,
		EventsEnabled: new(true),
	}); err != nil {
		t.Fatalf("%s: Browser.setDownloadBehavior: %v", stage, err)
	}
	tctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	link := chromedp.CSS(fmt.Sprintf(".attachments li:nth-of-type(%d) a[download]", n))
	ev, err := chromedp.Run(tctx, chromedp.WaitEvent(browser.DownloadProgress, func(e browser.EventDownloadProgress) bool {
		return e.State != browser.DownloadProgressStateInProgress
	}, chromedp.Click(link)))
	if err != nil {
		t.Fatalf("%s: click %s and wait for the download: %v", stage, link, err)
	}
	if ev.State != browser.DownloadProgressStateCompleted {
		t.Fatalf("%s: download of %s: state %q", stage, a.Href, ev.State)
	}
	file := ev.FilePath
	if file == "" {
		file = filepath.Join(dir, path.Base(a.Href))
	}
	if got, want := filepath.Base(file), path.Base(a.Href); got != want {
		t.Errorf("%s: the download was saved as %s, want %s", stage, got, want)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%s: %v", stage, err)
	}
	if float64(len(data)) != ev.ReceivedBytes {
		t.Errorf("%s: %s has %d bytes, Chromium received %g", stage, file, len(data), ev.ReceivedBytes)
	}
	return data
}

// relationsJS lists the relations of the document page: each term of
// section.relations with the links of its definitions.
const relationsJS = `(() => {
	const out = [];
	for (const el of document.querySelectorAll(".relations dl > *")) {
		if (el.tagName === "DT") out.push({label: el.textContent.trim(), links: []});
		else if (out.length) for (const a of el.querySelectorAll("a[href]")) out[out.length - 1].links.push({href: a.getAttribute("href"), text: a.textContent.trim()});
	}
	return out;
})()`

type relation struct {
	Label string `json:"label"`
	Links []struct {
		Href string `json:"href"`
		Text string `json:"text"`
	} `json:"links"`
}

func TestE2EGazetteDocument(t *testing.T) {
	ctx, base, clean := startSite(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatal(err)
	}

	// From the browse list /van-ban/ to the first document with an attachment.
	doc := findInList(t, ctx, clean, "a document with an attachment", base+"/van-ban/",
		`d => d.querySelector(".attachments a[download]") !== null`)
	follow(t, ctx, "browse list → document", chromedp.CSS(fmt.Sprintf(`main .doc-list a[href=%q]`, doc.Href)), doc.Href)
	clean("browse list → document")

	docURL := base + doc.Href
	loadPage(t, ctx, clean, "document", docURL, 1280)
	checkDocPage(t, ctx, "document at 1280 px", doc)

	// The attachments: each download has the SHA-256 and the size shown next
	// to its link.
	atts := browserRun(t, ctx, "attachments", chromedp.Evaluate[[]attachment](attachmentsJS))
	if len(atts) == 0 {
		t.Fatalf("%s: no attachment in .attachments", docURL)
	}
	for i, a := range atts {
		stage := fmt.Sprintf("attachment %d %s", i+1, a.Href)
		if a.Href == "" || a.Title == "" {
			t.Errorf("%s: attachment %d has no a[download] link with a title", docURL, i+1)
			continue
		}
		if len(a.Hash) != 64 {
			t.Errorf("%s: the page shows the SHA-256 %q, want 64 hex digits after \"SHA-256:\"", stage, a.Hash)
		}
		data := download(t, ctx, stage, i+1, a)
		sum := sha256.Sum256(data)
		if got := hex.EncodeToString(sum[:]); got != strings.ToLower(a.Hash) {
			t.Errorf("%s: the downloaded file has the SHA-256 %s, the page shows %s", stage, got, a.Hash)
		}
		lo, hi, err := shownSize(a.Size)
		if err != nil {
			t.Errorf("%s: %v", stage, err)
		} else if n := float64(len(data)); n < lo || n > hi {
			t.Errorf("%s: the downloaded file has %d bytes, the page shows %q", stage, len(data), a.Size)
		}
		t.Logf("%s: %d bytes (shown %q), SHA-256 %s as shown", stage, len(data), a.Size, a.Hash)
		clean(stage)
	}

	loadPage(t, ctx, clean, "document", docURL, 360)
	checkDocPage(t, ctx, "document at 360 px", doc)

	// A relation shows on both pages: from the browse filter "Hết hiệu lực
	// toàn bộ" to a document that another one repeals or replaces, then to
	// that one, which must link back.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(base+"/van-ban/")); err != nil {
		t.Fatal(err)
	}
	filter := chromedp.Search(`//aside[contains(concat(" ", @class, " "), " browse ")]//a[normalize-space(.)="Hết hiệu lực toàn bộ"]`)
	href := browserRun(t, ctx, "browse filter", chromedp.AttributeValue(filter, "href"))
	if !href.Exists || href.Value == "" {
		t.Fatalf("/van-ban/: the browse filter \"Hết hiệu lực toàn bộ\" has no link")
	}
	follow(t, ctx, "browse filter Hết hiệu lực toàn bộ", filter, href.Value)
	clean("browse filter Hết hiệu lực toàn bộ")
	var passive []string
	for l := range inverseRelation {
		passive = append(passive, l)
	}
	slices.Sort(passive)
	labels, _ := json.Marshal(passive)
	has := `d => Array.from(d.querySelectorAll(".relations dt")).some(dt => ` + string(labels) + `.includes(dt.textContent.trim()) &&
		dt.nextElementSibling !== null && dt.nextElementSibling.tagName === "DD" && dt.nextElementSibling.querySelector("a[href]") !== null)`
	src := findInList(t, ctx, clean, "a document repealed or replaced by another", base+href.Value, has)
	follow(t, ctx, "expired list → document", chromedp.CSS(fmt.Sprintf(`main .doc-list a[href=%q]`, src.Href)), src.Href)
	checkDocPage(t, ctx, "repealed or replaced document", src)
	srcNumber := browserRun(t, ctx, "number", chromedp.Text(chromedp.Search(`//dl[contains(@class,"doc-meta")]/dt[.="Số ký hiệu"]/following-sibling::dd[1]`)))
	rels := browserRun(t, ctx, "relations", chromedp.Evaluate[[]relation](relationsJS))
	checked := 0
	for _, r := range rels {
		inverse, ok := inverseRelation[r.Label]
		if !ok || len(r.Links) == 0 {
			continue
		}
		l := r.Links[0]
		stage := fmt.Sprintf("%s %s %s", src.Href, r.Label, l.Href)
		follow(t, ctx, stage, chromedp.CSS(fmt.Sprintf(`.relations a[href=%q]`, l.Href)), l.Href)
		number := browserRun(t, ctx, stage+": number", chromedp.Text(chromedp.Search(`//dl[contains(@class,"doc-meta")]/dt[.="Số ký hiệu"]/following-sibling::dd[1]`)))
		if strings.TrimSpace(number) != l.Text {
			t.Errorf("%s: the link says %q, the page it opens is number %q", stage, l.Text, number)
		}
		back := browserRun(t, ctx, stage+": relations", chromedp.Evaluate[[]relation](relationsJS))
		found := false
		for _, b := range back {
			if b.Label != inverse {
				continue
			}
			for _, bl := range b.Links {
				if bl.Href == src.Href && bl.Text == strings.TrimSpace(srcNumber) {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("%s: the page of %s does not list %q with a link %q to %s; its relations: %+v", stage, l.Text, inverse, srcNumber, src.Href, back)
		} else {
			t.Logf("%s: %s %s %s, and %s %s %s", stage, srcNumber, r.Label, l.Text, l.Text, inverse, srcNumber)
		}
		clean(stage)
		checked++
		break
	}
	if checked == 0 {
		t.Errorf("%s: no relation %q with a link; relations: %+v", src.Href, passive, rels)
	}
}
