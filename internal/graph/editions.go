package graph

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"minhbach/internal/config"
	"minhbach/internal/diag"
	"minhbach/internal/model"
	"minhbach/internal/urls"
)

// sectionNames are the names of the sections in English, for the lists
// and the news kicker, when no menu item of site.yaml names them (a
// menu item's name: {en: …} does).
var sectionNames = map[string]string{urls.News: "News", urls.Document: "Legal documents", urls.Procedure: "Administrative procedures"}

// SectionName returns the name of the Vietnamese section root u in lang:
// the label of the main menu's item that links to it, else the default.
func SectionName(site *config.Site, lang, u string) string {
	for _, it := range site.Menus["main"] {
		if it.URL == u {
			if n, ok := it.NameIn(lang); ok {
				return n
			}
		}
	}
	return sectionNames[u]
}

// editions links each translation to its original and makes the site's
// edition in every language other than Vietnamese: a copy of each
// translated record with the translation's text and source, and its URL
// under the language's sections. A translation whose key names no
// original is an error; one of a news item left out (draft, scheduled,
// expired) is left out too.
func editions(site *config.Site, e *model.Entries, s *model.Site, claim func(url, file string, pos diag.Pos) bool, d *diag.List) {
	if !site.Multilingual() {
		return
	}
	originals := map[string]any{}
	for _, n := range e.News {
		originals[model.TranslationKey(n.Path)] = n
	}
	for _, p := range e.Pages {
		originals[model.TranslationKey(p.Path)] = p
	}
	for _, x := range s.Gazette.Documents {
		originals[model.TranslationKey(x.Path)] = x
	}
	for _, p := range s.Catalogue.Procedures {
		if strings.HasSuffix(p.Path, ".md") {
			originals[model.TranslationKey(p.Path)] = p
		}
		originals["procedures/"+p.Code] = p // rows of a catalogue have no file of their own
	}
	trs := slices.Clone(e.Translations)
	slices.SortFunc(trs, func(a, b *model.Translation) int { return cmp.Compare(a.Path, b.Path) })
	// of[lang][original] is the original's translation in lang.
	of := map[string]map[any]*model.Translation{}
	for _, t := range trs {
		o, ok := originals[t.Key]
		if !ok {
			d.Errorf(t.KeyPos, "translation_key %q names no original: this translation must sit beside its original (X.%s.md next to X.md), mirror its path under content/%s/, or name it with translation_key (its path under content/ without .md, as %q)",
				t.Key, t.Lang, t.Lang, "pages/gioi-thieu")
			continue
		}
		if of[t.Lang] == nil {
			of[t.Lang] = map[any]*model.Translation{}
		}
		if other, dup := of[t.Lang][o]; dup {
			d.Errorf(t.KeyPos, "%s has two translations in %s: this file and %s; keep one", t.Key, t.Lang, other.Path)
			continue
		}
		of[t.Lang][o] = t
	}
	for _, lang := range site.Others() {
		ed := &model.Edition{Lang: lang, Of: map[string]string{}, Original: map[string]string{}}
		s.Editions = append(s.Editions, ed)
		link := func(vi, u string) {
			ed.Of[vi], ed.Original[u] = u, vi
		}
		link("/", urls.Home(lang))
		// Every language has its search page (its own index: the
		// search's, built from the edition's records).
		search, _ := urls.Section(lang, urls.Search)
		link(urls.Search, search)
		tr := of[lang]
		newsRoot, _ := urls.Section(lang, urls.News)
		for _, n := range s.News {
			t := tr[n]
			if t == nil || t.Slug == "" {
				continue
			}
			c := *n
			c.Source, c.Title, c.Summary, c.Slug = t.Source, t.Title, t.Summary, t.Slug
			c.URL = fmt.Sprintf("%s%04d/%02d/%s/", newsRoot, n.Date.Year(), int(n.Date.Month()), t.Slug)
			c.Tags, c.TagRefs, c.Related, c.Prev, c.Next = nil, nil, nil, nil, nil
			if t.Author != "" {
				c.Author = t.Author
			}
			c.CategoryRef = model.Term{Name: SectionName(site, lang, urls.News), URL: newsRoot}
			c.Content = model.Converted{}
			c.Image = nil
			if n.Image != nil && t.ImageAlt != "" {
				img := *n.Image
				img.Alt, img.Caption = t.ImageAlt, t.ImageCaption
				c.Image = &img
			}
			if claim(c.URL, t.Path, t.Start) {
				ed.News = append(ed.News, &c)
				link(n.URL, c.URL)
			}
		}
		for i, n := range ed.News {
			if i > 0 {
				n.Next = ed.News[i-1]
			}
			if i+1 < len(ed.News) {
				n.Prev = ed.News[i+1]
			}
		}
		if len(ed.News) > 0 {
			ed.Updated = ed.News[0].Date
		}
		// The news list exists even when empty: the home page links it.
		per := site.Paginate
		for i, p := range pagersIn(newsRoot, len(ed.News), per, "page") {
			ed.Lists = append(ed.Lists, &model.List[*model.News]{Kind: "news", Title: SectionName(site, lang, urls.News), URL: p.Pages[i],
				Items: ed.News[i*per : min(len(ed.News), (i+1)*per)], Pager: p})
		}
		link(urls.News, newsRoot)
		for _, p := range s.Pages {
			t := tr[p]
			if t == nil || t.Slug == "" {
				continue
			}
			c := *p
			c.Source, c.Title, c.Slug, c.Updated, c.UpdatedPos = t.Source, t.Title, t.Slug, t.Updated, t.UpdatedPos
			if t.HasMenu {
				c.Menu = t.Menu
			}
			if t.HasWeight {
				c.Weight = t.Weight
			}
			c.URL = urls.Home(lang) + t.Slug + "/"
			c.Content = model.Converted{}
			if claim(c.URL, t.Path, t.Start) {
				ed.Pages = append(ed.Pages, &c)
				link(p.URL, c.URL)
			}
		}
		docRoot, _ := urls.Section(lang, urls.Document)
		for _, x := range s.Gazette.Documents {
			t := tr[x]
			if t == nil || t.Slug == "" {
				continue
			}
			c := *x
			c.Source, c.Title, c.Slug = t.Source, t.Title, t.Slug
			if len(strings.TrimSpace(string(c.Markdown))) == 0 && t.Summary != "" {
				c.Markdown = []byte(t.Summary + "\n")
			}
			c.URL = docRoot + t.Slug + "/"
			c.Field = codeIn(site.Fields, c.Field, lang)
			c.Content = model.Converted{}
			if claim(c.URL, t.Path, t.Start) {
				ed.Documents = append(ed.Documents, &c)
				link(x.URL, c.URL)
			}
		}
		if len(ed.Documents) > 0 {
			ed.DocList = &model.List[*model.Document]{Kind: "lang", Title: SectionName(site, lang, urls.Document), URL: docRoot, Items: ed.Documents,
				Pager: model.Pager{Number: 1, Total: 1, Pages: []string{docRoot}}}
			link(urls.Document, docRoot)
		}
		procRoot, _ := urls.Section(lang, urls.Procedure)
		for _, p := range s.Catalogue.Procedures {
			t := tr[p]
			if t == nil {
				continue
			}
			c := *p
			c.Source, c.Title = t.Source, t.Title
			if len(strings.TrimSpace(string(c.Markdown))) == 0 && t.Summary != "" {
				c.Markdown = []byte(t.Summary + "\n")
			}
			c.URL = procRoot + p.Code + "/"
			c.Field = codeIn(site.Fields, c.Field, lang)
			c.Levels = nil
			for _, l := range p.Levels {
				c.Levels = append(c.Levels, codeIn(site.Levels, l, lang))
			}
			c.Content = model.ProcedureContent{}
			if claim(c.URL, t.Path, t.Start) {
				ed.Procedures = append(ed.Procedures, &c)
				link(p.URL, c.URL)
			}
		}
		if len(ed.Procedures) > 0 {
			ed.ProcList = &model.List[*model.Procedure]{Kind: "lang", Title: SectionName(site, lang, urls.Procedure), URL: procRoot, Items: ed.Procedures,
				Pager: model.Pager{Number: 1, Total: 1, Pages: []string{procRoot}}}
			link(urls.Procedure, procRoot)
		}
	}
}

// codeIn returns the registry code c with its label in lang, when the
// registry gives one.
func codeIn(registry []config.Code, c model.Code, lang string) model.Code {
	for _, r := range registry {
		if r.Code == c.Code {
			return model.Code{Code: c.Code, Label: r.In(lang)}
		}
	}
	return c
}
