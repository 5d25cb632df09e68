package render

import (
	"cmp"
	"fmt"
	"html/template"
	"slices"
	"strings"
	"time"

	"minhbach/internal/diag"
	"minhbach/internal/model"
	"minhbach/internal/urls"
)

// The roots of the disclosure sections (graph owns the URLs; these name
// the section pages that layouts and feeds link to).
const ()

// ConvertConsultation renders a draft's Markdown body.
func (r *Renderer) ConvertConsultation(c *model.Consultation) (model.Converted, diag.List) {
	return r.convert(c.Source, c.URL, textSizes)
}

// ConvertBudget renders a budget disclosure's Markdown body.
func (r *Renderer) ConvertBudget(b *model.Budget) (model.Converted, diag.List) {
	return r.convert(b.Source, b.URL, textSizes)
}

// ConvertProject renders a project's Markdown body (none for a
// catalogue row).
func (r *Renderer) ConvertProject(p *model.Project) (model.Converted, diag.List) {
	return r.convert(p.Source, p.URL, textSizes)
}

// disclosureJobs are the pages, feeds and open data of the three
// disclosure sections.
func (r *Renderer) disclosureJobs(s *model.Site, page func(url, layout string, p *Page)) []Job {
	var jobs []Job
	if cs := &s.Consultations; len(cs.Items) > 0 {
		root := Crumb{"Dự thảo lấy ý kiến", urls.Consultation}
		for _, c := range cs.Items {
			pg := &Page{Kind: "consultation", Title: c.Title, Description: consultationSummary(c), Consultation: c,
				AsOf: cs.AsOf, FeedURL: urls.Consultation + "atom.xml", Crumbs: []Crumb{home, root, {Name: c.Title}}}
			pg.setBody(c.Content)
			pg.JSONLD = r.draftLD(c)
			page(c.URL, "consultation/single.html", pg)
		}
		for _, l := range cs.Lists {
			title, crumbs := listPage(root, l.Title, l.Kind != "all", l.Term, l.Pager)
			page(l.URL, "consultation/list.html", &Page{Kind: "consultations", Title: title, ConsultList: l, Consultations: cs, Crumbs: crumbs, AsOf: cs.AsOf,
				FeedURL: urls.Consultation + "atom.xml", Description: fmt.Sprintf("%s: %d dự thảo.", l.Title, len(l.Items))})
		}
		jobs = append(jobs,
			Job{Path: "du-thao/atom.xml", Run: func() ([]byte, error) { return r.consultationFeed(cs.Items) }, Data: cs.Items},
			Job{Path: "du-lieu/du-thao.json", Run: func() ([]byte, error) { return ConsultationsJSON(r.absURL, cs.Items, cs.AsOf) }, Data: cs.Items},
			Job{Path: "du-lieu/du-thao.csv", Run: func() ([]byte, error) { return ConsultationsCSV(r.absURL, cs.Items, cs.AsOf) }, Data: cs.Items})
	}
	if bs := &s.Budgets; len(bs.Items) > 0 {
		root := Crumb{"Công khai ngân sách", urls.Budget}
		for _, b := range bs.Items {
			pg := &Page{Kind: "budget", Title: b.Title, Description: budgetSummary(b), Budget: b,
				FeedURL: urls.Budget + "atom.xml", Crumbs: []Crumb{home, root, {fmt.Sprintf("Năm %d", b.Year), fmt.Sprintf("%snam/%d/", urls.Budget, b.Year)}, {Name: b.Title}}}
			pg.setBody(b.Content)
			pg.JSONLD = r.budgetLD(b)
			page(b.URL, "budget/single.html", pg)
		}
		for _, l := range bs.Lists {
			title, crumbs := listPage(root, l.Title, l.Kind != "all", l.Term, l.Pager)
			page(l.URL, "budget/list.html", &Page{Kind: "budgets", Title: title, BudgetList: l, Budgets: bs, Crumbs: crumbs,
				FeedURL: urls.Budget + "atom.xml", Description: fmt.Sprintf("%s: %d lần công khai.", l.Title, len(l.Items))})
		}
		jobs = append(jobs,
			Job{Path: "ngan-sach/atom.xml", Run: func() ([]byte, error) { return r.budgetFeed(bs.Items) }, Data: bs.Items},
			Job{Path: "du-lieu/ngan-sach.json", Run: func() ([]byte, error) { return BudgetsJSON(r.absURL, bs.Items) }, Data: bs.Items},
			Job{Path: "du-lieu/ngan-sach.csv", Run: func() ([]byte, error) { return BudgetsCSV(r.absURL, bs.Items) }, Data: bs.Items})
	}
	if ps := &s.Projects; len(ps.Items) > 0 {
		root := Crumb{"Dự án đầu tư công", urls.Project}
		for _, p := range ps.Items {
			pg := &Page{Kind: "project", Title: p.Title, Description: projectSummary(p), Project: p,
				FeedURL: urls.Project + "atom.xml", Crumbs: []Crumb{home, root, {Name: p.Title}}}
			pg.setBody(p.Content)
			page(p.URL, "project/single.html", pg)
		}
		for _, l := range ps.Lists {
			title, crumbs := listPage(root, l.Title, l.Kind != "all", l.Term, l.Pager)
			page(l.URL, "project/list.html", &Page{Kind: "projects", Title: title, ProjectList: l, Projects: ps, Crumbs: crumbs,
				FeedURL: urls.Project + "atom.xml", Description: fmt.Sprintf("%s: %d dự án.", l.Title, len(l.Items))})
		}
		jobs = append(jobs,
			Job{Path: "du-an/atom.xml", Run: func() ([]byte, error) { return r.projectFeed(ps.Items) }, Data: ps.Items},
			Job{Path: "du-lieu/du-an.json", Run: func() ([]byte, error) { return ProjectsJSON(r.absURL, ps.Items) }, Data: ps.Items},
			Job{Path: "du-lieu/du-an.csv", Run: func() ([]byte, error) { return ProjectsCSV(r.absURL, ps.Items) }, Data: ps.Items},
			Job{Path: "du-lieu/goi-thau.csv", Run: func() ([]byte, error) { return PackagesCSV(r.absURL, ps.Items) }, Data: ps.Items})
	}
	return jobs
}

func consultationSummary(c *model.Consultation) string {
	if c.Summary != "" {
		return truncate(300, c.Summary)
	}
	return truncate(300, fmt.Sprintf("Dự thảo %s do %s chủ trì soạn thảo, lấy ý kiến từ ngày %s đến hết ngày %s.",
		strings.ToLower(c.DocType), c.Agency, LegalDate(c.Opens), LegalDate(c.Closes)))
}

func budgetSummary(b *model.Budget) string {
	return truncate(300, fmt.Sprintf("%s. Cơ quan công khai: %s. Công khai ngày %s.", b.Title, b.Agency, LegalDate(b.Published)))
}

func projectSummary(p *model.Project) string {
	return truncate(300, fmt.Sprintf("Dự án %s. Chủ đầu tư: %s. Tổng mức đầu tư: %s triệu đồng. Địa điểm: %s. Thời gian thực hiện: %s. %s.",
		p.Title, p.Investor, p.Total.Text, p.Location, ProjectPeriod(p), p.Status.Label()))
}

// ProjectPeriod writes a project's years: "2025–2028", or one year.
func ProjectPeriod(p *model.Project) string {
	if p.End == p.Start {
		return fmt.Sprint(p.Start)
	}
	return fmt.Sprintf("%d–%d", p.Start, p.End)
}

// commentTarget is where a reader comments: the form, else an email.
func commentTarget(c *model.Consultation) string {
	switch {
	case c.FormURL != "":
		return c.FormURL
	case c.Email != "":
		return "mailto:" + c.Email
	}
	return ""
}

// draftLD returns the schema.org data of a draft: a Legislation whose
// creativeWorkStatus is "Draft", written by the drafting agency, with a
// CommentAction open from the first to the last day of comments; when the
// document was issued, workExample names it.
func (r *Renderer) draftLD(c *model.Consultation) template.JS {
	ld := map[string]any{
		"@context":                "https://schema.org",
		"@type":                   "Legislation",
		"@id":                     r.absURL(c.URL),
		"url":                     r.absURL(c.URL),
		"name":                    c.Title,
		"legislationType":         c.DocType,
		"creativeWorkStatus":      "Draft",
		"author":                  map[string]any{"@type": "GovernmentOrganization", "name": c.Agency},
		"datePublished":           day(c.Opens),
		"inLanguage":              "vi",
		"legislationJurisdiction": "VN",
	}
	if c.Summary != "" {
		ld["abstract"] = c.Summary
	}
	if c.Field.Label != "" {
		ld["about"] = c.Field.Label
	}
	act := map[string]any{"@type": "CommentAction", "name": "Góp ý dự thảo", "startTime": day(c.Opens), "endTime": day(c.Closes)}
	if t := commentTarget(c); t != "" {
		act["target"] = map[string]any{"@type": "EntryPoint", "urlTemplate": t}
	}
	ld["potentialAction"] = act
	if c.IssuedAs != nil {
		if t := c.IssuedAs.Target; t != nil {
			ld["workExample"] = map[string]any{"@type": "Legislation", "legislationIdentifier": t.Number, "name": t.Title, "url": r.absURL(t.URL)}
		}
	}
	var files []map[string]any
	for _, f := range c.Files {
		files = append(files, map[string]any{"@type": "MediaObject", "name": f.Title, "contentUrl": r.absURL(f.URL), "encodingFormat": mediaType(f.URL)})
	}
	if len(files) > 0 {
		ld["associatedMedia"] = files
	}
	return jsonLD(ld)
}

// budgetLD returns the schema.org Dataset of a budget disclosure: its
// tables are its distributions (CSV), the deciding document isBasedOn.
func (r *Renderer) budgetLD(b *model.Budget) template.JS {
	ld := map[string]any{
		"@context":            "https://schema.org",
		"@type":               "Dataset",
		"@id":                 r.absURL(b.URL),
		"url":                 r.absURL(b.URL),
		"name":                b.Title,
		"description":         budgetSummary(b),
		"creator":             map[string]any{"@type": "GovernmentOrganization", "name": b.Agency},
		"datePublished":       day(b.Published),
		"temporalCoverage":    fmt.Sprint(b.Year),
		"inLanguage":          "vi",
		"isAccessibleForFree": true,
	}
	if r.site.Area != "" {
		ld["spatialCoverage"] = map[string]any{"@type": "AdministrativeArea", "name": r.site.Area}
	}
	var dist []map[string]any
	for _, t := range b.Tables {
		dist = append(dist, map[string]any{"@type": "DataDownload", "name": t.Title, "contentUrl": r.absURL(t.File.URL), "encodingFormat": "text/csv"})
	}
	for _, a := range b.Attachments {
		dist = append(dist, map[string]any{"@type": "DataDownload", "name": a.Title, "contentUrl": r.absURL(a.URL), "encodingFormat": mediaType(a.URL)})
	}
	if len(dist) > 0 {
		ld["distribution"] = dist
	}
	if b.Decision != nil {
		ld["isBasedOn"] = r.legislationRef(*b.Decision)
	}
	return jsonLD(ld)
}

// mediaType names a file's type by its extension, for JSON-LD.
func mediaType(name string) string {
	switch strings.ToLower(name[strings.LastIndexByte(name, '.')+1:]) {
	case "pdf":
		return "application/pdf"
	case "csv":
		return "text/csv"
	case "doc":
		return "application/msword"
	case "docx":
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	case "xlsx":
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	case "xls":
		return "application/vnd.ms-excel"
	}
	return "application/octet-stream"
}

// simpleFeed renders an Atom feed of a section's newest entries; its
// update time is the newest entry's, never the build's.
func (r *Renderer) simpleFeed(title, root string, entries []atomEntry) ([]byte, error) {
	f := atomFeed{Lang: r.site.Language, Title: r.site.Title + " – " + title, ID: r.absURL(root), Author: atomName{r.site.Agency},
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: r.absURL(root + "atom.xml")}, {Rel: "alternate", Type: "text/html", Href: r.absURL(root)}}}
	f.Updated = time.Date(2000, 1, 1, 0, 0, 0, 0, model.Zone).Format(time.RFC3339)
	for _, e := range entries {
		if e.Updated > f.Updated {
			f.Updated = e.Updated
		}
	}
	f.Entries = entries
	return marshalXML(f)
}

func stamp(t time.Time) string { return t.In(model.Zone).Format(time.RFC3339) }

func (r *Renderer) consultationFeed(items []*model.Consultation) ([]byte, error) {
	byOpens := make([]*model.Consultation, len(items))
	copy(byOpens, items)
	sortNewest(byOpens, func(c *model.Consultation) time.Time { return c.Opens }, func(c *model.Consultation) string { return c.URL })
	var entries []atomEntry
	for _, c := range byOpens[:min(FeedCount, len(byOpens))] {
		entries = append(entries, atomEntry{Title: c.Title, ID: r.absURL(c.URL), Link: atomLink{Rel: "alternate", Type: "text/html", Href: r.absURL(c.URL)},
			Published: stamp(c.Opens), Updated: stamp(c.Opens), Author: &atomName{c.Agency},
			Summary: &atomText{Type: "text", Body: fmt.Sprintf("Lấy ý kiến từ ngày %s đến hết ngày %s. %s", LegalDate(c.Opens), LegalDate(c.Closes), c.Summary)}})
	}
	return r.simpleFeed("Dự thảo lấy ý kiến", urls.Consultation, entries)
}

func (r *Renderer) budgetFeed(items []*model.Budget) ([]byte, error) {
	byDate := make([]*model.Budget, len(items))
	copy(byDate, items)
	sortNewest(byDate, func(b *model.Budget) time.Time { return b.Published }, func(b *model.Budget) string { return b.URL })
	var entries []atomEntry
	for _, b := range byDate[:min(FeedCount, len(byDate))] {
		entries = append(entries, atomEntry{Title: b.Title, ID: r.absURL(b.URL), Link: atomLink{Rel: "alternate", Type: "text/html", Href: r.absURL(b.URL)},
			Published: stamp(b.Published), Updated: stamp(b.Published), Author: &atomName{b.Agency},
			Summary: &atomText{Type: "text", Body: budgetSummary(b)}})
	}
	return r.simpleFeed("Công khai ngân sách", urls.Budget, entries)
}

func (r *Renderer) projectFeed(items []*model.Project) ([]byte, error) {
	byDate := make([]*model.Project, len(items))
	copy(byDate, items)
	sortNewest(byDate, func(p *model.Project) time.Time { return p.Updated }, func(p *model.Project) string { return p.URL })
	var entries []atomEntry
	for _, p := range byDate[:min(FeedCount, len(byDate))] {
		entries = append(entries, atomEntry{Title: p.Title, ID: r.absURL(p.URL), Link: atomLink{Rel: "alternate", Type: "text/html", Href: r.absURL(p.URL)},
			Published: stamp(p.Updated), Updated: stamp(p.Updated), Author: &atomName{p.Investor},
			Summary: &atomText{Type: "text", Body: projectSummary(p)}})
	}
	return r.simpleFeed("Dự án đầu tư công", urls.Project, entries)
}

// sortNewest orders items newest first by date, then by key.
func sortNewest[T any](items []T, date func(T) time.Time, key func(T) string) {
	slices.SortStableFunc(items, func(a, b T) int { return cmp.Or(date(b).Compare(date(a)), cmp.Compare(key(a), key(b))) })
}
