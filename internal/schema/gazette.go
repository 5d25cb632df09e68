package schema

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"

	"minhbach/internal/config"
	"minhbach/internal/diag"
	"minhbach/internal/media"
	"minhbach/internal/meta"
	"minhbach/internal/model"
	"minhbach/internal/vnfold"
)

// IssueKeys are the front-matter keys of a gazette issue.
var IssueKeys = []string{"number", "year", "date", "pdf", "title"}

// DocumentKeys are the front-matter keys of a gazette document.
var DocumentKeys = []string{"number", "title", "doc_type", "agency", "signer", "issued", "published", "effective", "expires", "issue", "order",
	"field", "attachments", "amends", "replaces", "repeals", "suspends", "guides", "corrects", "based_on", "status"}

// AttachmentKeys are the keys of one item of a document's attachments.
var AttachmentKeys = []string{"file", "title"}

// RelationKeys are the keys of a relation of a gazette document written as
// a mapping (amends, replaces, …): those of a citation, the parts acted
// on (scope) and the date the change takes effect (date).
var RelationKeys = append(slices.Clone(CitationKeys), "scope", "date")

// DocTypes are the loại văn bản a document may have.
var DocTypes = []string{"Luật", "Nghị định", "Thông tư", "Quyết định", "Nghị quyết", "Chỉ thị", "Kế hoạch", "Thông báo",
	"Công văn", "Quy định", "Chương trình", "Hướng dẫn", "Báo cáo", "Đề án", "Văn bản hợp nhất"}

// issueNumber is the shape of an issue number: "14", "14+15", "943&944".
var issueNumber = regexp.MustCompile(`^\d+([+&]\d+)*$`)

var numberShapes = []*regexp.Regexp{
	regexp.MustCompile(`^\d+(/\d{4})?/[A-ZĐ][A-Za-zĐđ0-9]*(-[A-ZĐ][A-Za-zĐđ0-9]*)*$`),
	regexp.MustCompile(`^\d+-[A-ZĐ][A-Za-zĐđ]*(-[A-ZĐ][A-Za-zĐđ]*)?/[A-ZĐ][A-Za-zĐđ0-9]*$`),
}

// IsIssueNumber reports whether s is an issue number: "14", or "14+15"
// for a combined issue.
func IsIssueNumber(s string) bool { return issueNumber.MatchString(s) }

// WellFormedNumber reports whether a number has one of the real shapes:
// 93/KH-UBND, 25/2018/QĐ-UBND, 01/CTr-UBND, 92/2017/NĐ-CP, 18-NQ/TW.
func WellFormedNumber(n string) bool {
	for _, re := range numberShapes {
		if re.MatchString(n) {
			return true
		}
	}
	return false
}

func decodeIssue(m *meta.Map, src model.Source) *model.Issue {
	m.CheckKeys(IssueKeys, diag.Error)
	is := &model.Issue{
		Source: src,
		Number: m.String("number", true),
		Year:   m.Int("year", 0),
		Date:   m.Date("date", true),
		Title:  m.String("title", false),
	}
	if !m.Has("year") {
		m.Diags().Errorf(src.Start, "missing required key %q", "year")
	} else if is.Year < 1945 || is.Year > 9999 {
		m.Diags().Errorf(m.Pos(m.Node("year")), "year: want a year like 2025, got %d", is.Year)
	}
	if is.Number != "" && !issueNumber.MatchString(is.Number) {
		m.Diags().Errorf(m.Pos(m.Node("number")), "number %q: want an issue number like \"14\", or \"14+15\" for a combined issue", is.Number)
		is.Number = ""
	}
	if m.Has("pdf") {
		is.PDF = attachment(m, src.Path, m.String("pdf", false), "", m.Pos(m.Node("pdf")), "pdf")
	}
	if is.Title == "" && is.Number != "" {
		is.Title = fmt.Sprintf("Công báo số %s năm %d", is.Number, is.Year)
	}
	return is
}

func decodeDocument(m *meta.Map, src model.Source, site *config.Site) *model.Document {
	m.CheckKeys(DocumentKeys, diag.Error)
	d := &model.Document{
		Source:       src,
		Number:       vnfold.Number(m.String("number", true)),
		NumberPos:    model.AtOf(m.Pos(m.Node("number"))),
		Title:        m.String("title", true),
		Agency:       m.String("agency", true),
		Signer:       m.String("signer", true),
		Issued:       m.Date("issued", true),
		PublishedOn:  m.Date("published", false),
		PublishedPos: model.AtOf(m.Pos(m.Node("published"))),
		Effective:    m.Date("effective", false),
		Expires:      m.Date("expires", false),
		IssueRef:     m.String("issue", false),
		IssuePos:     model.AtOf(m.Pos(m.Node("issue"))),
		Order:        m.Int("order", 0),
		OrderPos:     model.AtOf(m.Pos(m.Node("order"))),
	}
	if d.Order < 0 || d.Order == 0 && m.Has("order") {
		m.Diags().Errorf(d.Where(d.OrderPos), "order %d: want the document's place in the issue, from 1", d.Order)
		d.Order = 0
	}
	if d.Number != "" && !WellFormedNumber(d.Number) {
		m.Diags().Warnf(d.Where(d.NumberPos), "number %q does not look like a document number (93/KH-UBND, 25/2018/QĐ-UBND, 18-NQ/TW): check it", d.Number)
	}
	if t := m.String("doc_type", true); t != "" {
		d.DocType = enum(m, "doc_type", t, DocTypes)
	}
	if f := m.String("field", true); f != "" {
		d.Field = registry(m, "field", f, site.Fields)
	}
	if !d.PublishedOn.IsZero() && !d.Issued.IsZero() && d.PublishedOn.Before(d.Issued) {
		m.Diags().Errorf(m.Pos(m.Node("published")), "published %s is before issued %s: a document is published on or after the day it is signed", d.PublishedOn.Format("02/01/2006"), d.Issued.Format("02/01/2006"))
	}
	if d.Effective.IsZero() {
		d.Effective = d.Issued
	} else if !d.Issued.IsZero() && d.Effective.Before(d.Issued) {
		m.Diags().Errorf(m.Pos(m.Node("effective")), "effective %s is before issued %s", d.Effective.Format("2006-01-02"), d.Issued.Format("2006-01-02"))
	}
	if !d.Expires.IsZero() && !d.Expires.After(d.Effective) {
		m.Diags().Errorf(m.Pos(m.Node("expires")), "expires %s is not after effective %s", d.Expires.Format("2006-01-02"), d.Effective.Format("2006-01-02"))
	}
	if s := m.String("status", false); s != "" {
		var labels []string
		for _, st := range model.Statuses {
			labels = append(labels, st.Label())
			if vnfold.Key(s) == vnfold.Key(string(st)) || vnfold.Key(s) == vnfold.Key(st.Label()) {
				d.MakeExtra().StatusOverride = st
			}
		}
		if d.StatusOverride() == "" {
			m.Diags().Errorf(m.Pos(m.Node("status")), "unknown status %q (allowed: %s)", s, strings.Join(labels, ", "))
		}
	}
	for _, a := range m.List("attachments") {
		a.CheckKeys(AttachmentKeys, diag.Error)
		file := a.String("file", true)
		if file != "" {
			if at := attachment(m, src.Path, file, a.String("title", false), a.Pos(a.Node("file")), "attachment"); at != nil {
				d.Attachments = append(d.Attachments, at)
			}
		}
	}
	for _, k := range model.RelationKinds {
		d.Relations = append(d.Relations, relations(m, k, d.Effective)...)
	}
	return d
}

// relations reads a relation key: a list of numbers, or of mappings
// {number, external, title, scope, date}. Scope names the parts acted
// on; date, for the kinds that change a document, is when the change
// takes effect, not before the acting document's effective date.
func relations(m *meta.Map, kind model.RelationKind, effective time.Time) []model.Relation {
	subs := map[int]*meta.Map{}
	cs := citations(m, string(kind), RelationKeys, func(i int, sub *meta.Map) { subs[i] = sub })
	out := make([]model.Relation, 0, len(cs))
	for i, c := range cs {
		r := model.Relation{Kind: kind, Number: c.Number, External: c.External, Title: c.Title, Pos: model.AtOf(c.Pos)}
		if sub := subs[i]; sub != nil {
			r.Scope = strings.TrimSpace(sub.String("scope", false))
			if sub.Has("date") {
				pos := sub.Pos(sub.Node("date"))
				if kind.Changes() {
					r.Date = sub.Date("date", false)
					if !r.Date.IsZero() && !effective.IsZero() && r.Date.Before(effective) {
						m.Diags().Warnf(pos, "date %s is before this document's effective date %s: a change takes effect with or after the document that makes it; check the date",
							r.Date.Format("02/01/2006"), effective.Format("02/01/2006"))
					}
				} else {
					m.Diags().Errorf(pos, "date: %s does not take effect on a date (only amends, replaces, repeals, suspends and corrects do): remove it", kind)
				}
			}
		}
		out = append(out, r)
	}
	return out
}

// enum returns the allowed value that v names (compared without case and
// diacritics), reporting an unknown value with the allowed ones.
func enum(m *meta.Map, key, v string, allowed []string) string {
	for _, a := range allowed {
		if vnfold.Key(a) == vnfold.Key(v) {
			return a
		}
	}
	m.Diags().Errorf(m.Pos(m.Node(key)), "unknown %s %q (allowed: %s)", key, v, strings.Join(allowed, ", "))
	return ""
}

// registry returns the site.yaml registry entry that v names by code or
// label, reporting an unknown value with the configured ones.
func registry(m *meta.Map, key, v string, codes []config.Code) model.Code {
	for _, c := range codes {
		if vnfold.Key(c.Code) == vnfold.Key(v) || vnfold.Key(c.Label) == vnfold.Key(v) {
			return model.Code{Code: c.Code, Label: c.Label}
		}
	}
	if len(codes) == 0 {
		m.Diags().Errorf(m.Pos(m.Node(key)), "unknown %s %q: site.yaml lists no %ss (add a %ss: registry)", key, v, key, key)
	} else {
		m.Diags().Errorf(m.Pos(m.Node(key)), "unknown %s %q (allowed: %s)", key, v, codeList(codes))
	}
	return model.Code{}
}

// codeList names the entries of a registry: "tinh (Cấp tỉnh), xa (Cấp xã)".
func codeList(codes []config.Code) string {
	var list []string
	for _, c := range codes {
		list = append(list, c.Code+" ("+c.Label+")")
	}
	return strings.Join(list, ", ")
}

func attachment(m *meta.Map, p, src, title string, pos diag.Pos, what string) *model.Attachment {
	file, ok := media.ResolveFile(p, src)
	if !ok {
		m.Diags().Errorf(pos, "%s %q must be a path inside the page's folder or under assets/", what, src)
		return nil
	}
	if title == "" {
		title = path.Base(src)
	}
	return &model.Attachment{Src: src, File: file, Title: title, Pos: pos}
}
