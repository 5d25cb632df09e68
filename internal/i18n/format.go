package i18n

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"minhbach/internal/meta"
)

// The formats of dates, numbers and sizes are code, not table text: each
// language writes them its own way. Vietnamese is the administrative
// style (Nghị định 30/2020/NĐ-CP); English is British style, day before
// month, as foreign readers of a Vietnamese portal expect it. A language
// other than vi is written as English.

var (
	viWeekdays = [...]string{"Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"}
	enMonths   = [...]string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"}
)

// vi reports whether the table's language is written the Vietnamese way.
func (t *Table) vi() bool { return t == nil || t.Lang == "" || t.Lang == "vi" }

// LongDate writes t as the body of a text does: "ngày 08 tháng 8 năm 2018",
// "8 August 2018".
func (t *Table) LongDate(d time.Time) string {
	d = d.In(meta.Zone)
	if t.vi() {
		return fmt.Sprintf("ngày %02d tháng %d năm %d", d.Day(), int(d.Month()), d.Year())
	}
	return fmt.Sprintf("%d %s %d", d.Day(), enMonths[d.Month()-1], d.Year())
}

// DayDate writes t as a news byline does: "Thứ Ba, ngày 02/8/2022",
// "Tuesday, 2 August 2022".
func (t *Table) DayDate(d time.Time) string {
	d = d.In(meta.Zone)
	if t.vi() {
		return fmt.Sprintf("%s, ngày %s", viWeekdays[d.Weekday()], t.ShortDate(d))
	}
	return d.Weekday().String() + ", " + t.LongDate(d)
}

// ShortDate writes t in lists: "02/8/2022", "2 Aug 2022".
func (t *Table) ShortDate(d time.Time) string {
	d = d.In(meta.Zone)
	if t.vi() {
		return fmt.Sprintf("%02d/%d/%d", d.Day(), int(d.Month()), d.Year())
	}
	return fmt.Sprintf("%d %s %d", d.Day(), enMonths[d.Month()-1][:3], d.Year())
}

// LegalDate writes t as legal databases do: "01/07/2026" (dd/mm/yyyy),
// "1 July 2026" (an English reader may take 01/07 for January).
func (t *Table) LegalDate(d time.Time) string {
	d = d.In(meta.Zone)
	if t.vi() {
		return fmt.Sprintf("%02d/%02d/%d", d.Day(), int(d.Month()), d.Year())
	}
	return t.LongDate(d)
}

// SignedAt writes the time of a digital signature: "08:05 24/06/2026",
// "08:05, 24 June 2026", in Vietnam's time zone.
func (t *Table) SignedAt(d time.Time) string {
	d = d.In(meta.Zone)
	if t.vi() {
		return d.Format("15:04 02/01/2006")
	}
	return d.Format("15:04") + ", " + t.LongDate(d)
}

// separators returns the thousands and the decimal separator.
func (t *Table) separators() (thousands, decimal string) {
	if t.vi() {
		return ".", ","
	}
	return ",", "."
}

// Number writes a count with thousands separators: "1.234.567",
// "1,234,567".
func (t *Table) Number(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return s
	}
	return t.group(s)
}

func (t *Table) group(digits string) string {
	sep, _ := t.separators()
	var b strings.Builder
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Decimal writes f with prec decimals and thousands separators:
// "1.234,5", "1,234.5".
func (t *Table) Decimal(f float64, prec int) string {
	s := strconv.FormatFloat(f, 'f', prec, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	_, dec := t.separators()
	out := t.group(whole)
	if frac != "" {
		out += dec + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}

// Percent writes a share from 0 to 1 as a percentage with at most one
// decimal: "97,8 %" (with a no-break space, as Vietnamese writes it),
// "97.8%".
func (t *Table) Percent(f float64) string {
	s := strconv.FormatFloat(f*100, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	if t.vi() {
		return strings.Replace(s, ".", ",", 1) + "\u00a0%"
	}
	return s + "%"
}

// FileSize writes a size in bytes: "12,3 KB", "12.3 KB".
func (t *Table) FileSize(n int64) string {
	var s string
	switch {
	case n < 1024:
		if t.vi() {
			return fmt.Sprintf("%d byte", n)
		}
		if n == 1 {
			return "1 byte"
		}
		return fmt.Sprintf("%d bytes", n)
	case n < 1024*1024:
		s = fmt.Sprintf("%.1f KB", float64(n)/1024)
	default:
		s = fmt.Sprintf("%.1f MB", float64(n)/1024/1024)
	}
	if t.vi() {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}
