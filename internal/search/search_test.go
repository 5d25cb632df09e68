package search_test

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"minhbach/internal/search"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string // folded, with "#" before number tokens
	}{
		{"Thủ tục ĐẤT ĐAI", []string{"thu", "tuc", "dat", "dai"}},
		{"Kế hoạch số 93/KH-UBND ngày 09/5/2018", []string{"ke", "hoach", "so", "#93/kh-ubnd", "93", "ngay", "#09/5/2018"}},
		{"Quyết định 25/2018/QĐ-UBND.", []string{"quyet", "dinh", "#25/2018/qd-ubnd", "25"}},
		{"mã 1.004227; Nghị quyết 18-NQ/TW", []string{"ma", "#1.004227", "nghi", "quyet", "#18-nq/tw", "18"}},
		{"kinh-tế, xã hội… (v.v.)", []string{"kinh", "te", "xa", "hoi", "v", "v"}},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range search.Tokenize(tt.in) {
			s := tok.Folded
			if tok.Number {
				s = "#" + s
			}
			got = append(got, s)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	toks := search.Tokenize("Mã số")
	if toks[0].Exact != "mã" || toks[0].Folded != "ma" {
		t.Errorf("Tokenize(Mã) = %+v, want exact mã, folded ma", toks[0])
	}
}

// TestTokenizeEnglish checks the English analyzer: case, punctuation and
// diacritics do not matter ("Son Ha" is "Sơn Hà"), Vietnamese spelling
// rules do not apply ("by", "try" stay), apostrophes join ("don't") and
// a possessive 's is dropped; numbers and codes are kept whole as in
// Vietnamese.
func TestTokenizeEnglish(t *testing.T) {
	tests := []struct {
		in   string
		want []string // folded, with "#" before number tokens
	}{
		{"Sơn Hà Province", []string{"son", "ha", "province"}},
		{"SON HA province.", []string{"son", "ha", "province"}},
		{"The People's Committee of Đà Nẵng", []string{"the", "people", "committee", "of", "da", "nang"}},
		{"Vietnam’s investors don't wait (O'Brien's café)", []string{"vietnam", "investors", "dont", "wait", "obrien", "cafe"}},
		{"by my try: Ký, quí", []string{"by", "my", "try", "ky", "qui"}},
		{"'quoted' words' ends", []string{"quoted", "words", "ends"}},
		{"Plan No. 93/KH-UBND of 9 May 2018", []string{"plan", "no", "#93/kh-ubnd", "93", "of", "9", "may", "2018"}},
		{"Decision 25/2018/QĐ-UBND's annex", []string{"decision", "#25/2018/qd-ubnd", "25", "annex"}},
		{"socio-economic, e-mail", []string{"socio", "economic", "e", "mail"}},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range search.TokenizeLang(search.LangEN, tt.in) {
			s := tok.Folded
			if tok.Number {
				s = "#" + s
			}
			got = append(got, s)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("TokenizeLang(en, %q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if a, b := search.TokenizeLang(search.LangEN, "Son Ha"), search.TokenizeLang(search.LangEN, "Sơn Hà"); a[0].Folded != b[0].Folded || a[1].Folded != b[1].Folded {
		t.Errorf("Son Ha %+v and Sơn Hà %+v fold apart", a, b)
	}
	if toks := search.TokenizeLang(search.LangEN, "Sơn"); toks[0].Exact != "sơn" {
		t.Errorf("the exact form of Sơn is %q, want sơn", toks[0].Exact)
	}
	// Vietnamese keeps its rules, with "" or "vi".
	for _, lang := range []string{"", search.LangVI} {
		if got := search.TokenizeLang(lang, "by don't"); len(got) != 3 || got[0].Folded != "bi" || got[1].Folded != "don" || got[2].Folded != "t" {
			t.Errorf("TokenizeLang(%q, by don't) = %+v, want the Vietnamese analyzer's bi, don, t", lang, got)
		}
	}
}

// FuzzTokenize checks the tokenizer's properties: tokens are never empty,
// folding is idempotent, remembered tokens equal fresh ones, and every
// folded token of Vietnamese text is ASCII.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"Thủ tục đất đai", "93/KH-UBND", "1.004227", "a/-b", "Đ.Đ/1", "ờ-ở/1.ỡ", "People's don't", "x''s'", "1'5/a's"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		for _, tok := range search.Tokenize(s) {
			if tok.Exact == "" || tok.Folded == "" {
				t.Fatalf("Tokenize(%q): empty token %+v", s, tok)
			}
			again := search.Tokenize(tok.Folded)
			if len(again) == 0 || again[0].Folded != tok.Folded {
				t.Fatalf("Tokenize(%q): folded %q does not tokenize to itself: %+v", s, tok.Folded, again)
			}
		}
		if a, b := search.Tokenize(s), search.TokenizeTwice(s); !slices.Equal(a, b) {
			t.Fatalf("Tokenize(%q) = %+v, but from the tokenizer's memory %+v", s, a, b)
		}
		// English: the same properties, and no apostrophe in a token.
		for _, tok := range search.TokenizeLang(search.LangEN, s) {
			if tok.Exact == "" || tok.Folded == "" || strings.ContainsAny(tok.Exact, "'\u2019") {
				t.Fatalf("TokenizeLang(en, %q): bad token %+v", s, tok)
			}
			again := search.TokenizeLang(search.LangEN, tok.Folded)
			if len(again) == 0 || again[0].Folded != tok.Folded {
				t.Fatalf("TokenizeLang(en, %q): folded %q does not tokenize to itself: %+v", s, tok.Folded, again)
			}
		}
		if a, b := search.TokenizeLang(search.LangEN, s), search.TokenizeTwiceLang(search.LangEN, s); !slices.Equal(a, b) {
			t.Fatalf("TokenizeLang(en, %q) = %+v, but from the tokenizer's memory %+v", s, a, b)
		}
		if vietnamese(s) {
			for _, tok := range search.Tokenize(s) {
				for _, r := range tok.Folded {
					if r >= utf8.RuneSelf {
						t.Fatalf("Tokenize(%q): folded token %q is not ASCII", s, tok.Folded)
					}
				}
			}
		}
	})
}

func vietnamese(s string) bool {
	const vi = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ"
	for _, r := range s {
		if r >= utf8.RuneSelf && !containsRune(vi, r) {
			return false
		}
	}
	return true
}

func containsRune(s string, r rune) bool {
	for _, x := range s {
		if x == r {
			return true
		}
	}
	return false
}
