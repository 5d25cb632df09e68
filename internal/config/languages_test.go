package config_test

import (
	"strings"
	"testing"

	"minhbach/internal/config"
)

// TestLanguages reads a site in two languages: the per-language site
// text (In), menu labels and registry labels per language.
func TestLanguages(t *testing.T) {
	s, d := config.Load([]byte(`title: Cổng tỉnh
agency: Văn phòng
contact: {address: Số 12 Trần Hưng Đạo, phone: 0208 111}
languages: [vi, en]
translations:
  en: {title: Province Portal, contact: {address: 12 Tran Hung Dao Street}}
menus:
  main:
    - {name: {vi: Tin tức, en: News}, url: /tin-tuc/}
    - {name: Công báo, url: /cong-bao/}
fields:
  dat-dai: {vi: Đất đai, en: Land}
  ho-tich: Hộ tịch
base_url: https://a.example.gov.vn/
`))
	if len(d) != 0 {
		t.Fatalf("diagnostics: %s", d.Format(0))
	}
	if !s.Multilingual() || strings.Join(s.Others(), ",") != "en" {
		t.Errorf("Languages = %v", s.Languages)
	}
	en := s.In("en")
	if en.Title != "Province Portal" || en.Language != "en" || en.Agency != "Văn phòng" || en.Contact.Address != "12 Tran Hung Dao Street" || en.Contact.Phone != "0208 111" {
		t.Errorf("In(en) = %q %q %q %+v", en.Title, en.Language, en.Agency, en.Contact)
	}
	if s.In("vi") != s || s.Title != "Cổng tỉnh" || s.Contact.Address != "Số 12 Trần Hưng Đạo" {
		t.Errorf("the Vietnamese site changed: %q %+v", s.Title, s.Contact)
	}
	s.SetBaseURL("https://b.example.gov.vn")
	if s.In("en").BaseURL != "https://b.example.gov.vn/" {
		t.Errorf("In(en).BaseURL = %q after SetBaseURL", s.In("en").BaseURL)
	}
	m := s.Menus["main"]
	if n, ok := m[0].NameIn("en"); !ok || n != "News" || m[0].Name != "Tin tức" {
		t.Errorf("menu item 0 = %+v", m[0])
	}
	if _, ok := m[1].NameIn("en"); ok {
		t.Errorf("menu item without an English label has one: %+v", m[1])
	}
	if s.Fields[0].In("en") != "Land" || s.Fields[0].Label != "Đất đai" || s.Fields[1].In("en") != "Hộ tịch" {
		t.Errorf("Fields = %+v", s.Fields)
	}
}

// TestLanguagesErrors: the first language must be vi, languages are known
// ones listed once, and translations name declared languages.
func TestLanguagesErrors(t *testing.T) {
	for _, c := range []struct{ yaml, want string }{
		{"languages: [en, vi]", "the first language must be vi"},
		{"languages: [vi, fr]", `"fr" is not a language minhbach knows`},
		{"languages: [vi, en, en]", `"en" is listed twice`},
		{"languages: [vi]\ntranslations: {en: {title: X}}", `translations: "en" is not a language of the site`},
		{"menus: {main: [{name: {vi: A, de: B}, url: /}]}", `unknown key "de"`},
	} {
		s, d := config.Load([]byte("title: Cổng\n" + c.yaml + "\n"))
		if !strings.Contains(d.Format(0), c.want) {
			t.Errorf("%q: diagnostics %q, want %q", c.yaml, d.Format(0), c.want)
		}
		if strings.HasPrefix(c.yaml, "languages: [en") && s.Multilingual() {
			t.Errorf("%q: taken as multilingual", c.yaml)
		}
	}
}
