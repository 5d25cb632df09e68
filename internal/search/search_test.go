package search_test

import (
	"slices"
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

// FuzzTokenize checks the tokenizer's properties: tokens are never empty,
// folding is idempotent, remembered tokens equal fresh ones, and every
// folded token of Vietnamese text is ASCII.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"Thủ tục đất đai", "93/KH-UBND", "1.004227", "a/-b", "Đ.Đ/1", "ờ-ở/1.ỡ"} {
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
