package build

import (
	"minhbach/internal/config"
	"minhbach/internal/diag"
	"minhbach/internal/model"
	"minhbach/internal/required"
)

// requiredReport checks that the pages the law requires in English are
// translated and up to date in every language of the site but the first
// (internal/required): nil for a site in one language.
func requiredReport(site *config.Site, s *model.Site) *required.Findings {
	if site == nil || !site.Multilingual() || s == nil {
		return nil
	}
	var pages []required.Page
	for _, p := range s.Pages {
		if p.RequiredEN == "" {
			continue
		}
		rp := required.Page{Path: p.Path, Pos: p.RequiredENPos, Kind: p.RequiredEN, Date: p.Updated, Translations: map[string]required.Translation{}}
		for _, ed := range s.Editions {
			u, ok := ed.Of[p.URL]
			if !ok {
				continue
			}
			for _, c := range ed.Pages {
				if c.URL == u {
					rp.Translations[ed.Lang] = required.Translation{Path: c.Path, Pos: c.UpdatedPos, Date: c.Updated}
				}
			}
		}
		pages = append(pages, rp)
	}
	f := required.Check(site.Languages, diag.Pos{Path: config.File}, pages)
	return &f
}
