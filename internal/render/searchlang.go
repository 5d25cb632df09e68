package render

import (
	"minhbach/internal/model"
	"minhbach/internal/search"
	"minhbach/internal/urls"
)

// The search of a language's edition (issue 21): its own index, built from
// the edition's records only (nothing of the Vietnamese site), analyzed
// with that language's rules (search.Options.Lang), and its own page at
// the language's search URL (urls.Section(lang, urls.Search): /en/search/).

// EditionSearchDocs lists the pages of the edition ed that its search
// index holds: its news, plain pages, gazette documents and procedures,
// each with the label its result shows, in the edition's language.
func (r *Renderer) EditionSearchDocs(ed *model.Edition) []search.Doc {
	tab := r.Strings(ed.Lang)
	var docs []search.Doc
	for _, n := range ed.News {
		docs = append(docs, search.Doc{URL: n.URL, Title: n.Title, Kind: search.KindNews, Label: tab.ShortDate(n.Date) + " · " + n.CategoryRef.Name,
			Text: n.Summary + " " + n.Content.FullText(), Summary: n.Summary, Year: n.Date.Year(), Date: n.Date})
	}
	for _, d := range ed.Documents {
		docs = append(docs, search.Doc{URL: d.URL, Title: d.Title, Kind: search.KindDocument, Number: d.Number,
			Label: d.Number + " · " + tab.ShortDate(d.Issued), Text: d.Content.FullText(), Summary: d.Content.Lead,
			Field: d.Field.Code, FieldLabel: d.Field.Label, Year: d.Issued.Year()})
	}
	for _, p := range ed.Procedures {
		docs = append(docs, search.Doc{URL: p.URL, Title: p.Title, Kind: search.KindProcedure, Number: p.Code, Label: p.Code,
			Text: p.Content.FullText(), Summary: p.Content.Intro.Lead, Field: p.Field.Code, FieldLabel: p.Field.Label, Demote: !p.Listed()})
	}
	for _, p := range ed.Pages {
		docs = append(docs, search.Doc{URL: p.URL, Title: p.Title, Kind: search.KindPage, Text: p.Content.FullText(), Summary: p.Content.Lead})
	}
	return docs
}

// SearchKindLabels returns the labels, in lang, of the kinds of page an
// edition's index holds (search.Options.KindLabels), from lang's string
// table; a kind the table lacks keeps its Vietnamese label.
func (r *Renderer) SearchKindLabels(lang string) map[string]string {
	tab := r.Strings(lang)
	out := map[string]string{}
	if s, err := tab.Text("search.kind.news"); err == nil {
		out[search.KindNews] = s
	}
	if s, err := tab.Text("search.kind.page"); err == nil {
		out[search.KindPage] = s
	}
	if s, err := tab.Text("search.kind.document"); err == nil {
		out[search.KindDocument] = s
	}
	if s, err := tab.Text("search.kind.procedure"); err == nil {
		out[search.KindProcedure] = s
	}
	return out
}

// editionSearchPage adds the search page of the edition ed, which loads
// the index whose manifest is at manifest; nothing when manifest is "".
func (r *Renderer) editionSearchPage(ed *model.Edition, manifest string, page func(url, layout string, p *Page)) {
	if manifest == "" {
		return
	}
	u, ok := urls.Section(ed.Lang, urls.Search)
	if !ok {
		return
	}
	tab := r.Strings(ed.Lang)
	title, _ := tab.Text("search.title")
	description, _ := tab.Text("search.description")
	home, _ := tab.Text("crumb.home")
	page(u, "search.html", &Page{Lang: ed.Lang, Kind: "search", Title: title, SearchIndex: manifest, Description: description,
		Crumbs: []Crumb{{Name: home, URL: urls.Home(ed.Lang)}, {Name: title}}})
}
