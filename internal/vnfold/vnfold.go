// Package vnfold handles Vietnamese text: Unicode NFC, diacritic removal with
// đ→d, URL slugs and comparison keys. It uses golang.org/x/text for the
// Unicode work and depends on nothing else of the project.
package vnfold

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// NFC returns s in Unicode normalisation form C.
func NFC(s string) string { return norm.NFC.String(s) }

// NFCBytes returns b in Unicode normalisation form C: b itself, not a
// copy, when it already is.
func NFCBytes(b []byte) []byte {
	if QuickNFC(b) {
		return b
	}
	return norm.NFC.Bytes(b)
}

// QuickNFC reports whether b is valid UTF-8 made only of ASCII and of the
// Latin, Vietnamese and punctuation letters (below U+2100) that are in
// NFC whatever comes before or after them: b is then in NFC. False means
// that it may not be. It is faster than norm's own check on Vietnamese
// text, whose letters nearly all take this path.
func QuickNFC(b []byte) bool {
	stable := nfcStable()
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if int(r) >= len(stable) || !stable[r] {
			return false // also utf8.RuneError, of invalid UTF-8
		}
		i += n
	}
	return true
}

// nfcStable tells, for each rune below U+2100, whether it is NFC's quick
// check "yes" with combining class 0: a text of such runes alone is in
// NFC (UAX #15, the quick check).
var nfcStable = sync.OnceValue(func() *[0x2100]bool {
	var t [0x2100]bool
	for r := rune(0x80); r < rune(len(t)); r++ {
		s := string(r)
		p := norm.NFC.PropertiesString(s)
		t[r] = utf8.ValidRune(r) && p.BoundaryBefore() && p.CCC() == 0 &&
			norm.NFC.IsNormalString(s)
	}
	return &t
})

// foldPool holds diacritic-removing transformers: a transform.Chain keeps
// state, so each call takes its own.
var foldPool = sync.Pool{New: func() any {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), runes.Map(mapD), norm.NFC)
}}

func mapD(r rune) rune {
	switch r {
	case 'đ':
		return 'd'
	case 'Đ':
		return 'D'
	}
	return r
}

// RemoveDiacritics strips tone and vowel marks and maps đ/Đ to d/D, keeping
// case: "Đất đai" → "Dat dai". NFD with combining marks removed leaves đ
// untouched, hence the explicit mapping.
func RemoveDiacritics(s string) string {
	if isASCII(s) {
		return s
	}
	t := foldPool.Get().(transform.Transformer)
	defer foldPool.Put(t)
	out, _, err := transform.String(t, s)
	if err != nil {
		return s
	}
	return out
}

// Fold returns the lower-case form of s without diacritics: "Thủ tục ĐẤT ĐAI"
// → "thu tuc dat dai". Latin text (Vietnamese included) takes a fast path
// through a table made from the general one, with the same result.
func Fold(s string) string {
	table := foldTable()
	var b []byte
	for i, r := range s {
		var f rune
		switch {
		case r < utf8.RuneSelf:
			f = r
			if 'A' <= r && r <= 'Z' {
				f += 'a' - 'A'
			}
		case r < rune(len(table)):
			f = table[r]
		case 0x2000 <= r && r < 0x2070: // punctuation: no case, no marks
			f = r
		default:
			f = -1
		}
		if f == -1 {
			return strings.ToLower(RemoveDiacritics(s))
		}
		if b == nil {
			if f == r {
				continue
			}
			b = make([]byte, i, len(s))
			copy(b, s[:i])
		}
		if f != -2 {
			b = utf8.AppendRune(b, f)
		}
	}
	if b == nil {
		return s
	}
	return string(b)
}

// foldTable maps each rune below U+1F00 (Latin, with Latin Extended
// Additional where Vietnamese letters live) to its folded rune, -2 for a
// rune that folds to nothing (a combining mark), -1 where folding is not
// one rune.
var foldTable = sync.OnceValue(func() []rune {
	t := make([]rune, 0x1F00)
	for r := range rune(len(t)) {
		if !utf8.ValidRune(r) {
			t[r] = -1
			continue
		}
		f := []rune(strings.ToLower(RemoveDiacritics(string(r))))
		switch len(f) {
		case 0:
			t[r] = -2
		case 1:
			t[r] = f[0]
		default:
			t[r] = -1
		}
	}
	return t
})

// Key returns a comparison key for enumerated values written by staff:
// case, diacritics, '_' and '-' and runs of spaces do not matter, so
// "Còn hiệu lực", "con hieu luc" and "con_hieu_luc" share a key.
func Key(s string) string {
	f := Fold(s)
	return strings.Join(strings.FieldsFunc(f, func(r rune) bool {
		return r == '_' || r == '-' || unicode.IsSpace(r)
	}), " ")
}

// NumberKey returns the comparison key of a document number or code:
// case, diacritics, spaces and the look-alikes Number replaces do not
// matter, so "25/2018/qd-ubnd", "25/2018/QĐ–UBND" and "25/2018/QĐ-UBND"
// share a key.
func NumberKey(number string) string {
	return strings.Join(strings.Fields(Fold(Number(number))), "")
}

// Number returns a document number as it is shown and compared, whatever
// the program it was typed or pasted from: NFC; dashes, minus signs,
// non-breaking and other hyphen look-alikes become '-', slash look-alikes
// '/'; invisible format characters (soft hyphen, zero-width space, BOM)
// are dropped; the Icelandic Ð that converted Vietnamese text sometimes
// holds becomes Đ; runs of spaces become one, and spaces around '/' and
// '-' are removed: "52 / 2025 / QĐ – UBND" → "52/2025/QĐ-UBND".
func Number(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '-' || r == '/':
			b.WriteRune(r)
		case isHyphen(r):
			b.WriteByte('-')
		case r == '\u2044' || r == '\u2215' || r == '\uFF0F' || r == '\u29F8': // fraction, division, fullwidth, big solidus
			b.WriteByte('/')
		case unicode.Is(unicode.Cf, r):
		case r == '\u00D0': // Ð
			b.WriteRune('Đ')
		case r == '\u00F0': // ð
			b.WriteRune('đ')
		case unicode.IsSpace(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	words := strings.Fields(b.String())
	b.Reset()
	for i, w := range words {
		if i > 0 && !strings.HasSuffix(words[i-1], "/") && !strings.HasSuffix(words[i-1], "-") &&
			!strings.HasPrefix(w, "/") && !strings.HasPrefix(w, "-") {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return NFC(b.String())
}

// isHyphen reports whether r is a dash or looks like a hyphen: the Unicode
// dash punctuation (hyphen, non-breaking hyphen, figure, en and em dashes,
// horizontal bar, small and fullwidth hyphen-minus, …) and the minus signs.
func isHyphen(r rune) bool {
	switch r {
	case '\u2212', '\u2043', '\u02D7', '\u2796': // minus sign, hyphen bullet, modifier minus, heavy minus
		return true
	}
	return unicode.Is(unicode.Pd, r)
}

// MaxSlugLen is the longest slug Slug returns, in bytes.
const MaxSlugLen = 80

// Slug folds s to a URL segment of [a-z0-9-]: "Hội nghị sơ kết 6 tháng" →
// "hoi-nghi-so-ket-6-thang". Runs of other characters become one '-', the
// result never starts or ends with '-', and it is cut at a word boundary
// to at most MaxSlugLen bytes. It returns "" when s has no letter or digit.
func Slug(s string) string {
	f := Fold(s)
	var b strings.Builder
	b.Grow(len(f))
	dash := false
	for _, r := range f {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	out := b.String()
	if len(out) > MaxSlugLen {
		out = out[:MaxSlugLen]
		if i := strings.LastIndexByte(out, '-'); i > MaxSlugLen/2 {
			out = out[:i]
		}
		out = strings.TrimRight(out, "-")
	}
	return out
}

// IsSlug reports whether s is a valid slug: non-empty [a-z0-9-], no leading,
// trailing or doubled '-', at most MaxSlugLen bytes.
func IsSlug(s string) bool {
	if s == "" || len(s) > MaxSlugLen || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// The two spellings of the vowel /i/: y and i, bare and with each tone
// mark, in the same order.
var (
	ySpellings = []rune("yýỳỷỹỵ")
	iSpellings = []rune("iíìỉĩị")
)

// initials are the initial consonants of Vietnamese syllables, written in
// lower case, that can stand right before the vowel /i/ (qu and gi,
// whose u and i belong to the rhyme, are apart).
var initials = map[string]bool{
	"b": true, "c": true, "ch": true, "d": true, "đ": true, "g": true, "gh": true, "h": true,
	"k": true, "kh": true, "l": true, "m": true, "n": true, "ng": true, "ngh": true, "nh": true,
	"p": true, "ph": true, "r": true, "s": true, "t": true, "th": true, "tr": true, "v": true, "x": true,
}

// UnifyIY returns a lower-case word (with or without diacritics, NFC) with
// the vowel /i/ spelled one way where Vietnamese spelling allows two, so
// that "ký" and "kí", "lý" and "lí", "mỹ" and "mĩ", "hy" and "hi", "quí"
// and "quý" become one word:
//
//   - a syllable of an initial consonant and /i/ alone, with no final
//     consonant, writes i: "kỹ" → "kĩ", "ty" → "ti", "sỹ" → "sĩ";
//   - after qu, whose u is the glide of the rhyme, /i/ alone writes y:
//     "quí" → "quý", "qui" → "quy".
//
// These are the rules of the Ministry of Education's spelling for school
// books: Quyết định 240/QĐ of 5 March 1984, "Quy định về chính tả tiếng Việt
// và về thuật ngữ tiếng Việt", and its successor, Quyết định 1989/QĐ-BGDĐT
// of 25 May 2018, Điều 9 (/i/ right after an initial consonant is written
// i: hi vọng, kỉ niệm, lí luận, mĩ thuật, bác sĩ, tỉ lệ; y stays after the
// glide u: quy định, thuỷ, huỷ). Both spellings stay in official use (see
// also Wikipedia, "Vietnamese alphabet": the 1984 decision keeps y only
// for y alone, for y before ê, after u and in ay, ây), so a search must
// treat them as one.
//
// Every other word is returned as it is, and the spellings that are not
// variants of each other stay apart: y alone (y tế, ý kiến, ỷ lại) and i
// alone (ì ạch, ỉ eo); uy and ui (tuy and tui, huy and hui, thuỷ and
// thui); yê and ya (yêu, khuya); ay and ai, ây and âi.
func UnifyIY(w string) string {
	r, size := utf8.DecodeLastRuneInString(w)
	head := w[:len(w)-size]
	if head == "" {
		return w
	}
	if i := slices.Index(ySpellings, r); i >= 0 && initials[head] {
		return head + string(iSpellings[i])
	}
	if i := slices.Index(iSpellings, r); i >= 0 && head == "qu" {
		return head + string(ySpellings[i])
	}
	return w
}
