package build

import (
	"reflect"
	"slices"

	"minhbach/internal/diag"
	"minhbach/internal/model"
	"minhbach/internal/render"
)

// A record is one content item of the site with a source file (a model
// struct that embeds model.Source): a news item, a plain page, a gazette
// document, an issue, a procedure, a row of statistics. records lists them, and its order numbers them: the number
// of a record is its index, the same for the diagnostics of its body
// (run), for the fingerprints that note which records a page reaches
// (cache.number) and for a patch of its body (cache.patch). A new kind of
// record is added here, and only here; TestRecordsCoverModel fails for a
// record type of the model that is missing.
type record struct {
	// path is the record's source file.
	path string
	// ptr is the record (a pointer to its model struct).
	ptr any
	// convert renders the record's body (render.Renderer's Convert
	// functions) and sets it into the record: the last change to the
	// model before it is handed on, read-only, to the renderer's jobs.
	convert func(r *render.Renderer) diag.List
	// files are the site files its converted body shows.
	files func() []model.Copy
}

// addr is the record's address, by which the fingerprinter knows it.
func (r record) addr() uintptr { return reflect.ValueOf(r.ptr).Pointer() }

// release lets go of the record's Markdown once its body is converted:
// a build reads it no more, and the files' bytes it holds are most of
// what a large site's sources weigh. (A session keeps it, to compare the
// next build's.)
func (r record) release() {
	if f := reflect.ValueOf(r.ptr).Elem().FieldByName("Source"); f.IsValid() {
		f.Addr().Interface().(*model.Source).Markdown = nil
	}
}

// records returns the records of s in their fixed order: news, pages,
// documents, issues, procedures, statistics rows, disclosure records, then
// each other language's edition (news, pages, documents, procedures),
// each in the site's order.
func records(s *model.Site) []record {
	n := len(s.News) + len(s.Pages) + len(s.Gazette.Documents) + len(s.Gazette.Issues) + len(s.Catalogue.Procedures)
	out := bodyRecords(make([]record, 0, n), s.News, s.Pages, s.Gazette.Documents, s.Gazette.Issues, s.Catalogue.Procedures)
	// Statistics rows come from CSV sheets and have no body.
	for _, p := range s.Statistics.Periods {
		for _, x := range slices.Concat(p.Agencies, p.Fields) {
			out = append(out, record{x.Path, x, func(*render.Renderer) diag.List { return nil }, func() []model.Copy { return nil }})
		}
	}
	out = append(out, disclosureRecords(s)...)
	// The editions in other languages: copies of records with the
	// translation's source, converted as the originals are.
	for _, ed := range s.Editions {
		out = bodyRecords(out, ed.News, ed.Pages, ed.Documents, nil, ed.Procedures)
	}
	return out
}

// bodyRecords appends to out the records of items with a Markdown body,
// in this order: news, pages, documents, issues, procedures.
func bodyRecords(out []record, news []*model.News, pages []*model.StaticPage, docs []*model.Document, issues []*model.Issue, procs []*model.Procedure) []record {
	for _, x := range news {
		out = append(out, record{x.Path, x, func(r *render.Renderer) diag.List {
			b, d := r.ConvertNews(x)
			x.Content, x.Summary, x.Image = b.Content, b.Summary, b.Image
			return d
		},
			func() []model.Copy { return x.Content.Files }})
	}
	for _, x := range pages {
		out = append(out, record{x.Path, x, func(r *render.Renderer) (d diag.List) { x.Content, d = r.ConvertPage(x); return },
			func() []model.Copy { return x.Content.Files }})
	}
	for _, x := range docs {
		out = append(out, record{x.Path, x, func(r *render.Renderer) (d diag.List) { x.Content, d = r.ConvertDocument(x); return },
			func() []model.Copy { return x.Content.Files }})
	}
	for _, x := range issues {
		out = append(out, record{x.Path, x, func(r *render.Renderer) (d diag.List) { x.Content, d = r.ConvertIssue(x); return },
			func() []model.Copy { return x.Content.Files }})
	}
	for _, x := range procs {
		out = append(out, record{x.Path, x, func(r *render.Renderer) (d diag.List) { x.Content, d = r.ConvertProcedure(x); return },
			func() []model.Copy { return x.Content.Intro.Files }})
	}
	return out
}
