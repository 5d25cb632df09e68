package graph

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"minhbach/internal/config"
	"minhbach/internal/diag"
	"minhbach/internal/model"
	"minhbach/internal/urls"
	"minhbach/internal/vnfold"
)

// ProceduresPerPage is how many procedures a catalogue list page shows:
// rows are short, and citizens scan a field's list rather than page it.
const ProceduresPerPage = 50

// procedures gives each procedure its URL, resolves the documents it cites
// in the gazette (both ways), publishes its forms and builds the browse
// lists in Vietnamese collation order. Abolished procedures keep their page
// but leave the lists.
func procedures(site *config.Site, e *model.Entries, fsys fs.FS, s *model.Site, claim func(url, file string, pos diag.Pos) bool, d *diag.List) {
	c := &s.Catalogue
	byNumber := map[string]*model.Document{}
	for _, doc := range s.Gazette.Documents {
		byNumber[vnfold.NumberKey(doc.Number)] = doc
	}
	known := numberIndex(s.Gazette.Documents)
	byCode := map[string]*model.Procedure{}
	forms := map[string]*model.Attachment{}
	for _, p := range e.Procedures {
		if p.Code == "" {
			continue
		}
		k := strings.ToLower(p.Code)
		if other, ok := byCode[k]; ok {
			d.Errorf(p.CodePos, "code %q is also the code of the procedure at %s: each procedure code must be unique", p.Code, where(other.CodePos))
			continue
		}
		byCode[k] = p
		p.URL = urls.Procedure + p.Code + "/"
		if !claim(p.URL, p.Path, p.CodePos) {
			continue
		}
		for i := range p.LegalBasis {
			if t := cite(&p.LegalBasis[i], "legal_basis", byNumber, known, d); t != nil && !slices.Contains(t.CitedBy(), p) {
				t.MakeExtra().CitedBy = append(t.CitedBy(), p)
			}
		}
		if p.PublishedBy != nil {
			if t := cite(p.PublishedBy, "published_by", byNumber, known, d); t != nil {
				t.MakeExtra().Published = append(t.Published(), p)
			}
		}
		for i := range p.Documents {
			if f := p.Documents[i].Form; f != nil {
				p.Documents[i].Form = publishForm(fsys, f, forms, s, d)
			}
		}
		c.Procedures = append(c.Procedures, p)
	}

	col := collate.New(language.Vietnamese)
	var buf collate.Buffer
	for _, p := range c.Procedures {
		p.SortKey = bytes.Clone(col.KeyFromString(&buf, p.Title))
		buf.Reset()
	}
	byTitle := func(a, b *model.Procedure) int {
		return cmp.Or(bytes.Compare(a.SortKey, b.SortKey), cmp.Compare(a.Code, b.Code))
	}
	slices.SortFunc(c.Procedures, func(a, b *model.Procedure) int { return cmp.Compare(a.Code, b.Code) })
	for _, doc := range s.Gazette.Documents {
		slices.SortFunc(doc.Published(), byTitle)
		slices.SortFunc(doc.CitedBy(), byTitle)
	}
	for _, p := range c.Procedures {
		if p.Listed() {
			c.Listed = append(c.Listed, p)
		}
	}
	slices.SortFunc(c.Listed, byTitle)

	c.Fields = facets(c.Listed, urls.Procedure+"linh-vuc/", func(p *model.Procedure) (string, string) { return p.Field.Label, p.Field.Code })
	sortByName(col, c.Fields)
	c.Agencies = facets(c.Listed, urls.Procedure+"co-quan/", func(p *model.Procedure) (string, string) { return p.Agency, vnfold.Slug(p.Agency) })
	sortByName(col, c.Agencies)
	c.Onlines = facets(c.Listed, urls.Procedure+"truc-tuyen/", func(p *model.Procedure) (string, string) {
		if p.Online == model.OnlineNone {
			return "", ""
		}
		return "Dịch vụ công trực tuyến " + strings.ToLower(p.Online.Label()), p.Online.Slug()
	})
	slices.Reverse(c.Onlines) // toan-trinh before mot-phan
	for _, l := range site.Levels {
		f := &model.Facet[*model.Procedure]{Term: model.Term{Name: l.Label, Slug: l.Code, URL: urls.Procedure + "cap/" + l.Code + "/"}}
		for _, p := range c.Listed {
			if slices.ContainsFunc(p.Levels, func(x model.Code) bool { return x.Code == l.Code }) {
				f.Items = append(f.Items, p)
			}
		}
		if len(f.Items) > 0 {
			c.Levels = append(c.Levels, f)
		}
	}

	c.Lists = paginate(nil, "all", "Thủ tục hành chính", nil, urls.Procedure, c.Listed, ProceduresPerPage)
	for _, group := range []struct {
		kind, prefix string
		facets       []*model.Facet[*model.Procedure]
	}{{"field", "Thủ tục hành chính lĩnh vực ", c.Fields}, {"level", "Thủ tục hành chính ", c.Levels},
		{"agency", "Thủ tục hành chính do ", c.Agencies}, {"online", "", c.Onlines}} {
		for _, f := range group.facets {
			name := f.Name
			if group.kind == "level" {
				name = strings.ToLower(name)
			} else if group.kind == "agency" {
				name += " thực hiện"
			}
			g := paginate(nil, group.kind, group.prefix+name, &f.Term, f.URL, f.Items, ProceduresPerPage)
			c.Lists = append(c.Lists, g...)
		}
	}
}

// sortByName orders facets by their name in Vietnamese collation.
func sortByName[T any](col *collate.Collator, f []*model.Facet[T]) {
	slices.SortStableFunc(f, func(a, b *model.Facet[T]) int { return col.CompareString(a.Name, b.Name) })
}

// cite links a citation to its gazette document; a number that names none
// is an error unless the citation is marked external (see unresolved).
func cite(c *model.Citation, key string, byNumber map[string]*model.Document, known *numbers, d *diag.List) *model.Document {
	t := byNumber[vnfold.NumberKey(c.Number)]
	if t == nil {
		known.unresolved(d, c.Pos, key, c.Number, c.External, true)
		return nil
	}
	c.Target = t
	return t
}

// publishForm checks a form file and gives it one URL under urls.Form,
// shared by every procedure that names it.
func publishForm(fsys fs.FS, a *model.Attachment, seen map[string]*model.Attachment, s *model.Site, d *diag.List) *model.Attachment {
	if done, ok := seen[a.File]; ok {
		if done == nil {
			d.Errorf(a.Pos, "form %q: file %s does not exist", a.Src, a.File)
			return nil
		}
		out := *done
		out.Title, out.Src, out.Pos = a.Title, a.Src, a.Pos
		return &out
	}
	data, err := fs.ReadFile(fsys, a.File)
	if err != nil {
		seen[a.File] = nil
		if errors.Is(err, fs.ErrNotExist) {
			d.Errorf(a.Pos, "form %q: file %s does not exist", a.Src, a.File)
		} else {
			d.Errorf(a.Pos, "form %q: %v", a.Src, err)
		}
		return nil
	}
	sum := sha256.Sum256(data)
	a.Size = int64(len(data))
	a.SHA256 = hex.EncodeToString(sum[:])
	a.URL = urls.Form + strings.TrimPrefix(strings.TrimPrefix(a.File, "content/procedures/"), "content/")
	seen[a.File] = a
	s.Copies = append(s.Copies, model.Copy{From: a.File, To: strings.TrimPrefix(a.URL, "/")})
	return a
}

// where names a position inside a message: path:line, and the JSON path
// when there is one.
func where(p diag.Pos) string {
	s := p.Path
	if p.Line > 0 {
		s = fmt.Sprintf("%s:%d", s, p.Line)
	}
	if p.Ref != "" {
		s += " (" + p.Ref + ")"
	}
	return s
}
