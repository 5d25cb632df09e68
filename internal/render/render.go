// Package render turns the site model into pages: it loads the layouts
// (html/template, each template named by its file path so errors point at
// the layout's line), converts Markdown bodies, and renders every page,
// feed and sitemap as bytes. It writes nothing; build hands its results
// to output.
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"minhbach/internal/config"
	"minhbach/internal/diag"
	"minhbach/internal/i18n"
	"minhbach/internal/images"
	"minhbach/internal/markdown"
	"minhbach/internal/media"
	"minhbach/internal/model"
	"minhbach/internal/publog"
	"minhbach/internal/tmplexec"
)

// Renderer renders pages. It has no setters: all it reads is given to
// New, and what changes from one build of a session to the next to Jobs,
// so that it is safe for concurrent use after New returns
// (TestRendererConcurrent, under -race).
type Renderer struct {
	site *config.Site
	// log is the publication log, oldest first.
	log    []publog.Entry
	fsys   fs.FS
	assets map[string]string
	md     *markdown.Converter
	// sets holds each declared language's templates by layout; langs
	// the languages, Vietnamese first; tables their strings.
	sets map[string]map[string]*tmplexec.Set
	// layouts are the first language's parsed sets, whose T keys
	// UsedKeys lists.
	layouts []*template.Template
	langs   []string
	tables  map[string]*i18n.Table
	menu    []config.MenuItem
	footer  []config.MenuItem
	base    string
	// cache, when set, keeps converted bodies between builds.
	cache *ConvertCache
	// public is the catalogue of information to publish (nil: no page).
	public *model.PublicList
	// notice is the banner every page shows (nil: none).
	notice *config.Notice
	// menus are the main and footer menus of each language other than
	// Vietnamese (lang.go).
	menus map[string][2][]config.MenuItem
	// chromes are the header and footer made so far (chrome.go).
	chromes *chromeSet
	// items are the list items made so far by the current Jobs (items.go).
	items items
	// splice keeps the minified header, footer and items that pages
	// carry as placeholders (splice.go); nil: pages carry them whole.
	splice *splicer
}

// PublicList returns the catalogue of information to publish that New
// was given.
func (r *Renderer) PublicList() *model.PublicList { return r.public }

// ConvertCache keeps converted Markdown bodies between the builds of a
// preview, by file and body line; an entry is used only when the page URL
// and the Markdown are the same. It holds for one configuration, one set
// of assets and one set of pictures: start a new cache when any of them
// changes. It is safe for concurrent use.
type ConvertCache struct {
	mu sync.Mutex
	m  map[convertKey]*converted
	// photos holds the smaller copies of lead photos and the warnings
	// about them, so that a rebuild does not read and hash every photo
	// again.
	photos map[photoKey]photoCopies
}

type photoKey struct {
	file, src string
	pos       diag.Pos
	w, h      int
}

type photoCopies struct {
	vs []model.Variant
	d  diag.List
}

type convertKey struct {
	path string
	line int
}

type converted struct {
	url string
	md  []byte
	c   model.Converted
	d   diag.List
}

// NewConvertCache returns an empty cache.
func NewConvertCache() *ConvertCache {
	return &ConvertCache{m: map[convertKey]*converted{}, photos: map[photoKey]photoCopies{}}
}

// Menu returns the main menu, plain pages included.
func (r *Renderer) Menu() []config.MenuItem { return r.menu }

// LangMenus returns the main and footer menus of each language other
// than Vietnamese, translated plain pages included.
func (r *Renderer) LangMenus() map[string][2][]config.MenuItem { return r.menus }

// Layouts are the page templates a layouts folder must provide (besides
// base.html and partials/*.html, shared by all).
var Layouts = []string{"home.html", "news/single.html", "news/list.html", "news/terms.html", "page.html", "404.html",
	"gazette/index.html", "gazette/issue.html", "document/single.html", "document/list.html",
	"procedure/single.html", "procedure/list.html", "search.html",
	"statistics/index.html", "statistics/period.html", "statistics/unit.html", "proof.html",
	"consultation/single.html", "consultation/list.html", "budget/single.html", "budget/list.html", "project/single.html", "project/list.html", "publog.html",
	"publiclist.html"}

// Options are what a Renderer reads besides the site model.
type Options struct {
	Site *config.Site
	// Layouts is a folder with base.html, partials/*.html and the
	// Layouts; Files the site root, for pictures.
	Layouts, Files fs.FS
	// ThemeChrome says that base.html and the partials are the theme's
	// own, whose header and footer are rendered once per language and
	// current menu item (chrome.go).
	ThemeChrome bool
	// MinifyHTML, when given with ThemeChrome, minifies the cached header,
	// footer and list items once; pages then carry placeholders that
	// Splice replaces after the page is minified (splice.go). It must be
	// the minifier of the whole page.
	MinifyHTML func(dst *bytes.Buffer, src []byte) error
	// Assets maps an asset path ("css/app.css") to its published URL.
	Assets map[string]string
	// Pages are the plain pages: those with a menu join the main or the
	// footer menu.
	Pages []*model.StaticPage
	// Log is the publication log, oldest first.
	Log []publog.Entry
	// PublicList is the catalogue of information to publish, which the
	// page /danh-muc-cong-khai/ shows; nil: the site has none.
	PublicList *model.PublicList
	// Notice is the banner every page shows; nil: none (the caller gives
	// it only within its window).
	Notice *config.Notice
	// Cache keeps converted bodies between builds; nil: convert every
	// body.
	Cache *ConvertCache
	// Editions are the site in its other languages (model.Site's), for
	// their menus.
	Editions []*model.Edition
	// Languages are the site's languages, Vietnamese first; nil: [vi].
	// Strings holds the string table of each (i18n.Load); a layout's
	// key missing from one is an error (a language without a table has
	// an empty one).
	Languages []string
	Strings   map[string]*i18n.Table
}

// New loads the templates and returns a renderer of o.
func New(o Options) (*Renderer, diag.List) {
	site, layouts := o.Site, o.Layouts
	langs := o.Languages
	if len(langs) == 0 {
		langs = []string{"vi"}
	}
	r := &Renderer{site: site, fsys: o.Files, assets: o.Assets, md: markdown.New(markdown.Options{Unsafe: site.UnsafeHTML}),
		base: site.BasePath(), log: o.Log, public: o.PublicList, notice: o.Notice, cache: o.Cache,
		langs: langs, tables: o.Strings, sets: map[string]map[string]*tmplexec.Set{}}
	r.items.reset(nil)
	var d diag.List
	if r.tables == nil {
		r.tables = map[string]*i18n.Table{}
	}
	for _, lang := range langs {
		if r.tables[lang] == nil {
			r.tables[lang] = i18n.New(lang, nil) // every key a layout uses is reported missing
		}
	}
	baseFuncs, textFuncs := r.funcs(), map[string]template.FuncMap{}
	for _, lang := range langs {
		textFuncs[lang] = r.textFuncs(r.tables[lang])
	}
	base := template.New("layouts/base.html").Funcs(baseFuncs).Funcs(textFuncs[langs[0]])
	files := []string{"base.html"}
	partials, _ := fs.Glob(layouts, "partials/*.html")
	slices.Sort(partials)
	files = append(files, partials...)
	for _, f := range files {
		if err := parseInto(base, layouts, f); err != nil {
			d.Errorf(diag.Pos{Path: "layouts/" + f}, "layout error: %v", err)
		}
	}
	if d.HasErrors() {
		return r, d
	}
	r.chromes = &chromeSet{sets: map[string]*tmplexec.Set{}, cached: o.ThemeChrome, html: map[string]template.HTML{}}
	if o.ThemeChrome && o.MinifyHTML != nil {
		r.splice = newSplicer(o.MinifyHTML)
	}
	for i, lang := range langs {
		c, err := base.Clone()
		if err != nil {
			d.Errorf(diag.Pos{Path: "layouts/base.html"}, "layout error: %v", err)
			return r, d
		}
		if i > 0 {
			c.Funcs(textFuncs[lang])
		}
		r.chromes.sets[lang] = tmplexec.New(c, baseFuncs, textFuncs[lang])
	}
	parsed := map[string]*template.Template{}
	set := map[string]*tmplexec.Set{}
	var all []*template.Template
	for _, name := range Layouts {
		t, err := base.Clone()
		if err == nil {
			err = parseInto(t, layouts, name)
		}
		if err != nil {
			d.Errorf(diag.Pos{Path: "layouts/" + name}, "layout error: %v", err)
			continue
		}
		parsed[name] = t
		set[name] = tmplexec.New(t, baseFuncs, textFuncs[langs[0]])
		all = append(all, t)
	}
	r.sets[langs[0]], r.layouts = set, all
	d.Append(checkKeys(all, langs, r.tables))
	used := r.usedKeys(all)
	for _, lang := range langs {
		d.Append(r.tables[lang].Unknown(used))
	}
	for _, lang := range langs[1:] {
		other := map[string]*tmplexec.Set{}
		fm := textFuncs[lang]
		for _, name := range Layouts {
			t, ok := parsed[name]
			if !ok {
				continue
			}
			c, err := t.Clone()
			if err != nil {
				d.Errorf(diag.Pos{Path: "layouts/" + name}, "layout error: %v", err)
				continue
			}
			other[name] = tmplexec.New(c.Funcs(fm), baseFuncs, fm)
		}
		r.sets[lang] = other
	}
	r.menu = slices.Clone(site.Menus["main"])
	r.footer = slices.Clone(site.Menus["footer"])
	r.addPages(o.Pages)
	r.menusOf(o.Editions)
	return r, d
}

// Languages returns the site's languages, Vietnamese first.
func (r *Renderer) Languages() []string { return r.langs }

// Strings returns the string table of lang ("" is the first language),
// or nil when the site does not declare it.
func (r *Renderer) Strings(lang string) *i18n.Table {
	if lang == "" {
		lang = r.langs[0]
	}
	return r.tables[lang]
}

func parseInto(t *template.Template, layouts fs.FS, name string) error {
	data, err := fs.ReadFile(layouts, name)
	if err != nil {
		return fmt.Errorf("read layout: %w", err)
	}
	if t.Name() == "layouts/"+name {
		_, err = t.Parse(string(data))
	} else {
		_, err = t.New("layouts/" + name).Parse(string(data))
	}
	return err
}

// addPages adds the plain pages that ask for the main or the footer menu
// to it.
func (r *Renderer) addPages(pages []*model.StaticPage) {
	for _, p := range pages {
		item := config.MenuItem{Name: p.Title, URL: p.URL, Weight: 100 + p.Weight}
		switch p.Menu {
		case "main":
			r.menu = append(r.menu, item)
		case "footer":
			r.footer = append(r.footer, item)
		}
	}
	byWeight := func(a, b config.MenuItem) int { return a.Weight - b.Weight }
	slices.SortStableFunc(r.menu, byWeight)
	slices.SortStableFunc(r.footer, byWeight)
}

func (r *Renderer) relURL(u string) string {
	if strings.Contains(u, "://") || strings.HasPrefix(u, "//") || strings.HasPrefix(u, "#") || strings.HasPrefix(u, "mailto:") || strings.HasPrefix(u, "tel:") {
		return u
	}
	return r.base + strings.TrimPrefix(u, "/")
}

func (r *Renderer) absURL(u string) string { return absURL(r.site.BaseURL, u) }

// absURL returns u, an address from the site root, under the site's
// base URL; an address with a scheme as it is.
func absURL(base, u string) string {
	if strings.Contains(u, "://") {
		return u
	}
	return strings.TrimSuffix(base, "/") + "/" + strings.TrimPrefix(u, "/")
}

func (r *Renderer) asset(name string) (string, error) {
	u, ok := r.assets[name]
	if !ok {
		return "", fmt.Errorf("no asset %q under assets/", name)
	}
	return r.relURL(u), nil
}

// The sizes attribute of the photos in a body: how wide the page's column
// shows them, which the browser reads to pick a copy from srcset before
// it has the style sheet. They follow the theme's CSS (.news 46rem,
// .document and .procedure 50rem, .wrap 72rem less its padding) and the
// lead photo's sizes in layouts/news/single.html.
const (
	newsSizes = "(min-width: 48rem) 46rem, calc(100vw - 2rem)"
	textSizes = "(min-width: 52rem) 50rem, calc(100vw - 2rem)"
	pageSizes = "(min-width: 72rem) 70rem, calc(100vw - 2rem)"
)

// The Convert functions render a record's body and return it; they
// change nothing. The caller (build) sets the results into the records
// before the model is handed on, read-only, to Jobs.

// NewsBody is a news item's converted body and what follows from it.
type NewsBody struct {
	Content model.Converted
	// Summary is the front matter's, or else the body's lead cut short.
	Summary string
	// Image is a copy of the lead photo with its URL and smaller copies
	// set; nil when none.
	Image *model.Image
}

// ConvertNews renders a news item's body.
func (r *Renderer) ConvertNews(n *model.News) (NewsBody, diag.List) {
	c, d := r.convert(n.Source, n.URL, newsSizes)
	b := NewsBody{Content: c, Summary: n.Summary}
	if b.Summary == "" {
		b.Summary = c.Short
	}
	if n.Image != nil {
		img := *n.Image
		if u, ok := r.assets[strings.TrimPrefix(img.File, "assets/")]; ok && strings.HasPrefix(img.File, "assets/") {
			img.URL = u
		} else if !strings.HasPrefix(img.File, "assets/") {
			b.Content.Files = append(b.Content.Files, model.Copy{From: img.File, To: strings.TrimPrefix(img.URL, "/")})
		}
		img.Variants = nil
		d.Append(r.variants(&img))
		b.Image = &img
	}
	return b, d
}

// variantDir is the output folder of the smaller copies of photos, shared
// by all pages: a photo shown on many pages has its copies written once.
const variantDir = "assets/anh/"

// variants sets the smaller copies of a lead photo that srcset offers,
// and warns when the photo is heavier than pages need.
func (r *Renderer) variants(img *model.Image) diag.List {
	var d diag.List
	if img.Width == 0 || !media.IsImage(img.File) || path.Ext(img.File) == ".svg" {
		return d
	}
	key := photoKey{img.File, img.Src, img.Pos, img.Width, img.Height}
	if r.cache != nil {
		r.cache.mu.Lock()
		kept, ok := r.cache.photos[key]
		r.cache.mu.Unlock()
		if ok {
			img.Variants = kept.vs
			return slices.Clone(kept.d)
		}
	}
	data, err := fs.ReadFile(r.fsys, img.File)
	if err != nil {
		d.Errorf(img.Pos, "image %q: %v", img.Src, err)
		return d
	}
	img.Variants = copiesOf(img.File, data, img.Width, img.Height)
	heavy(&d, img.Pos, img.Src, img.Width, img.Height, int64(len(data)))
	if r.cache != nil {
		r.cache.mu.Lock()
		r.cache.photos[key] = photoCopies{slices.Clip(img.Variants), slices.Clip(d)}
		r.cache.mu.Unlock()
	}
	return d
}

// copiesOf returns the smaller copies to make of the picture file, whose
// bytes are data and size w×h: none when it is not a JPEG photo, is too
// small, or too large to decode (MaxPixels).
func copiesOf(file string, data []byte, w, h int) []model.Variant {
	if !images.Worth(file) || len(images.Widths(w)) == 0 || int64(w)*int64(h) > images.MaxPixels {
		return nil
	}
	sum := images.SumOf(data)
	var out []model.Variant
	for _, x := range images.Widths(w) {
		p := variantDir + images.Name(file, sum, x)
		out = append(out, model.Variant{From: file, Path: p, URL: "/" + p,
			Width: x, Height: images.Height(w, h, x), Sum: sum, FromWidth: w, FromHeight: h})
	}
	return out
}

// heavy warns about a picture larger than pages need, which its copies
// do not make light: the original is published too, and a photo too
// large to decode has no copies at all.
func heavy(d *diag.List, pos diag.Pos, src string, w, h int, size int64) {
	top := images.Ladder[len(images.Ladder)-1]
	switch {
	case int64(w)*int64(h) > images.MaxPixels:
		d.Warnf(pos, "image %q is %d×%d px, too large to make smaller copies of (over %d megapixels): phones download the whole picture; resize it to at most %d px wide before adding it",
			src, w, h, images.MaxPixels/1_000_000, top)
	case images.Heavy(w, h, size):
		d.Warnf(pos, "image %q is %d×%d px and %.1f MB, more than any page shows: resize it to at most %d px wide, or save it with more compression, before adding it",
			src, w, h, float64(size)/1e6, top)
	}
}

// ConvertDocument renders a gazette document's body.
func (r *Renderer) ConvertDocument(d *model.Document) (model.Converted, diag.List) {
	return r.convert(d.Source, d.URL, textSizes)
}

// ConvertIssue renders a gazette issue's body.
func (r *Renderer) ConvertIssue(is *model.Issue) (model.Converted, diag.List) {
	return r.convert(is.Source, is.URL, pageSizes)
}

// ConvertPage renders a plain page's body.
func (r *Renderer) ConvertPage(p *model.StaticPage) (model.Converted, diag.List) {
	return r.convert(p.Source, p.URL, pageSizes)
}

// convert renders a body, whose photos the page shows at sizes (their
// sizes attribute).
func (r *Renderer) convert(src model.Source, pageURL, sizes string) (model.Converted, diag.List) {
	if r.cache == nil {
		return r.convertBody(src, pageURL, sizes)
	}
	key := convertKey{src.Path, src.BodyLine}
	r.cache.mu.Lock()
	e := r.cache.m[key]
	r.cache.mu.Unlock()
	if e != nil && e.url == pageURL && bytes.Equal(e.md, src.Markdown) {
		return e.c, e.d
	}
	c, d := r.convertBody(src, pageURL, sizes)
	c.Files = slices.Clip(c.Files) // callers append: never into the cached array
	r.cache.mu.Lock()
	r.cache.m[key] = &converted{url: pageURL, md: src.Markdown, c: c, d: d}
	r.cache.mu.Unlock()
	return c, d
}

func (r *Renderer) convertBody(src model.Source, pageURL, sizes string) (model.Converted, diag.List) {
	var files []model.Copy
	var variants []model.Variant
	var warns diag.List
	resolve := func(dest string, pos diag.Pos) (markdown.Picture, diag.Message) {
		if strings.HasPrefix(dest, "https://") || strings.HasPrefix(dest, "http://") {
			return markdown.Picture{URL: dest}, diag.Message{}
		}
		file, ok := media.ResolveFile(src.Path, dest)
		if !ok {
			return markdown.Picture{}, diag.Msgf("it must be a path inside the page's folder or under assets/")
		}
		if !media.IsImage(file) {
			return markdown.Picture{}, diag.Msgf("it is not a picture (use .jpg, .png, .gif, .svg, .webp or .avif)")
		}
		w, h, err := media.Size(r.fsys, file)
		if err != nil {
			return markdown.Picture{}, diag.Msgf("file %s does not exist or is not a picture", file)
		}
		var pic markdown.Picture
		if rest, ok := strings.CutPrefix(file, "assets/"); ok {
			u, ok := r.assets[rest]
			if !ok {
				return markdown.Picture{}, diag.Msgf("no asset %s", file)
			}
			pic = markdown.Picture{URL: r.relURL(u), Width: w, Height: h}
		} else {
			rel := strings.TrimPrefix(file, path.Dir(src.Path)+"/")
			to := strings.TrimPrefix(pageURL, "/") + rel
			if !slices.ContainsFunc(files, func(c model.Copy) bool { return c.To == to }) {
				files = append(files, model.Copy{From: file, To: to})
			}
			pic = markdown.Picture{URL: r.relURL(pageURL + rel), Width: w, Height: h}
		}
		if w > 0 && path.Ext(file) != ".svg" {
			data, err := fs.ReadFile(r.fsys, file)
			if err != nil {
				return markdown.Picture{}, diag.Msgf("file %s does not exist or is not a picture", file)
			}
			heavy(&warns, pos, dest, w, h, int64(len(data)))
			if vs := copiesOf(file, data, w, h); len(vs) > 0 {
				pic.Srcset, pic.Sizes = r.srcsetOf(vs, pic.URL, w), sizes
				for _, v := range vs {
					if !slices.ContainsFunc(variants, func(o model.Variant) bool { return o.Path == v.Path }) {
						variants = append(variants, v)
					}
				}
			}
		}
		return pic, diag.Message{}
	}
	res, d := r.md.Convert(src.Path, src.BodyLine, src.Markdown, resolve)
	d.Append(warns)
	d.Append(placeholders(src))
	return model.Converted{Markup: res.HTML, Lead: res.Lead, Short: truncate(model.SummaryLen, res.Lead), Text: res.Text,
		Files: files, Variants: variants}, d
}

// Page is what a layout receives.
type Page struct {
	// Site is site.yaml as the page's language shows it (config.Site.In).
	Site *config.Site
	// Lang is the page's language ("" is the site's first, Vietnamese):
	// its layouts' text, dates and numbers are that language's.
	Lang string
	// Translations are the page's versions in the site's other
	// languages, or those languages' home pages when it has none (see
	// Alternate); nil for a site in one language.
	Translations []Alternate
	// Pages are the plain pages a language's home page lists (the
	// editions' home pages only).
	Pages []*model.StaticPage
	// Kind is "home", "news", "list", "terms", "page" or "404".
	Kind        string
	Title       string
	Description string
	// URL is the page's path from the site root.
	URL    string
	Crumbs []Crumb
	Menu   []config.MenuItem
	// FooterMenu holds the links of the footer: site.yaml's menus.footer
	// and the plain pages with "menu: footer".
	FooterMenu []config.MenuItem
	FeedURL    string

	News       *model.News
	List       *model.List[*model.News]
	Terms      []*model.Taxon
	StaticPage *model.StaticPage
	// Latest is the newest news, for the home page.
	Latest     []*model.News
	Categories []*model.Taxon
	Years      []*model.Taxon
	Content    template.HTML
	Image      *model.Image
	// body reads Content back while the page renders, for a record whose
	// body a build stored away (see setBody).
	body func() string

	Issues    []*model.Issue
	Issue     *model.Issue
	Document  *model.Document
	Relations []RelationGroup
	DocList   *model.List[*model.Document]
	Gazette   *model.Gazette
	// AsOf is the date the statuses of the gazette's pages hold on.
	AsOf time.Time
	// SearchIndex is the URL of the search index's manifest.
	SearchIndex string
	// Browse links the procedures by field, for the search page's advice
	// when nothing is found.
	Browse []Crumb

	Procedure *model.Procedure
	ProcList  *model.List[*model.Procedure]
	Catalogue *model.Catalogue

	// Statistics is the dossier statistics section; StatPeriod and
	// StatUnit the period or the agency or field a page shows; Charts its
	// charts, each drawn from a table the page shows.
	Statistics *model.Statistics
	StatPeriod *model.StatPeriod
	StatUnit   *model.StatUnit
	Charts     []StatChart
	// PublicList is the catalogue of information to publish.
	PublicList *model.PublicList
	// Notice is the site-wide banner, when one shows as of the build date.
	Notice *config.Notice
	// JSONLD is the page's schema.org data, already JSON-encoded.
	JSONLD template.JS
	// Proof is the Xác thực page's key and files.
	Proof *Proof

	// The disclosure kinds: one record, one list page, the whole section
	// (Consultations also on the home page, for the open ones).
	Consultation  *model.Consultation
	ConsultList   *model.List[*model.Consultation]
	Consultations *model.Consultations
	Budget        *model.Budget
	BudgetList    *model.List[*model.Budget]
	Budgets       *model.Budgets
	Project       *model.Project
	ProjectList   *model.List[*model.Project]
	Projects      *model.Projects
	// Log holds the newest entries of the publication log, newest first.
	Log []LogEntry
}

// Crumb is one step of the breadcrumb; the last has no URL.
type Crumb struct {
	Name, URL string
}

// Execute renders one page with the named layout.
func (r *Renderer) Execute(layout string, p *Page) ([]byte, error) {
	return runOf(func(b *bytes.Buffer) error { return r.ExecuteTo(b, layout, p) })()
}

// ExecuteTo renders one page with the named layout into b.
func (r *Renderer) ExecuteTo(b *bytes.Buffer, layout string, p *Page) error {
	lang := p.Lang
	if lang == "" {
		lang = r.langs[0]
	}
	set, ok := r.sets[lang]
	if !ok {
		return fmt.Errorf("no language %q among the site's languages %v", lang, r.langs)
	}
	t, ok := set[layout]
	if !ok {
		return fmt.Errorf("no layout %s", layout)
	}
	if p.body != nil {
		q := *p // the body is held only while the page renders
		q.Content, q.body = template.HTML(p.body()), nil
		p = &q
	}
	p.Site = r.site.In(p.Lang)
	p.Menu, p.FooterMenu = r.menu, r.footer
	if m, ok := r.menus[p.Lang]; ok {
		p.Menu, p.FooterMenu = m[0], m[1]
	}
	return t.Execute(b, "layouts/base.html", p)
}

// runOf returns the Run of a job that renders with to: into a pooled
// buffer, copied out once.
func runOf(to func(b *bytes.Buffer) error) func() ([]byte, error) {
	return func() ([]byte, error) {
		b := bufPool.Get().(*bytes.Buffer)
		defer bufPool.Put(b)
		b.Reset()
		if err := to(b); err != nil {
			return nil, err
		}
		return bytes.Clone(b.Bytes()), nil
	}
}

// bufPool holds page and item buffers: a page or a list item is rendered
// into a buffer that has already grown, and copied out once.
var bufPool = sync.Pool{New: func() any { return bytes.NewBuffer(make([]byte, 0, 32<<10)) }}

// FilePath returns the output file of a page URL: "/tin-tuc/" →
// "tin-tuc/index.html".
func FilePath(url string) string {
	p := strings.TrimPrefix(url, "/") + "index.html"
	return p
}
