package required_test

import (
	"strings"
	"testing"
	"time"

	"minhbach/internal/diag"
	"minhbach/internal/model"
	"minhbach/internal/required"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// TestCheck covers each finding, and that a site with one language, or
// with every required page translated and up to date, has none.
func TestCheck(t *testing.T) {
	site := diag.Pos{Path: "site.yaml", Line: 3, Col: 1}
	org := required.Page{Path: "content/pages/co-cau-to-chuc.md", Pos: diag.Pos{Path: "content/pages/co-cau-to-chuc.md", Line: 5, Col: 1},
		Kind: model.RequiredStructure, Date: day("2026-11-20"),
		Translations: map[string]required.Translation{"en": {Path: "content/pages/co-cau-to-chuc.en.md", Date: day("2026-11-20")}}}
	fn := required.Page{Path: "content/pages/gioi-thieu.md", Kind: model.RequiredFunctions, Date: day("2026-11-25"),
		Translations: map[string]required.Translation{"en": {Path: "content/pages/gioi-thieu.en.md", Pos: diag.Pos{Path: "content/pages/gioi-thieu.en.md", Line: 6, Col: 1}, Date: day("2026-11-20")}}}
	contact := required.Page{Path: "content/pages/lien-he.md", Kind: model.RequiredContacts, Date: day("2026-11-20"),
		Translations: map[string]required.Translation{"en": {Path: "content/pages/lien-he.en.md", Date: day("2026-12-01")}}}

	if f := required.Check([]string{"vi"}, site, nil); f.Count() != 0 || len(f.Diags) != 0 {
		t.Errorf("one language: %d findings %v, want none", f.Count(), f.Diags)
	}
	if f := required.Check(nil, site, nil); f.Count() != 0 {
		t.Errorf("no languages: %d findings, want none", f.Count())
	}
	fresh := fn
	fresh.Date = day("2026-11-20")
	if f := required.Check([]string{"vi", "en"}, site, []required.Page{org, fresh, contact}); f.Count() != 0 || f.Pages != 3 {
		t.Errorf("complete: %d findings %v, pages %d; want none, 3", f.Count(), f.Diags, f.Pages)
	}

	// Functions stale, contacts without translation, structure undeclared.
	untranslated := contact
	untranslated.Pos = diag.Pos{Path: contact.Path, Line: 6, Col: 1}
	untranslated.Translations = nil
	f := required.Check([]string{"vi", "en"}, site, []required.Page{fn, untranslated})
	if f.Undeclared != 1 || f.Untranslated != 1 || f.Stale != 1 || f.Count() != 3 {
		t.Errorf("got undeclared %d, untranslated %d, stale %d; want 1 each", f.Undeclared, f.Untranslated, f.Stale)
	}
	if errs, warns := f.Diags.Count(); errs != 0 || warns != 3 {
		t.Errorf("got %d errors, %d warnings; want 0 and 3 (the law asks, but nothing blocks a build)", errs, warns)
	}
	out := f.Diags.Format(0)
	for _, want := range []string{
		"site.yaml:3:1: warning: language en: no page declares required_en: to-chuc (the organisational structure)",
		"content/pages/lien-he.md:6:1: warning: this page (the officials' contacts) has no en translation, which the site must have: create content/pages/lien-he.en.md",
		"content/pages/gioi-thieu.en.md:6:1: warning: this en translation (updated 20/11/2026) is older than its original content/pages/gioi-thieu.md (updated 25/11/2026)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks\n%s\nin\n%s", want, out)
		}
	}

	// A translation without a date, when the original has one; an
	// original without a date is not compared.
	undated := org
	undated.Translations = map[string]required.Translation{"en": {Path: "x.en.md"}}
	if f := required.Check([]string{"vi", "en"}, site, []required.Page{undated, fresh, contact}); f.Stale != 1 {
		t.Errorf("undated translation: stale %d, want 1", f.Stale)
	}
	undated.Date = time.Time{}
	if f := required.Check([]string{"vi", "en"}, site, []required.Page{undated, fresh, contact}); f.Count() != 0 {
		t.Errorf("undated original and translation: %d findings, want none", f.Count())
	}
	// Each declared language is checked.
	if f := required.Check([]string{"vi", "en", "fr"}, site, []required.Page{org, fresh, contact}); f.Untranslated != 3 || len(f.Langs) != 2 {
		t.Errorf("vi, en, fr: untranslated %d (want 3, every page lacks fr), langs %v", f.Untranslated, f.Langs)
	}
}

func TestTranslationFile(t *testing.T) {
	if got := required.TranslationFile("content/pages/lien-he.md", "en"); got != "content/pages/lien-he.en.md" {
		t.Errorf("got %q", got)
	}
}
