// Package required checks that the information the law requires in
// English is there, for each language a site declares besides Vietnamese:
// the organisational structure; the functions, duties and powers of the
// agency or of its units; the contacts of its competent officials
// (model.RequiredKinds). A Vietnamese page says which it holds with the
// page key required_en; its translation is linked by translation_key.
//
// Check lists, as warnings: a kind that no page declares; a page that
// declares one and has no translation in a language; a translation whose
// date (updated, else date) is older than the original's, or that has
// none when the original has one. The law asks for these pages, but a
// missing translation must not stop the Vietnamese pages from being
// published, so nothing here is an error.
//
// The legal basis (docs/noi-dung.md, "Cơ sở pháp lý của bản tiếng Anh"):
// NĐ 42/2022/NĐ-CP Điều 7 khoản 2 required these in English; NĐ
// 224/2026/NĐ-CP replaced it from 1 July 2026, and whether it keeps the
// English duty is unverified, so no message cites an article.
package required

import (
	"path"
	"strings"
	"time"

	"minhbach/internal/diag"
	"minhbach/internal/model"
)

// Page is a page of the first language (Vietnamese) that declares
// required_en.
type Page struct {
	// Path is the page's file; Pos where required_en is written.
	Path string
	Pos  diag.Pos
	// Kind is the value of required_en (one of model.RequiredKinds).
	Kind string
	// Date is when the page last changed: its updated, else its date;
	// zero when it has neither.
	Date time.Time
	// Translations are the page's translations by language code.
	Translations map[string]Translation
}

// Translation is one translation of a Page.
type Translation struct {
	// Path is the translation's file; Pos where its date is written, or
	// its opening line.
	Path string
	Pos  diag.Pos
	// Date is its updated, else its date; zero when it has neither.
	Date time.Time
}

// Findings are what Check found.
type Findings struct {
	// Langs are the languages checked (those declared, but the first).
	Langs []string
	// Pages is the number of pages that declare required_en.
	Pages int
	// Undeclared counts the kinds no page declares, once per language;
	// Untranslated the declaring pages without a translation, per
	// language; Stale the translations older than their original or
	// without a date when it has one.
	Undeclared, Untranslated, Stale int
	// Diags are the warnings, one per finding.
	Diags diag.List
}

// Count is the number of findings.
func (f Findings) Count() int { return f.Undeclared + f.Untranslated + f.Stale }

// kindPhrase names a kind in a message.
func kindPhrase(kind string) diag.Phrase {
	switch kind {
	case model.RequiredStructure:
		return diag.Phrase("the organisational structure")
	case model.RequiredFunctions:
		return diag.Phrase("the functions, duties and powers")
	case model.RequiredContacts:
		return diag.Phrase("the officials' contacts")
	}
	return diag.Phrase(kind)
}

// TranslationFile is where the translation of file into lang is expected
// beside it: "content/pages/lien-he.md" → "content/pages/lien-he.en.md".
func TranslationFile(file, lang string) string {
	ext := path.Ext(file)
	return strings.TrimSuffix(file, ext) + "." + lang + ext
}

// Check checks pages for the languages langs, the site's declared
// languages, whose first is the language of pages and is not checked.
// langsPos is where the languages are declared (site.yaml), named by the
// warning for a kind no page declares. A site with one language has
// nothing to check.
func Check(langs []string, langsPos diag.Pos, pages []Page) Findings {
	var f Findings
	if len(langs) < 2 {
		return f
	}
	f.Langs = langs[1:]
	f.Pages = len(pages)
	for _, lang := range f.Langs {
		for _, kind := range model.RequiredKinds {
			declared := false
			for _, p := range pages {
				declared = declared || p.Kind == kind
			}
			if !declared {
				f.Undeclared++
				f.Diags.Warnf(langsPos, "language %s: no page declares required_en: %s (%s), which must be in every declared language: add it to the Vietnamese page that holds this information and translate that page",
					lang, kind, kindPhrase(kind))
			}
		}
		for _, p := range pages {
			t, ok := p.Translations[lang]
			switch {
			case !ok:
				f.Untranslated++
				f.Diags.Warnf(p.Pos, "this page (%s) has no %s translation, which the site must have: create %s",
					kindPhrase(p.Kind), lang, TranslationFile(p.Path, lang))
			case p.Date.IsZero():
			case t.Date.IsZero():
				f.Stale++
				f.Diags.Warnf(t.Pos, "this %s translation has no date (updated) while its original %s was updated on %s: check that it says the same and write updated",
					lang, p.Path, p.Date.Format("02/01/2006"))
			case t.Date.Before(p.Date):
				f.Stale++
				f.Diags.Warnf(t.Pos, "this %s translation (updated %s) is older than its original %s (updated %s): bring it up to date and change its updated",
					lang, t.Date.Format("02/01/2006"), p.Path, p.Date.Format("02/01/2006"))
			}
		}
	}
	return f
}
