// Package vnnum reads and writes amounts as Vietnamese documents write
// them: a dot between thousands and a comma before decimals
// ("1.234.567,5"). It keeps the digits as text, so that no amount is
// rounded on its way from a budget table to a page. Standard library only.
package vnnum

import (
	"regexp"
	"strings"
)

// Amount is a decimal number as written, without its separators.
type Amount struct {
	// Neg marks a negative amount.
	Neg bool
	// Int holds the digits before the decimal comma, without leading
	// zeros ("0" for none); Frac the digits after it as written ("" for
	// none): "108,0" keeps its zero, as the table printed it.
	Int, Frac string
}

var (
	grouped = regexp.MustCompile(`^\d{1,3}(\.\d{3})+$`)
	plain   = regexp.MustCompile(`^\d+$`)
)

// Parse reads an amount: digits, in groups of three separated by dots or
// not separated at all, then optionally a comma and the decimals; a
// leading "-" (or a minus sign) makes it negative. "1.234.567",
// "1234567", "-12,5" and "0,25" are amounts; "1,234,567", "1.5" and
// "12.34.567" are not. Spaces around the amount are ignored.
func Parse(s string) (Amount, bool) {
	s = strings.TrimSpace(s)
	var a Amount
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		a.Neg, s = true, rest
	} else if rest, ok := strings.CutPrefix(s, "\u2212"); ok {
		a.Neg, s = true, rest
	}
	whole, frac, hasFrac := strings.Cut(s, ",")
	if hasFrac && !plain.MatchString(frac) {
		return Amount{}, false
	}
	switch {
	case plain.MatchString(whole):
	case grouped.MatchString(whole):
		whole = strings.ReplaceAll(whole, ".", "")
	default:
		return Amount{}, false
	}
	a.Int = strings.TrimLeft(whole, "0")
	if a.Int == "" {
		a.Int = "0"
	}
	a.Frac = frac
	if a.Int == "0" && strings.Trim(a.Frac, "0") == "" {
		a.Neg = false
	}
	return a, true
}

// String writes the amount as Vietnamese documents do: "1.234.567,5",
// "-12".
func (a Amount) String() string {
	if a.Int == "" {
		return ""
	}
	var b strings.Builder
	if a.Neg {
		b.WriteByte('-')
	}
	for i, r := range a.Int {
		if i > 0 && (len(a.Int)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	if a.Frac != "" {
		b.WriteByte(',')
		b.WriteString(a.Frac)
	}
	return b.String()
}

// Plain writes the amount for machines: "1234567.5", "-12".
func (a Amount) Plain() string {
	if a.Int == "" {
		return ""
	}
	s := a.Int
	if a.Frac != "" {
		s += "." + a.Frac
	}
	if a.Neg {
		s = "-" + s
	}
	return s
}

// IsZero reports whether a is the zero Amount (nothing parsed).
func (a Amount) IsZero() bool { return a.Int == "" }
