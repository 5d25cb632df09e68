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

// Diagnostic is one problem found in the site's input.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Msg      string
}

// String formats the diagnostic as Go tools do: "path:line:col: message",
// with "warning: " before the message of a warning.
func (d Diagnostic) String() string {
	if d.Severity == Warning {
		return d.Pos.String() + ": warning: " + d.Msg
	}
	return d.Pos.String() + ": " + d.Msg
}

// List is a collection of diagnostics. The zero value is ready to use.
type List []Diagnostic

// Errorf adds an error at pos.
func (l *List) Errorf(pos Pos, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Error, Msg: fmt.Sprintf(format, args...)})
}

// Warnf adds a warning at pos.
func (l *List) Warnf(pos Pos, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Warning, Msg: fmt.Sprintf(format, args...)})
}

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
	return slices.Compact(out)
}

// Format returns the sorted diagnostics, one a line, at most max of them
// followed by "… and N more" (max <= 0 prints all).
func (l List) Format(max int) string {
	var b strings.Builder
	s := l.Sorted()
	for i, d := range s {
		if max > 0 && i == max {
			fmt.Fprintf(&b, "… and %d more\n", len(s)-max)
			break
		}
		b.WriteString(d.String())
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
