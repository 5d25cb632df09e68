package build

import (
	"minhbach/internal/diag"
	"minhbach/internal/model"
	"minhbach/internal/render"
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
		out = append(out, record{x.Path, x, func(r *render.Renderer) (d diag.List) { x.Content, d = r.ConvertConsultation(x); return },
			func() []model.Copy { return x.Content.Files }})
	}
	for _, x := range s.Budgets.Items {
		out = append(out, record{x.Path, x, func(r *render.Renderer) (d diag.List) { x.Content, d = r.ConvertBudget(x); return },
			func() []model.Copy { return x.Content.Files }})
	}
	for _, x := range s.Projects.Items {
		out = append(out, record{x.Path, x, func(r *render.Renderer) (d diag.List) { x.Content, d = r.ConvertProject(x); return },
			func() []model.Copy { return x.Content.Files }})
	}
	return out
}
