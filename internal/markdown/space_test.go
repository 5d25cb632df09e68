package markdown

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// collapsed writes s to words in two pieces, cut at the rune that starts
// at or after byte cut, as a body's text nodes are written.
func collapsed(s string, cut int) string {
	cut = min(max(cut, 0), len(s))
	for cut < len(s) && !utf8.RuneStart(s[cut]) {
		cut++
	}
	var t words
	t.write([]byte(s[:cut]))
	t.write([]byte(s[cut:]))
	return string(t.b)
}

func TestWordsCollapseSpace(t *testing.T) {
	for _, s := range []string{"", " ", "a", "  Một  hai\tba\n\nbốn ", "\u00a0x\u2003y\u3000", "a\xffb \xff c", "\u0085z", "đ\u200bđ"} {
		for cut := range len(s) + 1 {
			if got, want := collapsed(s, cut), strings.Join(strings.Fields(s), " "); got != want {
				t.Errorf("words of %q cut at %d = %q, want %q", s, cut, got, want)
			}
		}
	}
}

func FuzzWordsCollapseSpace(f *testing.F) {
	f.Add("  Một  hai\tba\n\nbốn \u00a0", 5)
	f.Fuzz(func(t *testing.T, s string, cut int) {
		if got, want := collapsed(s, cut), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("words of %q cut at %d = %q, want %q", s, cut, got, want)
		}
	})
}

func TestASCIISpace(t *testing.T) {
	for c := range byte(utf8.RuneSelf) {
		if asciiSpace[c] != unicode.IsSpace(rune(c)) {
			t.Errorf("asciiSpace[%q] = %v, unicode.IsSpace says %v", c, asciiSpace[c], !asciiSpace[c])
		}
	}
}

func BenchmarkWords(b *testing.B) {
	text := []byte(strings.Repeat("Ủy ban nhân dân tỉnh tổ chức hội nghị triển khai nhiệm vụ năm 2025;\n“Quyết định số 12/2024/QĐ-UBND”  về quản lý đất đai. ", 40))
	b.SetBytes(int64(len(text)))
	var t words
	for b.Loop() {
		t.b, t.space = t.b[:0], false
		t.write(text)
	}
}
