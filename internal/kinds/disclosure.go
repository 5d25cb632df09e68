package kinds

import (
	"time"

	"minhbach/internal/model"
	"minhbach/internal/urls"
)

// The disclosure kinds: drafts for comment, budget disclosures, public
// investment projects.
func init() {
	Register(Kind{Name: "consultations", Label: "Dự thảo lấy ý kiến", URL: urls.Consultation, Forms: []string{"HTML", "PDF", "CSV", "JSON", "Atom"}, Order: 60,
		Status: func(s *model.Site) Status {
			return Status{Count: len(s.Consultations.Items), Updated: newest(s.Consultations.Items, func(c *model.Consultation) time.Time { return c.Opens })}
		}})
	Register(Kind{Name: "budget", Label: "Công khai ngân sách", URL: urls.Budget, Forms: []string{"HTML", "PDF", "CSV", "JSON", "Atom"}, Order: 70,
		Status: func(s *model.Site) Status {
			return Status{Count: len(s.Budgets.Items), Updated: newest(s.Budgets.Items, func(b *model.Budget) time.Time {
				if !b.Published.IsZero() {
					return b.Published
				}
				return b.Decided
			})}
		}})
	Register(Kind{Name: "projects", Label: "Dự án đầu tư công và đấu thầu", URL: urls.Project, Forms: []string{"HTML", "CSV", "JSON", "Atom"}, Order: 80,
		Status: func(s *model.Site) Status {
			return Status{Count: len(s.Projects.Items), Updated: newest(s.Projects.Items, func(p *model.Project) time.Time { return p.Updated })}
		}})
}
