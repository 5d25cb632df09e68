package graph

import (
	"cmp"
	"fmt"
	"io/fs"
	"slices"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"minhbach/internal/config"
	"minhbach/internal/diag"
	"minhbach/internal/model"
	"minhbach/internal/urls"
	"minhbach/internal/vnfold"
)

// The URLs of the disclosure sections.
const ()

// claimFunc claims a URL for a file, reporting a collision.
type claimFunc func(url, file string, pos diag.Pos) bool

// disclosure links the disclosure kinds: drafts for comment, budget
// disclosures and public investment projects. It runs after the gazette,
// whose documents they cite.
func disclosure(site *config.Site, e *model.Entries, fsys fs.FS, opt Options, s *model.Site, claim claimFunc, d *diag.List) {
	byNumber := map[string]*model.Document{}
	for _, doc := range s.Gazette.Documents {
		byNumber[vnfold.NumberKey(doc.Number)] = doc
	}
	known := numberIndex(s.Gazette.Documents)
	col := collate.New(language.Vietnamese)
	consultations(site, e, fsys, opt, s, claim, byNumber, known, d)
	budgets(site, e, fsys, s, claim, byNumber, known, col, d)
	projects(site, e, s, claim, byNumber, known, col, d)
}

// dayOf returns the calendar day of t in Vietnam time, at midnight.
func dayOf(t time.Time) time.Time {
	t = t.In(model.Zone)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, model.Zone)
}

// daysBetween counts the calendar days from a to b.
func daysBetween(a, b time.Time) int {
	a, b = dayOf(a), dayOf(b)
	return int(b.Sub(a).Hours()+12) / 24
}

// ConsultationState returns the state of a comment period from opens to
// closes (both days included) on the day of now, and the days left
// after that day while it is open.
func ConsultationState(opens, closes, now time.Time) (model.ConsultationState, int) {
	today := dayOf(now)
	switch {
	case today.Before(dayOf(opens)):
		return model.ConsultUpcoming, 0
	case today.After(dayOf(closes)):
		return model.ConsultClosed, 0
	}
	return model.ConsultOpen, daysBetween(today, closes)
}

func consultations(site *config.Site, e *model.Entries, fsys fs.FS, opt Options, s *model.Site, claim claimFunc,
	byNumber map[string]*model.Document, known *numbers, d *diag.List) {
	cs := &s.Consultations
	cs.AsOf = opt.Now
	items := slices.Clone(e.Consultations)
	slices.SortFunc(items, func(a, b *model.Consultation) int { return cmp.Compare(a.Path, b.Path) })
	for _, c := range items {
		if c.Slug == "" || c.Opens.IsZero() || c.Closes.IsZero() {
			continue
		}
		c.URL = urls.Consultation + c.Slug + "/"
		if !claim(c.URL, c.Path, c.SlugPos) {
			continue
		}
		for i := range c.Files {
			copies, _ := publish(fsys, c.Files[i].Attachment, c.Path, c.URL, "attachment", d)
			s.Copies = append(s.Copies, copies...)
		}
		c.AsOf = opt.Now
		c.State, c.DaysLeft = ConsultationState(c.Opens, c.Closes, opt.Now)
		if c.IssuedAs != nil {
			if t := cite(c.IssuedAs, "issued_as", byNumber, known, d); t != nil {
				t.MakeExtra().Drafts = append(t.Drafts(), c)
				if t.Issued.Before(dayOf(c.Closes)) {
					d.Warnf(c.IssuedAs.Pos, "issued_as %s was issued on %s, before comments closed on %s: check the number", t.Number,
						t.Issued.Format("02/01/2006"), c.Closes.Format("02/01/2006"))
				}
			}
			if c.State == model.ConsultClosed && len(c.FilesOf(model.RoleResponse)) == 0 {
				d.Warnf(c.IssuedAs.Pos, "the document is issued but the report on the comments is not published: add an attachment with role: tong_hop (báo cáo tổng hợp, tiếp thu, giải trình)")
			}
		}
		cs.Items = append(cs.Items, c)
	}
	rank := func(st model.ConsultationState) int { return slices.Index(model.ConsultationStates, st) }
	slices.SortStableFunc(cs.Items, func(a, b *model.Consultation) int {
		if r := cmp.Compare(rank(a.State), rank(b.State)); r != 0 {
			return r
		}
		switch a.State {
		case model.ConsultOpen:
			return cmp.Or(a.Closes.Compare(b.Closes), cmp.Compare(a.URL, b.URL))
		case model.ConsultUpcoming:
			return cmp.Or(a.Opens.Compare(b.Opens), cmp.Compare(a.URL, b.URL))
		}
		return cmp.Or(b.Closes.Compare(a.Closes), cmp.Compare(a.URL, b.URL))
	})
	for _, c := range cs.Items {
		if c.State == model.ConsultOpen {
			cs.Open = append(cs.Open, c)
		}
		var at time.Time
		switch c.State {
		case model.ConsultUpcoming:
			at = dayOf(c.Opens)
		case model.ConsultOpen:
			at = dayOf(c.Closes).AddDate(0, 0, 1)
		default:
			continue
		}
		switch {
		case cs.Next.IsZero() || at.Before(cs.Next):
			cs.Next, cs.NextItems = at, []*model.Consultation{c}
		case at.Equal(cs.Next):
			cs.NextItems = append(cs.NextItems, c)
		}
	}
	for _, doc := range s.Gazette.Documents {
		slices.SortFunc(doc.Drafts(), func(a, b *model.Consultation) int { return cmp.Compare(a.URL, b.URL) })
	}

	per := site.Paginate
	col := collate.New(language.Vietnamese)
	cs.Years = facets(cs.Items, urls.Consultation+"nam/", func(c *model.Consultation) (string, string) {
		y := fmt.Sprint(c.Opens.In(model.Zone).Year())
		return y, y
	})
	slices.SortFunc(cs.Years, func(a, b *model.Facet[*model.Consultation]) int { return cmp.Compare(b.Name, a.Name) })
	cs.Agencies = facets(cs.Items, urls.Consultation+"co-quan/", func(c *model.Consultation) (string, string) { return c.Agency, vnfold.Slug(c.Agency) })
	sortByName(col, cs.Agencies)
	cs.States = facets(cs.Items, urls.Consultation+"tinh-trang/", func(c *model.Consultation) (string, string) { return c.State.Label(), c.State.Slug() })
	slices.SortFunc(cs.States, func(a, b *model.Facet[*model.Consultation]) int {
		return cmp.Compare(rank(a.Items[0].State), rank(b.Items[0].State))
	})
	cs.Lists = paginate(nil, "all", "Dự thảo lấy ý kiến", nil, urls.Consultation, cs.Items, per)
	for _, group := range []struct {
		kind, prefix string
		facets       []*model.Facet[*model.Consultation]
	}{{"state", "Dự thảo ", cs.States}, {"year", "Dự thảo lấy ý kiến năm ", cs.Years}, {"agency", "Dự thảo do ", cs.Agencies}} {
		for _, f := range group.facets {
			name := f.Name
			switch group.kind {
			case "state":
				name = lowerFirst(name)
			case "agency":
				name += " chủ trì soạn thảo"
			}
			cs.Lists = paginate(cs.Lists, group.kind, group.prefix+name, &f.Term, f.URL, f.Items, per)
		}
	}
}

// lowerFirst lowers the first letter of s: "Đang lấy ý kiến" → "đang lấy ý kiến".
func lowerFirst(s string) string {
	for i, r := range s {
		return string(unicode.ToLower(r)) + s[i+utf8.RuneLen(r):]
	}
	return s
}
