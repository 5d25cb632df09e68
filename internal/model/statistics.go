package model

import (
	"time"
)

// Figures are the counts of dossiers (hồ sơ thủ tục hành chính) of one
// period: received in it, carried over from the one before, resolved on
// time, resolved late and still pending at its end. They add up:
// Received + CarriedOver = OnTime + Late + Pending. Online counts the
// dossiers received online, -1 when not given.
type Figures struct {
	Received, CarriedOver, OnTime, Late, Pending int
	Online                                       int
}

// Resolved is the number of dossiers resolved (on time or late).
func (f Figures) Resolved() int { return f.OnTime + f.Late }

// Total is the number of dossiers handled: received and carried over.
func (f Figures) Total() int { return f.Received + f.CarriedOver }

// OnTimeRate is the share of resolved dossiers resolved on time, from 0
// to 1, and false when none was resolved.
func (f Figures) OnTimeRate() (float64, bool) {
	if f.Resolved() == 0 {
		return 0, false
	}
	return float64(f.OnTime) / float64(f.Resolved()), true
}

// OnlineRate is the share of received dossiers received online, and false
// when unknown or none was received.
func (f Figures) OnlineRate() (float64, bool) {
	if f.Online < 0 || f.Received == 0 {
		return 0, false
	}
	return float64(f.Online) / float64(f.Received), true
}

// Add returns the sum of f and g; Online stays unknown when either is.
func (f Figures) Add(g Figures) Figures {
	s := Figures{Received: f.Received + g.Received, CarriedOver: f.CarriedOver + g.CarriedOver, OnTime: f.OnTime + g.OnTime,
		Late: f.Late + g.Late, Pending: f.Pending + g.Pending, Online: f.Online + g.Online}
	if f.Online < 0 || g.Online < 0 {
		s.Online = -1
	}
	return s
}

// PeriodKind is the length of a statistics period.
type PeriodKind int

// The kinds of period, shortest first.
const (
	Month PeriodKind = iota
	Quarter
	Half
	Year
)

// Period is a reporting period of dossier statistics: a month, quarter,
// half year or year.
type Period struct {
	// Code is the period as written in the sheet, normalised: "2026",
	// "2026-Q3", "2026-H1", "2026-09".
	Code string
	Kind PeriodKind
	// Label is its Vietnamese name: "Quý III/2026", "Tháng 9/2026", "6
	// tháng đầu năm 2026", "Năm 2026".
	Label string
	// Start is its first day; End its last day (both at midnight in Zone).
	Start, End time.Time
}

// StatUnit is an agency (cơ quan) or a field (lĩnh vực) that statistics
// are given for.
type StatUnit struct {
	Term
	// ByField tells a field (a code of site.yaml's fields) from an agency.
	ByField bool
	// Rows are its rows, oldest period first (set by graph).
	Rows []*StatRow `fingerprint:"records"`
}

// StatRow is one row of a statistics sheet (content/statistics/*.csv):
// the figures of one agency or field in one period.
type StatRow struct {
	Source
	Period Period
	// Agency or Field names the unit as written (Field: a code of
	// site.yaml's fields); exactly one is set.
	Agency, Field string
	Figures
	// Note is an optional remark shown under the table.
	Note string

	// Set by graph.

	// URL is the page of the row's period; it always begins and ends
	// with '/'.
	URL string `fingerprint:"link"`
	// Unit is the agency or field of the row.
	Unit *StatUnit
}

// StatPeriod is one period with its rows and totals.
type StatPeriod struct {
	Period
	// URL always begins and ends with '/'.
	URL string
	// Agencies and Fields are the period's rows by agency and by field,
	// each in collation order of the unit's name.
	Agencies, Fields []*StatRow `fingerprint:"records"`
	// Total sums the rows by agency, or by field when there are none.
	Total Figures
}

// StatYear groups the periods of one year, newest first.
type StatYear struct {
	Year    int
	Periods []*StatPeriod
}

// Statistics is the dossier statistics section (/thong-ke/).
type Statistics struct {
	// Periods are newest first (a longer period before a shorter one
	// ending the same day).
	Periods []*StatPeriod
	// Years group Periods by the year they end in, newest first.
	Years []*StatYear
	// Series are the periods of one kind (the most frequent; the
	// shortest on a tie), oldest first: the on-time rate over time.
	Series []*StatPeriod
	// Agencies and Fields are the units, in collation order.
	Agencies, Fields []*StatUnit
	// Updated is the end of the newest period (zero when none).
	Updated time.Time
}
