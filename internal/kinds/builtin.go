package kinds

import (
	"time"

	"minhbach/internal/model"
	"minhbach/internal/urls"
)

// The kinds minhbach has always had, and the dossier statistics.
func init() {
	Register(Kind{Name: "news", Label: "Tin tức", URL: urls.News, Forms: []string{"HTML", "Atom"}, Order: 10,
		Status: func(s *model.Site) Status {
			return Status{Count: len(s.News), Updated: newest(s.News, func(n *model.News) time.Time { return n.Date })}
		}})
	Register(Kind{Name: "gazette", Label: "Công báo", URL: urls.Gazette, Forms: []string{"HTML", "PDF", "Atom"}, Order: 20,
		Status: func(s *model.Site) Status {
			return Status{Count: len(s.Gazette.Issues), Updated: newest(s.Gazette.Issues, func(i *model.Issue) time.Time { return i.Date })}
		}})
	Register(Kind{Name: "documents", Label: "Văn bản", URL: urls.Document, Forms: []string{"HTML", "PDF", "CSV", "JSON"}, Order: 30,
		Status: func(s *model.Site) Status {
			return Status{Count: len(s.Gazette.Documents), Updated: newest(s.Gazette.Documents, func(d *model.Document) time.Time {
				if !d.PublishedOn.IsZero() {
					return d.PublishedOn
				}
				return d.Issued
			})}
		}})
	Register(Kind{Name: "procedures", Label: "Thủ tục hành chính", URL: urls.Procedure, Forms: []string{"HTML", "CSV", "JSON"}, Order: 40,
		Status: func(s *model.Site) Status {
			return Status{Count: len(s.Catalogue.Listed), Updated: newest(s.Catalogue.Procedures, func(p *model.Procedure) time.Time {
				if p.PublishedBy != nil && p.PublishedBy.Target != nil {
					return p.PublishedBy.Target.Issued
				}
				return time.Time{}
			})}
		}})
	Register(Kind{Name: "statistics", Label: "Thống kê giải quyết hồ sơ", URL: urls.Statistics, Forms: []string{"HTML", "CSV", "JSON", "Atom"}, Order: 50,
		Status: func(s *model.Site) Status {
			return Status{Count: len(s.Statistics.Periods), Updated: s.Statistics.Updated}
		}})
}
