// Package disclose reads the categories of information the office must
// publish (content/cong-khai.yaml, strictly, with file:line:col
// positions), makes the Danh mục thông tin phải công khai from the site
// as built, asking each content kind through the kinds registry, and
// checks the site against it: required categories with no content or
// nothing new within their interval, and gazette documents published
// later than the law's deadline after signing, counted in working days.
// It writes nothing and renders nothing.
package disclose

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"minhbach/internal/diag"
	"minhbach/internal/kinds"
	"minhbach/internal/meta"
	"minhbach/internal/model"
	"minhbach/internal/schema"
	"minhbach/internal/vnfold"
	"minhbach/internal/workday"
)

// File is the categories file, relative to the site root.
const File = "content/cong-khai.yaml"

// DefaultWithin is the deadline, in working days after the information is
// created, when the file gives none: Luật Tiếp cận thông tin 104/2016/QH13,
// Điều 18 khoản 4 (5 working days when no other law sets a deadline).
const DefaultWithin = 5

// Keys are the top-level keys of content/cong-khai.yaml (the content
// contract's key lists live in schema).
var Keys = schema.PublicListKeys

// CategoryKeys are the keys of one category.
var CategoryKeys = schema.PublicCategoryKeys

// Forms are the forms a category may name.
var Forms = []string{"HTML", "PDF", "CSV", "JSON", "Atom", "DOCX", "XLSX"}

// Category is one category as written in the file.
type Category struct {
	Pos                               diag.Pos
	Title, Legal, Retention, Interval string
	Kinds                             []string
	URL                               string
	Forms                             []string
	Required                          bool
	// every is the interval: a number of days, months or years.
	every [3]int
}

// Categories is the content of content/cong-khai.yaml.
type Categories struct {
	Within int
	List   []Category
}

var intervalRe = regexp.MustCompile(`^(\d+)\s*(ngày|tuần|tháng|năm)$`)

// Load reads the categories file from data. The result is usable even
// when the list holds errors (bad categories are left out).
func Load(data []byte) (*Categories, diag.List) {
	var d diag.List
	c := &Categories{Within: DefaultWithin}
	data = []byte(vnfold.NFC(strings.ReplaceAll(strings.TrimPrefix(string(data), "\uFEFF"), "\r\n", "\n")))
	root, err := meta.Parse(data)
	if err != nil {
		d.Error(diag.Pos{Path: File, Line: err.Line}, err.Msg)
		return c, d
	}
	m := meta.New(File, 0, diag.Pos{Path: File, Line: 1}, root, &d)
	m.CheckKeys(Keys, diag.Error)
	if m.Has("publish_within") {
		c.Within = m.Int("publish_within", DefaultWithin)
		if c.Within < 1 {
			d.Errorf(m.Pos(m.Node("publish_within")), "publish_within: want a number of working days of at least 1, got %d", c.Within)
			c.Within = DefaultWithin
		}
	}
	if !m.Has("categories") {
		d.Errorf(diag.Pos{Path: File, Line: 1}, "missing required key %q", "categories")
	}
	known := kinds.Names()
	for _, cm := range m.List("categories") {
		cm.CheckKeys(CategoryKeys, diag.Error)
		cat := Category{Pos: cm.Pos(nil), Title: cm.String("title", true), Legal: cm.String("legal", true),
			Retention: cm.String("retention", true), URL: cm.String("url", false), Required: true}
		if cm.Has("required") {
			cat.Required = cm.Bool("required")
		}
		for i, k := range cm.Strings("kinds") {
			if slices.Contains(known, k) {
				cat.Kinds = append(cat.Kinds, k)
				continue
			}
			pos := cm.Pos(cm.Node("kinds"))
			if n := cm.Node("kinds"); n != nil && i < len(n.Content) {
				pos = cm.Pos(n.Content[i])
			}
			if s := meta.Suggest(k, known); s != "" {
				d.Errorf(pos, "unknown kind %q (did you mean %q?)", k, s)
			} else {
				d.Errorf(pos, "unknown kind %q (known kinds: %s)", k, strings.Join(known, ", "))
			}
		}
		if cat.URL != "" && !strings.HasPrefix(cat.URL, "/") && !strings.HasPrefix(cat.URL, "https://") && !strings.HasPrefix(cat.URL, "http://") {
			d.Errorf(cm.Pos(cm.Node("url")), "url %q: want an address on the site (/gioi-thieu/) or an absolute http(s) address", cat.URL)
			cat.URL = ""
		}
		if len(cat.Kinds) == 0 && cat.URL == "" && !cm.Has("kinds") && !cm.Has("url") {
			d.Errorf(cat.Pos, "say where the information is: kinds (a kind of content: %s) or url (a page)", strings.Join(known, ", "))
		}
		for _, f := range cm.Strings("forms") {
			i := slices.IndexFunc(Forms, func(x string) bool { return strings.EqualFold(x, f) })
			if i < 0 {
				d.Errorf(cm.Pos(cm.Node("forms")), "unknown form %q (allowed: %s)", f, strings.Join(Forms, ", "))
				continue
			}
			cat.Forms = append(cat.Forms, Forms[i])
		}
		if v := cm.String("interval", false); v != "" {
			mm := intervalRe.FindStringSubmatch(v)
			if mm == nil {
				d.Errorf(cm.Pos(cm.Node("interval")), "interval %q: write a number and a unit: \"30 ngày\", \"3 tháng\", \"1 năm\"", v)
			} else {
				n, _ := strconv.Atoi(mm[1])
				switch mm[2] {
				case "ngày":
					cat.every[2] = n
				case "tuần":
					cat.every[2] = 7 * n
				case "tháng":
					cat.every[1] = n
				case "năm":
					cat.every[0] = n
				}
				if n < 1 {
					d.Errorf(cm.Pos(cm.Node("interval")), "interval %q: want at least 1", v)
				} else {
					cat.Interval = v
				}
			}
		}
		if cat.Title == "" {
			continue
		}
		c.List = append(c.List, cat)
	}
	return c, d
}

// due is the date by which something new is expected after an item of
// date t: one interval later (from the last day of a month to the last
// day of the month the interval ends in, so that a quarter's statistics
// of 30 September are followed by those of 31 December), and then the
// working days within which information is published once created.
func (c Category) due(t time.Time, cal workday.Calendar, within int) time.Time {
	if c.Interval == "" || t.IsZero() {
		return time.Time{}
	}
	t = day(t)
	next := t.AddDate(c.every[0], c.every[1], c.every[2])
	if c.every[2] == 0 && t.AddDate(0, 0, 1).Day() == 1 {
		first := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, t.Location()).AddDate(c.every[0], c.every[1]+1, 0)
		next = first.AddDate(0, 0, -1)
	}
	return cal.Add(next, within)
}

// List makes the catalogue of the site as of now; cal counts the working
// days of the deadlines.
func List(c *Categories, s *model.Site, now time.Time, cal workday.Calendar) *model.PublicList {
	l := &model.PublicList{AsOf: now, Within: c.Within}
	pages := map[string]string{}
	for _, p := range s.Pages {
		pages[p.URL] = p.Title
	}
	for _, cat := range c.List {
		pc := &model.PublicCategory{Pos: cat.Pos, Title: cat.Title, Legal: cat.Legal, Retention: cat.Retention, Interval: cat.Interval, Required: cat.Required}
		for _, name := range cat.Kinds {
			k, _ := kinds.Lookup(name)
			st := k.Status(s)
			pc.Places = append(pc.Places, model.PublicPlace{Label: k.Label, URL: k.URL, Forms: k.Forms, Kind: k.Name, Count: st.Count, Updated: st.Updated})
			pc.Count += st.Count
			pc.Known = true
			if st.Updated.After(pc.Updated) {
				pc.Updated = st.Updated
			}
			for _, f := range k.Forms {
				if !slices.Contains(pc.Forms, f) {
					pc.Forms = append(pc.Forms, f)
				}
			}
		}
		if cat.URL != "" {
			label := pages[cat.URL]
			if label == "" {
				label = cat.URL
			}
			pc.Places = append(pc.Places, model.PublicPlace{Label: label, URL: cat.URL, Forms: []string{"HTML"}})
			if !slices.Contains(pc.Forms, "HTML") {
				pc.Forms = append(pc.Forms, "HTML")
			}
		}
		if len(cat.Forms) > 0 {
			pc.Forms = cat.Forms
		}
		pc.Due = cat.due(pc.Updated, cal, c.Within)
		l.Categories = append(l.Categories, pc)
	}
	return l
}

// Findings are what the check found, by kind of problem; each is a
// warning at the place to act on.
type Findings struct {
	// Empty are required categories with no content; Stale those with
	// nothing new within their interval; Late the gazette documents
	// published later than the deadline; Pages the categories whose url
	// names no page of the site.
	Empty, Stale, Late, Pages int
	Diags                     diag.List
}

// Count is the number of problems found.
func (f Findings) Count() int { return f.Empty + f.Stale + f.Late + f.Pages }

// Check checks the site against the list: required categories with no
// content, or nothing new by their due date (as of the list's date), a
// url on the site that names no page of it, and gazette documents whose
// published date is more than l.Within working days after issued. exists
// reports whether a URL is a page of the site.
func Check(l *model.PublicList, s *model.Site, cal workday.Calendar, exists func(url string) bool) Findings {
	var f Findings
	for _, c := range l.Categories {
		for _, p := range c.Places {
			if p.Kind == "" && strings.HasPrefix(p.URL, "/") && !exists(p.URL) {
				f.Pages++
				f.Diags.Warnf(c.Pos, "%q: url %s is not a page of the site: create the page or correct the address", c.Title, p.URL)
			}
		}
		if !c.Required || !c.Known {
			continue
		}
		switch {
		case c.Count == 0:
			f.Empty++
			f.Diags.Warnf(c.Pos, "%q has no content on the site (%s): publish it, or mark the category required: false", c.Title, places(c))
		case !c.Due.IsZero() && c.Due.Before(day(l.AsOf)):
			f.Stale++
			f.Diags.Warnf(c.Pos, "%q: nothing new since %s, and something was expected every %s (by %s)", c.Title, ddmmyyyy(c.Updated), c.Interval, ddmmyyyy(c.Due))
		}
	}
	for _, d := range s.Gazette.Documents {
		if d.PublishedOn.IsZero() || d.Issued.IsZero() {
			continue
		}
		deadline := cal.Add(d.Issued, l.Within)
		if d.PublishedOn.After(deadline) {
			f.Late++
			f.Diags.Warnf(d.Where(d.PublishedPos), "%s was published on %s, %d working days after it was issued on %s: the deadline was %s (%d working days, Luật Tiếp cận thông tin Điều 18)",
				d.Number, ddmmyyyy(d.PublishedOn), cal.Between(d.Issued, d.PublishedOn), ddmmyyyy(d.Issued), ddmmyyyy(deadline), l.Within)
		}
	}
	return f
}

func places(c *model.PublicCategory) string {
	var out []string
	for _, p := range c.Places {
		out = append(out, p.URL)
	}
	return strings.Join(out, ", ")
}

func day(t time.Time) time.Time {
	t = t.In(model.Zone)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, model.Zone)
}

func ddmmyyyy(t time.Time) string { return fmt.Sprint(t.In(model.Zone).Format("02/01/2006")) }
