package schema

import (
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"minhbach/internal/config"
	"minhbach/internal/diag"
	"minhbach/internal/meta"
	"minhbach/internal/model"
	"minhbach/internal/source"
	"minhbach/internal/vnfold"
)

// ProcedureKeys are the keys of a procedure, in front matter, as CSV
// columns and as JSON object keys, in the order of the page.
var ProcedureKeys = []string{"code", "title", "field", "level", "agency", "place", "target", "processing_time", "fee",
	"online", "methods", "steps", "documents", "requirements", "result", "legal_basis", "published_by", "status"}

// DossierItemKeys are the keys of one item of a procedure's documents
// (thành phần hồ sơ).
var DossierItemKeys = []string{"name", "copies", "form"}

// CitationKeys are the keys of a cited document written as a mapping: a
// relation of a gazette document, a procedure's legal_basis or
// published_by.
var CitationKeys = []string{"number", "external", "title"}

// ProcedureCells says how CSV cells of a catalogue become values: lists
// are ";"-separated; a dossier item is "name | copies | form"; a cited
// document is "number", or "number | title" for one outside the site.
var ProcedureCells = map[string]source.Cell{
	"level":        {List: true},
	"methods":      {List: true},
	"steps":        {List: true},
	"requirements": {List: true},
	"documents":    {List: true, Parts: []string{"name", "copies", "form"}},
	"legal_basis":  {List: true, Parts: []string{"number", "title"}, Flag: "external"},
	"published_by": {Parts: []string{"number", "title"}, Flag: "external"},
}

// procedureCode is the shape of a national procedure code: 1.004227.
var procedureCode = regexp.MustCompile(`^\d\.\d{6}$`)

// safeCode is what a code may hold to be a URL segment.
var safeCode = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// reservedCodes are the segments of the catalogue's browse pages.
var reservedCodes = []string{"linh-vuc", "cap", "co-quan", "truc-tuyen", "trang", "bieu-mau"}

func decodeProcedure(m *meta.Map, src model.Source, site *config.Site, keysChecked bool) *model.Procedure {
	if !keysChecked {
		m.CheckKeys(ProcedureKeys, diag.Error)
	}
	p := &model.Procedure{
		Source:         src,
		Code:           m.String("code", true),
		CodePos:        m.Pos(m.Node("code")),
		Title:          m.String("title", true),
		Agency:         m.String("agency", true),
		Place:          m.String("place", false),
		Target:         m.String("target", false),
		ProcessingTime: m.String("processing_time", true),
		Fee:            m.String("fee", false),
		Methods:        m.Strings("methods"),
		Steps:          m.Strings("steps"),
		Requirements:   m.Strings("requirements"),
		Result:         m.String("result", false),
		Online:         model.OnlineNone,
		Status:         model.Active,
	}
	if p.Code != "" {
		switch {
		case !safeCode.MatchString(p.Code) || len(p.Code) > vnfold.MaxSlugLen:
			m.Diags().Errorf(p.CodePos, "code %q cannot be a web address: use letters, digits, '.', '-' (a national code looks like 1.004227)", p.Code)
			p.Code = ""
		case isReserved(p.Code):
			m.Diags().Errorf(p.CodePos, "code %q is taken by a page of the catalogue (reserved: %s)", p.Code, strings.Join(reservedCodes, ", "))
			p.Code = ""
		case !procedureCode.MatchString(p.Code):
			m.Diags().Warnf(p.CodePos, "code %q does not look like a national procedure code (1.004227): check it", p.Code)
		}
	}
	if f := m.String("field", true); f != "" {
		p.Field = registry(m, "field", f, site.Fields)
	}
	levels := m.Strings("level")
	if !m.Has("level") {
		m.Diags().Errorf(m.Pos(nil), "missing required key %q: name one or more levels (%s)", "level", codeList(site.Levels))
	} else if k := m.Node("level").Kind; len(levels) == 0 && (k == yaml.SequenceNode || k == yaml.ScalarNode) {
		m.Diags().Errorf(m.KeyPos("level"), "level: name one or more levels (%s)", codeList(site.Levels))
	}
	for _, l := range levels {
		if c := registry(m, "level", l, site.Levels); c.Code != "" {
			p.Levels = append(p.Levels, c)
		}
	}
	if v := m.String("online", false); v != "" {
		p.Online = model.Online(choice(m, "online", v, model.Onlines, model.Online.Label))
	}
	if v := m.String("status", false); v != "" {
		p.Status = model.ProcedureStatus(choice(m, "status", v, model.ProcedureStatuses, model.ProcedureStatus.Label))
	}
	for _, it := range m.List("documents") {
		it.CheckKeys(DossierItemKeys, diag.Error)
		item := model.DossierItem{Name: it.String("name", true), Copies: it.String("copies", false)}
		if form := it.String("form", false); form != "" {
			item.Form = attachment(m, src.Path, form, item.Name, it.Pos(it.Node("form")), "form")
		}
		if item.Name != "" {
			p.Documents = append(p.Documents, item)
		}
	}
	p.LegalBasis = citations(m, "legal_basis")
	if m.Has("published_by") {
		if v := m.Node("published_by"); v.Kind == yaml.SequenceNode {
			m.Diags().Errorf(m.Pos(v), "published_by: want one decision number, got a list")
		} else if c := citations(m, "published_by"); len(c) == 1 {
			p.PublishedBy = &c[0]
		}
	}
	return p
}

// UsableCode reports whether code can be a procedure code: a web address
// segment that no page of the catalogue has. A code that does not look
// national (IsNationalCode) is usable.
func UsableCode(code string) bool {
	return safeCode.MatchString(code) && len(code) <= vnfold.MaxSlugLen && !isReserved(code)
}

// IsNationalCode reports whether code has the shape of a national
// procedure code: 1.004227.
func IsNationalCode(code string) bool { return procedureCode.MatchString(code) }

func isReserved(code string) bool {
	for _, r := range reservedCodes {
		if strings.EqualFold(code, r) {
			return true
		}
	}
	return false
}

// choice returns the enumerated value that v names by code or label
// (compared without case and diacritics), reporting an unknown one with
// the allowed values.
func choice[T ~string](m *meta.Map, key, v string, values []T, label func(T) string) T {
	var allowed []string
	k := looseKey(v)
	for _, x := range values {
		if k == looseKey(string(x)) || k == looseKey(label(x)) {
			return x
		}
		allowed = append(allowed, string(x)+" ("+label(x)+")")
	}
	m.Diags().Errorf(m.Pos(m.Node(key)), "unknown %s %q (allowed: %s)", key, v, strings.Join(allowed, ", "))
	return values[0]
}

// citations reads document numbers: a number, or a mapping
// {number, external, title} for a document outside the site.
func citations(m *meta.Map, key string) []model.Citation {
	v := m.Node(key)
	if v == nil || (v.Kind == yaml.ScalarNode && v.Tag == "!!null") {
		return nil
	}
	items := []*yaml.Node{v}
	if v.Kind == yaml.SequenceNode {
		items = v.Content
	}
	var out []model.Citation
	for _, it := range items {
		switch it.Kind {
		case yaml.ScalarNode:
			if n := vnfold.Number(it.Value); n != "" {
				out = append(out, model.Citation{Number: n, Pos: m.Pos(it)})
			}
		case yaml.MappingNode:
			sub := m.Mapping(it)
			sub.CheckKeys(CitationKeys, diag.Error)
			c := model.Citation{Number: vnfold.Number(sub.String("number", true)), External: sub.Bool("external"), Title: sub.String("title", false), Pos: m.Pos(it)}
			if c.Number != "" {
				out = append(out, c)
			}
		default:
			m.Diags().Errorf(m.Pos(it), "%s: want document numbers, or {number, external: true, title} for documents outside the site", key)
		}
	}
	return out
}

// looseKey compares enumerated values by their letters and digits only:
// "Đã được sửa đổi, bổ sung" and "da duoc sua doi bo sung" are the same.
func looseKey(s string) string {
	return strings.Join(strings.FieldsFunc(vnfold.Fold(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}), " ")
}
