package graph

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"minhbach/internal/config"
	"minhbach/internal/diag"
	"minhbach/internal/model"
	"minhbach/internal/urls"
	"minhbach/internal/vnfold"
)

// periodSlug is a period's URL segment: 2026, 2026-quy-3, 2026-6-thang-dau,
// 2026-thang-09.
func periodSlug(p model.Period) string {
	y := p.Start.Year()
	switch p.Kind {
	case model.Quarter:
		return fmt.Sprintf("%d-quy-%d", y, (int(p.Start.Month())+2)/3)
	case model.Half:
		if p.Start.Month() == 1 {
			return fmt.Sprintf("%d-6-thang-dau-nam", y)
		}
		return fmt.Sprintf("%d-6-thang-cuoi-nam", y)
	case model.Month:
		return fmt.Sprintf("%d-thang-%02d", y, int(p.Start.Month()))
	}
	return fmt.Sprint(y)
}

// statistics links the rows of the statistics sheets into periods and
// units: a period and a unit appear once (a second row of the same is an
// error naming the first), periods newest first, units in collation order.
func statistics(site *config.Site, e *model.Entries, s *model.Site, claim func(url, file string, pos diag.Pos) bool, d *diag.List) {
	st := &s.Statistics
	if len(e.Statistics) == 0 {
		return
	}
	col := collate.New(language.Vietnamese)
	periods := map[string]*model.StatPeriod{}
	units := map[string]*model.StatUnit{}
	seen := map[string]*model.StatRow{}
	fieldLabel := map[string]string{}
	for _, f := range site.Fields {
		fieldLabel[f.Code] = f.Label
	}
	for _, r := range e.Statistics {
		if r.Period.Code == "" || (r.Agency == "") == (r.Field == "") || r.Field == "?" {
			continue
		}
		name, byField := r.Agency, false
		key := "co-quan/" + vnfold.Slug(r.Agency)
		if r.Field != "" {
			name, byField, key = fieldLabel[r.Field], true, "linh-vuc/"+r.Field
		}
		if other, ok := seen[r.Period.Code+" "+key]; ok {
			d.Errorf(r.Start, "%s, %s: already counted at %s: give each period and agency or field one row", r.Period.Label, name, where(other.Start))
			continue
		}
		seen[r.Period.Code+" "+key] = r
		u := units[key]
		if u == nil {
			u = &model.StatUnit{Term: model.Term{Name: name, Slug: strings.TrimPrefix(key, "co-quan/"), URL: urls.Statistics + key + "/"}, ByField: byField}
			if byField {
				u.Slug = r.Field
			}
			units[key] = u
		}
		r.Unit = u
		u.Rows = append(u.Rows, r)
		p := periods[r.Period.Code]
		if p == nil {
			p = &model.StatPeriod{Period: r.Period, URL: urls.Statistics + periodSlug(r.Period) + "/"}
			periods[r.Period.Code] = p
			claim(p.URL, r.Path, r.Start)
		}
		r.URL = p.URL
		if byField {
			p.Fields = append(p.Fields, r)
		} else {
			p.Agencies = append(p.Agencies, r)
		}
	}
	byName := func(a, b *model.StatRow) int { return col.CompareString(a.Unit.Name, b.Unit.Name) }
	for _, p := range periods {
		slices.SortFunc(p.Agencies, byName)
		slices.SortFunc(p.Fields, byName)
		rows := p.Agencies
		if len(rows) == 0 {
			rows = p.Fields
		}
		for i, r := range rows {
			if i == 0 {
				p.Total = r.Figures
			} else {
				p.Total = p.Total.Add(r.Figures)
			}
		}
		st.Periods = append(st.Periods, p)
	}
	slices.SortFunc(st.Periods, func(a, b *model.StatPeriod) int {
		return cmp.Or(b.End.Compare(a.End), cmp.Compare(b.Kind, a.Kind))
	})
	for _, p := range st.Periods {
		y := p.End.Year()
		if n := len(st.Years); n == 0 || st.Years[n-1].Year != y {
			st.Years = append(st.Years, &model.StatYear{Year: y})
		}
		st.Years[len(st.Years)-1].Periods = append(st.Years[len(st.Years)-1].Periods, p)
	}
	st.Updated = st.Periods[0].End
	// The series: the kind of period given most often, the shortest on a tie.
	count := map[model.PeriodKind]int{}
	best := model.Year
	for _, p := range st.Periods {
		count[p.Kind]++
	}
	for k := model.Year; k >= model.Month; k-- {
		if count[k] >= count[best] {
			best = k
		}
	}
	for i := len(st.Periods) - 1; i >= 0; i-- {
		if st.Periods[i].Kind == best {
			st.Series = append(st.Series, st.Periods[i])
		}
	}
	keys := make([]string, 0, len(units))
	for key := range units {
		keys = append(keys, key)
	}
	slices.Sort(keys)
	for _, key := range keys {
		u := units[key]
		slices.SortFunc(u.Rows, func(a, b *model.StatRow) int {
			return cmp.Or(a.Period.End.Compare(b.Period.End), cmp.Compare(a.Period.Kind, b.Period.Kind))
		})
		if claim(u.URL, u.Rows[0].Path, u.Rows[0].Start) {
			if strings.HasPrefix(key, "linh-vuc/") {
				st.Fields = append(st.Fields, u)
			} else {
				st.Agencies = append(st.Agencies, u)
			}
		}
	}
	unitOrder := func(a, b *model.StatUnit) int {
		return cmp.Or(col.CompareString(a.Name, b.Name), cmp.Compare(a.URL, b.URL))
	}
	slices.SortFunc(st.Agencies, unitOrder)
	slices.SortFunc(st.Fields, unitOrder)
}
