package vnfold_test

import (
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
