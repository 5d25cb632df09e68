package model

import (
	"strings"
	"time"

	"minhbach/internal/diag"
)

// Translation is a content file in a language other than Vietnamese:
// X.en.md beside its original X.md, or content/en/<same folders>/X.md
// (site.yaml languages must declare the language). It carries the text
// of the original in that language; everything else (dates, numbers,
// legal status, relations, files) the page takes from the original.
type Translation struct {
	Source
	// Lang is the language ("en").
	Lang string
	// Kind is the section of the original (source.Kind: "news",
	// "pages", "gazette/documents", "procedures").
	Kind string
	// Key names the original (translation_key): its path relative to
	// content/ without ".md", as "pages/gioi-thieu"; KeyPos is where
	// the key is written, or the file's start when it is the default.
	Key    string
	KeyPos diag.Pos
	// Title, Summary and Slug are the text in Lang; Slug is made from
	// Title when the file gives none.
	Title, Summary, Slug string
	// Updated is when the translation was last brought up to date (key
	// updated), the zero time when not given.
	Updated time.Time
	// UpdatedPos is where updated is written (the front matter's start
	// when it is not).
	UpdatedPos diag.Pos
	// ImageAlt and ImageCaption describe a news item's lead photo in
	// Lang: the translation shows the photo only when it gives ImageAlt.
	ImageAlt, ImageCaption string
	// Author is a news item's byline in Lang (the original's when
	// empty). Menu and Weight place a page in Lang's menus, when
	// HasMenu or HasWeight (else the original's).
	Author             string
	Menu               string
	Weight             int
	HasMenu, HasWeight bool
}

// Edition is the site in one language other than Vietnamese: the
// records that have a translation in it, each a copy of its original
// with the translated text, its own URL under /<lang>/ and its own body.
// Nothing is machine-translated: a record without a translation is not
// in the edition.
type Edition struct {
	// Lang is the language ("en").
	Lang string
	// A page's copy has the translation's Source (its file, body) and
	// Updated (the translation's updated key), and the original's
	// other fields (Weight, Menu, RequiredEN): Of[original.URL] is the
	// copy's URL.
	//
	// News holds the translated news, newest first; Pages the
	// translated plain pages; Documents and Procedures the gazette
	// documents and procedures with a translated title.
	News       []*News       `fingerprint:"records"`
	Pages      []*StaticPage `fingerprint:"records"`
	Documents  []*Document   `fingerprint:"records"`
	Procedures []*Procedure  `fingerprint:"records"`
	// Lists holds every page of the news list (/en/news/, paginated).
	Lists []*List[*News]
	// DocList and ProcList list the documents and the procedures, one
	// page each; nil when there are none.
	DocList  *List[*Document]
	ProcList *List[*Procedure]
	// Of maps the URL of a Vietnamese page to the URL of its
	// translation; Original maps back.
	Of, Original map[string]string
	// Updated is the newest date of the edition's news (its feed's
	// update time).
	Updated time.Time
}

// EditionOf returns the site's edition in lang, or nil.
func (s *Site) EditionOf(lang string) *Edition {
	for _, e := range s.Editions {
		if e.Lang == lang {
			return e
		}
	}
	return nil
}

// TranslationKey returns the default translation key of the original at
// the site path p: its path relative to content/ without ".md"
// ("content/pages/gioi-thieu.md" → "pages/gioi-thieu").
func TranslationKey(p string) string {
	return strings.TrimSuffix(strings.TrimPrefix(p, "content/"), ".md")
}
