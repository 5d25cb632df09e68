// Package search builds the static search index: Vietnamese-aware terms
// (every word folded, without diacritics and with đ→d, and exact, both
// with /i/ spelled one way where i and y are variants), adjacent
// word pairs for phrases, document numbers and procedure codes kept whole,
// BM25 scores computed at build time, and the whole cut into small
// content-hashed files that the client (assets/js/search.js) fetches on
// demand. The client tokenizes queries exactly as Tokenize does.
//
// An index has one language (Options.Lang): Vietnamese, the default, or
// English, whose analyzer (TokenizeLang) keeps the case, punctuation,
// NFC and diacritic folding but not the Vietnamese spelling rules, and
// reads apostrophes as English does.
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

// isApostrophe tells the apostrophes that English writes inside words:
// the typewriter one and the typographic one (U+2019).
func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' }

// The languages of an index, as Options.Lang and the manifest name them.
const (
	// LangVI is Vietnamese, the default (also written "").
	LangVI = "vi"
	// LangEN is English.
	LangEN = "en"
)

// vietnamese tells whether lang's text is analyzed as Vietnamese: "" and
// "vi". Every other language is analyzed as English.
func vietnamese(lang string) bool { return lang == "" || lang == LangVI }

// Tokenize splits NFC text into tokens. A run of letters and digits joined
// by '/', '.' or '-' that holds a digit is one number token ("93/KH-UBND",
// "25/2018/QĐ-UBND", "1.004227", "18-NQ/TW"), and when it also holds a
// letter its leading digits are a token too ("93"); any other run is split
// into words ("kinh-tế" → "kinh", "tế").
func Tokenize(s string) []Token {
	var z *tokenizer
	return z.tokenize(s, nil)
}

// TokenizeLang splits NFC text as the analyzer of lang does: Tokenize for
// Vietnamese ("" or "vi"); for English (and any other language) the same
// compounds, numbers and folding (lower case, NFC, diacritics dropped, đ
// as d: "Sơn Hà" → "son", "ha"), but without the Vietnamese spelling of
// /i/ ("by" stays "by", "try" stays "try"), and an apostrophe between
// two word runes belongs to the word: a final "'s" is dropped and the
// other apostrophes removed ("People's" → "people", "don't" → "dont").
func TokenizeLang(lang, s string) []Token {
	z := &tokenizer{english: !vietnamese(lang), nocache: true}
	return z.tokenize(s, nil)
}

// tokenizer remembers the tokens of the words it has seen: a long text
// repeats its words, and each is lowered and folded once. A nil tokenizer
// (or one with nocache) remembers nothing and analyzes Vietnamese.
type tokenizer struct {
	seen map[string]Token
	// english selects the English analyzer (TokenizeLang).
	english bool
	// nocache turns the memory off.
	nocache bool
}

// inWord tells whether r, between two word runes, belongs to the word
// without splitting it: an apostrophe, in English.
func (z *tokenizer) inWord(r rune) bool { return z != nil && z.english && isApostrophe(r) }

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
			if (isJoiner(r) || z.inWord(r)) && j+size < len(s) {
				if n, _ := utf8.DecodeRuneInString(s[j+size:]); isWordRune(n) && j > start {
					joined = joined || isJoiner(r)
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
	if z != nil && !z.nocache {
		if t, ok := z.seen[s]; ok && t.Number == number {
			if t.Folded == "" {
				return out
			}
			return append(out, t)
		}
	}
	exact := strings.ToLower(s)
	switch {
	case z != nil && z.english:
		exact = dropApostrophes(exact)
	case !number:
		exact = vnfold.UnifyIY(exact)
	}
	t := Token{Exact: exact, Folded: vnfold.Fold(exact), Number: number}
	if z != nil && !z.nocache {
		if z.seen == nil || len(z.seen) >= 1<<16 {
			z.seen = make(map[string]Token, 1024)
		}
		// The cache outlives the text: its token is a copy, not a slice
		// of the text that would keep the whole document in memory.
		z.seen[strings.Clone(s)] = Token{Exact: strings.Clone(t.Exact), Folded: strings.Clone(t.Folded), Number: t.Number}
	}
	if t.Folded == "" {
		return out
	}
	return append(out, t)
}

// dropApostrophes returns an English word (lower case) without its final
// possessive "'s" and without its other apostrophes: "people's" →
// "people", "don't" → "dont", "o'clock" → "oclock".
func dropApostrophes(w string) string {
	if !strings.ContainsFunc(w, isApostrophe) {
		return w
	}
	for _, a := range []string{"'s", "\u2019s"} {
		if cut, ok := strings.CutSuffix(w, a); ok && cut != "" {
			w = cut
			break
		}
	}
	return strings.Map(func(r rune) rune {
		if isApostrophe(r) {
			return -1
		}
		return r
	}, w)
}
