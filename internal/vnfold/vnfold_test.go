package vnfold_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"minhbach/internal/vnfold"
)

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Hội nghị sơ kết 6 tháng đầu năm", "hoi-nghi-so-ket-6-thang-dau-nam"},
		{"Đường giao thông ĐẮK LẮK", "duong-giao-thong-dak-lak"},
		{"93/KH-UBND", "93-kh-ubnd"},
		{"25/2018/QĐ-UBND", "25-2018-qd-ubnd"},
		{"Điều 1. Phạm vi điều chỉnh", "dieu-1-pham-vi-dieu-chinh"},
		{"  --Chuyển đổi số!!  ", "chuyen-doi-so"},
		{"../../etc/passwd", "etc-passwd"},
		{"\x00", ""},
		{"Thủ tục hành chính", "thu-tuc-hanh-chinh"},
		// NFD input folds the same as NFC input.
		{"Thu\u0309 tu\u0323c", "thu-tuc"},
	}
	for _, tt := range tests {
		if got := vnfold.Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSlugLength(t *testing.T) {
	long := strings.Repeat("thủ tục hành chính ", 20)
	got := vnfold.Slug(long)
	if len(got) > vnfold.MaxSlugLen || !vnfold.IsSlug(got) {
		t.Errorf("Slug(long) = %q (%d bytes), want a valid slug of at most %d bytes", got, len(got), vnfold.MaxSlugLen)
	}
}

func TestKey(t *testing.T) {
	for _, s := range []string{"Còn hiệu lực", "con hieu luc", "CON_HIEU_LUC", "còn  hiệu-lực"} {
		if got := vnfold.Key(s); got != "con hieu luc" {
			t.Errorf("Key(%q) = %q, want %q", s, got, "con hieu luc")
		}
	}
}

func TestNumber(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "52/2025/QĐ-UBND", "52/2025/QĐ-UBND"},
		{"en dash from Word", "52/2025/QĐ\u2013UBND", "52/2025/QĐ-UBND"},
		{"em dash", "52/2025/QĐ\u2014UBND", "52/2025/QĐ-UBND"},
		{"minus sign", "52/2025/QĐ\u2212UBND", "52/2025/QĐ-UBND"},
		{"non-breaking hyphen", "52/2025/QĐ\u2011UBND", "52/2025/QĐ-UBND"},
		{"hyphen", "52/2025/QĐ\u2010UBND", "52/2025/QĐ-UBND"},
		{"figure dash", "52/2025/QĐ\u2012UBND", "52/2025/QĐ-UBND"},
		{"horizontal bar", "52/2025/QĐ\u2015UBND", "52/2025/QĐ-UBND"},
		{"small hyphen-minus", "52/2025/QĐ\uFE63UBND", "52/2025/QĐ-UBND"},
		{"fullwidth hyphen-minus", "52/2025/QĐ\uFF0DUBND", "52/2025/QĐ-UBND"},
		{"fullwidth solidus", "52\uFF0F2025\uFF0FQĐ-UBND", "52/2025/QĐ-UBND"},
		{"division slash", "52\u22152025/QĐ-UBND", "52/2025/QĐ-UBND"},
		{"spaces around separators", " 52 / 2025 /QĐ - UBND ", "52/2025/QĐ-UBND"},
		{"no-break spaces", "52\u00A0/\u00A02025/QĐ\u00A0–\u00A0UBND", "52/2025/QĐ-UBND"},
		{"soft hyphen and zero-width space", "52/2025/Q\u00ADĐ-\u200BUBND", "52/2025/QĐ-UBND"},
		{"Icelandic eth for Đ", "52/2025/Q\u00D0-UBND", "52/2025/QĐ-UBND"},
		{"decomposed letters composed (NFC)", "12/2025/NQ-HĐND tỉnh Lâm Đo\u0302\u0300ng", "12/2025/NQ-HĐND tỉnh Lâm Đồng"},
		{"decomposed marks composed", "18/2025/QĐ-UBND ta\u0323i", "18/2025/QĐ-UBND tại"},
		{"party number", "18 – NQ / TW", "18-NQ/TW"},
		{"inner words keep one space", "Quyết  định   số 7", "Quyết định số 7"},
		{"empty", "   ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := vnfold.Number(tt.in); got != tt.want {
				t.Errorf("Number(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if got := vnfold.Number(tt.want); got != tt.want {
				t.Errorf("Number(%q) = %q: not idempotent", tt.want, got)
			}
		})
	}
}

func TestNumberKey(t *testing.T) {
	for _, n := range []string{"25/2018/QĐ-UBND", "25/2018/qd-ubnd", " 25/2018/ QĐ-ubnd ", "25/2018/QĐ\u2013UBND", "25 / 2018 / QÐ \u2014 UBND"} {
		if got := vnfold.NumberKey(n); got != "25/2018/qd-ubnd" {
			t.Errorf("NumberKey(%q) = %q", n, got)
		}
	}
}

func TestRemoveDiacritics(t *testing.T) {
	if got := vnfold.RemoveDiacritics("Đất đai, Ủy ban"); got != "Dat dai, Uy ban" {
		t.Errorf("RemoveDiacritics = %q", got)
	}
}

func FuzzSlug(f *testing.F) {
	for _, s := range []string{"Hội nghị sơ kết", "93/KH-UBND", "../x", "Đ", "a--b", "\xff\xfe", strings.Repeat("ạ", 100)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := vnfold.Slug(s)
		if got != "" && !vnfold.IsSlug(got) {
			t.Fatalf("Slug(%q) = %q, not a valid slug", s, got)
		}
		if again := vnfold.Slug(got); again != got {
			t.Fatalf("Slug not stable: Slug(%q) = %q, Slug(%q) = %q", s, got, got, again)
		}
	})
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Thủ tục đất đai", "ĐẮK LẮK", "Nghị quyết 18-NQ/TW", "ờ ở ỡ ớ ợ ư ứ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		once := vnfold.Fold(s)
		if twice := vnfold.Fold(once); twice != once {
			t.Fatalf("Fold not idempotent: %q → %q → %q", s, once, twice)
		}
		if isVietnamese(s) {
			for _, r := range once {
				if r >= utf8.RuneSelf {
					t.Fatalf("Fold(%q) = %q keeps non-ASCII %q", s, once, r)
				}
			}
		}
	})
}

func FuzzNumber(f *testing.F) {
	for _, s := range []string{"52/2025/QĐ\u2013UBND", " 18 – NQ / TW ", "a\u200B\u0301", "Q\u00D0\u00AD-UBND", "Quyết  định số 7"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		once := vnfold.Number(s)
		if twice := vnfold.Number(once); twice != once {
			t.Fatalf("Number not idempotent: %q → %q → %q", s, once, twice)
		}
		if vnfold.NFC(once) != once {
			t.Fatalf("Number(%q) = %q, not NFC", s, once)
		}
		if vnfold.NumberKey(once) != vnfold.NumberKey(s) {
			t.Fatalf("NumberKey(Number(%q)) = %q, NumberKey = %q", s, vnfold.NumberKey(once), vnfold.NumberKey(s))
		}
		for _, r := range once {
			if r != '-' && unicode.Is(unicode.Pd, r) || r == '\u2212' || unicode.Is(unicode.Cf, r) {
				t.Fatalf("Number(%q) = %q keeps %U", s, once, r)
			}
		}
	})
}

// isVietnamese reports whether every rune of s is ASCII or a Vietnamese letter.
func isVietnamese(s string) bool {
	const vi = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
	for _, r := range s {
		if r < utf8.RuneSelf {
			continue
		}
		lr := []rune(strings.ToLower(string(r)))
		if len(lr) != 1 || !strings.ContainsRune(vi, lr[0]) {
			return false
		}
	}
	return true
}

// FuzzFoldFast checks the table path of Fold against the general one.
func FuzzFoldFast(f *testing.F) {
	for _, s := range []string{"Thủ tục đất đai", "ĐẮK LẮK – “Sơn Hà”…", "a\u0301 e\u0302\u0301", "Ǆ ǅ ǆ İ ı ß", "한국 Ελλάδα ά"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		if got, want := vnfold.Fold(s), strings.ToLower(vnfold.RemoveDiacritics(s)); got != want {
			t.Fatalf("Fold(%q) = %q, want %q", s, got, want)
		}
	})
}

// iyTable is testdata/iy.json: the words UnifyIY must make one and those
// it must keep apart. internal/search checks the search client against it.
type iyTable struct {
	Same  [][2]string `json:"same"`
	Apart [][2]string `json:"apart"`
}

func readIYTable(t *testing.T) iyTable {
	t.Helper()
	data, err := os.ReadFile("testdata/iy.json")
	if err != nil {
		t.Fatal(err)
	}
	var tab iyTable
	if err := json.Unmarshal(data, &tab); err != nil {
		t.Fatal(err)
	}
	if len(tab.Same) < 10 || len(tab.Apart) < 10 {
		t.Fatalf("testdata/iy.json has %d pairs to fold together and %d to keep apart, want at least 10 of each", len(tab.Same), len(tab.Apart))
	}
	return tab
}

// TestUnifyIY checks every pair of the table with its diacritics and
// without them, as search indexes each word both ways.
func TestUnifyIY(t *testing.T) {
	tab := readIYTable(t)
	forms := func(w string) (exact, folded string) {
		w = strings.ToLower(vnfold.NFC(w))
		return vnfold.UnifyIY(w), vnfold.UnifyIY(vnfold.Fold(w))
	}
	for _, p := range tab.Same {
		ea, fa := forms(p[0])
		eb, fb := forms(p[1])
		if ea != eb || fa != fb {
			t.Errorf("%q and %q: UnifyIY gives %q/%q and %q/%q (with/without diacritics), want one word", p[0], p[1], ea, fa, eb, fb)
		}
		// Folding after unifying gives what unifying after folding gives.
		if f := vnfold.Fold(ea); f != fa {
			t.Errorf("%q: Fold(UnifyIY) = %q, UnifyIY(Fold) = %q", p[0], f, fa)
		}
	}
	for _, p := range tab.Apart {
		ea, fa := forms(p[0])
		eb, fb := forms(p[1])
		if ea == eb {
			t.Errorf("%q and %q both become %q: they are different words", p[0], p[1], ea)
		}
		if vnfold.Fold(p[0]) != vnfold.Fold(p[1]) && fa == fb {
			t.Errorf("%q and %q both fold to %q: they are different words", p[0], p[1], fa)
		}
		if ea != strings.ToLower(p[0]) || eb != strings.ToLower(p[1]) {
			t.Errorf("UnifyIY changed %q or %q (to %q, %q): neither has a variant", p[0], p[1], ea, eb)
		}
	}
	// Whole words of official text, one way and the other.
	for in, want := range map[string]string{"đăng": "đăng", "ký": "kí", "quỹ": "quỹ", "quĩ": "quỹ", "lý": "lí", "công": "công", "ty": "ti", "y": "y", "": ""} {
		if got := vnfold.UnifyIY(in); got != want {
			t.Errorf("UnifyIY(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestQuickNFC(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"", true},
		{"Ủy ban nhân dân tỉnh: “Quyết định số 12/2024/QĐ-UBND” – 5.000 ₫", true},
		{"Thu\u0309", false}, // NFD: a combining mark
		{"e\u0301", false},   // composes to é
		{"a\xffb", false},    // invalid UTF-8
		{"\u212b", false},    // Ångström sign: NFC is Å
		{"\u0344", false},    // not in NFC on its own
		{"漢字", false},        // beyond the table: norm decides
		{"Đà Nẵng, Huế", true},
	} {
		if got := vnfold.QuickNFC([]byte(tt.in)); got != tt.want {
			t.Errorf("QuickNFC(%q) = %v, want %v", tt.in, got, tt.want)
		}
		if got, want := string(vnfold.NFCBytes([]byte(tt.in))), vnfold.NFC(tt.in); got != want {
			t.Errorf("NFCBytes(%q) = %q, want %q", tt.in, got, want)
		}
	}
}

func FuzzQuickNFC(f *testing.F) {
	f.Add([]byte("Ủy ban nhân dân Thu\u0309 ễ\u0301"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if vnfold.QuickNFC(b) && (!utf8.Valid(b) || !norm.NFC.IsNormal(b)) {
			t.Errorf("QuickNFC(%q) = true, but it is not valid UTF-8 in NFC", b)
		}
		if got, want := string(vnfold.NFCBytes(b)), norm.NFC.String(string(b)); got != want {
			t.Errorf("NFCBytes(%q) = %q, want %q", b, got, want)
		}
	})
}

// TestQuickNFCPairs checks every rune QuickNFC takes as it is, alone and
// before and after a sample of the others, against norm.
func TestQuickNFCPairs(t *testing.T) {
	var stable []rune
	for r := rune(0x80); r < 0x2100; r++ {
		if vnfold.QuickNFC([]byte(string(r))) {
			stable = append(stable, r)
		}
	}
	if len(stable) < 1000 {
		t.Fatalf("only %d runes below U+2100 pass QuickNFC", len(stable))
	}
	for _, r := range stable {
		for j := 0; j < len(stable); j += 97 {
			for _, s := range []string{string(r), string(r) + string(stable[j]), string(stable[j]) + string(r), "a" + string(r) + "e"} {
				if !norm.NFC.IsNormalString(s) {
					t.Fatalf("QuickNFC takes %q, which is not in NFC", s)
				}
			}
		}
	}
}

// BenchmarkNFCBytes checks Vietnamese text that is already in NFC, as
// every content file is read.
func BenchmarkNFCBytes(b *testing.B) {
	text := []byte(strings.Repeat("Ủy ban nhân dân tỉnh tổ chức hội nghị triển khai nhiệm vụ năm 2025; “Quyết định số 12/2024/QĐ-UBND” về quản lý đất đai, Đà Nẵng – Huế. ", 40))
	b.Run("QuickNFC", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			vnfold.NFCBytes(text)
		}
	})
	b.Run("norm", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			norm.NFC.Bytes(text)
		}
	})
}
