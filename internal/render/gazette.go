package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html/template"
	"strings"
	"time"

	"minhbach/internal/model"
	"minhbach/internal/urls"
)

const ()

// RelationGroup is the documents a document is linked to by one relation
// kind, as a page shows them ("Sửa đổi, bổ sung: …").
type RelationGroup struct {
	Label string
	// Key is the label's string key: "relation.label.amends" for the
	// documents this one acts on, "relation.back.amends" for those
	// acting on it.
	Key   string
	Items []RelationItem
}

// RelationItem is one linked document: in the site (URL set) or outside.
// Scope names the parts acted on; From, for a change, is the date it
// takes effect.
type RelationItem struct {
	Number, Title, URL string
	Scope              string
	From               time.Time
}

// Relations returns a document's relations grouped by kind: first what it
// does to others, then what others do to it.
func Relations(doc *model.Document) []RelationGroup {
	var out []RelationGroup
	for _, k := range model.RelationKinds {
		var g RelationGroup
		for _, r := range doc.Relations {
			if r.Kind != k {
				continue
			}
			it := RelationItem{Number: r.Number, Title: r.Title, Scope: r.Scope, From: r.Effect}
			if r.Target != nil {
				it.Number, it.Title, it.URL = r.Target.Number, r.Target.Title, r.Target.URL
			}
			g.Items = append(g.Items, it)
		}
		if len(g.Items) > 0 {
			g.Label, g.Key = k.Label(), "relation.label."+string(k)
			out = append(out, g)
		}
	}
	for _, k := range model.RelationKinds {
		var g RelationGroup
		for _, b := range doc.Back {
			if b.Kind == k {
				g.Items = append(g.Items, RelationItem{Number: b.From.Number, Title: b.From.Title, URL: b.From.URL, Scope: b.Scope, From: b.Effect})
			}
		}
		if len(g.Items) > 0 {
			g.Label, g.Key = k.BackLabel(), "relation.back."+string(k)
			out = append(out, g)
		}
	}
	return out
}

// The crumbs of the gazette and of the documents, package variables so
// that the functions that make the pages of 250 000 documents when their
// jobs run (Inputs.Lazy) do not each hold a copy.
var (
	gazCrumb = Crumb{"Công báo", urls.Gazette}
	docCrumb = Crumb{"Văn bản", urls.Document}
)

func (r *Renderer) gazetteJobs(s *model.Site, page func(url, layout string, p *Page), records recordsOf) []Job {
	g := &s.Gazette
	var jobs []Job
	page(urls.Gazette, "gazette/index.html", &Page{Kind: "gazette", Title: "Công báo", Issues: g.Issues,
		FeedURL: urls.Gazette + "atom.xml", Crumbs: []Crumb{home, {Name: "Công báo"}}})
	records(len(g.Issues), func(i int) (string, string, func() *Page) {
		is := g.Issues[i]
		return is.URL, "gazette/issue.html", func() *Page {
			return withBody(&Page{Kind: "issue", Title: is.Title, Issue: is, AsOf: g.AsOf,
				FeedURL: urls.Gazette + "atom.xml", Crumbs: []Crumb{home, gazCrumb, {Name: is.Title}}, JSONLD: r.publicationIssue(is)}, is.Content)
		}
	})
	records(len(g.Documents), func(i int) (string, string, func() *Page) {
		doc := g.Documents[i]
		return doc.URL, "document/single.html", func() *Page {
			title := doc.DocType + " " + doc.Number
			p := &Page{Kind: "document", Title: title + ": " + doc.Title, Description: doc.Title, Document: doc,
				Relations: Relations(doc), AsOf: g.AsOf, Crumbs: []Crumb{home, docCrumb, {Name: doc.Number}}}
			p.setBody(doc.Content)
			p.JSONLD = r.legislation(doc, g.AsOf)
			return p
		}
	})
	// The list pages too are made when their jobs run, when the pages of
	// records are (at 250 000 documents some 100 MB of Pages and crumbs).
	records(len(g.Lists), func(i int) (string, string, func() *Page) {
		l := g.Lists[i]
		return l.URL, "document/list.html", func() *Page {
			title, crumbs := listPage(docCrumb, l.Title, l.Kind != "all", l.Term, l.Pager)
			return &Page{Kind: "documents", Title: title, DocList: l, Gazette: g, Crumbs: crumbs, AsOf: g.AsOf}
		}
	})
	jobs = append(jobs, Job{Path: "cong-bao/atom.xml", Run: func() ([]byte, error) { return r.issueFeed(g.Issues) }, Data: g.Issues})
	jobs = append(jobs, Job{Path: "du-lieu/van-ban.json", Run: func() ([]byte, error) { return DocumentsJSON(r.absURL, g.Documents, g.AsOf) }, Data: g.Documents})
	jobs = append(jobs, Job{Path: "du-lieu/van-ban.csv", Run: func() ([]byte, error) { return DocumentsCSV(r.absURL, g.Documents, g.AsOf) }, Data: g.Documents})
	return jobs
}

// listPage returns the title and breadcrumb of a browse list page under
// section: the term's crumb when the list has one, and "Trang N" past the
// first page; the last crumb has no link.
func listPage(section Crumb, title string, hasTerm bool, term *model.Term, pager model.Pager) (string, []Crumb) {
	crumbs := []Crumb{home, section}
	if hasTerm {
		crumbs = append(crumbs, Crumb{Name: term.Name, URL: term.URL})
	}
	if pager.Number > 1 {
		crumbs = append(crumbs, Crumb{Name: fmt.Sprintf("Trang %d", pager.Number)})
		return fmt.Sprintf("%s – trang %d", title, pager.Number), crumbs
	}
	crumbs[len(crumbs)-1].URL = ""
	return title, crumbs
}

func (r *Renderer) issueFeed(issues []*model.Issue) ([]byte, error) {
	f := atomFeed{Lang: r.site.Language, Title: r.site.Title + " – Công báo", ID: r.absURL(urls.Gazette), Author: atomName{r.site.Agency},
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: r.absURL(urls.Gazette + "atom.xml")}, {Rel: "alternate", Type: "text/html", Href: r.absURL(urls.Gazette)}}}
	issues = issues[:min(FeedCount, len(issues))]
	f.Updated = time.Date(2000, 1, 1, 0, 0, 0, 0, model.Zone).Format(time.RFC3339)
	if len(issues) > 0 {
		f.Updated = issues[0].Date.In(model.Zone).Format(time.RFC3339)
	}
	for _, is := range issues {
		var lines []string
		for _, d := range is.Documents {
			lines = append(lines, d.DocType+" "+d.Number+": "+d.Title)
		}
		f.Entries = append(f.Entries, atomEntry{Title: is.Title, ID: r.absURL(is.URL),
			Link:      atomLink{Rel: "alternate", Type: "text/html", Href: r.absURL(is.URL)},
			Published: is.Date.In(model.Zone).Format(time.RFC3339), Updated: is.Date.In(model.Zone).Format(time.RFC3339),
			Summary: &atomText{Type: "text", Body: strings.Join(lines, "\n")}})
	}
	return marshalXML(f)
}

// legislation returns the schema.org Legislation JSON-LD of a document as
// of asOf: legislationDateVersion is that date, legislationLegalForce the
// status that holds on it and expires the end date when known. What the
// document changes is legislationChanges (a part when the change has a
// scope: a Legislation named by the scope, isPartOf the document); what
// changes it is the reverse of legislationChanges, newest first, each
// with the date the change applies (legislationDateOfApplicability) and
// a description of the change. A văn bản hợp nhất consolidates the
// documents it is based on (legislationConsolidates).
func (r *Renderer) legislation(doc *model.Document, asOf time.Time) template.JS {
	ld := map[string]any{
		"@context":                "https://schema.org",
		"@type":                   "Legislation",
		"@id":                     r.absURL(doc.URL),
		"url":                     r.absURL(doc.URL),
		"name":                    doc.Title,
		"legislationIdentifier":   doc.Number,
		"legislationType":         doc.DocType,
		"legislationDate":         day(doc.Issued),
		"legislationDateVersion":  day(asOf),
		"legislationLegalForce":   doc.Status.LegalForce(),
		"legislationPassedBy":     map[string]any{"@type": "GovernmentOrganization", "name": doc.Agency},
		"author":                  map[string]any{"@type": "Person", "name": doc.Signer},
		"legislationJurisdiction": "VN",
		"inLanguage":              "vi",
		"about":                   doc.Field.Label,
	}
	if !doc.Ends.IsZero() {
		ld["expires"] = day(doc.Ends)
	}
	ref := func(number, title, url string) map[string]any {
		m := map[string]any{"@type": "Legislation", "legislationIdentifier": number}
		if title != "" {
			m["name"] = title
		}
		if url != "" {
			m["url"] = r.absURL(url)
		}
		return m
	}
	var changes, basedOn []map[string]any
	for _, rel := range doc.Relations {
		var m map[string]any
		if rel.Target != nil {
			m = ref(rel.Target.Number, rel.Target.Title, rel.Target.URL)
		} else {
			m = ref(rel.Number, rel.Title, "")
		}
		switch {
		case rel.Kind.Changes():
			if rel.Scope != "" {
				m = map[string]any{"@type": "Legislation", "name": rel.Scope, "isPartOf": m}
			}
			changes = append(changes, m)
		default:
			basedOn = append(basedOn, m)
		}
	}
	if len(changes) > 0 {
		ld["legislationChanges"] = changes
	}
	if len(basedOn) > 0 {
		if doc.DocType == "Văn bản hợp nhất" {
			ld["legislationConsolidates"] = basedOn
		} else {
			ld["isBasedOn"] = basedOn
		}
	}
	var changedBy []map[string]any
	for _, b := range doc.Back {
		if !b.Kind.Changes() {
			continue
		}
		m := ref(b.From.Number, b.From.Title, b.From.URL)
		m["legislationDateOfApplicability"] = day(b.Effect)
		m["description"] = changeText(b)
		changedBy = append(changedBy, m)
	}
	if len(changedBy) > 0 {
		ld["@reverse"] = map[string]any{"legislationChanges": changedBy}
	}
	if is := doc.Issue; is != nil {
		ld["isPartOf"] = map[string]any{"@type": "PublicationIssue", "issueNumber": is.Number, "name": is.Title, "url": r.absURL(is.URL), "datePublished": day(is.Date)}
	}
	ld["encoding"] = r.encodings(doc)
	return jsonLD(ld)
}

// changeText describes a change seen from the document changed, with its
// scope: "Bãi bỏ Điều 5, khoản 2", "Thay thế toàn bộ văn bản".
func changeText(b model.BackRelation) string {
	switch {
	case b.Scope != "":
		return b.Kind.Label() + " " + b.Scope
	case b.Kind.Ends() || b.Kind == model.Suspends:
		return b.Kind.Label() + " toàn bộ văn bản"
	}
	return b.Kind.Label()
}

// ExportDocument is one document in the open-data exports.
type ExportDocument struct {
	Number    string `json:"so_ky_hieu"`
	Title     string `json:"trich_yeu"`
	DocType   string `json:"loai_van_ban"`
	Agency    string `json:"co_quan_ban_hanh"`
	Signer    string `json:"nguoi_ky"`
	Issued    string `json:"ngay_ban_hanh"`
	Effective string `json:"ngay_hieu_luc"`
	// Ends is the ngày hết hiệu lực, past or future: the end of its term
	// or the date a whole repeal or replacement takes effect.
	Ends        string `json:"ngay_het_hieu_luc,omitempty"`
	FieldCode   string `json:"linh_vuc_ma"`
	Field       string `json:"linh_vuc"`
	Status      string `json:"tinh_trang_hieu_luc_ma"`
	StatusLabel string `json:"tinh_trang_hieu_luc"`
	// Upcoming are the known changes of the status after the build date.
	Upcoming []ExportChange `json:"thay_doi_hieu_luc_sap_toi"`
	Issue    string         `json:"cong_bao,omitempty"`
	URL      string         `json:"url"`
	// Relations are first what the document does to others, as written,
	// then what others do to it, the latest to take effect first.
	Relations   []ExportRelation `json:"quan_he"`
	Attachments []ExportFile     `json:"tep_dinh_kem"`
}

// ExportRelation is one relation in the exports, in both directions.
// Scope names the parts acted on (empty: the whole document); From, for a
// change, is the date it takes effect.
type ExportRelation struct {
	Kind     string `json:"loai"`
	Label    string `json:"nhan"`
	Number   string `json:"so_ky_hieu"`
	External bool   `json:"ngoai_he_thong,omitempty"`
	Scope    string `json:"pham_vi,omitempty"`
	From     string `json:"tu_ngay,omitempty"`
}

// ExportChange is a known change of a document's status: from From on,
// the status is Status (StatusLabel), because of Cause.
type ExportChange struct {
	From        string `json:"tu_ngay"`
	Status      string `json:"tinh_trang_hieu_luc_ma"`
	StatusLabel string `json:"tinh_trang_hieu_luc"`
	Cause       string `json:"ly_do"`
}

// ExportFile is one attachment in the exports.
type ExportFile struct {
	Title  string `json:"ten"`
	URL    string `json:"url"`
	Size   int64  `json:"kich_thuoc"`
	SHA256 string `json:"sha256"`
}

// exportDoc is one document of the open-data exports.
func exportDoc(abs func(string) string, d *model.Document) ExportDocument {
	x := ExportDocument{Number: d.Number, Title: d.Title, DocType: d.DocType, Agency: d.Agency, Signer: d.Signer,
		Issued: day(d.Issued), Effective: day(d.Effective), Ends: day(d.Ends), FieldCode: d.Field.Code, Field: d.Field.Label,
		Status: string(d.Status), StatusLabel: d.Status.Label(), URL: abs(d.URL), Upcoming: []ExportChange{}, Relations: []ExportRelation{}, Attachments: []ExportFile{}}
	for _, c := range d.Upcoming() {
		x.Upcoming = append(x.Upcoming, ExportChange{From: day(c.Date), Status: string(c.Status), StatusLabel: c.Status.Label(), Cause: c.Cause()})
	}
	if d.Issue != nil {
		x.Issue = d.Issue.Key
	}
	for _, r := range d.Relations {
		n := r.Number
		if r.Target != nil {
			n = r.Target.Number
		}
		x.Relations = append(x.Relations, ExportRelation{Kind: string(r.Kind), Label: r.Kind.Label(), Number: n, External: r.Target == nil,
			Scope: r.Scope, From: day(r.Effect)})
	}
	for _, b := range d.Back {
		x.Relations = append(x.Relations, ExportRelation{Kind: "by_" + string(b.Kind), Label: b.Kind.BackLabel(), Number: b.From.Number,
			Scope: b.Scope, From: day(b.Effect)})
	}
	for _, a := range d.Attachments {
		x.Attachments = append(x.Attachments, ExportFile{Title: a.Title, URL: abs(a.URL), Size: a.Size, SHA256: a.SHA256})
	}
	return x
}

// DocumentsJSON is the open-data export of every document, as JSON, with
// the date the statuses hold on (tinh_trang_tinh_den_ngay): the bytes of
// json.Marshal(map[string]any{"tinh_trang_tinh_den_ngay": …, "van_ban":
// […]}), written a document at a time, so that an archive of 250 000
// documents (200 MB of JSON) is not also held as records and copied.
func DocumentsJSON(abs func(string) string, docs []*model.Document, asOf time.Time) ([]byte, error) {
	var b bytes.Buffer
	asOfJSON, err := json.Marshal(day(asOf))
	if err != nil {
		return nil, err
	}
	b.WriteString(`{"tinh_trang_tinh_den_ngay":`)
	b.Write(asOfJSON)
	b.WriteString(`,"van_ban":[`)
	for i, d := range docs {
		if i > 0 {
			b.WriteByte(',')
		}
		x, err := json.Marshal(exportDoc(abs, d))
		if err != nil {
			return nil, err
		}
		b.Write(x)
		growAhead(&b, i+1, len(docs))
	}
	b.WriteString("]}")
	return b.Bytes(), nil
}

// growAhead grows b, once done of n items are written, to the size the
// items so far promise for all n (and an eighth more), so that a large
// export is not copied again and again as it grows. It does so once,
// after the first 64 items.
func growAhead(b *bytes.Buffer, done, n int) {
	if done == 64 && n > done {
		b.Grow(b.Len() / done * (n - done) * 9 / 8)
	}
}

// CSVHeader is the header row of the CSV export of documents.
var CSVHeader = []string{"so_ky_hieu", "trich_yeu", "loai_van_ban", "co_quan_ban_hanh", "nguoi_ky", "ngay_ban_hanh", "ngay_hieu_luc",
	"ngay_het_hieu_luc", "linh_vuc", "tinh_trang_hieu_luc", "tinh_trang_tinh_den_ngay", "thay_doi_hieu_luc_sap_toi", "cong_bao", "url", "quan_he", "tep_dinh_kem"}

// DocumentsCSV is the open-data export of every document, as CSV in UTF-8
// with a byte-order mark so that Excel reads the Vietnamese text. Lists
// (changes ahead, relations, attachments) are joined with "; "; a
// relation is written "Bị bãi bỏ bởi 35/2026/QĐ-UBND [Điều 5, khoản 2]
// từ 2026-07-01".
func DocumentsCSV(abs func(string) string, docs []*model.Document, asOf time.Time) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("\uFEFF")
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	_ = w.Write(CSVHeader)
	for i, d := range docs {
		x := exportDoc(abs, d)
		var ahead, rels, files []string
		for _, c := range x.Upcoming {
			ahead = append(ahead, c.From+" "+c.StatusLabel+" ("+c.Cause+")")
		}
		for _, r := range x.Relations {
			rel := r.Label + " " + r.Number
			if r.Scope != "" {
				rel += " [" + r.Scope + "]"
			}
			if r.From != "" {
				rel += " từ " + r.From
			}
			rels = append(rels, rel)
		}
		for _, f := range x.Attachments {
			files = append(files, f.URL)
		}
		// One row at a time: an archive's rows are not all held at once.
		_ = w.Write([]string{csvSafe(x.Number), csvSafe(x.Title), x.DocType, csvSafe(x.Agency), csvSafe(x.Signer), x.Issued, x.Effective, x.Ends,
			x.Field, x.StatusLabel, day(asOf), csvSafe(strings.Join(ahead, "; ")), x.Issue, x.URL, csvSafe(strings.Join(rels, "; ")), strings.Join(files, "; ")})
		if i+1 == 64 {
			w.Flush()
			growAhead(&b, i+1, len(docs))
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

// csvFile writes an open-data CSV file: UTF-8 with a byte-order mark so
// that Excel reads the Vietnamese text, CRLF line ends, a header row.
func csvFile(header []string, rows [][]string) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("\uFEFF")
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	_ = w.Write(header)
	_ = w.WriteAll(rows)
	return b.Bytes(), w.Error()
}

// jsonLD encodes schema.org data for a script element; < > & are escaped
// so that no value can close the script.
func jsonLD(ld map[string]any) template.JS {
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(true)
	_ = e.Encode(ld)
	return template.JS(strings.TrimSpace(b.String()))
}

// csvSafe keeps a spreadsheet from reading a cell as a formula.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
