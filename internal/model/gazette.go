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
	URL       string      `fingerprint:"link"`
	Documents []*Document `fingerprint:"records"`
	Content   Converted   `fingerprint:"body"`
}

// Status is the validity of a document (tình trạng hiệu lực).
type Status string

// The statuses of the content contract.
const (
	InForce            Status = "in_force"
	PartiallyInForce   Status = "partially_in_force"
	Expired            Status = "expired"
	Suspended          Status = "suspended"
	PartiallySuspended Status = "partially_suspended"
	NotYetInForce      Status = "not_yet_in_force"
)

// Statuses lists every status in the order browse pages show them.
var Statuses = []Status{InForce, PartiallyInForce, NotYetInForce, PartiallySuspended, Suspended, Expired}

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
	case PartiallySuspended:
		return "Ngưng hiệu lực một phần"
	case NotYetInForce:
		return "Chưa có hiệu lực"
	}
	return string(s)
}

// Mark returns the symbol that goes before the label on a status badge, so
// that the status does not rest on colour alone.
func (s Status) Mark() string {
	switch s {
	case InForce:
		return "✓"
	case NotYetInForce:
		return "◷"
	case PartiallyInForce, PartiallySuspended:
		return "◐"
	}
	return "✕"
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
	case PartiallySuspended:
		return "ngung-hieu-luc-mot-phan"
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
	case PartiallyInForce, PartiallySuspended:
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

// Changes reports whether the kind changes the document acted on
// (sửa đổi, thay thế, bãi bỏ, ngưng hiệu lực, đính chính): only these
// take effect on a date and belong to its history.
func (k RelationKind) Changes() bool {
	switch k {
	case Amends, Replaces, Repeals, Suspends, Corrects:
		return true
	}
	return false
}

// Ends reports whether the kind ends the force of what it acts on (thay
// thế, bãi bỏ): of the whole document, or of the parts its scope names.
func (k RelationKind) Ends() bool { return k == Replaces || k == Repeals }

// Verb returns how a sentence names the change seen from the document
// acted on: "bãi bỏ bởi" in "Điều 5 — bãi bỏ bởi 35/2026/QĐ-UBND".
func (k RelationKind) Verb() string {
	switch k {
	case Amends:
		return "sửa đổi, bổ sung bởi"
	case Replaces:
		return "thay thế bởi"
	case Repeals:
		return "bãi bỏ bởi"
	case Suspends:
		return "ngưng hiệu lực bởi"
	case Corrects:
		return "đính chính bởi"
	case Guides:
		return "hướng dẫn bởi"
	}
	return "căn cứ của"
}

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
	// Pos is where the relation is written, in the acting document's file
	// (its Where makes it a diag.Pos).
	Pos At
	// Scope names the parts acted on, as written ("Điều 5, khoản 2");
	// empty means the whole document.
	Scope string
	// Date is the date the change takes effect, as written; zero when
	// not written. Only the kinds that change (Changes) have one.
	Date time.Time
	// Target is the document in the site (set by graph; nil when external).
	Target *Document `fingerprint:"records"`
	// Effect is the date the change takes effect: Date, or else the
	// effective date of the document that makes it (set by graph).
	Effect time.Time
}

// BackRelation is a relation seen from the document acted on.
type BackRelation struct {
	Kind RelationKind
	From *Document `fingerprint:"records"`
	// Scope and Effect are the relation's (see Relation).
	Scope  string
	Effect time.Time
}

// StatusChange is a known change of a document's validity: from Date on,
// Doc's status is Status.
type StatusChange struct {
	Date   time.Time
	Status Status
	Doc    *Document `fingerprint:"records"`
	// By is the document whose relation causes the change, and Kind and
	// Scope are that relation's; By is nil when Doc's own dates
	// (effective, expires) cause it.
	By    *Document `fingerprint:"records"`
	Kind  RelationKind
	Scope string
}

// Cause says in Vietnamese what happens: "62/2026/QĐ-UBND có hiệu lực",
// "Điều 5 của 25/2025/QĐ-UBND bị bãi bỏ bởi 35/2026/QĐ-UBND".
func (c StatusChange) Cause() string {
	switch {
	case c.By == nil && c.Date.Equal(c.Doc.Effective):
		return c.Doc.Number + " có hiệu lực"
	case c.By == nil:
		return c.Doc.Number + " hết thời hạn hiệu lực"
	case c.Scope != "":
		return c.Scope + " của " + c.Doc.Number + " bị " + c.Kind.Verb() + " " + c.By.Number
	}
	return c.Doc.Number + " bị " + c.Kind.Verb() + " " + c.By.Number
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
	Number  string
	Title   string
	DocType string
	Agency  string
	Signer  string
	Issued  time.Time
	// PublishedOn is the day the document was put on the portal (key
	// published), zero when not recorded: with Issued, the disclosure
	// check compares it with the law's deadline.
	PublishedOn  time.Time
	PublishedPos At
	Effective    time.Time
	Expires      time.Time
	// IssueRef names the issue as written ("2018/14"); IssuePos is its position.
	IssueRef string
	IssuePos At
	// Order is the place in the issue (1, 2, …), 0 when not given;
	// OrderPos is its position.
	Order    int
	OrderPos At
	Field    Code
	// Attachments keep the order written.
	Attachments []*Attachment
	Relations   []Relation
	NumberPos   At

	// Set by graph.

	// URL always begins and ends with '/'.
	URL   string `fingerprint:"link"`
	Slug  string
	Issue *Issue `fingerprint:"records"`
	// Status is the override or the status computed as of the build date.
	Status Status
	// Ends is the ngày hết hiệu lực: the earlier of expires and the date
	// a whole-document repeal or replacement takes effect, past or
	// future; zero when no end is known.
	Ends time.Time
	// Back are the relations of other documents to this one, the latest
	// to take effect first.
	Back []BackRelation
	// Extra holds what few documents have, nil when a document has none
	// of it: read it with StatusOverride, Upcoming, Published, CitedBy,
	// Drafts, Budgets and Projects; MakeExtra makes it.
	Extra *DocumentExtra `fingerprint:"records"`
	// Content is set when the body is converted.
	Content Converted `fingerprint:"body"`
}

// DocumentExtra is what few documents have. A Document holds it behind
// one pointer rather than as a string and six slices: at 250 000
// documents that is 136 bytes a document, and with its four At of 16
// bytes a Document of 760 bytes takes 768 where one of 880 took 896
// (32 MB), 944 bytes 1 024 before (another 32 MB).
type DocumentExtra struct {
	// StatusOverride is the explicit status key, "" when computed.
	StatusOverride Status
	// Upcoming are the known changes of validity after the build date,
	// in date order (none when the status is an override).
	Upcoming []StatusChange
	// Published are the procedures this decision published; CitedBy the
	// procedures that cite it as legal basis. Both in code order.
	Published, CitedBy []*Procedure `fingerprint:"records"`
	// Drafts are the consultations whose draft the document was issued
	// from (issued_as); Budgets the budget disclosures it decided;
	// Projects the projects it approved. Each in URL order.
	Drafts   []*Consultation `fingerprint:"records"`
	Budgets  []*Budget       `fingerprint:"records"`
	Projects []*Project      `fingerprint:"records"`
}

// MakeExtra returns d's Extra, made when d has none yet.
func (d *Document) MakeExtra() *DocumentExtra {
	if d.Extra == nil {
		d.Extra = &DocumentExtra{}
	}
	return d.Extra
}

// StatusOverride is the explicit status key, "" when computed.
func (d *Document) StatusOverride() Status {
	if d.Extra == nil {
		return ""
	}
	return d.Extra.StatusOverride
}

// Upcoming are the known changes of d's validity after the build date,
// in date order.
func (d *Document) Upcoming() []StatusChange {
	if d.Extra == nil {
		return nil
	}
	return d.Extra.Upcoming
}

// Published are the procedures d published, in code order.
func (d *Document) Published() []*Procedure {
	if d.Extra == nil {
		return nil
	}
	return d.Extra.Published
}

// CitedBy are the procedures that cite d as legal basis, in code order.
func (d *Document) CitedBy() []*Procedure {
	if d.Extra == nil {
		return nil
	}
	return d.Extra.CitedBy
}

// Drafts are the consultations whose draft d was issued from.
func (d *Document) Drafts() []*Consultation {
	if d.Extra == nil {
		return nil
	}
	return d.Extra.Drafts
}

// Budgets are the budget disclosures d decided.
func (d *Document) Budgets() []*Budget {
	if d.Extra == nil {
		return nil
	}
	return d.Extra.Budgets
}

// Projects are the projects d approved.
func (d *Document) Projects() []*Project {
	if d.Extra == nil {
		return nil
	}
	return d.Extra.Projects
}

// Code is an entry of a registry of site.yaml: a code and its label.
type Code struct {
	Code, Label string
}

// Facet is one value of a browse dimension (a year, type, agency, field,
// status or level) with its items.
type Facet[T any] struct {
	Term
	Items []T `fingerprint:"links"`
}

// Gazette is the gazette part of the site.
type Gazette struct {
	// Issues are newest first; Documents newest issued first.
	Issues    []*Issue    `fingerprint:"records"`
	Documents []*Document `fingerprint:"records"`
	Years     []*Facet[*Document]
	Types     []*Facet[*Document]
	Agencies  []*Facet[*Document]
	Fields    []*Facet[*Document]
	Statuses  []*Facet[*Document]
	Lists     []*List[*Document]
	// AsOf is the date the statuses hold on (the build date).
	AsOf time.Time
	// Next are the changes of validity on the first date after AsOf on
	// which any status changes, in document order; empty when none is
	// known.
	Next []StatusChange
}
