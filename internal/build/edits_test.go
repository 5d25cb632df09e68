package build_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// The edits of every kind of content a session must follow, on the demo
// site: each returns what it did and the paths it changed, and may be
// made again (it toggles, or writes a new value each time).

// replace replaces the first old in rel with new (or new with old when
// old is missing: the edit toggles).
func (e *editor) replace(rel, old, new string) {
	s := e.read(rel)
	switch {
	case strings.Contains(s, old):
		s = strings.Replace(s, old, new, 1)
	case strings.Contains(s, new):
		s = strings.Replace(s, new, old, 1)
	default:
		e.t.Fatalf("%s holds neither %q nor %q", rel, old, new)
	}
	e.write(rel, s)
}

// appendBody adds a sentence at the end of a Markdown file.
func (e *editor) appendBody(rel string) {
	e.write(rel, e.read(rel)+fmt.Sprintf("\nĐoạn thêm lần %d.\n", e.n))
}

// exists reports whether rel exists.
func (e *editor) exists(rel string) bool {
	_, err := os.Stat(filepath.Join(e.dir, rel))
	return err == nil
}

// move renames from to to, or back when from is gone.
func (e *editor) move(from, to string) (string, []string) {
	if !e.exists(from) {
		from, to = to, from
	}
	if err := os.MkdirAll(filepath.Dir(filepath.Join(e.dir, to)), 0o755); err != nil {
		e.t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(e.dir, from), filepath.Join(e.dir, to)); err != nil {
		e.t.Fatal(err)
	}
	return "move " + from + " to " + to, []string{from, to}
}

// toggleRelation adds a relation of kind from the document rel to
// number, or removes it when it is there.
func (e *editor) toggleRelation(rel, kind, number string) (string, []string) {
	s := e.read(rel)
	item := fmt.Sprintf("  - %q\n", number)
	switch {
	case strings.Contains(s, kind+":\n"+item):
		s = strings.Replace(s, kind+":\n"+item, kind+":\n", 1)
		s = strings.Replace(s, kind+":\n---", "---", 1)
		s = regexp.MustCompile(`(?m)^`+kind+":\n([a-z_]+:|---)").ReplaceAllString(s, "$1")
		e.write(rel, s)
		return "remove " + kind + " " + number + " from " + rel, []string{rel}
	case strings.Contains(s, "\n"+kind+":\n"):
		s = strings.Replace(s, "\n"+kind+":\n", "\n"+kind+":\n"+item, 1)
	default:
		s = strings.Replace(s, "\n---\n", "\n"+kind+":\n"+item+"---\n", 1)
	}
	e.write(rel, s)
	return "add " + kind + " " + number + " to " + rel, []string{rel}
}

const (
	demoDoc      = "content/gazette/documents/2026/33-2026-qd-ubnd.md" // 33/2026/QĐ-UBND, effective 2026-06-25
	demoTarget   = "22/2025/QĐ-UBND"                                   // an older document of the demo
	demoIssue    = "content/gazette/issues/2026-so-50.md"
	demoPage     = "content/pages/gioi-thieu.md"
	demoProc     = "content/procedures/1.000894.md"
	demoCSV      = "content/procedures/danh-muc-tthc-2026.csv"
	demoJSON     = "content/procedures/danh-muc-bo-sung.json"
	demoForm     = "content/procedures/mau/to-khai-dang-ky-ket-hon.pdf"
	demoPicture  = "content/news/2026/anh/hoi-nghi-tong-ket.jpg" // a news item's lead photo
	demoPicture2 = "content/news/2026/anh/tiep-cong-dan.jpg"
	demoAmending = "content/gazette/documents/2025/1742-qd-ubnd.md" // amends 28/KH-UBND; nothing cites it
	demoRepealed = "content/gazette/documents/2025/25-2025-qd-ubnd.md"
)

// relationKinds are the relation keys of a gazette document.
var relationKinds = []string{"amends", "replaces", "repeals", "suspends", "guides", "corrects", "based_on"}

type kindEdit struct {
	name string
	do   func(e *editor) (string, []string)
	// toggle: made again, the edit undoes itself.
	toggle bool
}

// kindEdits are edits of every kind of file but news items (which
// editor.edit makes).
var kindEdits = func() []kindEdit {
	edits := []kindEdit{
		{"page title", func(e *editor) (string, []string) {
			e.setKey(demoPage, "title", fmt.Sprintf("%q", fmt.Sprintf("Giới thiệu (bản %d)", e.n)))
			return "title of " + demoPage, []string{demoPage}
		}, false},
		{"page body", func(e *editor) (string, []string) {
			e.appendBody(demoPage)
			return "text of " + demoPage, []string{demoPage}
		}, false},
		{"issue date", func(e *editor) (string, []string) {
			e.setKey(demoIssue, "date", fmt.Sprintf("2026-11-%02d", 24+e.n%5))
			return "date of " + demoIssue, []string{demoIssue}
		}, false},
		{"issue body", func(e *editor) (string, []string) {
			e.appendBody(demoIssue)
			return "text of " + demoIssue, []string{demoIssue}
		}, false},
		{"document title", func(e *editor) (string, []string) {
			e.setKey(demoDoc, "title", fmt.Sprintf("%q", fmt.Sprintf("Quy định điều kiện tách thửa đất (sửa lần %d)", e.n)))
			return "title of " + demoDoc, []string{demoDoc}
		}, false},
		{"document body", func(e *editor) (string, []string) {
			e.appendBody(demoDoc)
			return "text of " + demoDoc, []string{demoDoc}
		}, false},
		{"procedure field", func(e *editor) (string, []string) {
			e.setKey(demoProc, "fee", fmt.Sprintf("%q", fmt.Sprintf("Lệ phí %d.000 đồng", e.n)))
			return "fee of " + demoProc, []string{demoProc}
		}, false},
		{"procedure body", func(e *editor) (string, []string) {
			e.appendBody(demoProc)
			return "text of " + demoProc, []string{demoProc}
		}, false},
		{"CSV row", func(e *editor) (string, []string) {
			e.replace(demoCSV, "1.000656,Đăng ký khai tử,", "1.000656,Đăng ký khai tử (sửa),")
			return "row of " + demoCSV, []string{demoCSV}
		}, true},
		{"JSON object", func(e *editor) (string, []string) {
			e.replace(demoJSON, `"title": "Tách thửa hoặc hợp thửa đất"`, `"title": "Tách thửa, hợp thửa đất"`)
			return "object of " + demoJSON, []string{demoJSON}
		}, true},
		{"statistics row", func(e *editor) (string, []string) {
			rel := "content/statistics/2026.csv"
			e.replace(rel, "2026-Q1,Sở Tư pháp,1582,152,1636,33,65,", "2026-Q1,Sở Tư pháp,1583,152,1636,33,66,")
			return "row of " + rel, []string{rel}
		}, true},
		{"form file", func(e *editor) (string, []string) {
			data := e.read(demoForm)
			e.write(demoForm, data+fmt.Sprintf("%% sửa %d\n", e.n))
			return "form " + demoForm, []string{demoForm}
		}, false},
		{"picture", func(e *editor) (string, []string) {
			a, b := e.read(demoPicture), e.read(demoPicture2)
			e.write(demoPicture, b)
			e.write(demoPicture2, a)
			return "swap pictures " + demoPicture + " and " + demoPicture2, []string{demoPicture, demoPicture2}
		}, false},
		{"site.yaml", func(e *editor) (string, []string) {
			s := e.read("site.yaml")
			e.write("site.yaml", regexp.MustCompile(`(?m)^title: .*$`).ReplaceAllString(s, fmt.Sprintf("title: Cổng thông tin %d", e.n)))
			return "site.yaml", []string{"site.yaml"}
		}, false},
		{"new document", func(e *editor) (string, []string) {
			rel := "content/gazette/documents/2026/99-2026-qd-ubnd.md"
			if e.exists(rel) {
				if err := os.Remove(filepath.Join(e.dir, rel)); err != nil {
					e.t.Fatal(err)
				}
				return "delete " + rel, []string{rel}
			}
			e.write(rel, strings.Replace(strings.Replace(e.read(demoDoc), `"33/2026/QĐ-UBND"`, `"99/2026/QĐ-UBND"`, 1), "order: 3\n", "", 1))
			return "new " + rel, []string{rel}
		}, true},
		{"new procedure", func(e *editor) (string, []string) {
			rel := "content/procedures/9.999999.md"
			if e.exists(rel) {
				if err := os.Remove(filepath.Join(e.dir, rel)); err != nil {
					e.t.Fatal(err)
				}
				return "delete " + rel, []string{rel}
			}
			e.write(rel, strings.Replace(e.read(demoProc), `code: "1.000894"`, `code: "9.999999"`, 1))
			return "new " + rel, []string{rel}
		}, true},
		{"delete amending document", func(e *editor) (string, []string) {
			return e.move(demoAmending, "trash/1742-qd-ubnd.md")
		}, true},
		{"move repealed document", func(e *editor) (string, []string) {
			return e.move(demoRepealed, "content/gazette/documents/2026/chuyen/25-2025-qd-ubnd.md")
		}, true},
		{"ui strings", func(e *editor) (string, []string) {
			rel := "i18n/vi.yaml" // the site's own table, over the theme's
			s := regexp.MustCompile(`(?m)^footer\.links: .*$`).ReplaceAllString(e.read(rel), fmt.Sprintf(`footer.links: "Liên kết %d"`, e.n))
			e.write(rel, s)
			return "ui strings " + rel, []string{rel}
		}, false},
		{"css", func(e *editor) (string, []string) {
			rel := "assets/css/app.css"
			e.write(rel, e.read(rel)+fmt.Sprintf("\n.rev-%d{color:#123}\n", e.n))
			return "css", []string{rel}
		}, false},
	}
	for _, k := range relationKinds {
		doc := demoDoc
		edits = append(edits, kindEdit{"relation " + k, func(e *editor) (string, []string) {
			return e.toggleRelation(doc, k, demoTarget)
		}, true})
	}
	// Last, as a site's own layouts and partials are rendered on every
	// build from then on.
	edits = append(edits, []kindEdit{
		{"layout", func(e *editor) (string, []string) {
			rel := "layouts/document/single.html"
			e.replace(rel, `<article class="document"`, `<article class="document van-ban"`)
			e.custom = true
			return "layout " + rel, []string{rel}
		}, true},
		{"partial", func(e *editor) (string, []string) {
			rel := "layouts/partials/footer.html"
			e.write(rel, e.read(rel)+fmt.Sprintf("<p>Bản %d</p>\n", e.n))
			e.custom = true
			return "partial " + rel, []string{rel}
		}, false},
	}...)
	return edits
}()
