package i18n

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"minhbach/internal/meta"
)

// TestFormats: dates, numbers and sizes as each language writes them.
func TestFormats(t *testing.T) {
	vi, en := New("vi", nil), New("en", nil)
	d := time.Date(2018, 8, 8, 9, 5, 0, 0, meta.Zone)
	tue := time.Date(2022, 8, 2, 23, 30, 0, 0, time.UTC) // 3 August, 06:30 in Vietnam
	for _, c := range []struct{ got, want string }{
		{vi.LongDate(d), "ngày 08 tháng 8 năm 2018"},
		{en.LongDate(d), "8 August 2018"},
		{vi.DayDate(tue.Add(-12 * time.Hour)), "Thứ Ba, ngày 02/8/2022"},
		{en.DayDate(tue.Add(-12 * time.Hour)), "Tuesday, 2 August 2022"},
		{en.DayDate(tue), "Wednesday, 3 August 2022"},
		{vi.ShortDate(d), "08/8/2018"},
		{en.ShortDate(d), "8 Aug 2018"},
		{vi.LegalDate(d), "08/08/2018"},
		{en.LegalDate(d), "8 August 2018"},
		{vi.SignedAt(d), "09:05 08/08/2018"},
		{en.SignedAt(d), "09:05, 8 August 2018"},
		{vi.Number(1234567), "1.234.567"},
		{en.Number(1234567), "1,234,567"},
		{vi.Number(999), "999"},
		{vi.Decimal(1234.5, 1), "1.234,5"},
		{en.Decimal(1234.5, 1), "1,234.5"},
		{en.Decimal(-1234567.25, 2), "-1,234,567.25"},
		{vi.Percent(0.978), "97,8\u00a0%"},
		{en.Percent(0.978), "97.8%"},
		{en.Percent(1), "100%"},
		{vi.FileSize(12595), "12,3 KB"},
		{en.FileSize(12595), "12.3 KB"},
		{vi.FileSize(10), "10 byte"},
		{en.FileSize(10), "10 bytes"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

// TestLoad: the site's table overrides the theme's key by key; nested
// mappings are dotted keys; a site's text with other placeholders than
// the theme's, a list value and a duplicate key are errors at their line.
func TestLoad(t *testing.T) {
	theme := fstest.MapFS{
		"vi.yaml": {Data: []byte("a.b: \"Một\"\npager.page: \"Trang %d\"\nkeep: Giữ\n")},
		"en.yaml": {Data: []byte("a:\n  b: One\npager.page: \"Page %d\"\nkeep: Keep\n")},
	}
	site := fstest.MapFS{
		"en.yaml": {Data: []byte("a.b: First\npager.page: \"Page\"\nlist: [x]\nkeep: Kept\nkeep: Again\n")},
	}
	tabs, d := Load(theme, site, []string{"vi", "en"})
	en := tabs["en"]
	for key, want := range map[string]string{"a.b": "First", "pager.page": "Page %d", "keep": "Kept"} {
		if got, _ := en.Lookup(key); got != want {
			t.Errorf("en %s = %q, want %q", key, got, want)
		}
	}
	if got, _ := tabs["vi"].Text("pager.page", 3); got != "Trang 3" {
		t.Errorf("vi pager.page 3 = %q", got)
	}
	if _, err := en.Text("nope"); err == nil || !strings.Contains(err.Error(), `"nope"`) || !strings.Contains(err.Error(), "i18n/en.yaml") {
		t.Errorf("missing key: %v", err)
	}
	got := d.Format(10)
	for _, want := range []string{"i18n/en.yaml:2:1:", `"pager.page"`, "%d", "i18n/en.yaml:3:7:", "i18n/en.yaml:5:1:", `duplicate key "keep"`} {
		if !strings.Contains(got, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, got)
		}
	}
	if n := len(d); n != 3 {
		t.Errorf("want 3 problems, got %d:\n%s", n, got)
	}
	if w := en.Where(); w != "i18n/en.yaml (theme), i18n/en.yaml" {
		t.Errorf("Where = %q", w)
	}
}

// TestVerbs: the placeholders of a text, without "%%".
func TestVerbs(t *testing.T) {
	if got := strings.Join(Verbs("%d of %s, 100%% and %[1]d"), " "); got != "%d %s %[1]d" {
		t.Errorf("Verbs = %q", got)
	}
}
