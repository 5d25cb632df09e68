package schema

import (
	"slices"
	"strings"

	"minhbach/internal/config"
	"minhbach/internal/meta"
	"minhbach/internal/model"
	"minhbach/internal/source"
	"minhbach/internal/urls"
	"minhbach/internal/vnfold"
)

// TranslationKeys are the front-matter keys of a translation (X.en.md or
// content/en/…/X.md): the text in the other language. The rest (dates,
// number, category, legal status, files) comes from the original.
// translationKeys says which a section's translations take.
var TranslationKeys = []string{"title", "summary", "slug", "translation_key", "updated", "image_alt", "image_caption", "author", "menu", "weight"}

// translationKeys are the keys of a translation by section: the common
// ones, a news item's photo text and byline, a page's place in the menus.
var translationKeys = map[source.Kind][]string{
	source.News:      {"title", "summary", "slug", "translation_key", "updated", "image_alt", "image_caption", "author"},
	source.Page:      {"title", "slug", "translation_key", "updated", "menu", "weight"},
	source.Document:  {"title", "summary", "slug", "translation_key", "updated"},
	source.Procedure: {"title", "summary", "slug", "translation_key", "updated"},
}

// originalKeys are the keys of the originals, which a translation takes
// from its original and does not repeat.
var originalKeys = map[source.Kind][]string{
	source.News: NewsKeys, source.Page: PageKeys, source.Document: DocumentKeys, source.Procedure: ProcedureKeys,
}

// translated are the sections whose records may be translated.
var translated = []source.Kind{source.News, source.Page, source.Document, source.Procedure}

// decodeTranslation decodes a translation file in lang whose original
// would be at orig.
func decodeTranslation(m *meta.Map, src model.Source, kind source.Kind, lang, orig string) *model.Translation {
	ok := false
	for _, k := range translated {
		ok = ok || k == kind
	}
	if !ok {
		m.Diags().Errorf(src.Start, "this section cannot be translated yet: only news, pages, gazette documents and procedures have pages in %s; remove the file or move it", lang)
		return nil
	}
	known := translationKeys[kind]
	for _, k := range m.Keys() {
		switch {
		case slices.Contains(known, k):
		case slices.Contains(originalKeys[kind], k):
			m.Diags().Warnf(m.KeyPos(k), "%s is the original's: a translation takes it from its original and does not repeat it; remove it from this file", k)
		case meta.Suggest(k, known) != "":
			m.Diags().Warnf(m.KeyPos(k), "unknown key %q (did you mean %q?)", k, meta.Suggest(k, known))
		default:
			m.Diags().Warnf(m.KeyPos(k), "unknown key %q (known keys: %s)", k, strings.Join(known, ", "))
		}
	}
	t := &model.Translation{Source: src, Lang: lang, Kind: string(kind),
		Title: m.String("title", true), Summary: m.String("summary", false),
		Key: model.TranslationKey(orig), KeyPos: src.Start, Updated: m.Date("updated", false), UpdatedPos: m.KeyPos("updated"),
		ImageAlt: m.String("image_alt", false), ImageCaption: m.String("image_caption", false),
		Author: m.String("author", false), Menu: m.String("menu", false), HasMenu: m.Has("menu"),
		Weight: m.Int("weight", 0), HasWeight: m.Has("weight")}
	if m.Has("translation_key") {
		t.Key = strings.Trim(m.String("translation_key", false), "/")
		t.Key = strings.TrimSuffix(strings.TrimPrefix(t.Key, source.ContentDir+"/"), ".md")
		t.KeyPos = m.Pos(m.Node("translation_key"))
	}
	switch {
	case m.Has("slug"):
		t.Slug = m.String("slug", false)
		if !vnfold.IsSlug(t.Slug) {
			hint := vnfold.Slug(t.Slug)
			if hint == "" {
				hint = "about-us"
			}
			m.Diags().Errorf(m.Pos(m.Node("slug")), "slug %q is not a URL slug: use lowercase a-z, 0-9 and single '-', at most %d characters (for example %q)", t.Slug, vnfold.MaxSlugLen, hint)
			t.Slug = ""
		}
	case t.Title != "":
		t.Slug = vnfold.Slug(t.Title)
	}
	if kind == source.Page {
		for _, r := range urls.ReservedIn(lang) {
			if t.Slug == r {
				m.Diags().Errorf(m.KeyPos("slug"), "slug %q is taken by a section of the site (reserved: %s): choose another", t.Slug, strings.Join(urls.ReservedIn(lang), ", "))
			}
		}
	}
	return t
}

// translationOf reports whether doc is a translation for site, with its
// language and the path of its original.
func translationOf(doc source.Doc, site *config.Site) (lang, orig string, ok bool) {
	if site == nil || !site.Multilingual() || doc.Refs != nil {
		return "", "", false
	}
	return source.Translation(doc.Path, site.Others())
}
