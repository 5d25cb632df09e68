package schema

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"minhbach/internal/config"
	"minhbach/internal/diag"
	"minhbach/internal/meta"
	"minhbach/internal/model"
)

// StatisticsKeys are the columns of a statistics sheet
// (content/statistics/*.csv), one row a period and an agency or field:
// the period, the agency or the field (a code of site.yaml's fields), the
// dossiers received in the period, carried over from the one before,
// resolved on time, resolved late, pending at its end, received online,
// and a note.
var StatisticsKeys = []string{"period", "agency", "field", "received", "carried_over", "on_time", "late", "pending", "online", "note"}

// PublicListKeys are the top-level keys of content/cong-khai.yaml, the
// categories of information to publish (read by package disclose).
var PublicListKeys = []string{"publish_within", "categories"}

// PublicCategoryKeys are the keys of one category of content/cong-khai.yaml.
var PublicCategoryKeys = []string{"title", "legal", "kinds", "url", "forms", "interval", "retention", "required"}

// Period shapes: 2026, 2026-Q3, 2026-H1, 2026-09 and 09/2026.
var (
	yearRe    = regexp.MustCompile(`^(\d{4})$`)
	quarterRe = regexp.MustCompile(`^(\d{4})-[Qq]([1-4])$`)
	halfRe    = regexp.MustCompile(`^(\d{4})-[Hh]([12])$`)
	monthRe   = regexp.MustCompile(`^(\d{4})-(\d{1,2})$`)
	monthVNRe = regexp.MustCompile(`^(\d{1,2})/(\d{4})$`)
)

var roman = []string{"", "I", "II", "III", "IV"}

// ParsePeriod reads a statistics period: "2026" (a year), "2026-Q3" (a
// quarter), "2026-H1" (a half year), "2026-09" or "09/2026" (a month).
func ParsePeriod(s string) (model.Period, bool) {
	s = strings.TrimSpace(s)
	atoi := func(x string) int { n, _ := strconv.Atoi(x); return n }
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, model.Zone) }
	ok := func(y int) bool { return y >= 1990 && y <= 2200 }
	switch {
	case yearRe.MatchString(s):
		y := atoi(s)
		if !ok(y) {
			return model.Period{}, false
		}
		return model.Period{Code: s, Kind: model.Year, Label: fmt.Sprintf("Năm %d", y), Start: day(y, 1, 1), End: day(y, 12, 31)}, true
	case quarterRe.MatchString(s):
		m := quarterRe.FindStringSubmatch(s)
		y, q := atoi(m[1]), atoi(m[2])
		if !ok(y) {
			return model.Period{}, false
		}
		return model.Period{Code: fmt.Sprintf("%d-Q%d", y, q), Kind: model.Quarter, Label: fmt.Sprintf("Quý %s/%d", roman[q], y),
			Start: day(y, 3*q-2, 1), End: day(y, 3*q+1, 0)}, true
	case halfRe.MatchString(s):
		m := halfRe.FindStringSubmatch(s)
		y, h := atoi(m[1]), atoi(m[2])
		if !ok(y) {
			return model.Period{}, false
		}
		label := fmt.Sprintf("6 tháng đầu năm %d", y)
		if h == 2 {
			label = fmt.Sprintf("6 tháng cuối năm %d", y)
		}
		return model.Period{Code: fmt.Sprintf("%d-H%d", y, h), Kind: model.Half, Label: label, Start: day(y, 6*h-5, 1), End: day(y, 6*h+1, 0)}, true
	case monthRe.MatchString(s), monthVNRe.MatchString(s):
		var y, mo int
		if m := monthRe.FindStringSubmatch(s); m != nil {
			y, mo = atoi(m[1]), atoi(m[2])
		} else {
			m := monthVNRe.FindStringSubmatch(s)
			y, mo = atoi(m[2]), atoi(m[1])
		}
		if !ok(y) || mo < 1 || mo > 12 {
			return model.Period{}, false
		}
		return model.Period{Code: fmt.Sprintf("%d-%02d", y, mo), Kind: model.Month, Label: fmt.Sprintf("Tháng %d/%d", mo, y),
			Start: day(y, mo, 1), End: day(y, mo+1, 0)}, true
	}
	return model.Period{}, false
}

func decodeStatistic(m *meta.Map, src model.Source, site *config.Site, keysChecked bool) *model.StatRow {
	if !keysChecked {
		m.CheckKeys(StatisticsKeys, diag.Error)
	}
	r := &model.StatRow{Source: src, Agency: m.String("agency", false), Note: m.String("note", false)}
	if p := m.String("period", true); p != "" {
		var ok bool
		if r.Period, ok = ParsePeriod(p); !ok {
			m.Diags().Errorf(m.Pos(m.Node("period")), "period %q: write a year (2026), a quarter (2026-Q3), a half year (2026-H1) or a month (2026-09 or 09/2026)", p)
		}
	}
	if f := m.String("field", false); f != "" {
		if c := registry(m, "field", f, site.Fields); c.Code != "" {
			r.Field = c.Code
		} else {
			r.Field = "?"
		}
	}
	switch {
	case r.Agency == "" && r.Field == "":
		m.Diags().Errorf(m.Pos(nil), "name the agency (agency) or the field (field) the row counts")
	case r.Agency != "" && r.Field != "":
		m.Diags().Errorf(m.Pos(m.Node("field")), "a row counts one agency or one field, not both: move the field's figures to a row of their own")
	}
	count := func(key string, required bool) (int, bool) {
		n := m.Node(key)
		if n == nil || n.Tag == "!!null" || strings.TrimSpace(n.Value) == "" {
			if required && m.Has(key) || required && n != nil {
				m.Diags().Errorf(m.Pos(n), "%s is empty: write the number of dossiers (0 when there are none)", key)
			} else if required {
				m.Diags().Errorf(m.Pos(nil), "missing column %q: add it to the header row, with the number of dossiers on every row", key)
			}
			return -1, !required
		}
		v := m.String(key, false)
		n2, ok := figure(v)
		if !ok {
			m.Diags().Errorf(m.Pos(n), "%s: want a whole number of dossiers (0, 25, 1.234), got %q", key, v)
			return -1, false
		}
		return n2, true
	}
	var ok [5]bool
	r.Received, ok[0] = count("received", true)
	r.CarriedOver, ok[1] = count("carried_over", false)
	if r.CarriedOver < 0 {
		r.CarriedOver = 0
	}
	r.OnTime, ok[2] = count("on_time", true)
	r.Late, ok[3] = count("late", true)
	r.Pending, ok[4] = count("pending", true)
	online, onlineOK := count("online", false)
	r.Online = online
	if ok == [5]bool{true, true, true, true, true} && r.Total() != r.OnTime+r.Late+r.Pending {
		in, out := r.Total(), r.OnTime+r.Late+r.Pending
		if in > out {
			m.Diags().Errorf(m.Pos(nil), "the figures do not add up: received %d + carried_over %d = %d, but on_time %d + late %d + pending %d = %d (%d dossiers unaccounted for): correct the row",
				r.Received, r.CarriedOver, in, r.OnTime, r.Late, r.Pending, out, in-out)
		} else {
			m.Diags().Errorf(m.Pos(nil), "the figures do not add up: received %d + carried_over %d = %d, but on_time %d + late %d + pending %d = %d (%d dossiers too many): correct the row",
				r.Received, r.CarriedOver, in, r.OnTime, r.Late, r.Pending, out, out-in)
		}
	}
	if onlineOK && online > r.Received && r.Received >= 0 {
		m.Diags().Errorf(m.Pos(m.Node("online")), "online: %d dossiers received online is more than the %d received", online, r.Received)
	}
	return r
}

// figure reads a count written as digits, with "." or "," or a space
// between thousands as in Vietnamese (1.234), never a fraction.
var figureRe = regexp.MustCompile(`^\d{1,3}([., \x{00A0}]\d{3})*$|^\d+$`)

func figure(s string) (int, bool) {
	if !figureRe.MatchString(s) {
		return 0, false
	}
	n, err := strconv.Atoi(strings.NewReplacer(".", "", ",", "", " ", "", "\u00a0", "").Replace(s))
	return n, err == nil && n <= 1_000_000_000
}
