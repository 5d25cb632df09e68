package model

import (
	"time"

	"minhbach/internal/diag"
)

// Issue is a số công báo: one numbered release of the gazette.
type Issue struct {
	Source
	// Number is the issue number as written ("14", "14+15", "943&944").
	Number string
	Year   int
	Date   time.Time
	Title  string
	PDF    *Attachment

	// Set by graph.

	// Key is "YEAR/NUMBER", how documents name the issue.
	Key string
	// URL always begins and ends with '/'.
	URL       string
	Documents []*Document
	Content   Converted
}

// Status is the validity of a document (tình trạng hiệu lực).
type Status string

// The statuses of the content contract.
const (
	InForce          Status = "in_force"
	PartiallyInForce Status = "partially_in_force"
	Expired          Status = "expired"
	Suspended        Status = "suspended"
	NotYetInForce    Status = "not_yet_in_force"
)

// Statuses lists every status in the order browse pages show them.
var Statuses = []Status{InForce, PartiallyInForce, NotYetInForce, Suspended, Expired}

// Label returns the status's Vietnamese label.
func (s Status) Label() string {
	switch s {
	case InForce:
		return "Còn hiệu lực"
	case PartiallyInForce:
		return "Hết hiệu lực một phần"
	case Expired:
		return "Hết hiệu lực toàn bộ"
	case Suspended:
		return "Ngưng hiệu lực"
	case NotYetInForce:
		return "Chưa có hiệu lực"
	}
	return string(s)
}

// Slug returns the status's URL segment.
func (s Status) Slug() string {
	switch s {
	case InForce:
		return "con-hieu-luc"
	case PartiallyInForce:
		return "het-hieu-luc-mot-phan"
	case Expired:
		return "het-hieu-luc"
	case Suspended:
		return "ngung-hieu-luc"
	case NotYetInForce:
		return "chua-co-hieu-luc"
	}
	return string(s)
}

// LegalForce returns the schema.org legislationLegalForce value.
func (s Status) LegalForce() string {
	switch s {
	case InForce:
		return "https://schema.org/InForce"
	case PartiallyInForce:
		return "https://schema.org/PartiallyInForce"
	}
	return "https://schema.org/NotInForce"
}

// RelationKind is how one document acts on another.
type RelationKind string

// The relation kinds of the content contract, by their front-matter key.
const (
	Amends   RelationKind = "amends"
	Replaces RelationKind = "replaces"
	Repeals  RelationKind = "repeals"
	Suspends RelationKind = "suspends"
	Guides   RelationKind = "guides"
	Corrects RelationKind = "corrects"
	BasedOn  RelationKind = "based_on"
)

// RelationKinds lists the kinds in display order.
var RelationKinds = []RelationKind{Amends, Replaces, Repeals, Suspends, Guides, Corrects, BasedOn}

// Label returns how the acting document names the relation ("Sửa đổi, bổ sung").
func (k RelationKind) Label() string {
	switch k {
	case Amends:
		return "Sửa đổi, bổ sung"
	case Replaces:
		return "Thay thế"
	case Repeals:
		return "Bãi bỏ"
	case Suspends:
		return "Ngưng hiệu lực"
	case Guides:
		return "Hướng dẫn"
	case Corrects:
		return "Đính chính"
	case BasedOn:
		return "Căn cứ"
	}
	return string(k)
}

// BackLabel returns how the document acted on names the relation
// ("Được sửa đổi, bổ sung bởi").
func (k RelationKind) BackLabel() string {
	switch k {
	case Amends:
		return "Được sửa đổi, bổ sung bởi"
	case Replaces:
		return "Bị thay thế bởi"
	case Repeals:
		return "Bị bãi bỏ bởi"
	case Suspends:
		return "Bị ngưng hiệu lực bởi"
	case Guides:
		return "Được hướng dẫn bởi"
	case Corrects:
		return "Được đính chính bởi"
	case BasedOn:
		return "Là căn cứ của"
	}
	return string(k)
}

// Relation is one link between documents, as written on the acting one.
type Relation struct {
	Kind RelationKind
	// Number is the other document's number as written.
	Number string
	// External marks a document outside the site; Title describes it.
	External bool
	Title    string
	Pos      diag.Pos
	// Target is the document in the site (set by graph; nil when external).
	Target *Document
}

// BackRelation is a relation seen from the document acted on.
type BackRelation struct {
	Kind RelationKind
	From *Document
}

// Attachment is a file published with a document or issue.
type Attachment struct {
	// Src is the path as written; File the site-relative file.
	Src, File string
	Title     string
	// URL is where the built site serves it.
	URL    string
	Size   int64
	SHA256 string
	Pos    diag.Pos
	// Signatures are a PDF's intact digital signatures, in file order
	// (set by graph; none for an unsigned file or another format).
	Signatures []Signature
}

// Document is a văn bản published in the công báo.
type Document struct {
	Source
	Number    string
	Title     string
	DocType   string
	Agency    string
	Signer    string
	Issued    time.Time
	Effective time.Time
	Expires   time.Time
	// IssueRef names the issue as written ("2018/14"); IssuePos is its position.
	IssueRef string
	IssuePos diag.Pos
	// Order is the place in the issue (1, 2, …), 0 when not given;
	// OrderPos is its position.
	Order    int
	OrderPos diag.Pos
	Field    Code
	// Attachments keep the order written.
	Attachments []*Attachment
	Relations   []Relation
	// StatusOverride is the explicit status key, "" when computed.
	StatusOverride Status
	NumberPos      diag.Pos

	// Set by graph.

	// URL always begins and ends with '/'.
	URL   string
	Slug  string
	Issue *Issue
	// Status is the override or the status computed as of the build date.
	Status Status
	Back   []BackRelation
	// Published are the procedures this decision published; CitedBy the
	// procedures that cite it as legal basis. Both in code order.
	Published, CitedBy []*Procedure
	// Content is set when the body is converted.
	Content Converted
}

// Code is an entry of a registry of site.yaml: a code and its label.
type Code struct {
	Code, Label string
}

// Facet is one value of a browse dimension (a year, type, agency, field,
// status or level) with its items.
type Facet[T any] struct {
	Term
	Items []T
}

// Gazette is the gazette part of the site.
type Gazette struct {
	// Issues are newest first; Documents newest issued first.
	Issues    []*Issue
	Documents []*Document
	Years     []*Facet[*Document]
	Types     []*Facet[*Document]
	Agencies  []*Facet[*Document]
	Fields    []*Facet[*Document]
	Statuses  []*Facet[*Document]
	Lists     []*List[*Document]
}
