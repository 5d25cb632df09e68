// Package search builds the static search index: Vietnamese-aware terms
// (every word folded, without diacritics and with đ→d, and exact, both
// with /i/ spelled one way where i and y are variants), adjacent
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
	// Exact is the token in lower case, with its diacritics; a word's
	// vowel /i/ is spelled as vnfold.UnifyIY spells it ("ký" → "kí").
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
	var z *tokenizer
	return z.tokenize(s, nil)
}

// tokenizer remembers the tokens of the words it has seen: a long text
// repeats its words, and each is lowered and folded once. A nil tokenizer
// remembers nothing.
type tokenizer struct {
	seen map[string]Token
}

// tokenize appends the tokens of s to out, as Tokenize.
func (z *tokenizer) tokenize(s string, out []Token) []Token {
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
			out = z.appendToken(out, compound, true)
			if letter {
				lead := strings.IndexFunc(compound, func(r rune) bool { return !unicode.IsDigit(r) })
				if lead > 0 {
					out = z.appendToken(out, compound[:lead], false)
				}
			}
			continue
		}
		for _, w := range strings.FieldsFunc(compound, isJoiner) {
			out = z.appendToken(out, w, false)
		}
	}
	return out
}

// appendToken adds s unless it folds to nothing (a lone combining mark).
func (z *tokenizer) appendToken(out []Token, s string, number bool) []Token {
	if z != nil {
		if t, ok := z.seen[s]; ok && t.Number == number {
			if t.Folded == "" {
				return out
			}
			return append(out, t)
		}
	}
	exact := strings.ToLower(s)
	if !number {
		exact = vnfold.UnifyIY(exact)
	}
	t := Token{Exact: exact, Folded: vnfold.Fold(exact), Number: number}
	if z != nil {
		if z.seen == nil || len(z.seen) >= 1<<16 {
			z.seen = make(map[string]Token, 1024)
		}
		z.seen[strings.Clone(s)] = t
	}
	if t.Folded == "" {
		return out
	}
	return append(out, t)
}
