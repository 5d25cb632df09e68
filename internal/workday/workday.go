// Package workday counts working days (ngày làm việc): Monday to Friday,
// less the holidays a site lists. Legal deadlines counted in working days
// (Luật Tiếp cận thông tin Điều 18, Nghị định 224/2026/NĐ-CP Điều 13) are
// computed with it. It knows nothing of the site; the caller gives the
// holidays.
package workday

import (
	"time"
)

// Calendar tells working days from days off. The zero value knows no
// holidays: every Saturday and Sunday is off, every other day a working
// day. A Calendar is safe for concurrent use.
type Calendar struct {
	off map[day]bool
}

// day is a calendar date without a time or a zone.
type day struct {
	y int
	m time.Month
	d int
}

func dayOf(t time.Time) day {
	y, m, d := t.Date()
	return day{y, m, d}
}

// New returns a calendar whose days off are the weekends and the given
// holidays (each day as written, whatever its time of day).
func New(holidays []time.Time) Calendar {
	c := Calendar{off: map[day]bool{}}
	for _, h := range holidays {
		c.off[dayOf(h)] = true
	}
	return c
}

// IsWorkday reports whether t's date (in t's own location) is a working
// day.
func (c Calendar) IsWorkday(t time.Time) bool {
	switch t.Weekday() {
	case time.Saturday, time.Sunday:
		return false
	}
	return !c.off[dayOf(t)]
}

// Add returns the date n working days after t's date (n ≥ 0), at
// midnight in t's location: the last day of a period of n working days
// counted from the day after t, as a deadline "within n working days
// from" t is counted. Add(t, 0) is t's date.
func (c Calendar) Add(t time.Time, n int) time.Time {
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location())
	for n > 0 {
		d = d.AddDate(0, 0, 1)
		if c.IsWorkday(d) {
			n--
		}
	}
	return d
}

// Between counts the working days after from's date up to and including
// to's date: 0 when to is on or before from. A notice given on Monday for
// work starting the next Monday is 5 working days ahead.
func (c Calendar) Between(from, to time.Time) int {
	f := time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, time.UTC)
	t := time.Date(to.Year(), to.Month(), to.Day(), 0, 0, 0, 0, time.UTC)
	n := 0
	for d := f.AddDate(0, 0, 1); !d.After(t); d = d.AddDate(0, 0, 1) {
		if c.IsWorkday(d) {
			n++
		}
	}
	return n
}
