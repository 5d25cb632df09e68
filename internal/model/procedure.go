package model

import "minhbach/internal/diag"

// Online is how far a procedure can be done on the public-service portal.
type Online string

// The online levels of the content contract.
const (
	OnlineFull    Online = "full"
	OnlinePartial Online = "partial"
	OnlineNone    Online = "none"
)

// Onlines lists the online levels in the order browse pages show them.
var Onlines = []Online{OnlineFull, OnlinePartial, OnlineNone}

// Label returns the level's Vietnamese label.
func (o Online) Label() string {
	switch o {
	case OnlineFull:
		return "Toàn trình"
	case OnlinePartial:
		return "Một phần"
	case OnlineNone:
		return "Không"
	}
	return string(o)
}

// Slug returns the level's URL segment.
func (o Online) Slug() string {
	switch o {
	case OnlineFull:
		return "toan-trinh"
	case OnlinePartial:
		return "mot-phan"
	case OnlineNone:
		return "khong"
	}
	return string(o)
}

// ProcedureStatus tells whether a procedure is still carried out.
type ProcedureStatus string

// The procedure statuses of the content contract.
const (
	Active    ProcedureStatus = "active"
	Amended   ProcedureStatus = "amended"
	Abolished ProcedureStatus = "abolished"
)

// ProcedureStatuses lists every procedure status.
var ProcedureStatuses = []ProcedureStatus{Active, Amended, Abolished}

// Label returns the status's Vietnamese label.
func (s ProcedureStatus) Label() string {
	switch s {
	case Active:
		return "Đang thực hiện"
	case Amended:
		return "Đã được sửa đổi, bổ sung"
	case Abolished:
		return "Đã bãi bỏ"
	}
	return string(s)
}

// Citation names a gazette document from a procedure: a legal basis or the
// decision that published it.
type Citation struct {
	// Number is the document's number as written.
	Number string
	// External marks a document outside the site; Title describes it.
	External bool
	Title    string
	Pos      diag.Pos
	// Target is the document in the site (set by graph; nil when external).
	Target *Document `fingerprint:"records"`
}

// DossierItem is one paper of the thành phần hồ sơ.
type DossierItem struct {
	Name string
	// Copies is the number and kind of copies as written ("01 bản chính").
	Copies string
	// Form is the template to fill in, published beside the page; nil when none.
	Form *Attachment
}

// Procedure is a thủ tục hành chính, from a Markdown file or a catalogue row.
type Procedure struct {
	Source
	Code    string
	CodePos diag.Pos
	Title   string
	Field   Code
	Levels  []Code
	// Agency is the cơ quan thực hiện; Place where citizens hand in the dossier.
	Agency string
	Place  string
	// Target is the đối tượng thực hiện.
	Target         string
	ProcessingTime string
	Fee            string
	Online         Online
	Methods        []string
	Steps          []string
	Documents      []DossierItem
	Requirements   []string
	Result         string
	LegalBasis     []Citation
	PublishedBy    *Citation
	Status         ProcedureStatus

	// Set by graph.

	// URL always begins and ends with '/'.
	URL string `fingerprint:"link"`
	// SortKey orders procedures by title in Vietnamese collation.
	SortKey []byte
	// Content is set when the body is converted.
	Content ProcedureContent `fingerprint:"body"`
}

// Listed reports whether the procedure appears in browse lists: an
// abolished one keeps its page but leaves the lists.
func (p *Procedure) Listed() bool { return p.Status != Abolished }

// ProcedureContent is a procedure's Markdown body, split at its level-2
// headings so that the page can show each in its standard place.
type ProcedureContent struct {
	// Intro is the text before the first heading.
	Intro Converted
	// Steps and Requirements are the "Trình tự thực hiện" and "Yêu cầu,
	// điều kiện" sections when the body has them (zero otherwise).
	Steps, Requirements Converted
	// Other are the remaining sections in file order.
	Other []Section
	// Text is the plain text of the whole page, for search; "" when a
	// build stored it away (TextAt): read it with FullText.
	Text   string
	TextAt Stored
}

// FullText returns the plain text of the whole page, read back from its
// store when a build stored it away.
func (c ProcedureContent) FullText() string { return c.TextAt.Or(c.Text) }

// Section is a titled part of a Markdown body.
type Section struct {
	Title string
	ID    string
	Body  Converted
}

// Catalogue is the procedure part of the site.
type Catalogue struct {
	// Procedures are every procedure with a page, by code.
	Procedures []*Procedure `fingerprint:"records"`
	// Listed are the procedures browse lists show, in collation order.
	Listed   []*Procedure `fingerprint:"records"`
	Fields   []*Facet[*Procedure]
	Levels   []*Facet[*Procedure]
	Agencies []*Facet[*Procedure]
	Onlines  []*Facet[*Procedure]
	Lists    []*List[*Procedure]
}
