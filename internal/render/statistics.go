package render

import (
	"encoding/json"
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"time"

	"minhbach/internal/chart"
	"minhbach/internal/model"
	"minhbach/internal/urls"
)

// statisticsTitle is the section's name.
const statisticsTitle = "Thống kê giải quyết hồ sơ thủ tục hành chính"

// SeriesCount is how many periods the chart of the on-time rate over time
// shows, the newest.
const SeriesCount = 12

// Number writes a count as Vietnamese does: 1.234.567.
func Number(n int) string { return vi.Number(n) }

// Percent writes a share from 0 to 1 as a percentage with one decimal and
// a decimal comma: "97,8 %" (the space is a no-break space).
func Percent(f float64) string { return vi.Percent(f) }

// rate writes the on-time rate of f, or "–" when nothing was resolved.
func rate(f model.Figures) string {
	if r, ok := f.OnTimeRate(); ok {
		return Percent(r)
	}
	return "–"
}

// onlineRate writes the online share of f, or "–" when unknown.
func onlineRate(f model.Figures) string {
	if r, ok := f.OnlineRate(); ok {
		return Percent(r)
	}
	return "–"
}

// StatChart is a chart with what a layout shows around it.
type StatChart struct {
	// ID is the chart's id in the page; the caption is its title.
	ID, Title string
	SVG       template.HTML
}

// rateChart draws the on-time rate of each row, one bar a row.
func rateChart(id, title string, labels []string, figs []model.Figures) StatChart {
	c := chart.Chart{ID: id, Title: title}
	var words []string
	for i, f := range figs {
		r, _ := f.OnTimeRate()
		c.Bars = append(c.Bars, chart.Bar{Label: labels[i], Parts: []float64{r}, Value: rate(f)})
		words = append(words, labels[i]+": "+rate(f))
	}
	c.Desc = "Tỷ lệ hồ sơ đã giải quyết được giải quyết đúng hạn. " + strings.Join(words, "; ") + "."
	return StatChart{ID: id, Title: title, SVG: template.HTML(c.SVG())}
}

// outcomeChart draws, for each row, the shares of its dossiers resolved
// on time, resolved late and pending.
func outcomeChart(id, title string, rows []*model.StatRow) StatChart {
	c := chart.Chart{ID: id, Title: title, Legend: []string{"Đúng hạn", "Trễ hạn", "Đang giải quyết"}}
	var words []string
	for _, r := range rows {
		t := float64(max(r.Total(), 1))
		c.Bars = append(c.Bars, chart.Bar{Label: r.Unit.Name, Value: rate(r.Figures),
			Parts: []float64{float64(r.OnTime) / t, float64(r.Late) / t, float64(r.Pending) / t}})
		words = append(words, fmt.Sprintf("%s: %s hồ sơ, đúng hạn %s, trễ hạn %s, đang giải quyết %s, tỷ lệ đúng hạn %s",
			r.Unit.Name, Number(r.Total()), Number(r.OnTime), Number(r.Late), Number(r.Pending), rate(r.Figures)))
	}
	c.Desc = "Hồ sơ phải giải quyết (tiếp nhận mới và kỳ trước chuyển sang) chia theo kết quả. " + strings.Join(words, "; ") + "."
	return StatChart{ID: id, Title: title, SVG: template.HTML(c.SVG())}
}

func periodRates(periods []*model.StatPeriod) ([]string, []model.Figures) {
	var labels []string
	var figs []model.Figures
	for _, p := range periods {
		labels = append(labels, p.Label)
		figs = append(figs, p.Total)
	}
	return labels, figs
}

func (r *Renderer) statisticsJobs(s *model.Site, page func(url, layout string, p *Page)) []Job {
	st := &s.Statistics
	if len(st.Periods) == 0 {
		return nil
	}
	root := Crumb{"Thống kê hồ sơ", urls.Statistics}
	latest := st.Periods[0]
	series := st.Series[max(0, len(st.Series)-SeriesCount):]
	labels, figs := periodRates(series)
	charts := []StatChart{rateChart("bieu-do-thoi-gian", "Tỷ lệ giải quyết đúng hạn qua các kỳ", labels, figs)}
	if rows := latest.Agencies; len(rows) > 0 {
		charts = append(charts, outcomeChart("bieu-do-co-quan", "Kết quả giải quyết theo cơ quan, "+latest.Label, rows))
	} else if rows := latest.Fields; len(rows) > 0 {
		charts = append(charts, outcomeChart("bieu-do-linh-vuc", "Kết quả giải quyết theo lĩnh vực, "+latest.Label, rows))
	}
	page(urls.Statistics, "statistics/index.html", &Page{Kind: "statistics", Title: statisticsTitle, Statistics: st, Charts: charts,
		Description: fmt.Sprintf("%s: %s hồ sơ đã giải quyết, %s đúng hạn.", latest.Label, Number(latest.Total.Resolved()), rate(latest.Total)),
		FeedURL:     urls.Statistics + "atom.xml", Crumbs: []Crumb{home, {Name: "Thống kê hồ sơ"}}, JSONLD: r.dataset(st)})
	for _, p := range st.Periods {
		var charts []StatChart
		if len(p.Agencies) > 0 {
			charts = append(charts, outcomeChart("bieu-do-co-quan", "Kết quả giải quyết theo cơ quan, "+p.Label, p.Agencies))
		}
		if len(p.Fields) > 0 {
			charts = append(charts, outcomeChart("bieu-do-linh-vuc", "Kết quả giải quyết theo lĩnh vực, "+p.Label, p.Fields))
		}
		page(p.URL, "statistics/period.html", &Page{Kind: "stat-period", Title: "Thống kê giải quyết hồ sơ " + p.Label, StatPeriod: p,
			Statistics: st, Charts: charts, FeedURL: urls.Statistics + "atom.xml",
			Description: fmt.Sprintf("%s: tiếp nhận %s hồ sơ, giải quyết đúng hạn %s.", p.Label, Number(p.Total.Received), rate(p.Total)),
			Crumbs:      []Crumb{home, root, {Name: p.Label}}})
	}
	for _, list := range [][]*model.StatUnit{st.Agencies, st.Fields} {
		for _, u := range list {
			var labels []string
			var figs []model.Figures
			for _, row := range u.Rows[max(0, len(u.Rows)-SeriesCount):] {
				labels = append(labels, row.Period.Label)
				figs = append(figs, row.Figures)
			}
			what := "cơ quan"
			if u.ByField {
				what = "lĩnh vực"
			}
			page(u.URL, "statistics/unit.html", &Page{Kind: "stat-unit", Title: "Thống kê giải quyết hồ sơ: " + u.Name, StatUnit: u,
				Statistics: st, Charts: []StatChart{rateChart("bieu-do-thoi-gian", "Tỷ lệ giải quyết đúng hạn qua các kỳ, "+u.Name, labels, figs)},
				Description: fmt.Sprintf("Số hồ sơ thủ tục hành chính %s %s tiếp nhận và giải quyết qua các kỳ.", what, u.Name),
				FeedURL:     urls.Statistics + "atom.xml", Crumbs: []Crumb{home, root, {Name: u.Name}}})
		}
	}
	return []Job{
		{Path: "thong-ke/atom.xml", Run: func() ([]byte, error) { return r.statisticsFeed(st) }, Data: st.Periods[:min(FeedCount, len(st.Periods))]},
		{Path: "du-lieu/thong-ke.json", Run: func() ([]byte, error) { return StatisticsJSON(r.absURL, st) }, Data: st.Periods},
		{Path: "du-lieu/thong-ke.csv", Run: func() ([]byte, error) { return StatisticsCSV(r.absURL, st) }, Data: st.Periods},
	}
}

// RateOf writes the on-time rate of f ("97,8 %"), or "–" when nothing
// was resolved.
func RateOf(f model.Figures) string { return rate(f) }

// StatSummary is one period's figures in a sentence.
func StatSummary(f model.Figures) string {
	s := fmt.Sprintf("Tiếp nhận mới %s hồ sơ, kỳ trước chuyển sang %s; đã giải quyết %s (đúng hạn %s, trễ hạn %s), tỷ lệ đúng hạn %s; đang giải quyết %s.",
		Number(f.Received), Number(f.CarriedOver), Number(f.Resolved()), Number(f.OnTime), Number(f.Late), rate(f), Number(f.Pending))
	if r, ok := f.OnlineRate(); ok {
		s += " Tiếp nhận trực tuyến " + Percent(r) + "."
	}
	return s
}

// statisticsFeed is the Atom feed of the periods, newest first; a
// period's date is its last day.
func (r *Renderer) statisticsFeed(st *model.Statistics) ([]byte, error) {
	f := atomFeed{Lang: r.site.Language, Title: r.site.Title + " – " + statisticsTitle, ID: r.absURL(urls.Statistics), Author: atomName{r.site.Agency},
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: r.absURL(urls.Statistics + "atom.xml")}, {Rel: "alternate", Type: "text/html", Href: r.absURL(urls.Statistics)}}}
	periods := st.Periods[:min(FeedCount, len(st.Periods))]
	f.Updated = st.Updated.In(model.Zone).Format(time.RFC3339)
	for _, p := range periods {
		t := p.End.In(model.Zone).Format(time.RFC3339)
		f.Entries = append(f.Entries, atomEntry{Title: "Thống kê giải quyết hồ sơ " + p.Label, ID: r.absURL(p.URL),
			Link: atomLink{Rel: "alternate", Type: "text/html", Href: r.absURL(p.URL)}, Published: t, Updated: t,
			Summary: &atomText{Type: "text", Body: StatSummary(p.Total)}})
	}
	return marshalXML(f)
}

// dataset is the schema.org Dataset JSON-LD of the statistics section,
// with its CSV and JSON downloads.
func (r *Renderer) dataset(st *model.Statistics) template.JS {
	first := st.Periods[len(st.Periods)-1].Start
	for _, p := range st.Periods {
		if p.Start.Before(first) {
			first = p.Start
		}
	}
	ld := map[string]any{
		"@context":            "https://schema.org",
		"@type":               "Dataset",
		"@id":                 r.absURL(urls.Statistics),
		"url":                 r.absURL(urls.Statistics),
		"name":                statisticsTitle,
		"description":         "Số hồ sơ thủ tục hành chính tiếp nhận, giải quyết đúng hạn, trễ hạn, đang giải quyết và tỷ lệ tiếp nhận trực tuyến, theo kỳ và theo cơ quan hoặc lĩnh vực.",
		"inLanguage":          r.site.Language,
		"isAccessibleForFree": true,
		"temporalCoverage":    day(first) + "/" + day(st.Updated),
		"dateModified":        day(st.Updated),
		"publisher":           map[string]any{"@type": "GovernmentOrganization", "name": r.site.Agency},
		"variableMeasured": []string{"Số hồ sơ tiếp nhận mới", "Số hồ sơ kỳ trước chuyển sang", "Số hồ sơ giải quyết đúng hạn",
			"Số hồ sơ giải quyết trễ hạn", "Số hồ sơ đang giải quyết", "Số hồ sơ tiếp nhận trực tuyến"},
		"distribution": []map[string]any{
			{"@type": "DataDownload", "encodingFormat": "text/csv", "contentUrl": r.absURL("/du-lieu/thong-ke.csv")},
			{"@type": "DataDownload", "encodingFormat": "application/json", "contentUrl": r.absURL("/du-lieu/thong-ke.json")},
		},
	}
	if r.site.Area != "" {
		ld["spatialCoverage"] = map[string]any{"@type": "Place", "name": r.site.Area}
	}
	return jsonLD(ld)
}

// ExportStat is one row of the statistics in the open-data exports: a
// period and an agency or field. Rates are fractions from 0 to 1, absent
// when they cannot be computed.
type ExportStat struct {
	Period      string   `json:"ky"`
	PeriodCode  string   `json:"ky_ma"`
	From        string   `json:"tu_ngay"`
	To          string   `json:"den_ngay"`
	Agency      string   `json:"co_quan,omitempty"`
	FieldCode   string   `json:"linh_vuc_ma,omitempty"`
	Field       string   `json:"linh_vuc,omitempty"`
	Received    int      `json:"tiep_nhan_moi"`
	CarriedOver int      `json:"ky_truoc_chuyen_sang"`
	OnTime      int      `json:"dung_han"`
	Late        int      `json:"tre_han"`
	Pending     int      `json:"dang_giai_quyet"`
	Online      *int     `json:"tiep_nhan_truc_tuyen,omitempty"`
	OnTimeRate  *float64 `json:"ty_le_dung_han,omitempty"`
	OnlineRate  *float64 `json:"ty_le_truc_tuyen,omitempty"`
	URL         string   `json:"url"`
}

// exportStats lists every row, newest period first, agencies then fields.
func exportStats(abs func(string) string, st *model.Statistics) []ExportStat {
	var out []ExportStat
	for _, p := range st.Periods {
		for _, rows := range [][]*model.StatRow{p.Agencies, p.Fields} {
			for _, row := range rows {
				x := ExportStat{Period: p.Label, PeriodCode: p.Code, From: day(p.Start), To: day(p.End), Received: row.Received,
					CarriedOver: row.CarriedOver, OnTime: row.OnTime, Late: row.Late, Pending: row.Pending, URL: abs(p.URL)}
				if row.Unit.ByField {
					x.FieldCode, x.Field = row.Field, row.Unit.Name
				} else {
					x.Agency = row.Unit.Name
				}
				if row.Online >= 0 {
					n := row.Online
					x.Online = &n
				}
				if v, ok := row.OnTimeRate(); ok {
					v = round4(v)
					x.OnTimeRate = &v
				}
				if v, ok := row.OnlineRate(); ok {
					v = round4(v)
					x.OnlineRate = &v
				}
				out = append(out, x)
			}
		}
	}
	return out
}

func round4(f float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'f', 4, 64), 64)
	return v
}

// StatisticsJSON is the open-data export of the statistics, as JSON: the
// date of the newest period's end (cap_nhat) and every row.
func StatisticsJSON(abs func(string) string, st *model.Statistics) ([]byte, error) {
	return json.Marshal(map[string]any{"cap_nhat": day(st.Updated), "thong_ke": exportStats(abs, st)})
}

// StatisticsCSVHeader is the header row of the CSV export of statistics.
var StatisticsCSVHeader = []string{"ky", "ky_ma", "tu_ngay", "den_ngay", "co_quan", "linh_vuc_ma", "linh_vuc", "tiep_nhan_moi",
	"ky_truoc_chuyen_sang", "dung_han", "tre_han", "dang_giai_quyet", "tiep_nhan_truc_tuyen", "ty_le_dung_han", "ty_le_truc_tuyen", "url"}

// StatisticsCSV is the open-data export of the statistics, as CSV (UTF-8
// with a byte-order mark, CRLF); rates are fractions written with a
// decimal point, empty when they cannot be computed.
func StatisticsCSV(abs func(string) string, st *model.Statistics) ([]byte, error) {
	var rows [][]string
	opt := func(p *int) string {
		if p == nil {
			return ""
		}
		return strconv.Itoa(*p)
	}
	optf := func(p *float64) string {
		if p == nil {
			return ""
		}
		return strconv.FormatFloat(*p, 'f', -1, 64)
	}
	for _, x := range exportStats(abs, st) {
		rows = append(rows, []string{x.Period, x.PeriodCode, x.From, x.To, csvSafe(x.Agency), x.FieldCode, csvSafe(x.Field),
			strconv.Itoa(x.Received), strconv.Itoa(x.CarriedOver), strconv.Itoa(x.OnTime), strconv.Itoa(x.Late), strconv.Itoa(x.Pending),
			opt(x.Online), optf(x.OnTimeRate), optf(x.OnlineRate), x.URL})
	}
	return csvFile(StatisticsCSVHeader, rows)
}
