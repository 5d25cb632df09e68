// Package diag collects content diagnostics: positions in source files and
// the messages staff read to fix them. It knows nothing about content kinds.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Pos is a position in a file of the site. Path is relative to the site root
// with forward slashes; Line and Col start at 1 (0 means unknown); Col counts runes.
// Ref, when set, names the place inside a structured file, such as the
// JSON path "$[3].field" of a catalogue.
type Pos struct {
	Path string
	Line int
	Col  int
	Ref  string
}

// String formats the position as path:line:col, leaving out unknown parts,
// followed by ": Ref" when Ref is set.
func (p Pos) String() string {
	var s string
	switch {
	case p.Line <= 0:
		s = p.Path
	case p.Col <= 0:
		s = fmt.Sprintf("%s:%d", p.Path, p.Line)
	default:
		s = fmt.Sprintf("%s:%d:%d", p.Path, p.Line, p.Col)
	}
	if p.Ref != "" {
		s += ": " + p.Ref
	}
	return s
}

// Severity tells errors from warnings.
type Severity int

const (
	// Error stops the build.
	Error Severity = iota
	// Warning is printed but does not stop the build.
	Warning
)

// Diagnostic is one problem found in the site's input. Msg is its English
// text; Text gives it in another language.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Msg      string
	// format and args are what Msg was made of, for Text.
	format string
	args   []any
}

// String formats the diagnostic in English as Go tools do:
// "path:line:col: message", with "warning: " before the message of a warning.
func (d Diagnostic) String() string { return d.In(English) }

// In formats the diagnostic as String does, in language l: the position
// stays first, so that editors can jump to it.
func (d Diagnostic) In(l Lang) string {
	if d.Severity == Warning {
		return d.Pos.String() + ": " + l.text("warning") + ": " + d.Text(l)
	}
	return d.Pos.String() + ": " + d.Text(l)
}

// Text returns the message (without position) in language l.
func (d Diagnostic) Text(l Lang) string {
	if l == English || d.format == "" {
		return d.Msg
	}
	return l.sprintf(d.format, d.args)
}

// List is a collection of diagnostics. The zero value is ready to use.
type List []Diagnostic

// Errorf adds an error at pos.
func (l *List) Errorf(pos Pos, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Error, Msg: English.sprintf(format, args), format: format, args: args})
}

// Warnf adds a warning at pos.
func (l *List) Warnf(pos Pos, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Warning, Msg: English.sprintf(format, args), format: format, args: args})
}

// Error adds the error m at pos.
func (l *List) Error(pos Pos, m Message) { l.Errorf(pos, m.format, m.args...) }

// Warn adds the warning m at pos.
func (l *List) Warn(pos Pos, m Message) { l.Warnf(pos, m.format, m.args...) }

// Append adds every diagnostic of other.
func (l *List) Append(other List) { *l = append(*l, other...) }

// HasErrors reports whether the list holds at least one error.
func (l List) HasErrors() bool {
	return slices.ContainsFunc(l, func(d Diagnostic) bool { return d.Severity == Error })
}

// Count returns the number of errors and warnings.
func (l List) Count() (errors, warnings int) {
	for _, d := range l {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// Sorted returns the diagnostics ordered by path, line, column and message,
// without duplicates.
func (l List) Sorted() List {
	out := slices.Clone(l)
	slices.SortFunc(out, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Pos.Path, b.Pos.Path),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Pos.Ref, b.Pos.Ref),
			cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
	return slices.CompactFunc(out, func(a, b Diagnostic) bool {
		return a.Pos == b.Pos && a.Severity == b.Severity && a.Msg == b.Msg
	})
}

// Format returns the sorted diagnostics in English, one a line, at most max
// of them followed by "… and N more" (max <= 0 prints all).
func (l List) Format(max int) string { return l.FormatIn(English, max) }

// FormatIn is Format in language lang.
func (l List) FormatIn(lang Lang, max int) string {
	var b strings.Builder
	s := l.Sorted()
	for i, d := range s {
		if max > 0 && i == max {
			b.WriteString(lang.Sprintf("… and %d more", len(s)-max))
			b.WriteByte('\n')
			break
		}
		b.WriteString(d.In(lang))
		b.WriteByte('\n')
	}
	return b.String()
}

// LineCol converts a byte offset in src to a 1-based line and rune column.
func LineCol(src []byte, offset int) (line, col int) {
	offset = min(max(offset, 0), len(src))
	line = 1 + countNL(src[:offset])
	start := offset
	for start > 0 && src[start-1] != '\n' {
		start--
	}
	return line, 1 + utf8.RuneCount(src[start:offset])
}

func countNL(b []byte) int {
	n := 0
	for _, c := range b {
		if c == '\n' {
			n++
		}
	}
	return n
}
