package build

import (
	"slices"
	"strings"

	"minhbach/internal/model"
	"minhbach/internal/render"
	"minhbach/internal/search"
)

// SearchDocs lists every page the search index holds: news, gazette
// documents, procedures (abolished ones ranked lower) and plain pages.
func SearchDocs(s *model.Site) []search.Doc {
	var docs []search.Doc
	for _, n := range s.News {
		docs = append(docs, search.Doc{URL: n.URL, Title: n.Title, Kind: search.KindNews, Label: render.ShortDate(n.Date) + " · " + n.CategoryRef.Name,
			Text: n.Summary + " " + n.Content.Text, Summary: n.Summary, Year: n.Date.Year(), Date: n.Date})
	}
	for _, d := range s.Gazette.Documents {
		docs = append(docs, search.Doc{URL: d.URL, Title: d.Title, Kind: search.KindDocument, Number: d.Number,
			Label: d.DocType + " số " + d.Number + " · " + render.ShortDate(d.Issued) + " · " + d.Status.Label(),
			Text:  d.DocType + " " + d.Agency + " " + d.Content.Text, Summary: d.Content.Lead,
			Field: d.Field.Code, FieldLabel: d.Field.Label, DocType: d.DocType, Year: d.Issued.Year()})
	}
	for _, p := range s.Catalogue.Procedures {
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
			p.Result, p.Content.Text}, " ")
		summary := "Cơ quan thực hiện: " + p.Agency + ". Thời hạn giải quyết: " + p.ProcessingTime + "."
		if p.Fee != "" {
			summary += " Phí, lệ phí: " + p.Fee + "."
		}
		docs = append(docs, search.Doc{URL: p.URL, Title: p.Title, Kind: search.KindProcedure, Number: p.Code, Label: label,
			Text: text, Summary: summary, Field: p.Field.Code, FieldLabel: p.Field.Label, Levels: levels, Demote: !p.Listed()})
	}
	docs = append(docs, disclosureSearchDocs(s)...)
	for _, p := range s.Pages {
		docs = append(docs, search.Doc{URL: p.URL, Title: p.Title, Kind: search.KindPage, Text: p.Content.Text, Summary: p.Content.Lead})
	}
	docs = append(docs, statisticsDocs(&s.Statistics)...)
	return docs
}

// bodyStart is the start of a document's text without its heading lines
// in capitals ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"): the first words that say
// something.
func bodyStart(text string) string {
	words := strings.Fields(text)
	i := 0
	for i < len(words) && strings.ToUpper(words[i]) == words[i] {
		i++
	}
	if i == len(words) {
		i = 0
	}
	return strings.Join(words[i:min(len(words), i+60)], " ")
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
			Label: "Tỷ lệ đúng hạn " + render.RateOf(p.Total), Year: p.End.Year(),
			Text:    "thống kê giải quyết hồ sơ thủ tục hành chính đúng hạn trễ hạn trực tuyến " + p.Label + " " + strings.Join(names, " "),
			Summary: render.StatSummary(p.Total)})
	}
	for _, list := range [][]*model.StatUnit{st.Agencies, st.Fields} {
		for _, u := range list {
			last := u.Rows[len(u.Rows)-1]
			docs = append(docs, search.Doc{URL: u.URL, Title: "Thống kê giải quyết hồ sơ: " + u.Name, Kind: search.KindStatistics,
				Label: last.Period.Label + " · tỷ lệ đúng hạn " + render.RateOf(last.Figures),
				Text:  "thống kê giải quyết hồ sơ thủ tục hành chính đúng hạn trễ hạn trực tuyến " + u.Name, Summary: render.StatSummary(last.Figures)})
		}
	}
	return docs
}
