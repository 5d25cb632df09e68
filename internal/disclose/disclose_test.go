package disclose_test

import (
	"strings"
	"testing"
	"time"

	"minhbach/internal/disclose"
	"minhbach/internal/model"
	"minhbach/internal/workday"
)

func day(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02", s, model.Zone)
	if err != nil {
		panic(err)
	}
	return t
}

// TestDue checks when something new is expected in a periodic category:
// one interval after the newest item (from a month's last day to the last
// day of the month the interval ends in), then publish_within working days.
func TestDue(t *testing.T) {
	tests := []struct {
		interval, updated, want string
	}{
		{"3 tháng", "2026-09-30", "2027-01-07"}, // 31/12 (Thursday) + 5 working days
		{"3 tháng", "2026-03-31", "2026-07-07"}, // 30/06 (Tuesday), not 01/07
		{"1 năm", "2025-12-31", "2027-01-07"},
		{"30 ngày", "2026-09-01", "2026-10-08"}, // 01/10 + 5 working days
		{"2 tuần", "2026-09-01", "2026-09-22"},
	}
	for _, tt := range tests {
		cats, d := disclose.Load([]byte("categories:\n  - {title: T, legal: L, kinds: [statistics], retention: R, interval: " + tt.interval + "}\n"))
		if len(d) > 0 {
			t.Fatalf("Load: %v", d)
		}
		s := &model.Site{Statistics: model.Statistics{Periods: []*model.StatPeriod{{}}, Updated: day(tt.updated)}}
		l := disclose.List(cats, s, day("2026-11-23"), workday.Calendar{})
		if got := l.Categories[0].Due.Format("2006-01-02"); got != tt.want {
			t.Errorf("interval %s after %s: due %s, want %s", tt.interval, tt.updated, got, tt.want)
		}
	}
}

// TestCheckHolidays checks that the deadline of a document skips the
// site's holidays: published on the fifth working day it is on time, on
// the sixth it is late.
func TestCheckHolidays(t *testing.T) {
	cats, _ := disclose.Load([]byte("categories: []\n"))
	cal := workday.New([]time.Time{day("2026-09-01"), day("2026-09-02")})
	onTime := &model.Document{Number: "1/2026/QĐ-UBND", Issued: day("2026-08-27"), PublishedOn: day("2026-09-07")}
	late := &model.Document{Number: "2/2026/QĐ-UBND", Issued: day("2026-08-27"), PublishedOn: day("2026-09-08")}
	s := &model.Site{Gazette: model.Gazette{Documents: []*model.Document{onTime, late}}}
	f := disclose.Check(disclose.List(cats, s, day("2026-11-23"), cal), s, cal, func(string) bool { return true })
	if f.Late != 1 || len(f.Diags) != 1 || !strings.Contains(f.Diags[0].String(), "2/2026/QĐ-UBND was published on 08/09/2026, 6 working days after") {
		t.Errorf("findings %+v: want 2/2026/QĐ-UBND late only", f.Diags)
	}
}
