package build

import (
	"strings"

	"minhbach/internal/diag"
	"minhbach/internal/model"
	"minhbach/internal/render"
	"minhbach/internal/search"
)

// addDisclosure appends the disclosure records of one file to e.
func addDisclosure(e, file *model.Entries) {
	e.Consultations = append(e.Consultations, file.Consultations...)
	e.Budgets = append(e.Budgets, file.Budgets...)
	e.Projects = append(e.Projects, file.Projects...)
}

// disclosureRecords are the records of the disclosure kinds, for
// records: their bodies to convert and the files those show.
func disclosureRecords(s *model.Site) []record {
	var out []record
	for _, x := range s.Consultations.Items {
		out = append(out, record{x.Path, x, func(r *render.Renderer) diag.List { return r.ConvertConsultation(x) },
			func() []model.Copy { return x.Content.Files }})
	}
	for _, x := range s.Budgets.Items {
		out = append(out, record{x.Path, x, func(r *render.Renderer) diag.List { return r.ConvertBudget(x) },
			func() []model.Copy { return x.Content.Files }})
	}
	for _, x := range s.Projects.Items {
		out = append(out, record{x.Path, x, func(r *render.Renderer) diag.List { return r.ConvertProject(x) },
			func() []model.Copy { return x.Content.Files }})
	}
	return out
}

// disclosureSearchDocs are the search index's pages of the disclosure
// kinds.
func disclosureSearchDocs(s *model.Site) []search.Doc {
	var docs []search.Doc
	for _, c := range s.Consultations.Items {
		docs = append(docs, search.Doc{URL: c.URL, Title: c.Title, Kind: search.KindConsultation,
			Label:   "Dự thảo " + strings.ToLower(c.DocType) + " · " + c.Agency + " · góp ý đến " + render.ShortDate(c.Closes),
			Text:    strings.Join([]string{"dự thảo lấy ý kiến góp ý", c.DocType, c.Agency, c.Field.Label, c.Summary, c.Content.Text}, " "),
			Summary: cmpOr(c.Summary, c.Content.Lead), Field: c.Field.Code, FieldLabel: c.Field.Label, Year: c.Opens.Year(), Date: c.Opens})
	}
	for _, b := range s.Budgets.Items {
		var heads []string
		for _, t := range b.Tables {
			heads = append(heads, t.Title)
			for _, row := range t.Rows {
				if t.Label < len(row) {
					heads = append(heads, row[t.Label].Text)
				}
			}
		}
		docs = append(docs, search.Doc{URL: b.URL, Title: b.Title, Kind: search.KindBudget,
			Label:   b.Stage.Label() + " · " + b.PeriodLabel() + " · công khai " + render.ShortDate(b.Published),
			Text:    strings.Join([]string{"công khai ngân sách", b.Stage.Label(), b.Agency, strings.Join(heads, " "), b.Content.Text}, " "),
			Summary: b.Content.Lead, Year: b.Year, Date: b.Published})
	}
	for _, p := range s.Projects.Items {
		var names []string
		for _, pk := range p.Packages {
			names = append(names, pk.Name, pk.Winner)
		}
		docs = append(docs, search.Doc{URL: p.URL, Title: p.Title, Kind: search.KindProject, Number: p.Code,
			Label:   p.Status.Label() + " · " + render.ProjectPeriod(p) + " · " + p.Investor,
			Text:    strings.Join([]string{"dự án đầu tư công đấu thầu", p.Investor, p.Location, p.Funding, p.Field.Label, strings.Join(names, " "), p.Content.Text}, " "),
			Summary: "Tổng mức đầu tư: " + p.Total.Text + " triệu đồng. Địa điểm: " + p.Location + ".",
			Field:   p.Field.Code, FieldLabel: p.Field.Label, Year: p.Start})
	}
	return docs
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
