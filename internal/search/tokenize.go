// Package search builds the static search index: Vietnamese-aware terms
// (every word folded, without diacritics and with đ→d, and exact), adjacent
// word pairs for phrases, document numbers and procedure codes kept whole,
// BM25 scores computed at build time, and the whole cut into small
// content-hashed files that the client (assets/js/search.js) fetches on
// demand. The client tokenizes queries exactly as Tokenize does.
package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"minhbach/internal/vnfold"
)

// Token is one indexed word or number of a text.
type Token struct {
	// Exact is the token in lower case, with its diacritics.
	Exact string
	// Folded is Exact without diacritics, đ as d: ASCII for Vietnamese.
	Folded string
	// Number marks a document number or code kept whole ("93/kh-ubnd").
	Number bool
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isJoiner(r rune) bool { return r == '/' || r == '.' || r == '-' }

// Tokenize splits NFC text into tokens. A run of letters and digits joined
// by '/', '.' or '-' that holds a digit is one number token ("93/KH-UBND",
// "25/2018/QĐ-UBND", "1.004227", "18-NQ/TW"), and when it also holds a
// letter its leading digits are a token too ("93"); any other run is split
// into words ("kinh-tế" → "kinh", "tế").
func Tokenize(s string) []Token {
	var out []Token
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		// A compound: word runes, with single joiners between them.
		start, end := i, i
		joined, digit, letter := false, false, false
		for j := i; j < len(s); {
			r, size := utf8.DecodeRuneInString(s[j:])
			if isWordRune(r) {
				digit = digit || unicode.IsDigit(r)
				letter = letter || unicode.IsLetter(r)
				j += size
				end = j
				continue
			}
			if isJoiner(r) && j+size < len(s) {
				if n, _ := utf8.DecodeRuneInString(s[j+size:]); isWordRune(n) && j > start {
					joined = true
					j += size
					continue
				}
			}
			break
		}
		compound := s[start:end]
		i = end
		if joined && digit {
			out = appendToken(out, compound, true)
			if letter {
				lead := strings.IndexFunc(compound, func(r rune) bool { return !unicode.IsDigit(r) })
				if lead > 0 {
					out = appendToken(out, compound[:lead], false)
				}
			}
			continue
		}
		for _, w := range strings.FieldsFunc(compound, isJoiner) {
			out = appendToken(out, w, false)
		}
	}
	return out
}

// appendToken adds s unless it folds to nothing (a lone combining mark).
func appendToken(out []Token, s string, number bool) []Token {
	exact := strings.ToLower(s)
	folded := vnfold.Fold(exact)
	if folded == "" {
		return out
	}
	return append(out, Token{Exact: exact, Folded: folded, Number: number})
}
