package diag

import (
	"fmt"
	"strings"
)

// Lang is the language messages are shown in. Code writes every message as
// an English format string; the catalogue (vi.go) holds its Vietnamese form,
// looked up when a message is shown, so a message lives in one place.
type Lang int

const (
	// Vietnamese is the language of the portal's staff, and the default.
	Vietnamese Lang = iota
	// English is for developers (MINHBACH_LANG=en); tests compare it.
	English
)

// ParseLang returns the language named by s ("vi", "en", "en_US.UTF-8", …);
// anything but English is Vietnamese.
func ParseLang(s string) Lang {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "en" || strings.HasPrefix(s, "en_") || strings.HasPrefix(s, "en-") || strings.HasPrefix(s, "en.") {
		return English
	}
	return Vietnamese
}

// Phrase is a piece of English text given as an argument of a message
// ("a list", "a date"): it is translated with the message.
type Phrase string

// Message is a message made of a format and its arguments, translated as a
// whole when shown: use it for a part of a message that is built elsewhere.
type Message struct {
	format string
	args   []any
}

// Msgf returns the message format with args, translated when shown.
func Msgf(format string, args ...any) Message { return Message{format, args} }

// String returns the message in English.
func (m Message) String() string { return English.sprintf(m.format, m.args) }

// In returns the message in language l.
func (m Message) In(l Lang) string { return l.sprintf(m.format, m.args) }

// Sprintf formats a message of the catalogue in language l, as fmt.Sprintf
// does; Phrase and Message arguments are translated too.
func (l Lang) Sprintf(format string, args ...any) string { return l.sprintf(format, args) }

func (l Lang) sprintf(format string, args []any) string {
	format = l.text(format)
	if l == English && !hasTranslatable(args) {
		return fmt.Sprintf(format, args...)
	}
	out := make([]any, len(args))
	for i, a := range args {
		switch a := a.(type) {
		case Phrase:
			out[i] = l.text(string(a))
		case Message:
			out[i] = a.In(l)
		case []Phrase:
			s := make([]string, len(a))
			for j, p := range a {
				s[j] = l.text(string(p))
			}
			out[i] = strings.Join(s, ", ")
		default:
			out[i] = a
		}
	}
	return fmt.Sprintf(format, out...)
}

func hasTranslatable(args []any) bool {
	for _, a := range args {
		switch a.(type) {
		case Phrase, Message, []Phrase:
			return true
		}
	}
	return false
}

// text returns s in language l: the catalogue's entry, or s itself.
func (l Lang) text(s string) string {
	if l == Vietnamese {
		if t, ok := vi[s]; ok {
			return t
		}
	}
	return s
}

// Translated reports whether the catalogue has the Vietnamese form of the
// English text s (a format or a phrase).
func Translated(s string) bool {
	_, ok := vi[s]
	return ok
}

// IsZero reports whether m is the zero Message (no message).
func (m Message) IsZero() bool { return m.format == "" }

// Text returns the phrase p in language l.
func (l Lang) Text(p Phrase) string { return l.text(string(p)) }
