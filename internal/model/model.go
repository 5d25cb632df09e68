// Package model holds the plain data the pipeline stages share: the typed
// content records and the site graph built from them. It has no behaviour
// beyond small accessors, and imports only diag for positions and meta
// for the time zone.
//
// The struct tag `fingerprint` says what a preview's incremental rebuild
// must hash of a field to know that a page is unchanged: "records" on a
// field that holds records, "links" on a list shown only as links, "link"
// on the field that names a record in such a list (its URL), "body" on a
// record's body. internal/build/fingerprint.go gives the rules, and its
// TestFingerprintTags fails for a field that holds records or a body
// without a tag.
package model

import (
	"time"

	"minhbach/internal/diag"
	"minhbach/internal/meta"
)

// Zone is Vietnam's time zone (UTC+7, no daylight saving): dates written
// without a zone are in it, and pages show dates in it. meta, which reads
// the dates, defines it.
var Zone = meta.Zone

// Source is where a record came from, for diagnostics and link resolution.
type Source struct {
	// Path is the file's path relative to the site root.
	Path string
	// Start is the position of the record's opening line.
	Start diag.Pos
	// Markdown is the body; BodyLine is the file line it starts on.
	Markdown []byte `fingerprint:"body"`
	BodyLine int
	// MarkdownAt is where a build stored Markdown out of memory from when
	// the file is read until the body is converted (see Store); zero
	// when Markdown holds it.
	MarkdownAt Stored `fingerprint:"body"`
}

// At is a position in a record's own file (Source.Path): a diag.Pos
// without its path, in half the bytes, for the positions of front-matter
// keys that a large archive's records keep for the site's checks. The
// record's Where makes it a diag.Pos.
type At struct {
	Line, Col int32
	// Ref names the node in a JSON catalogue (see diag.Pos); nil for
	// none (a Markdown file's keys), so that an At is 16 bytes: a
	// gazette document keeps four.
	Ref *string
}

// AtOf returns where p is in its file.
func AtOf(p diag.Pos) At {
	a := At{Line: int32(p.Line), Col: int32(p.Col)}
	if p.Ref != "" {
		a.Ref = &p.Ref
	}
	return a
}

// Where returns the position a in the record's file.
func (s Source) Where(a At) diag.Pos {
	p := diag.Pos{Path: s.Path, Line: int(a.Line), Col: int(a.Col)}
	if a.Ref != nil {
		p.Ref = *a.Ref
	}
	return p
}

// Image is a picture a page shows: its source file and, once resolved,
// its URL and pixel size (0 when unknown, as for SVG without a size).
type Image struct {
	// Src is the path as written in the content.
	Src string
	// File is the site-relative path of the file.
	File string
	// URL is where the built site serves it, from the site root.
	URL           string
	Width, Height int
	Alt, Caption  string
	Pos           diag.Pos
	// Variants are smaller copies of the picture, narrowest first, for
	// srcset (set by render; none for SVG, PNG or small pictures).
	Variants []Variant
}

// Variant is a smaller copy of a picture, made at build time.
type Variant struct {
	// From is the site-relative source file; Path the output path.
	From, Path string
	// URL is where the built site serves it, from the site root.
	URL           string
	Width, Height int
	// Sum is the SHA-256 of From's bytes, and FromWidth and FromHeight
	// its size in pixels: what the copy is made of.
	Sum                   [32]byte
	FromWidth, FromHeight int
}

// News is a tin tức: one news item.
type News struct {
	Source
	Title       string
	Date        time.Time
	Summary     string
	Category    string
	CategoryPos diag.Pos
	Tags        []string
	Author      string
	Image       *Image
	Draft       bool
	PublishDate time.Time
	ExpiryDate  time.Time
	Slug        string

	// Set by graph.

	// URL always begins and ends with '/', relative to the site root.
	URL         string `fingerprint:"link"`
	CategoryRef Term
	TagRefs     []Term
	Related     []*News `fingerprint:"records"`
	Prev, Next  *News   `fingerprint:"records"`

	// Set when the body is converted.
	Content Converted `fingerprint:"body"`
}

// SummaryLen is how many letters a summary taken from a body's lead
// keeps.
const SummaryLen = 300

// Converted is a Markdown body rendered to HTML.
type Converted struct {
	// Markup is the rendered body (trusted: produced by the Markdown
	// renderer), "" when a build stored it away (MarkupAt); read it with
	// HTML. A string, so that pages use it without a copy.
	Markup string
	// MarkupAt and TextAt are where a build stored Markup and Text out of
	// memory once converted (see Store); zero when they are held here.
	MarkupAt, TextAt Stored
	// Lead is the plain text of the first paragraph.
	Lead string
	// Short is Lead cut to SummaryLen letters: the summary of a news item
	// that gives none.
	Short string
	// Text is the plain text of the whole body, "" when a build stored
	// it away (TextAt); read it with FullText.
	Text string
	// Files are the site files the body shows, by output path.
	Files []Copy
	// Variants are the smaller copies of the photos the body shows, for
	// their srcset.
	Variants []Variant
}

// HTML returns the rendered body, read back from its store when a build
// stored it away. Layouts read it as .HTML, as a field.
func (c Converted) HTML() string { return c.MarkupAt.Or(c.Markup) }

// FullText returns the plain text of the whole body, read back from its
// store when a build stored it away.
func (c Converted) FullText() string { return c.TextAt.Or(c.Text) }

// A Store holds strings out of memory: a large site's build writes each
// converted body there, and reads it back when its page is rendered or
// the search index counts its words, so that the bodies of the whole
// site are never all in memory at once. Load returns "" when the string
// cannot be read back; the store keeps the error for the build to report.
type Store interface {
	Load(at Stored) string
}

// A Stash is a Store that takes strings: Put writes s and returns where
// it is ("" is not written: the zero Stored). Safe for concurrent use.
type Stash interface {
	Store
	Put(s string) Stored
}

// Stored is where a string is in a Store; the zero value is no string.
type Stored struct {
	Store Store
	Off   int64
	Len   int
}

// Or returns the stored string, or s when nothing is stored.
func (at Stored) Or(s string) string {
	if at.Store == nil {
		return s
	}
	return at.Store.Load(at)
}

// Copy is a site file copied into the output as is.
type Copy struct {
	// From is the site-relative source path; To the output path.
	From, To string
}

// Term is a category, tag or year with the URL of its list page.
type Term struct {
	Name string
	Slug string
	URL  string
}

// StaticPage is a plain page (Giới thiệu, Cơ cấu tổ chức, Liên hệ).
type StaticPage struct {
	Source
	Title  string
	Slug   string
	Weight int
	Menu   string
	// Updated is when the page's content last changed (zero when not
	// given); the completeness report compares it between a page and its
	// translation, and names UpdatedPos, where it is written (the front
	// matter's start when it is not).
	Updated    time.Time
	UpdatedPos diag.Pos
	// RequiredEN is what the page provides of the information the law
	// requires in English (one of RequiredKinds; "" for none), and
	// RequiredENPos where the key is written.
	RequiredEN    string
	RequiredENPos diag.Pos
	// URL always begins and ends with '/'.
	URL string `fingerprint:"link"`
	// Content is set when the body is converted.
	Content Converted `fingerprint:"body"`
}

// The kinds of information the law requires in English, as the page key
// required_en names them (docs/noi-dung.md): the organisational
// structure; the functions, duties and powers of the agency or of one of
// its units; the contacts of its competent officials.
const (
	RequiredStructure = "to-chuc"
	RequiredFunctions = "chuc-nang"
	RequiredContacts  = "lien-he"
)

// RequiredKinds are the values of required_en, in the order reports list
// them.
var RequiredKinds = []string{RequiredStructure, RequiredFunctions, RequiredContacts}

// Entries are the typed records decoded from the content files.
type Entries struct {
	News       []*News
	Pages      []*StaticPage
	Issues     []*Issue
	Documents  []*Document
	Procedures []*Procedure
	// Statistics are the rows of the statistics sheets.
	Statistics []*StatRow
	// Consultations, Budgets and Projects are the disclosure kinds
	// (disclosure.go).
	Consultations []*Consultation
	Budgets       []*Budget
	Projects      []*Project
	// Translations are the files in other languages (edition.go).
	Translations []*Translation
}

// Taxon is a category, tag or year with its news, newest first.
type Taxon struct {
	Term
	Items []*News `fingerprint:"links"`
}

// Pager links the pages of one paginated list.
type Pager struct {
	// Number is this page's number, from 1; Total the number of pages.
	Number, Total int
	// Prev and Next are the neighbours' URLs, "" at the ends.
	Prev, Next string
	// Pages holds every page's URL, Pages[0] being page 1.
	Pages []string
}

// List is one page of a paginated list of news or documents.
type List[T any] struct {
	// Kind is "news", "category", "tag" or "year" for news; "all",
	// "year", "type", "agency", "field" or "status" for documents.
	Kind  string
	Title string
	// Term is the value listed (nil for the whole section).
	Term *Term
	// URL always begins and ends with '/'.
	URL   string
	Items []T `fingerprint:"records"`
	Pager Pager
}

// Site is the whole site after graph: every record with its URL and links
// resolved. build then sets each record's converted body (render's
// Convert functions return them and change nothing); from then on it is
// read-only: the renderer's jobs only read it, concurrently. (A preview
// session's patch sets the new bodies of news items into its last site,
// between two builds.)
type Site struct {
	// News holds the published news, newest first.
	News       []*News       `fingerprint:"records"`
	Pages      []*StaticPage `fingerprint:"records"`
	Categories []*Taxon
	Tags       []*Taxon
	Years      []*Taxon
	// Lists holds every page of every news list.
	Lists []*List[*News]
	// Updated is the newest content date: what feeds give as their update time.
	Updated time.Time
	Gazette Gazette
	// Catalogue holds the procedures (thủ tục hành chính).
	Catalogue Catalogue
	// Statistics holds the dossier statistics (thống kê giải quyết hồ sơ).
	Statistics Statistics
	// Consultations, Budgets and Projects are the disclosure kinds.
	Consultations Consultations
	Budgets       Budgets
	Projects      Projects
	// Copies are files published as they are (attachments, issue PDFs).
	Copies []Copy
	// Withheld counts the news items the site leaves out.
	Withheld Withheld
	// Editions are the site in its languages other than Vietnamese
	// (site.yaml languages), in the order declared; nil for a site in
	// Vietnamese only.
	Editions []*Edition
}

// Withheld counts the news items left out of a site, by reason.
type Withheld struct {
	// Drafts are marked draft: true (and the build does not include drafts).
	Drafts int
	// Scheduled have a publish_date after the build date.
	Scheduled int
	// Expired have an expiry_date on or before the build date.
	Expired int
}

// Placeholder bodies are what `minhbach new` writes for staff to replace;
// a published page that still shows one, as a line of its own, gets a
// warning.
const (
	NewsPlaceholder = "Nội dung bài viết."
	PagePlaceholder = "Nội dung trang."
)

// Placeholders lists the placeholder bodies.
var Placeholders = []string{NewsPlaceholder, PagePlaceholder}
