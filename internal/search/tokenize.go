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
	if r < runeClasses {
		return classes[r]&classWord != 0
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// startsWord tells whether r may begin a word, or a word after a joiner:
// a letter or a digit. A combining mark belongs to the rune before it, so
// it only continues a word: folding drops it, and a token that began with
// one ("ؐ.0" → ".0") would fold to something that is not a token.
func startsWord(r rune) bool { return isLetter(r) || isDigit(r) }

// isDigit is unicode.IsDigit, from a table for the runes of Vietnamese.
func isDigit(r rune) bool {
	if r < runeClasses {
		return classes[r]&classDigit != 0
	}
	return unicode.IsDigit(r)
}

// isLetter is unicode.IsLetter, from a table for the runes of Vietnamese.
func isLetter(r rune) bool {
	if r < runeClasses {
		return classes[r]&classLetter != 0
	}
	return unicode.IsLetter(r)
}

// runeClasses is how many runes, from 0, the table of classes holds:
// Latin, with Latin Extended Additional where Vietnamese letters live.
const runeClasses = 0x1F00

// The classes of a rune in the table.
const (
	classLetter = 1 << iota
	classDigit
	classWord
)

// classes holds the classes of the runes below runeClasses, so that
// a Vietnamese text is split without the Unicode tables' searches.
var classes = func() []uint8 {
	t := make([]uint8, runeClasses)
	for r := range rune(runeClasses) {
		if unicode.IsLetter(r) {
			t[r] |= classLetter
		}
		if unicode.IsDigit(r) {
			t[r] |= classDigit
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			t[r] |= classWord
		}
	}
	return t
}()

// decode is utf8.DecodeRuneInString with a fast path for ASCII.
func decode(s string) (rune, int) {
	if len(s) > 0 && s[0] < utf8.RuneSelf {
		return rune(s[0]), 1
	}
	return utf8.DecodeRuneInString(s)
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
	// seen maps a word of the text to its analysis in words.
	seen  map[string]int32
	words []word
	// english selects the English analyzer (TokenizeLang).
	english bool
	// nocache turns the memory off.
	nocache bool
	// dict, when set, numbers the keys of the words remembered (their
	// folded and exact keys), for counting: see words.
	dict *dict
	// hot finds the frequent words before seen does: a table small
	// enough to stay in the processor's cache, by a hash of the word,
	// of the number + 1 in words of the word last looked up there.
	hot *[hotWords]hotWord
}

// hotWords is the size of a tokenizer's table of frequent words.
const hotWords = 1 << 12

type hotWord struct {
	hash uint32
	word int32
}

// word is a remembered word: its token, and the dict's numbers of its
// folded key and of its exact key ("=" and Exact; -1 when Exact is
// Folded), when the tokenizer has a dict.
type word struct {
	Token
	folded, exact int32
	// raw is the word as the text writes it.
	raw string
}

// maxWords is how many words a tokenizer remembers before it forgets them
// all.
const maxWords = 1 << 16

// inWord tells whether r, between two word runes, belongs to the word
// without splitting it: an apostrophe, in English.
func (z *tokenizer) inWord(r rune) bool { return z != nil && z.english && isApostrophe(r) }

// tokenize appends the tokens of s to out, as Tokenize.
func (z *tokenizer) tokenize(s string, out []Token) []Token {
	out, _ = z.scan(s, out, nil, false)
	return out
}

// wordsOf appends to ids the numbers (in z.words) of the words of s that
// give a token, as Tokenize splits it. It needs a remembering tokenizer,
// and its numbers are valid until forget.
func (z *tokenizer) wordsOf(s string, ids []int32) []int32 {
	_, ids = z.scan(s, nil, ids, true)
	return ids
}

// scan splits s as Tokenize does and appends its tokens to out, or, with
// remembered, the numbers of its remembered words to ids.
func (z *tokenizer) scan(s string, out []Token, ids []int32, remembered bool) ([]Token, []int32) {
	emit := func(w string, number bool) {
		if remembered {
			if i := z.wordOf(w, number); i >= 0 {
				ids = append(ids, i)
			}
			return
		}
		out = z.appendToken(out, w, number)
	}
	i := 0
	for i < len(s) {
		r, size := decode(s[i:])
		if !startsWord(r) {
			i += size
			continue
		}
		// A compound: word runes, with single joiners between them.
		start, end := i, i
		joined, digit, letter := false, false, false
		for j := i; j < len(s); {
			r, size := decode(s[j:])
			if isWordRune(r) {
				digit = digit || isDigit(r)
				letter = letter || isLetter(r)
				j += size
				end = j
				continue
			}
			if (isJoiner(r) || z.inWord(r)) && j+size < len(s) {
				if n, _ := decode(s[j+size:]); startsWord(n) && j > start {
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
			emit(compound, true)
			if letter {
				lead := strings.IndexFunc(compound, func(r rune) bool { return !isDigit(r) })
				if lead > 0 {
					emit(compound[:lead], false)
				}
			}
			continue
		}
		if !joined {
			emit(compound, false)
			continue
		}
		// The words between the joiners (ASCII: no byte of a longer
		// rune is one).
		w := 0
		for k := 0; k <= len(compound); k++ {
			if k == len(compound) || compound[k] == '/' || compound[k] == '.' || compound[k] == '-' {
				if k > w {
					emit(compound[w:k], false)
				}
				w = k + 1
			}
		}
	}
	return out, ids
}

// analyze returns the token of a word of text.
func (z *tokenizer) analyze(s string, number bool) Token {
	exact := strings.ToLower(s)
	switch {
	case z != nil && z.english:
		exact = dropApostrophes(exact)
	case !number:
		exact = vnfold.UnifyIY(exact)
	}
	folded := vnfold.Fold(exact)
	if !number && (z == nil || !z.english) {
		// Folding can make a word whose first letters are not an initial
		// consonant into one that is: "ȑy" folds to "ry", which is spelled
		// "ri" (vnfold.UnifyIY). Spelled again, the folded word is its own
		// token. Vietnamese words are unchanged: their initials fold to
		// initials.
		folded = vnfold.UnifyIY(folded)
	}
	return Token{Exact: exact, Folded: folded, Number: number}
}

// remember returns the number of the word s, whose token is t, in z.words.
// The memory outlives the text: its token is a copy, not a slice of the
// text that would keep the whole document in memory.
func (z *tokenizer) remember(s string, t Token) int32 {
	w := word{Token: Token{Folded: strings.Clone(t.Folded), Number: t.Number}, folded: -1, exact: -1}
	w.Exact = w.Folded
	if t.Exact != t.Folded {
		w.Exact = strings.Clone(t.Exact)
	}
	if z.dict != nil && w.Folded != "" {
		w.folded = z.dict.id(w.Folded)
		if w.Exact != w.Folded {
			w.exact = z.dict.id("=" + w.Exact)
		}
	}
	if z.seen == nil {
		z.seen = make(map[string]int32, 1024)
		z.hot = new([hotWords]hotWord)
	}
	i := int32(len(z.words))
	w.raw = strings.Clone(s)
	z.words = append(z.words, w)
	z.seen[w.raw] = i
	return i
}

// forget clears the memory.
func (z *tokenizer) forget() {
	clear(z.seen)
	z.words = z.words[:0]
	if z.hot != nil {
		clear(z.hot[:])
	}
}

// wordOf returns the number in z.words of the word s, remembering it, or
// -1 when it folds to nothing (a lone combining mark).
func (z *tokenizer) wordOf(s string, number bool) int32 {
	h := uint32(2166136261) // FNV-1a
	for k := 0; k < len(s); k++ {
		h = (h ^ uint32(s[k])) * 16777619
	}
	var hot *hotWord
	if z.hot != nil {
		hot = &z.hot[h%hotWords]
		if hot.hash == h && hot.word > 0 {
			if w := &z.words[hot.word-1]; w.raw == s && w.Number == number {
				if w.Folded == "" {
					return -1
				}
				return hot.word - 1
			}
		}
	}
	i, ok := z.seen[s]
	if !ok || z.words[i].Number != number {
		i = z.remember(s, z.analyze(s, number))
		if hot == nil {
			hot = &z.hot[h%hotWords]
		}
	}
	hot.hash, hot.word = h, i+1
	if z.words[i].Folded == "" {
		return -1
	}
	return i
}

// appendToken adds s unless it folds to nothing (a lone combining mark).
func (z *tokenizer) appendToken(out []Token, s string, number bool) []Token {
	if z == nil || z.nocache {
		if t := z.analyze(s, number); t.Folded != "" {
			out = append(out, t)
		}
		return out
	}
	if len(z.words) >= maxWords && z.dict == nil {
		z.forget()
	}
	if i := z.wordOf(s, number); i >= 0 {
		out = append(out, z.words[i].Token)
	}
	return out
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
