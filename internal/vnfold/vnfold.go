// Package vnfold handles Vietnamese text: Unicode NFC, diacritic removal with
// đ→d, URL slugs and comparison keys. It uses golang.org/x/text for the
// Unicode work and depends on nothing else of the project.
package vnfold

import (
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
// → "thu tuc dat dai".
func Fold(s string) string { return strings.ToLower(RemoveDiacritics(s)) }

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
// case, diacritics and spaces do not matter, so "25/2018/qd-ubnd" and
// "25/2018/QĐ-UBND" share a key.
func NumberKey(number string) string {
	return strings.Join(strings.Fields(Fold(number)), "")
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
