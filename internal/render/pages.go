package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"html/template"
	"io/fs"
	"slices"
	"time"

	"minhbach/internal/images"
	"minhbach/internal/model"
	"minhbach/internal/urls"
)

// Job renders one output file.
type Job struct {
	// Path is the output path, relative to the output folder.
	Path string
	// Run renders the file.
	Run func() ([]byte, error)
	// To, for a page, renders it as Run does but into b, so that a
	// caller that writes the page out and forgets it may reuse b; nil
	// for the other files.
	To func(b *bytes.Buffer) error
	// Layout is the layout Run executes ("" for feeds and data files).
	Layout string
	// Data is what Run reads besides the layouts, the configuration, the
	// assets and the menu; nil when unknown. A preview re-runs a job only
	// when its Data changed.
	Data any
	// Picture tells the job that makes the copies of one photo: its
	// widest copy, made with all the others from one decoding (the jobs
	// of the others then read them back). It is slow the first time, and
	// what a progress line counts.
	Picture bool
}

// HomeCount is how many news items the home page shows.
const HomeCount = 10

// FeedCount is how many entries a feed holds.
const FeedCount = 20

var home = Crumb{Name: "Trang chủ", URL: "/"}

// Inputs are what the jobs of one build read besides the site and what
// New was given: they change from one build of a session to the next.
type Inputs struct {
	// SearchIndex is the URL of the search index's manifest, which the
	// search page loads; "": no search page.
	SearchIndex string
	// EditionIndexes are the URLs of the manifests of the search indexes
	// of the site's other languages, by language; a language without one
	// has no search page.
	EditionIndexes map[string]string
	// Maker makes the smaller copies of photos, over the store that
	// keeps them between builds; nil: make them afresh.
	Maker *images.Maker
	// Sitemap is the site's sitemap when the caller kept it (its
	// addresses and dates are set when the site is linked: a patch of
	// bodies keeps them); nil: Jobs makes it.
	Sitemap *Sitemap
	// Search, when set, gives the URLs of the manifests of the search
	// indexes (what SearchIndex and EditionIndexes would hold) once they
	// are built, so that a build renders the other pages while it builds
	// its indexes: the search pages' jobs call it when they run, and come
	// last. Set it only when every language has an index (a build's
	// always do). The search pages' jobs then have no Data.
	Search func() (string, map[string]string, error)
	// Lazy makes the pages of news items, gazette issues and documents,
	// the lists of documents, and the sitemap (when Sitemap is nil), when
	// their jobs run rather than in Jobs, so that the pages of a large
	// site (their JSON-LD, relations and crumbs) are not all in memory at
	// once. Their jobs then have no Data: a preview, which compares Data
	// between builds, leaves it false.
	Lazy bool
	// Items, when set, keeps the list items that Jobs renders once each
	// (items.go) out of memory until the last list has read them; nil:
	// in memory.
	Items model.Stash
}

// Jobs returns every file of the site to render, in a fixed order.
//
// The first copy of each photo comes first: the job that makes it
// decodes the photo and makes all its copies at once, while other workers
// render pages; the other copies come last, when they are made.
func (r *Renderer) Jobs(s *model.Site, in Inputs) []Job { return r.JobList(s, in).All() }

// JobList is a list of jobs, some of them made when asked for.
type JobList struct {
	parts []jobPart
	n     int
}

// jobPart is a run of a JobList: jobs, or n jobs that at makes.
type jobPart struct {
	start int
	jobs  []Job
	n     int
	at    func(i int) Job
}

// add appends jobs, or else n jobs that at makes.
func (l *JobList) add(jobs []Job, n int, at func(i int) Job) {
	if at == nil {
		n = len(jobs)
	}
	if n == 0 {
		return
	}
	l.parts = append(l.parts, jobPart{start: l.n, jobs: jobs, n: n, at: at})
	l.n += n
}

// part returns the index of the part that holds job i.
func (l *JobList) part(i int) int {
	k, _ := slices.BinarySearchFunc(l.parts, i, func(p jobPart, i int) int {
		switch {
		case i < p.start:
			return 1
		case i >= p.start+p.n:
			return -1
		}
		return 0
	})
	return k
}

// Len is the number of jobs.
func (l *JobList) Len() int { return l.n }

// At returns job i, made anew each time for a record's page made when its
// job runs (Inputs.Lazy). Any goroutine may call it.
func (l *JobList) At(i int) Job {
	p := &l.parts[l.part(i)]
	if p.at != nil {
		return p.at(i - p.start)
	}
	return p.jobs[i-p.start]
}

// Release lets go of job i but its path, once it has run, when the list
// holds it: its page and closures are then garbage while the rest
// render. Any goroutine may call it, for a job no other one reads.
func (l *JobList) Release(i int) {
	p := &l.parts[l.part(i)]
	if p.at == nil {
		j := &p.jobs[i-p.start]
		*j = Job{Path: j.Path}
	}
}

// Pictures is the number of jobs that make the copies of a photo
// (Job.Picture); a record's page is none.
func (l *JobList) Pictures() int {
	n := 0
	for _, p := range l.parts {
		for _, j := range p.jobs {
			if j.Picture {
				n++
			}
		}
	}
	return n
}

// All returns every job, in order.
func (l *JobList) All() []Job {
	jobs := make([]Job, 0, l.n)
	for _, p := range l.parts {
		if p.at == nil {
			jobs = append(jobs, p.jobs...)
			continue
		}
		for i := range p.n {
			jobs = append(jobs, p.at(i))
		}
	}
	return jobs
}

// recordsOf is how Jobs lists n pages of records: the i-th at the URL
// url, rendered with layout from the page mk makes.
type recordsOf func(n int, at func(i int) (url, layout string, mk func() *Page))

// JobList is Jobs as a list whose jobs of records' pages (Inputs.Lazy)
// are made when asked for (At), so that a build of 250 000 documents
// holds no job, path and closures for each of them (some 60 MB, live
// while the pages render) but while it runs it.
func (r *Renderer) JobList(s *model.Site, in Inputs) *JobList {
	r.items.reset(in.Items)
	firsts, rest := r.variantJobs(s, in.Maker)
	jobs := firsts
	list := &JobList{}
	page := func(url, layout string, p *Page) {
		p.URL = url
		p.Notice = r.notice
		p.Translations = r.alternates(s, p.Lang, url)
		to := func(b *bytes.Buffer) error { return r.ExecuteTo(b, layout, p) }
		jobs = append(jobs, Job{Path: FilePath(url), Run: runOf(to), To: to, Layout: layout, Data: p})
	}
	// records lists pages of records: each made at once, or made with its
	// job when the list is asked for it (Inputs.Lazy).
	records := func(n int, at func(i int) (url, layout string, mk func() *Page)) {
		if !in.Lazy {
			for i := range n {
				url, layout, mk := at(i)
				page(url, layout, mk())
			}
			return
		}
		// The jobs listed so far, then the records'.
		list.add(jobs, 0, nil)
		jobs = nil
		list.add(nil, n, func(i int) Job {
			url, layout, mk := at(i)
			to := func(b *bytes.Buffer) error {
				p := mk()
				p.URL, p.Notice, p.Translations = url, r.notice, r.alternates(s, p.Lang, url)
				return r.ExecuteTo(b, layout, p)
			}
			return Job{Path: FilePath(url), Layout: layout, Run: runOf(to), To: to}
		})
	}
	page("/", "home.html", &Page{Kind: "home", Title: r.site.Title, Description: r.site.Description,
		Latest: first(s.News, HomeCount), Categories: s.Categories, FeedURL: urls.News + "atom.xml", Issues: s.Gazette.Issues[:min(3, len(s.Gazette.Issues))],
		Catalogue: &s.Catalogue, Consultations: &s.Consultations, AsOf: s.Consultations.AsOf})
	records(len(s.News), func(i int) (string, string, func() *Page) {
		n := s.News[i]
		return n.URL, "news/single.html", func() *Page {
			return withBody(&Page{Kind: "news", Title: n.Title, Description: n.Summary, News: n, Image: n.Image,
				FeedURL: n.CategoryRef.URL + "atom.xml",
				Crumbs:  []Crumb{home, {"Tin tức", urls.News}, {n.CategoryRef.Name, n.CategoryRef.URL}, {Name: n.Title}}}, n.Content)
		}
	})
	for _, l := range s.Lists {
		crumbs := []Crumb{home, {Name: "Tin tức", URL: urls.News}}
		switch l.Kind {
		case "category":
			crumbs = append(crumbs, Crumb{"Chuyên mục", urls.News + "chuyen-muc/"})
		case "tag":
			crumbs = append(crumbs, Crumb{"Thẻ", urls.News + "the/"})
		}
		if l.Kind != "news" {
			crumbs = append(crumbs, Crumb{Name: l.Term.Name, URL: l.Term.URL})
		}
		if l.Pager.Number > 1 {
			crumbs = append(crumbs, Crumb{Name: fmt.Sprintf("Trang %d", l.Pager.Number)})
		} else {
			crumbs[len(crumbs)-1].URL = ""
		}
		title := l.Title
		if l.Pager.Number > 1 {
			title = fmt.Sprintf("%s – trang %d", l.Title, l.Pager.Number)
		}
		feed := urls.News + "atom.xml"
		if l.Kind == "category" {
			feed = l.Term.URL + "atom.xml"
		}
		page(l.URL, "news/list.html", &Page{Kind: "list", Title: title, List: l, Crumbs: crumbs,
			Categories: s.Categories, Years: s.Years, FeedURL: feed})
	}
	page(urls.News+"chuyen-muc/", "news/terms.html", &Page{Kind: "terms", Title: "Chuyên mục tin tức", Terms: s.Categories,
		Crumbs: []Crumb{home, {"Tin tức", urls.News}, {Name: "Chuyên mục"}}})
	page(urls.News+"the/", "news/terms.html", &Page{Kind: "terms", Title: "Thẻ tin tức", Terms: s.Tags,
		Crumbs: []Crumb{home, {"Tin tức", urls.News}, {Name: "Thẻ"}}})
	for _, sp := range s.Pages {
		p := &Page{Kind: "page", Title: sp.Title, StaticPage: sp, Description: truncate(200, sp.Content.Lead), Crumbs: []Crumb{home, {Name: sp.Title}}}
		p.setBody(sp.Content)
		page(sp.URL, "page.html", p)
	}
	gazette := r.gazetteJobs(s, page, records)
	jobs = append(jobs, gazette...)
	jobs = append(jobs, r.procedureJobs(s, page)...)
	jobs = append(jobs, r.statisticsJobs(s, page)...)
	if l := r.public; l != nil {
		page(urls.PublicList, "publiclist.html", &Page{Kind: "publiclist", Title: "Danh mục thông tin phải công khai", PublicList: l,
			Description: "Thông tin cơ quan phải công khai theo Luật Tiếp cận thông tin: đăng ở đâu trên cổng, hình thức nào, cập nhật lần cuối khi nào, công khai trong bao lâu.",
			Crumbs:      []Crumb{home, {Name: "Danh mục thông tin phải công khai"}}})
	}
	jobs = append(jobs, r.proofJobs(page)...)
	jobs = append(jobs, r.disclosureJobs(s, page)...)
	jobs = append(jobs, r.logJobs(page)...)
	// The search pages, or when their indexes are being built (Search),
	// jobs that wait for them, listed last.
	var searchJobs []Job
	searchPage, viIndex, edIndex := page, in.SearchIndex, in.EditionIndexes
	if in.Search != nil {
		viIndex, edIndex = "(pending)", map[string]string{}
		for _, ed := range s.Editions {
			edIndex[ed.Lang] = "(pending)"
		}
		searchPage = func(url, layout string, p *Page) {
			p.URL, p.Notice, p.Translations = url, r.notice, r.alternates(s, p.Lang, url)
			to := func(b *bytes.Buffer) error {
				vi, eds, err := in.Search()
				if err != nil {
					return err
				}
				q := *p
				if q.SearchIndex = vi; p.Lang != "" {
					q.SearchIndex = eds[p.Lang]
				}
				if q.SearchIndex == "" {
					return fmt.Errorf("no search index for language %q", p.Lang)
				}
				return r.ExecuteTo(b, layout, &q)
			}
			searchJobs = append(searchJobs, Job{Path: FilePath(url), Layout: layout, Run: runOf(to), To: to})
		}
	}
	if viIndex != "" {
		// The fields as plain links: the page, which shows the index's
		// URL, reaches no record, so a preview renders it after every edit.
		var fields []Crumb
		for _, f := range s.Catalogue.Fields {
			fields = append(fields, Crumb{f.Name, f.URL})
		}
		searchPage(urls.Search, "search.html", &Page{Kind: "search", Title: "Tìm kiếm", SearchIndex: viIndex, Browse: fields,
			Description: "Tìm tin tức, văn bản và thủ tục hành chính, gõ có dấu hoặc không dấu.", Crumbs: []Crumb{home, {Name: "Tìm kiếm"}}})
	}
	jobs = append(jobs, Job{Path: "404.html", Run: func() ([]byte, error) {
		return r.Execute("404.html", &Page{Kind: "404", Title: "Không tìm thấy trang", URL: "/404.html", Latest: first(s.News, 5), Notice: r.notice,
			Translations: r.alternates(s, "", "/404.html"), Crumbs: []Crumb{home, {Name: "Không tìm thấy trang"}}})
	}, Layout: "404.html", Data: []any{first(s.News, 5), r.notice}})
	jobs = append(jobs, Job{Path: "tin-tuc/atom.xml", Run: func() ([]byte, error) {
		return r.feed(r.site.Title+" – Tin tức", urls.News, urls.News+"atom.xml", s.News)
	}, Data: first(s.News, FeedCount)})
	for _, c := range s.Categories {
		jobs = append(jobs, Job{Path: c.URL[1:] + "atom.xml", Run: func() ([]byte, error) {
			return r.feed(r.site.Title+" – "+c.Name, c.URL, c.URL+"atom.xml", c.Items)
		}, Data: []any{c.Term, first(c.Items, FeedCount)}})
	}
	for _, ed := range s.Editions {
		jobs = append(jobs, r.editionJobs(s, ed, page)...)
		r.editionSearchPage(ed, edIndex[ed.Lang], searchPage)
	}
	// The sitemap's data is its list of addresses and dates, not the whole
	// site: a preview re-runs it only when one of those changes. Lazy
	// jobs make it when the job runs, and have no Data.
	switch sitemap := in.Sitemap; {
	case sitemap == nil && in.Lazy:
		jobs = append(jobs, Job{Path: "sitemap.xml", Run: func() ([]byte, error) { return marshalXML(r.Sitemap(s)) }})
	default:
		if sitemap == nil {
			sitemap = r.Sitemap(s)
		}
		jobs = append(jobs, Job{Path: "sitemap.xml", Run: func() ([]byte, error) { return marshalXML(sitemap) }, Data: sitemap})
	}
	jobs = append(jobs, Job{Path: "robots.txt", Run: func() ([]byte, error) {
		return fmt.Appendf(nil, "User-agent: *\nAllow: /\n\nSitemap: %s\n", r.absURL("/sitemap.xml")), nil
	}, Data: "robots"})
	list.add(append(append(jobs, rest...), searchJobs...), 0, nil)
	return list
}

// variantJobs makes the smaller copies of the photos that pages show,
// lead photos and photos in bodies, one job per copy however many pages
// show the photo: the widest copy of each photo in firsts, the others in
// rest.
func (r *Renderer) variantJobs(s *model.Site, maker *images.Maker) (firsts, rest []Job) {
	if maker == nil {
		maker = images.NewMaker(nil)
	}
	seen := map[string]bool{}
	add := func(vs []model.Variant) {
		for i := len(vs) - 1; i >= 0; i-- {
			v := vs[i]
			if seen[v.Path] {
				continue
			}
			seen[v.Path] = true
			j := Job{Path: v.Path, Picture: i == len(vs)-1, Run: func() ([]byte, error) {
				out, err := maker.Copy(v.Sum, v.FromWidth, v.FromHeight, v.Width, func() ([]byte, error) {
					data, err := fs.ReadFile(r.fsys, v.From)
					if err != nil {
						return nil, fmt.Errorf("read %s: %w", v.From, err)
					}
					return data, nil
				})
				if err != nil {
					return nil, fmt.Errorf("%s: %w", v.From, err)
				}
				return out, nil
			}, Data: v.Path} // the path names the photo's content and the width
			if i == len(vs)-1 {
				firsts = append(firsts, j)
			} else {
				rest = append(rest, j)
			}
		}
	}
	for _, n := range s.News {
		if n.Image != nil {
			add(n.Image.Variants)
		}
		add(n.Content.Variants)
	}
	for _, p := range s.Pages {
		add(p.Content.Variants)
	}
	for _, d := range s.Gazette.Documents {
		add(d.Content.Variants)
	}
	for _, is := range s.Gazette.Issues {
		add(is.Content.Variants)
	}
	for _, p := range s.Catalogue.Procedures {
		add(p.Content.Intro.Variants)
	}
	for _, c := range s.Consultations.Items {
		add(c.Content.Variants)
	}
	for _, b := range s.Budgets.Items {
		add(b.Content.Variants)
	}
	for _, p := range s.Projects.Items {
		add(p.Content.Variants)
	}
	return firsts, rest
}

func first(items []*model.News, n int) []*model.News { return items[:min(n, len(items))] }

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomText struct {
	Type string `xml:"type,attr,omitempty"`
	Body string `xml:",chardata"`
}

type atomEntry struct {
	Title     string    `xml:"title"`
	Link      atomLink  `xml:"link"`
	ID        string    `xml:"id"`
	Published string    `xml:"published"`
	Updated   string    `xml:"updated"`
	Author    *atomName `xml:"author,omitempty"`
	Category  *atomCat  `xml:"category,omitempty"`
	Summary   *atomText `xml:"summary,omitempty"`
	Content   *atomText `xml:"content,omitempty"`
}

type atomName struct {
	Name string `xml:"name"`
}

type atomCat struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr"`
}

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	Title   string      `xml:"title"`
	Links   []atomLink  `xml:"link"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Author  atomName    `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

// feed renders an Atom feed of the newest items. Its update time is the
// newest item's date, never the time of the build.
func (r *Renderer) feed(title, pageURL, selfURL string, items []*model.News) ([]byte, error) {
	return r.feedIn("", title, pageURL, selfURL, items)
}

// feedIn is feed in a language ("" for Vietnamese): its xml:lang and
// author are the language's.
func (r *Renderer) feedIn(lang, title, pageURL, selfURL string, items []*model.News) ([]byte, error) {
	site := r.site.In(lang)
	f := atomFeed{Lang: site.Language, Title: title, ID: r.absURL(pageURL), Author: atomName{site.Agency},
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: r.absURL(selfURL)}, {Rel: "alternate", Type: "text/html", Href: r.absURL(pageURL)}}}
	items = first(items, FeedCount)
	if len(items) > 0 {
		f.Updated = items[0].Date.In(model.Zone).Format(time.RFC3339)
	} else {
		f.Updated = time.Date(2000, 1, 1, 0, 0, 0, 0, model.Zone).Format(time.RFC3339)
	}
	for _, n := range items {
		e := atomEntry{Title: n.Title, Link: atomLink{Rel: "alternate", Type: "text/html", Href: r.absURL(n.URL)}, ID: r.absURL(n.URL),
			Published: n.Date.In(model.Zone).Format(time.RFC3339), Updated: n.Date.In(model.Zone).Format(time.RFC3339),
			Category: &atomCat{Term: n.CategoryRef.Slug, Label: n.CategoryRef.Name}}
		if n.CategoryRef.Slug == "" {
			e.Category = nil // an edition's news: no categories
		}
		if n.Author != "" {
			e.Author = &atomName{n.Author}
		}
		if n.Summary != "" {
			e.Summary = &atomText{Type: "text", Body: n.Summary}
		}
		e.Content = &atomText{Type: "html", Body: n.Content.HTML()}
		f.Entries = append(f.Entries, e)
	}
	return marshalXML(f)
}

type sitemapURL struct {
	Loc     sitemapLoc `xml:"loc"`
	LastMod string     `xml:"lastmod,omitempty"`
	// Links are the page's versions in every language, itself
	// included, when it has a translation (xhtml:link rel=alternate).
	Links []sitemapLink `xml:"xhtml:link"`
}

// sitemapLoc is a page's address: its path from the site root, which
// the page's record holds anyway, made absolute only when the sitemap is
// written (a large site's absolute addresses, one more string per page,
// are not held while its pages render).
type sitemapLoc struct {
	path    string
	baseURL string // the site's, shared by all
}

// MarshalXML writes the absolute address, as a string field would.
func (l sitemapLoc) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return e.EncodeElement(absURL(l.baseURL, l.path), start)
}

// sitemapLink is an xhtml:link of a sitemap's url.
type sitemapLink struct {
	Rel      string `xml:"rel,attr"`
	Hreflang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

// Sitemap is what sitemap.xml holds: every page's address and date, in
// every language; a page with translations names them all.
type Sitemap struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	// XHTML declares the xhtml namespace of the links, for a site in
	// several languages only.
	XHTML string       `xml:"xmlns:xhtml,attr,omitempty"`
	URLs  []sitemapURL `xml:"url"`
}

// day formats t as YYYY-MM-DD in Vietnam time, or "" for the zero time.
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(model.Zone).Format("2006-01-02")
}

// newest returns the date of a list's first (newest) item, or the zero time.
func newest[T any](l *model.List[T], date func(T) time.Time) time.Time {
	if len(l.Items) == 0 {
		return time.Time{}
	}
	return date(l.Items[0])
}

// Sitemap returns the sitemap of s.
func (r *Renderer) Sitemap(s *model.Site) *Sitemap {
	set := &Sitemap{}
	// The dates are few (days), each made once.
	days := map[time.Time]string{}
	add := func(u string, t time.Time) {
		d, ok := days[t]
		if !ok {
			d = day(t)
			days[t] = d
		}
		set.URLs = append(set.URLs, sitemapURL{Loc: sitemapLoc{u, r.site.BaseURL}, LastMod: d})
	}
	add("/", s.Updated)
	for _, n := range s.News {
		add(n.URL, n.Date)
	}
	for _, l := range s.Lists {
		add(l.URL, newest(l, func(n *model.News) time.Time { return n.Date }))
	}
	add(urls.News+"chuyen-muc/", s.Updated)
	add(urls.News+"the/", s.Updated)
	for _, p := range s.Pages {
		add(p.URL, s.Updated)
	}
	g := &s.Gazette
	if len(g.Issues) > 0 {
		add(urls.Gazette, g.Issues[0].Date)
	}
	for _, is := range g.Issues {
		add(is.URL, is.Date)
	}
	for _, d := range g.Documents {
		add(d.URL, d.Issued)
	}
	for _, l := range g.Lists {
		add(l.URL, newest(l, func(d *model.Document) time.Time { return d.Issued }))
	}
	for _, p := range s.Catalogue.Procedures {
		add(p.URL, published(p))
	}
	for _, l := range s.Catalogue.Lists {
		add(l.URL, time.Time{})
	}
	if r.public != nil {
		add(urls.PublicList, time.Time{})
	}
	if st := &s.Statistics; len(st.Periods) > 0 {
		add(urls.Statistics, st.Updated)
		for _, p := range st.Periods {
			add(p.URL, p.End)
		}
		for _, u := range append(slices.Clone(st.Agencies), st.Fields...) {
			add(u.URL, u.Rows[len(u.Rows)-1].Period.End)
		}
	}
	for _, c := range s.Consultations.Items {
		add(c.URL, c.Opens)
	}
	for _, l := range s.Consultations.Lists {
		add(l.URL, time.Time{})
	}
	for _, b := range s.Budgets.Items {
		add(b.URL, b.Published)
	}
	for _, l := range s.Budgets.Lists {
		add(l.URL, newest(l, func(b *model.Budget) time.Time { return b.Published }))
	}
	for _, p := range s.Projects.Items {
		add(p.URL, p.Updated)
	}
	for _, l := range s.Projects.Lists {
		add(l.URL, time.Time{})
	}
	r.sitemapEditions(s, set, add)
	return set
}

// published is the date of the decision that published a procedure, or
// the zero time.
func published(p *model.Procedure) time.Time {
	if p.PublishedBy != nil && p.PublishedBy.Target != nil {
		return p.PublishedBy.Target.Issued
	}
	return time.Time{}
}

func marshalXML(v any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", " ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// sitemapEditions adds the pages of the site's other languages to the
// sitemap, and to every page that has versions in several languages the
// links to all of them (x-default: the Vietnamese one).
func (r *Renderer) sitemapEditions(s *model.Site, set *Sitemap, add func(u string, t time.Time)) {
	if len(s.Editions) == 0 {
		return
	}
	set.XHTML = "http://www.w3.org/1999/xhtml"
	for _, ed := range s.Editions {
		add(urls.Home(ed.Lang), ed.Updated)
		for _, n := range ed.News {
			add(n.URL, n.Date)
		}
		for _, l := range ed.Lists {
			add(l.URL, newest(l, func(n *model.News) time.Time { return n.Date }))
		}
		for _, p := range ed.Pages {
			add(p.URL, s.Updated)
		}
		if l := ed.DocList; l != nil {
			add(l.URL, time.Time{})
			for _, d := range ed.Documents {
				add(d.URL, d.Issued)
			}
		}
		if l := ed.ProcList; l != nil {
			add(l.URL, time.Time{})
			for _, p := range ed.Procedures {
				add(p.URL, published(p))
			}
		}
	}
	for i := range set.URLs {
		u := &set.URLs[i]
		vi := u.Loc.path
		for _, ed := range s.Editions {
			if o, ok := ed.Original[u.Loc.path]; ok {
				vi = o
			}
		}
		var links []sitemapLink
		for _, ed := range s.Editions {
			if t, ok := ed.Of[vi]; ok {
				links = append(links, sitemapLink{"alternate", ed.Lang, r.absURL(t)})
			}
		}
		if len(links) == 0 {
			continue
		}
		u.Links = append([]sitemapLink{{"alternate", "vi", r.absURL(vi)}}, links...)
		u.Links = append(u.Links, sitemapLink{"alternate", "x-default", r.absURL(vi)})
	}
}

// setBody gives the page the record's converted body as its Content: at
// once when the record holds it, or, when a build stored it away, read
// back only while the page renders, so that the pages of a large site do
// not hold every body until the last is rendered.
func (p *Page) setBody(c model.Converted) {
	if c.MarkupAt.Store == nil {
		p.Content = template.HTML(c.Markup)
		return
	}
	p.body = c.HTML
}

// withBody is p with the body c set (setBody).
func withBody(p *Page, c model.Converted) *Page {
	p.setBody(c)
	return p
}
