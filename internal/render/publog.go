package render

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"minhbach/internal/model"
	"minhbach/internal/proof"
	"minhbach/internal/publog"
	"minhbach/internal/urls"
)

// The Nhật ký cập nhật (publication log) section.
const (
	// LogJSON is the published log, for anyone to read and check
	// (publog.ParseJSON).
	LogJSON = "nhat-ky-cap-nhat/nhat-ky.json"
	// logPageCount is how many entries the page shows, newest first; the
	// JSON holds every one.
	logPageCount = 100
	// logItemCount is how many items of one kind of change an entry shows
	// on the page and in the feed.
	logItemCount = 20
)

// LogEntry is one entry of the publication log as the page shows it.
type LogEntry struct {
	publog.Entry
	// When is the entry's time.
	When time.Time
	// Added, Changed and Removed are the entry's items, at most
	// logItemCount of each, with MoreAdded… the rest's count.
	Added, Changed, Removed            []LogItem
	MoreAdded, MoreChanged, MoreRemove int
}

// LogItem is one content item of a log entry, labelled for the page.
type LogItem struct {
	// Kind is the Vietnamese kind ("Văn bản"); Name the number or code
	// and title as staff know the item.
	Kind, Name string
	// URL is the item's page ("" for a removed item).
	URL string
}

// kindLabels names the kinds of content items of the log.
var kindLabels = map[string]string{"news": "Tin", "page": "Trang", "issue": "Số công báo", "document": "Văn bản", "procedure": "Thủ tục"}

func logItems(items []proof.Item, link bool) ([]LogItem, int) {
	var out []LogItem
	for _, it := range items[:min(len(items), logItemCount)] {
		name := it.Title
		switch it.Kind {
		case "document", "procedure":
			name = it.ID + " – " + it.Title
		}
		li := LogItem{Kind: kindLabels[it.Kind], Name: name}
		if link {
			li.URL = it.URL
		}
		out = append(out, li)
	}
	return out, len(items) - len(out)
}

// logEntries returns the entries for the page and the feed, newest first.
func (r *Renderer) logEntries(n int) []LogEntry {
	var out []LogEntry
	for _, e := range slices.Backward(r.log) {
		if len(out) == n {
			break
		}
		le := LogEntry{Entry: e}
		le.When, _ = time.Parse(time.RFC3339, e.Time)
		le.Added, le.MoreAdded = logItems(e.Added, true)
		le.Changed, le.MoreChanged = logItems(e.Changed, true)
		le.Removed, le.MoreRemove = logItems(e.Removed, false)
		out = append(out, le)
	}
	return out
}

// logJobs renders the log's page, Atom feed and JSON.
func (r *Renderer) logJobs(page func(url, layout string, p *Page)) []Job {
	page(urls.Log, "publog.html", &Page{Kind: "publog", Title: "Nhật ký cập nhật", Log: r.logEntries(logPageCount), FeedURL: urls.Log + "atom.xml",
		Description: "Các lần cập nhật cổng thông tin: văn bản, thủ tục, tin bài được thêm, sửa hoặc gỡ bỏ.",
		Crumbs:      []Crumb{home, {Name: "Nhật ký cập nhật"}}})
	return []Job{
		{Path: LogJSON, Run: func() ([]byte, error) { return publog.JSON(r.log), nil }, Data: r.log},
		{Path: urls.Log[1:] + "atom.xml", Run: r.logFeed, Data: r.log},
	}
}

// logFeed is the Atom feed of the newest entries.
func (r *Renderer) logFeed() ([]byte, error) {
	f := atomFeed{Lang: r.site.Language, Title: r.site.Title + " – Nhật ký cập nhật", ID: r.absURL(urls.Log), Author: atomName{r.site.Agency},
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: r.absURL(urls.Log + "atom.xml")}, {Rel: "alternate", Type: "text/html", Href: r.absURL(urls.Log)}}}
	f.Updated = time.Date(2000, 1, 1, 0, 0, 0, 0, model.Zone).Format(time.RFC3339)
	entries := r.logEntries(FeedCount)
	if len(entries) > 0 {
		f.Updated = entries[0].Time
	}
	for _, e := range entries {
		var b strings.Builder
		fmt.Fprintf(&b, "%d mục được thêm, %d mục được sửa, %d mục được gỡ bỏ; %d tệp. Bản kê SHA-256 %s.", len(e.Entry.Added), len(e.Entry.Changed), len(e.Entry.Removed), e.Files, e.Manifest)
		for _, g := range []struct {
			label string
			items []LogItem
			more  int
		}{{"Thêm", e.Added, e.MoreAdded}, {"Sửa", e.Changed, e.MoreChanged}, {"Gỡ bỏ", e.Removed, e.MoreRemove}} {
			for _, it := range g.items {
				fmt.Fprintf(&b, "\n%s: %s %s", g.label, it.Kind, it.Name)
			}
			if g.more > 0 {
				fmt.Fprintf(&b, "\n%s: và %d mục khác", g.label, g.more)
			}
		}
		link := r.absURL(fmt.Sprintf("%s#lan-%d", urls.Log, e.N))
		f.Entries = append(f.Entries, atomEntry{Title: fmt.Sprintf("Cập nhật lần %d, %s", e.N, LongDate(e.When)), Link: atomLink{Rel: "alternate", Type: "text/html", Href: link},
			ID: link, Published: e.Time, Updated: e.Time, Summary: &atomText{Type: "text", Body: b.String()}})
	}
	return marshalXML(f)
}
