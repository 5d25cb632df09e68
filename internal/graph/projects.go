package graph

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"time"

	"golang.org/x/text/collate"

	"minhbach/internal/config"
	"minhbach/internal/diag"
	"minhbach/internal/model"
	"minhbach/internal/urls"
	"minhbach/internal/vnfold"
)

// projects gives each public investment project its URL, links it to its
// decision both ways, dates it and builds the browse lists: ongoing
// projects first, then by status, each in Vietnamese collation order.
func projects(site *config.Site, e *model.Entries, s *model.Site, claim claimFunc,
	byNumber map[string]*model.Document, known *numbers, col *collate.Collator, d *diag.List) {
	ps := &s.Projects
	items := slices.Clone(e.Projects)
	slices.SortStableFunc(items, func(a, b *model.Project) int { return cmp.Compare(a.Path, b.Path) })
	for _, p := range items {
		if p.Slug == "" || p.Start == 0 {
			continue
		}
		p.URL = urls.Project + p.Slug + "/"
		if !claim(p.URL, p.Path, p.SlugPos) {
			continue
		}
		p.Updated = time.Date(p.Start, time.January, 1, 0, 0, 0, 0, model.Zone)
		if p.Decision != nil {
			if t := cite(p.Decision, "decision", byNumber, known, d); t != nil {
				t.MakeExtra().Projects = append(t.Projects(), p)
				p.Updated = later(p.Updated, t.Issued)
			}
		}
		for _, pk := range p.Packages {
			p.Updated = later(p.Updated, pk.Date)
		}
		ps.Items = append(ps.Items, p)
	}
	keys := map[*model.Project][]byte{}
	var buf collate.Buffer
	for _, p := range ps.Items {
		keys[p] = bytes.Clone(col.KeyFromString(&buf, p.Title))
		buf.Reset()
	}
	rank := func(st model.ProjectStatus) int { return slices.Index(model.ProjectStatuses, st) }
	slices.SortStableFunc(ps.Items, func(a, b *model.Project) int {
		return cmp.Or(cmp.Compare(rank(a.Status), rank(b.Status)), bytes.Compare(keys[a], keys[b]), cmp.Compare(a.URL, b.URL))
	})
	for _, doc := range s.Gazette.Documents {
		slices.SortFunc(doc.Projects(), func(a, b *model.Project) int { return cmp.Compare(a.URL, b.URL) })
	}
	per := site.Paginate
	ps.Years = facets(ps.Items, urls.Project+"nam/", func(p *model.Project) (string, string) { y := fmt.Sprint(p.Start); return y, y })
	slices.SortFunc(ps.Years, func(a, b *model.Facet[*model.Project]) int { return cmp.Compare(b.Name, a.Name) })
	ps.Investors = facets(ps.Items, urls.Project+"co-quan/", func(p *model.Project) (string, string) { return p.Investor, vnfold.Slug(p.Investor) })
	sortByName(col, ps.Investors)
	ps.Statuses = facets(ps.Items, urls.Project+"tinh-trang/", func(p *model.Project) (string, string) { return p.Status.Label(), p.Status.Slug() })
	slices.SortFunc(ps.Statuses, func(a, b *model.Facet[*model.Project]) int {
		return cmp.Compare(rank(a.Items[0].Status), rank(b.Items[0].Status))
	})
	ps.Lists = paginate(nil, "all", "Dự án đầu tư công", nil, urls.Project, ps.Items, per)
	for _, group := range []struct {
		kind, prefix string
		facets       []*model.Facet[*model.Project]
	}{{"status", "Dự án ", ps.Statuses}, {"year", "Dự án khởi công năm ", ps.Years}, {"agency", "Dự án do ", ps.Investors}} {
		for _, f := range group.facets {
			name := f.Name
			switch group.kind {
			case "status":
				name = lowerFirst(name)
			case "agency":
				name += " làm chủ đầu tư"
			}
			ps.Lists = paginate(ps.Lists, group.kind, group.prefix+name, &f.Term, f.URL, f.Items, per)
		}
	}
}

// later returns the later of two times; a zero b leaves a.
func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
