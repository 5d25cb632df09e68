package render

import (
	"fmt"
	"html/template"
	"slices"

	"minhbach/internal/config"
	"minhbach/internal/model"
	"minhbach/internal/urls"
)

// Alternate is a page's version in another language, for the language
// switcher and the hreflang links: the translation of the page, or, when
// it has none (Fallback), that language's home page.
type Alternate struct {
	// Lang is the language code ("en"); Name its name in itself
	// ("English").
	Lang, Name string
	// URL is the page's path from the site root.
	URL string
	// Fallback tells that the page has no version in Lang: URL is that
	// language's home page, and Note says so, in Lang.
	Fallback bool
	Note     string
}

// Link returns the URL of the Vietnamese section root u ("/", "/tin-tuc/",
// "/tim-kiem/"…) in the page's language: what layouts link the home page,
// the news and the search with.
func (p *Page) Link(u string) string {
	if s, ok := urls.Section(p.Lang, u); ok {
		return s
	}
	return u
}

// InVietnamese reports whether the page is in Vietnamese, the language
// whose sections (tags, categories, the gazette…) every language's pages
// do not have.
func (p *Page) InVietnamese() bool { return p.Lang == "" || p.Lang == "vi" }

// OrigLang is the lang attribute of text that a page in another
// language takes from its Vietnamese original (a procedure's steps, a
// document's agency): ` lang="vi"`, so that a screen reader reads it as
// Vietnamese (WCAG 2.1, 3.1.2); nothing on a Vietnamese page. Layouts
// write it right after an element's attributes: <dd{{$.OrigLang}}>.
func (p *Page) OrigLang() template.HTMLAttr {
	if p.InVietnamese() {
		return ""
	}
	return ` lang="vi"`
}

// Locale is the page's Open Graph locale (vi_VN, en_US).
func (p *Page) Locale() string {
	if l, ok := config.Locales[p.Lang]; ok {
		return l
	}
	return config.Locales["vi"]
}

// Hreflang lists the versions of the page that exist, itself included,
// for <link rel="alternate" hreflang>: empty when the page has no
// translation.
func (p *Page) Hreflang() []Alternate {
	var out []Alternate
	for _, a := range p.Translations {
		if !a.Fallback {
			out = append(out, a)
		}
	}
	if len(out) == 0 {
		return nil
	}
	lang := p.Lang
	if lang == "" {
		lang = "vi"
	}
	out = append(out, Alternate{Lang: lang, URL: p.URL})
	slices.SortFunc(out, func(a, b Alternate) int {
		return slices.Index(config.KnownLanguages, a.Lang) - slices.Index(config.KnownLanguages, b.Lang)
	})
	return out
}

// alternates returns the versions in the site's other languages of the
// page at u in lang: nil for a site in one language.
func (r *Renderer) alternates(s *model.Site, lang, u string) []Alternate {
	if !r.site.Multilingual() {
		return nil
	}
	if lang == "" {
		lang = "vi"
	}
	vi := u // the page's Vietnamese original
	if lang != "vi" {
		vi = ""
		if ed := s.EditionOf(lang); ed != nil {
			vi = ed.Original[u]
		}
	}
	var out []Alternate
	for _, l := range r.site.Languages {
		if l == lang {
			continue
		}
		a := Alternate{Lang: l, Name: config.LanguageNames[l]}
		switch {
		case l == "vi" && vi != "":
			a.URL = vi
		case l != "vi" && vi != "" && s.EditionOf(l) != nil && s.EditionOf(l).Of[vi] != "":
			a.URL = s.EditionOf(l).Of[vi]
		default:
			// The note is in the link's language, as its name is.
			a.URL, a.Fallback = urls.Home(l), true
			a.Note, _ = r.Strings(l).Text("lang.switch.untranslated") // the theme's tables have it (TestThemeTablesComplete)
		}
		out = append(out, a)
	}
	return out
}

// menusOf makes the main and footer menus of each language other than
// Vietnamese: the items of site.yaml's menus that have a label in the
// language and a target in it (a section it has, a translated page, or
// an address outside the site), and the translated plain pages that ask
// for a menu. The one menu definition serves every language.
func (r *Renderer) menusOf(eds []*model.Edition) {
	r.menus = map[string][2][]config.MenuItem{}
	for _, ed := range eds {
		var m [2][]config.MenuItem
		for i, name := range []string{"main", "footer"} {
			for _, it := range r.site.Menus[name] {
				label, ok := it.NameIn(ed.Lang)
				if !ok {
					continue
				}
				target, ok := ed.Of[it.URL]
				if !ok && !isExternal(it.URL) {
					continue
				}
				if !ok {
					target = it.URL
				}
				m[i] = append(m[i], config.MenuItem{Name: label, URL: target, Weight: it.Weight})
			}
		}
		for _, p := range ed.Pages {
			item := config.MenuItem{Name: p.Title, URL: p.URL, Weight: 100 + p.Weight}
			switch p.Menu {
			case "main":
				m[0] = append(m[0], item)
			case "footer":
				m[1] = append(m[1], item)
			}
		}
		byWeight := func(a, b config.MenuItem) int { return a.Weight - b.Weight }
		slices.SortStableFunc(m[0], byWeight)
		slices.SortStableFunc(m[1], byWeight)
		r.menus[ed.Lang] = m
	}
}

// isExternal reports whether a menu URL leaves the site.
func isExternal(u string) bool {
	return len(u) > 0 && u[0] != '/'
}

// editionJobs returns the pages and the feed of one language's edition:
// home, news, news list, plain pages, documents, procedures, 404 and the
// Atom feed of news.
func (r *Renderer) editionJobs(s *model.Site, ed *model.Edition, page func(url, layout string, p *Page)) []Job {
	lang := ed.Lang
	site := r.site.In(lang)
	home := urls.Home(lang)
	newsRoot, _ := urls.Section(lang, urls.News)
	newsName := ed.Lists[0].Title
	tab := r.Strings(lang)
	homeName, _ := tab.Text("crumb.home")
	notFoundTitle, _ := tab.Text("notfound.title")
	homeCrumb := Crumb{Name: homeName, URL: home}
	if n, ok := r.homeName(lang); ok {
		homeCrumb.Name = n
	}
	page(home, "home.html", &Page{Lang: lang, Kind: "home", Title: site.Title, Description: site.Description,
		Latest: first(ed.News, HomeCount), Pages: ed.Pages, FeedURL: newsRoot + "atom.xml"})
	for _, n := range ed.News {
		page(n.URL, "news/single.html", withBody(&Page{Lang: lang, Kind: "news", Title: n.Title, Description: n.Summary, News: n, Image: n.Image,
			FeedURL: newsRoot + "atom.xml", Crumbs: []Crumb{homeCrumb, {newsName, newsRoot}, {Name: n.Title}}}, n.Content))
	}
	for _, l := range ed.Lists {
		crumbs := []Crumb{homeCrumb, {Name: newsName, URL: newsRoot}}
		title := l.Title
		if l.Pager.Number > 1 {
			crumbs = append(crumbs, Crumb{Name: fmt.Sprint(l.Pager.Number)})
			title = fmt.Sprintf("%s – %d", l.Title, l.Pager.Number)
		} else {
			crumbs[len(crumbs)-1].URL = ""
		}
		page(l.URL, "news/list.html", &Page{Lang: lang, Kind: "list", Title: title, List: l, Crumbs: crumbs, FeedURL: newsRoot + "atom.xml"})
	}
	for _, sp := range ed.Pages {
		page(sp.URL, "page.html", withBody(&Page{Lang: lang, Kind: "page", Title: sp.Title, StaticPage: sp,
			Description: truncate(200, sp.Content.Lead), Crumbs: []Crumb{homeCrumb, {Name: sp.Title}}}, sp.Content))
	}
	if l := ed.DocList; l != nil {
		page(l.URL, "document/list.html", &Page{Lang: lang, Kind: "doclist", Title: l.Title, DocList: l, AsOf: s.Gazette.AsOf,
			Crumbs: []Crumb{homeCrumb, {Name: l.Title}}})
		for _, d := range ed.Documents {
			page(d.URL, "document/single.html", withBody(&Page{Lang: lang, Kind: "document", Title: d.Title, Document: d, AsOf: s.Gazette.AsOf,
				Description: truncate(200, d.Content.Lead), Crumbs: []Crumb{homeCrumb, {l.Title, l.URL}, {Name: d.Title}}}, d.Content))
		}
	}
	if l := ed.ProcList; l != nil {
		page(l.URL, "procedure/list.html", &Page{Lang: lang, Kind: "proclist", Title: l.Title, ProcList: l,
			Crumbs: []Crumb{homeCrumb, {Name: l.Title}}})
		for _, p := range ed.Procedures {
			page(p.URL, "procedure/single.html", withBody(&Page{Lang: lang, Kind: "procedure", Title: p.Title, Procedure: p,
				Description: truncate(200, p.Content.Intro.Lead), Crumbs: []Crumb{homeCrumb, {l.Title, l.URL}, {Name: p.Title}}}, p.Content.Intro))
		}
	}
	var jobs []Job
	notFound := home + "404.html"
	latest := first(ed.News, 5)
	jobs = append(jobs, Job{Path: notFound[1:], Run: func() ([]byte, error) {
		return r.Execute("404.html", &Page{Lang: lang, Kind: "404", Title: notFoundTitle, URL: notFound, Latest: latest, Notice: r.notice,
			Translations: r.alternates(s, lang, notFound), Crumbs: []Crumb{homeCrumb, {Name: notFoundTitle}}})
	}, Layout: "404.html", Data: []any{lang, latest, r.notice}})
	jobs = append(jobs, Job{Path: newsRoot[1:] + "atom.xml", Run: func() ([]byte, error) {
		return r.feedIn(lang, site.Title+" – "+newsName, newsRoot, newsRoot+"atom.xml", ed.News)
	}, Data: []any{lang, first(ed.News, FeedCount)}})
	return jobs
}

// homeName returns the label of the main menu's home item in lang.
func (r *Renderer) homeName(lang string) (string, bool) {
	for _, it := range r.site.Menus["main"] {
		if it.URL == "/" {
			return it.NameIn(lang)
		}
	}
	return "", false
}
