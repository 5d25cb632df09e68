package config

import (
	"slices"
	"strings"

	"minhbach/internal/diag"
	"minhbach/internal/meta"
)

// The languages a site may declare (key languages): Vietnamese, the
// first and the one at the root, and English, under /en/. Each needs a
// URL table (internal/urls) and a table of UI strings (i18n/), which is
// why the list is closed.
var KnownLanguages = []string{"vi", "en"}

// LanguageNames are the languages' names as written in the language
// itself: what the language switcher shows.
var LanguageNames = map[string]string{"vi": "Tiếng Việt", "en": "English"}

// Locales are the Open Graph locales (og:locale) of the languages.
var Locales = map[string]string{"vi": "vi_VN", "en": "en_US"}

// TranslationKeys are the keys of one language's block of site.yaml's
// translations: the site text in that language. A key left out shows the
// Vietnamese text (names, numbers and addresses are often the same).
var TranslationKeys = []string{"title", "agency", "area", "description", "responsible", "license", "contact"}

// TranslatedContactKeys are the keys of contact inside a language's
// block: the address and the opening hours (phone, fax and email are the
// same in every language).
var TranslatedContactKeys = []string{"address", "hours"}

// Multilingual reports whether the site declares a language besides
// Vietnamese: only then do translation files, /en/ pages and the language
// switcher exist. A site without languages (or with [vi]) builds as it
// did before languages existed.
func (s *Site) Multilingual() bool { return len(s.Languages) > 1 }

// Others returns the declared languages other than Vietnamese.
func (s *Site) Others() []string {
	if len(s.Languages) < 2 {
		return nil
	}
	return s.Languages[1:]
}

// HasLanguage reports whether lang is declared (Vietnamese always is).
func (s *Site) HasLanguage(lang string) bool {
	return lang == "vi" || slices.Contains(s.Others(), lang)
}

// In returns the site configuration as a page in lang shows it: a copy
// with the language's title, agency, area, description, responsible,
// licence, address and hours (from translations) and Language set to
// lang. For "", "vi" or an undeclared language it returns s itself.
func (s *Site) In(lang string) *Site {
	if lang == "" || lang == "vi" || !slices.Contains(s.Others(), lang) {
		return s
	}
	if c, ok := s.langs[lang]; ok {
		return c
	}
	return s
}

// Text is the site text of one language from site.yaml's translations.
type Text struct {
	Title, Agency, Area, Description, Responsible, License string
	Address, Hours                                         string
}

// Label returns the label of a registry code in lang: its translation
// when site.yaml gives one, else the Vietnamese label.
func (c Code) In(lang string) string {
	if l, ok := c.Labels[lang]; ok && l != "" {
		return l
	}
	return c.Label
}

// NameIn returns the label of a menu item in lang, and whether it has one:
// Vietnamese is name (or its vi:); another language only when name
// gives it.
func (it MenuItem) NameIn(lang string) (string, bool) {
	if lang == "" || lang == "vi" {
		return it.Name, true
	}
	n, ok := it.Names[lang]
	return n, ok && n != ""
}

// loadLanguages reads languages and translations.
func loadLanguages(s *Site, m *meta.Map, d *diag.List) {
	if !m.Has("languages") {
		return
	}
	n := m.Node("languages")
	langs := m.Strings("languages")
	for i, l := range langs {
		l = strings.ToLower(strings.TrimSpace(l))
		langs[i] = l
		switch {
		case !slices.Contains(KnownLanguages, l):
			d.Errorf(m.Pos(n), "languages: %q is not a language minhbach knows (known: %s)", l, strings.Join(KnownLanguages, ", "))
		case i == 0 && l != "vi":
			d.Errorf(m.Pos(n), "languages: the first language must be vi (Vietnamese, at the site's root), got %q: write languages: [vi, %s]", l, l)
		case slices.Index(langs, l) != i:
			d.Errorf(m.Pos(n), "languages: %q is listed twice", l)
		}
	}
	if d.HasErrors() {
		return
	}
	s.Languages = langs
}

// loadTranslations reads translations: {en: {title: …, …}}.
func loadTranslations(s *Site, m *meta.Map) {
	tr := m.Sub("translations")
	if tr == nil {
		return
	}
	s.Texts = map[string]Text{}
	for _, lang := range tr.Keys() {
		if !slices.Contains(s.Others(), lang) {
			tr.Diags().Errorf(tr.KeyPos(lang), "translations: %q is not a language of the site other than vi: add it to languages (languages: [vi, %s]) or remove the block", lang, lang)
			continue
		}
		b := tr.Sub(lang)
		if b == nil {
			continue
		}
		b.CheckKeys(TranslationKeys, diag.Warning)
		t := Text{Title: b.String("title", false), Agency: b.String("agency", false), Area: b.String("area", false),
			Description: b.String("description", false), Responsible: b.String("responsible", false), License: b.String("license", false)}
		if c := b.Sub("contact"); c != nil {
			c.CheckKeys(TranslatedContactKeys, diag.Warning)
			t.Address, t.Hours = c.String("address", false), c.String("hours", false)
		}
		s.Texts[lang] = t
	}
}

// makeLanguages makes the per-language copies that In returns; called
// once defaults are set.
func (s *Site) makeLanguages() {
	s.langs = map[string]*Site{}
	for _, lang := range s.Others() {
		c := *s
		c.langs = nil
		c.Language = lang
		t := s.Texts[lang]
		pick := func(dst *string, v string) {
			if v != "" {
				*dst = v
			}
		}
		pick(&c.Title, t.Title)
		pick(&c.Agency, t.Agency)
		pick(&c.Area, t.Area)
		pick(&c.Description, t.Description)
		pick(&c.Responsible, t.Responsible)
		pick(&c.License, t.License)
		pick(&c.Contact.Address, t.Address)
		pick(&c.Contact.Hours, t.Hours)
		s.langs[lang] = &c
	}
}

// labels reads the value of key in m: either text (the Vietnamese
// label) or a mapping of languages to labels ({vi: Đất đai, en: Land});
// it returns the Vietnamese label and the others.
func labels(m *meta.Map, key string, required bool) (string, map[string]string) {
	if !m.IsMapping(key) {
		return m.String(key, required), nil
	}
	sub := m.Sub(key)
	sub.CheckKeys(KnownLanguages, diag.Error)
	vi := sub.String("vi", true)
	var out map[string]string
	for _, l := range KnownLanguages[1:] {
		if sub.Has(l) {
			if out == nil {
				out = map[string]string{}
			}
			out[l] = sub.String(l, false)
		}
	}
	return vi, out
}
