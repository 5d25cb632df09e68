package render

import (
	"cmp"
	"slices"
	"strings"

	"minhbach/internal/model"
	"minhbach/internal/search"
)

// SearchDocs lists every page the search index holds (a body's text
// in More, not copied), each with the
// label its result shows (a date, a number, a status, as pages show
// them): news, gazette documents, procedures (abolished ones ranked
// lower), the disclosure kinds, plain pages and statistics.
func SearchDocs(s *model.Site) []search.Doc {
	n, doc := SearchDocSource(s)
	docs := make([]search.Doc, n)
	for i := range docs {
		docs[i] = doc(i)
	}
	return docs
}

// SearchDocSource gives the documents of SearchDocs one at a time: their
// number, and doc, which makes the i-th when asked (from any goroutine,
// the same each time), for search.BuildFrom. A build's index thus holds
// no list of them: at 250 000 documents such a list is some 100 MB with
// its labels, live while the index is built beside the pages. The
// disclosure kinds and statistics, few, are made at once.
func SearchDocSource(s *model.Site) (n int, doc func(i int) search.Doc) {
	disclosure, statistics := disclosureSearchDocs(s), statisticsDocs(&s.Statistics)
	news, docs, procs, pages := s.News, s.Gazette.Documents, s.Catalogue.Procedures, s.Pages
	n = len(news) + len(docs) + len(procs) + len(disclosure) + len(pages) + len(statistics)
	return n, func(i int) search.Doc {
		if i < len(news) {
			return newsSearchDoc(news[i])
		}
		i -= len(news)
		if i < len(docs) {
			return documentSearchDoc(docs[i])
		}
		i -= len(docs)
		if i < len(procs) {
			return procedureSearchDoc(procs[i])
		}
		i -= len(procs)
		if i < len(disclosure) {
			return disclosure[i]
		}
		i -= len(disclosure)
		if i < len(pages) {
			p := pages[i]
			return search.Doc{URL: p.URL, Title: p.Title, Kind: search.KindPage, Text: p.Content.FullText(), Summary: p.Content.Lead}
		}
		return statistics[i-len(pages)]
	}
}

// newsSearchDoc is a news item's search document.
func newsSearchDoc(n *model.News) search.Doc {
	return search.Doc{URL: n.URL, Title: n.Title, Kind: search.KindNews, Label: ShortDate(n.Date) + " · " + n.CategoryRef.Name,
		Text: n.Summary, More: partOf(n.Content.Text), Read: readOf(n.Content.TextAt), Summary: n.Summary, Year: n.Date.Year(), Date: n.Date}
}

// documentSearchDoc is a gazette document's search document.
func documentSearchDoc(d *model.Document) search.Doc {
	return search.Doc{URL: d.URL, Title: d.Title, Kind: search.KindDocument, Number: d.Number,
		Label: d.DocType + " số " + d.Number + " · " + ShortDate(d.Issued) + " · " + d.Status.Label(),
		Text:  d.DocType + " " + d.Agency, More: partOf(d.Content.Text), Read: readOf(d.Content.TextAt), Summary: d.Content.Lead,
		Field: d.Field.Code, FieldLabel: d.Field.Label, DocType: d.DocType, Year: d.Issued.Year()}
}

// procedureSearchDoc is a procedure's search document, ranked lower
// when the procedure is not listed (abolished).
func procedureSearchDoc(p *model.Procedure) search.Doc {
	var levels [][2]string
	var names []string
	for _, l := range p.Levels {
		levels = append(levels, [2]string{l.Code, l.Label})
		names = append(names, l.Label)
	}
	var papers []string
	for _, it := range p.Documents {
		papers = append(papers, it.Name)
	}
	label := "Mã " + p.Code + " · " + strings.Join(names, ", ")
	if p.Status != model.Active {
		label += " · " + p.Status.Label()
	}
	text := strings.Join([]string{"thủ tục hành chính", p.Field.Label, p.Agency, p.Place, p.Target, p.ProcessingTime, p.Fee,
		strings.Join(p.Methods, " "), strings.Join(p.Steps, " "), strings.Join(papers, " "), strings.Join(p.Requirements, " "),
		p.Result}, " ")
	summary := "Cơ quan thực hiện: " + p.Agency + ". Thời hạn giải quyết: " + p.ProcessingTime + "."
	if p.Fee != "" {
		summary += " Phí, lệ phí: " + p.Fee + "."
	}
	return search.Doc{URL: p.URL, Title: p.Title, Kind: search.KindProcedure, Number: p.Code, Label: label,
		Text: text, More: partOf(p.Content.Text), Read: readOf(p.Content.TextAt), Summary: summary, Field: p.Field.Code, FieldLabel: p.Field.Label, Levels: levels, Demote: !p.Listed()}
}

// partOf returns text as the one part of a Doc's More, or none when it
// is empty (a build keeps the text in its store, read by Read): an
// empty part gives no tokens.
func partOf(text string) []string {
	if text == "" {
		return nil
	}
	return []string{text}
}

// statisticsDocs lists the statistics pages: each period, with the names
// of the agencies and fields it counts, and each agency and field.
func statisticsDocs(st *model.Statistics) []search.Doc {
	var docs []search.Doc
	for _, p := range st.Periods {
		var names []string
		for _, r := range append(slices.Clone(p.Agencies), p.Fields...) {
			names = append(names, r.Unit.Name)
		}
		docs = append(docs, search.Doc{URL: p.URL, Title: "Thống kê giải quyết hồ sơ " + p.Label, Kind: search.KindStatistics,
			Label: "Tỷ lệ đúng hạn " + RateOf(p.Total), Year: p.End.Year(),
			Text:    "thống kê giải quyết hồ sơ thủ tục hành chính đúng hạn trễ hạn trực tuyến " + p.Label + " " + strings.Join(names, " "),
			Summary: StatSummary(p.Total)})
	}
	for _, list := range [][]*model.StatUnit{st.Agencies, st.Fields} {
		for _, u := range list {
			last := u.Rows[len(u.Rows)-1]
			docs = append(docs, search.Doc{URL: u.URL, Title: "Thống kê giải quyết hồ sơ: " + u.Name, Kind: search.KindStatistics,
				Label: last.Period.Label + " · tỷ lệ đúng hạn " + RateOf(last.Figures),
				Text:  "thống kê giải quyết hồ sơ thủ tục hành chính đúng hạn trễ hạn trực tuyến " + u.Name, Summary: StatSummary(last.Figures)})
		}
	}
	return docs
}

// disclosureSearchDocs are the search index's pages of the disclosure
// kinds.
func disclosureSearchDocs(s *model.Site) []search.Doc {
	var docs []search.Doc
	for _, c := range s.Consultations.Items {
		docs = append(docs, search.Doc{URL: c.URL, Title: c.Title, Kind: search.KindConsultation,
			Label:   "Dự thảo " + strings.ToLower(c.DocType) + " · " + c.Agency + " · góp ý đến " + ShortDate(c.Closes),
			Text:    strings.Join([]string{"dự thảo lấy ý kiến góp ý", c.DocType, c.Agency, c.Field.Label, c.Summary, c.Content.FullText()}, " "),
			Summary: cmp.Or(c.Summary, c.Content.Lead), Field: c.Field.Code, FieldLabel: c.Field.Label, Year: c.Opens.Year(), Date: c.Opens})
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
			Label:   b.Stage.Label() + " · " + b.PeriodLabel() + " · công khai " + ShortDate(b.Published),
			Text:    strings.Join([]string{"công khai ngân sách", b.Stage.Label(), b.Agency, strings.Join(heads, " "), b.Content.FullText()}, " "),
			Summary: b.Content.Lead, Year: b.Year, Date: b.Published})
	}
	for _, p := range s.Projects.Items {
		var names []string
		for _, pk := range p.Packages {
			names = append(names, pk.Name, pk.Winner)
		}
		docs = append(docs, search.Doc{URL: p.URL, Title: p.Title, Kind: search.KindProject, Number: p.Code,
			Label:   p.Status.Label() + " · " + ProjectPeriod(p) + " · " + p.Investor,
			Text:    strings.Join([]string{"dự án đầu tư công đấu thầu", p.Investor, p.Location, p.Funding, p.Field.Label, strings.Join(names, " "), p.Content.FullText()}, " "),
			Summary: "Tổng mức đầu tư: " + p.Total.Text + " triệu đồng. Địa điểm: " + p.Location + ".",
			Field:   p.Field.Code, FieldLabel: p.Field.Label, Year: p.Start})
	}
	return docs
}

// readOf is a search.Doc's Read for a body's text that a build stored
// away (at), so that the index reads it back only when it counts the
// document's words; nil when the record holds the text (the Doc's More).
func readOf(at model.Stored) func() string {
	if at.Store == nil {
		return nil
	}
	return func() string { return at.Or("") }
}
