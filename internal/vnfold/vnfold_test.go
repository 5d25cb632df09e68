package vnfold_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

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

func TestNumberKey(t *testing.T) {
	for _, n := range []string{"25/2018/QĐ-UBND", "25/2018/qd-ubnd", " 25/2018/ QĐ-ubnd "} {
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
