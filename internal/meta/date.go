package meta

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"minhbach/internal/diag"
)

// Dates as people write them. Accepted, with an optional time after the
// date (a space or "T" between; "14:30", "14:30:05", "14h30" or "14h"):
//
//	02/12/2026, 2/12/2026    day/month/year, as dates are written in Vietnam;
//	02-12-2026, 02.12.2026   the same with "-" or "." (one separator throughout);
//	2026-12-02, 2026/12/02   year first: year, month, day (ISO 8601);
//	ngày 02 tháng 12 năm 2026, as a document's header writes it;
//	2026-12-02T14:30:00+07:00, RFC 3339 with its zone.
//
// A form whose year comes first is always year/month/day, and one whose
// year comes last is always day/month/year: 12/02/2026 is 12 February, never
// 2 December. A two-digit year (2/12/26) is refused, since it hides which is
// the year. A date or time written without a zone is in Vietnam time
// (Zone); one that does not exist (31/02/2026, 25:00) is an error.
//
// Map.Date reports each problem naming the key, the value as written and
// the accepted forms.

var (
	numericDate = regexp.MustCompile(`^(\d{1,4})([/.-])(\d{1,2})([/.-])(\d{1,4})` +
		`(?:(?:[ \t]+|[Tt])(\d{1,2})(?:[:](\d{2})(?:[:](\d{2})(?:[.,](\d{1,9}))?)?|[hHgG](\d{2})?)` +
		`[ \t]*([zZ]|[+-]\d{2}:?\d{2})?)?$`)
	wordDate = regexp.MustCompile(`^(?i:ngày)?[ \t]*(\d{1,2})[ \t]+(?i:tháng)[ \t]+(\d{1,2})[ \t]+(?i:năm)[ \t]+(\d{4})$`)
)

// DateProblem says what is wrong with a text that should be a date.
type DateProblem int

// The problems of a date.
const (
	// NotADate is text in none of the accepted forms.
	NotADate DateProblem = iota
	// NoSuchMonth is a month outside 1–12.
	NoSuchMonth
	// NoSuchDay is a day the month does not have.
	NoSuchDay
	// MonthFirst is month/day/year (12/25/2026): a month above 12
	// where day/month/year wants it, and a real date when swapped.
	MonthFirst
	// ShortYear is a year written with two digits (2/12/26).
	ShortYear
	// NoSuchTime is an hour above 23, or minutes or seconds above 59.
	NoSuchTime
)

// DateError is a text that is not a date, with what is wrong with it.
type DateError struct {
	// Value is the text as written.
	Value   string
	Problem DateProblem
	// Year, Month and Day are the parts as read (NoSuchMonth, NoSuchDay).
	Year, Month, Day int
	// Suggest is the date the text most likely means, written
	// day/month/year (MonthFirst, ShortYear).
	Suggest string
	// Time is the time part (NoSuchTime).
	Time string
}

// Error returns the message, in English, for a key named "date".
func (e *DateError) Error() string { return e.Message("date").String() }

// Message returns the message that says what is wrong, naming key and the
// value and the accepted forms.
func (e *DateError) Message(key string) diag.Message {
	switch e.Problem {
	case NoSuchMonth:
		return diag.Msgf("%s: date %q does not exist: there is no month %d (write day/month/year, as in 02/12/2026, or 2026-12-02)", key, e.Value, e.Month)
	case NoSuchDay:
		return diag.Msgf("%s: date %q does not exist: month %d of %d has %d days (write day/month/year, as in 02/12/2026, or 2026-12-02)", key, e.Value, e.Month, e.Year, daysIn(e.Year, e.Month))
	case MonthFirst:
		return diag.Msgf("%s: date %q does not exist: dates are day/month/year, did you mean %q?", key, e.Value, e.Suggest)
	case ShortYear:
		return diag.Msgf("%s: date %q has a two-digit year: write the year in full, as in %q", key, e.Value, e.Suggest)
	case NoSuchTime:
		return diag.Msgf("%s: time %q in %q does not exist: write hours 0-23 and minutes 0-59, as in 02/12/2026 14:30", key, e.Time, e.Value)
	}
	return diag.Msgf("%s: %q is not a date: write day/month/year, as in 02/12/2026 or 2/12/2026, or 2026-12-02; a time may follow, as in 02/12/2026 14:30", key, e.Value)
}

// Date returns the date value of key, in any of the forms ParseDate
// accepts. A date that is not well formed or does not exist is an error
// that names key and the value and says the accepted forms.
func (m *Map) Date(key string, required bool) time.Time {
	v, ok := m.scalar(key, required, diag.Phrase("a date (dd/mm/yyyy)"))
	if !ok {
		return time.Time{}
	}
	t, err := ParseDate(v.Value)
	if err != nil {
		m.diags.Error(m.Pos(v), err.(*DateError).Message(key))
	}
	return t
}

// ParseDate reads a date, with an optional time, in one of the forms
// described above. Its error is a *DateError.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	fail := func(p DateProblem) (time.Time, error) { return time.Time{}, &DateError{Value: s, Problem: p} }
	if m := wordDate.FindStringSubmatch(s); m != nil {
		return makeDate(s, atoi(m[3]), atoi(m[2]), atoi(m[1]), 0, 0, 0, 0, Zone)
	}
	idx := numericDate.FindStringSubmatchIndex(s)
	group := func(i int) string {
		if idx[2*i] < 0 {
			return ""
		}
		return s[idx[2*i]:idx[2*i+1]]
	}
	if idx == nil || group(2) != group(4) {
		return fail(NotADate)
	}
	a, b, c, sep := group(1), group(3), group(5), group(2)
	var y, mo, d int
	switch {
	case len(a) == 4 && len(c) <= 2:
		y, mo, d = atoi(a), atoi(b), atoi(c)
	case len(c) == 4 && len(a) <= 2:
		y, mo, d = atoi(c), atoi(b), atoi(a)
		if mo > 12 && d >= 1 && d <= 12 && mo <= daysIn(y, d) {
			return time.Time{}, &DateError{Value: s, Problem: MonthFirst, Suggest: fmt.Sprintf("%02d%s%02d%s%d", mo, sep, d, sep, y)}
		}
	case len(c) == 2 && len(a) <= 2:
		century := "20"
		if atoi(c) >= 70 {
			century = "19"
		}
		return time.Time{}, &DateError{Value: s, Problem: ShortYear, Suggest: fmt.Sprintf("%02d%s%02d%s%s%s", atoi(a), sep, atoi(b), sep, century, c)}
	default:
		return fail(NotADate)
	}
	// The time: hh:mm[:ss[.frac]] or hh h [mm].
	var hh, mm, ss, ns int
	if group(6) != "" {
		hh, mm, ss = atoi(group(6)), atoi(group(7)+group(10)), atoi(group(8))
		if f := group(9); f != "" {
			ns = atoi((f + "000000000")[:9])
		}
		if hh > 23 || mm > 59 || ss > 59 {
			end := len(s)
			if idx[22] >= 0 {
				end = idx[22]
			}
			return time.Time{}, &DateError{Value: s, Problem: NoSuchTime, Time: strings.TrimSpace(s[idx[12]:end])}
		}
	}
	loc := Zone
	switch z := group(11); {
	case z == "":
	case z == "z" || z == "Z":
		loc = time.UTC
	default:
		zh, zm := atoi(z[1:3]), atoi(z[len(z)-2:])
		if zh > 23 || zm > 59 {
			return fail(NotADate)
		}
		off := (zh*60 + zm) * 60
		if z[0] == '-' {
			off = -off
		}
		if off == 7*3600 {
			loc = Zone
		} else {
			loc = time.FixedZone("", off)
		}
	}
	return makeDate(s, y, mo, d, hh, mm, ss, ns, loc)
}

// makeDate returns the time when the day exists.
func makeDate(s string, y, mo, d, hh, mm, ss, ns int, loc *time.Location) (time.Time, error) {
	switch {
	case mo < 1 || mo > 12:
		return time.Time{}, &DateError{Value: s, Problem: NoSuchMonth, Year: y, Month: mo, Day: d}
	case d < 1 || d > daysIn(y, mo):
		return time.Time{}, &DateError{Value: s, Problem: NoSuchDay, Year: y, Month: mo, Day: d}
	}
	return time.Date(y, time.Month(mo), d, hh, mm, ss, ns, loc), nil
}

// daysIn returns the number of days of month mo (1–12) of year y.
func daysIn(y, mo int) int {
	return time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
