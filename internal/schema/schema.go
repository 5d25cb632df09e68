// Package schema turns split content files (source.Doc) into typed model
// records, checking every key against the content contract
// (docs/noi-dung.md): required keys, types, dates, slugs,
// enumerations and unknown keys. It checks one file at a time; checks
// that need the whole site (uniqueness, references) belong to graph.
//
// News (content/news/**/*.md): title (required), date (required), summary,
// category (required), tags, author, image, image_alt (required with
// image), image_caption, draft, publish_date, expiry_date, slug.
//
// Pages (content/pages/**/*.md): title (required), slug, weight, menu.
package schema

import (
	"path"
	"regexp"
	"slices"
	"strings"

	"minhbach/internal/config"
	"minhbach/internal/diag"
	"minhbach/internal/media"
	"minhbach/internal/meta"
	"minhbach/internal/model"
	"minhbach/internal/source"
	"minhbach/internal/vnfold"
)

// NewsKeys are the front-matter keys of a news item.
var NewsKeys = []string{"title", "date", "summary", "category", "tags", "author", "image", "image_alt", "image_caption",
	"draft", "publish_date", "expiry_date", "slug"}

// PageKeys are the front-matter keys of a plain page.
var PageKeys = []string{"title", "slug", "weight", "menu", "updated", "required_en"}

// ReservedSlugs are the top-level URL segments that sections own.
var ReservedSlugs = []string{"tin-tuc", "cong-bao", "van-ban", "thu-tuc", "tim-kiem", "du-lieu", "assets", "xac-thuc", "nhat-ky-cap-nhat",
	"du-thao", "ngan-sach", "du-an", "thong-ke", "danh-muc-cong-khai"}

// Decode checks doc and adds its record to e. It is safe to call from
// several goroutines with different Entries.
func Decode(doc source.Doc, site *config.Site, e *model.Entries) diag.List {
	var d diag.List
	m := meta.New(doc.Path, doc.LineOff, doc.Start, doc.Meta, &d).WithRefs(doc.Refs)
	src := model.Source{Path: doc.Path, Start: doc.Start, Markdown: doc.Body, BodyLine: doc.BodyLine}
	if lang, orig, ok := translationOf(doc, site); ok {
		if t := decodeTranslation(m, src, doc.Kind, lang, orig); t != nil {
			e.Translations = append(e.Translations, t)
		}
		return d
	}
	switch doc.Kind {
	case source.News:
		if n := decodeNews(m, src); n != nil {
			e.News = append(e.News, n)
		}
	case source.Page:
		if p := decodePage(m, src); p != nil {
			e.Pages = append(e.Pages, p)
		}
	case source.Issue:
		e.Issues = append(e.Issues, decodeIssue(m, src))
	case source.Document:
		e.Documents = append(e.Documents, decodeDocument(m, src, site))
	case source.Procedure:
		e.Procedures = append(e.Procedures, decodeProcedure(m, src, site, doc.KeysChecked))
	case source.Statistics:
		e.Statistics = append(e.Statistics, decodeStatistic(m, src, site, doc.KeysChecked))
	case source.Consultation:
		e.Consultations = append(e.Consultations, decodeConsultation(m, src, site))
	case source.Budget:
		e.Budgets = append(e.Budgets, decodeBudget(m, src, site))
	case source.Project:
		e.Projects = append(e.Projects, decodeProject(m, src, site, doc.KeysChecked))
	}
	return d
}

func decodeNews(m *meta.Map, src model.Source) *model.News {
	m.CheckKeys(NewsKeys, diag.Warning)
	n := &model.News{
		Source:      src,
		Title:       m.String("title", true),
		Date:        m.Date("date", true),
		Summary:     m.String("summary", false),
		Category:    m.String("category", true),
		Tags:        m.Strings("tags"),
		Author:      m.String("author", false),
		Draft:       m.Bool("draft"),
		PublishDate: m.Date("publish_date", false),
		ExpiryDate:  m.Date("expiry_date", false),
	}
	n.CategoryPos = m.Pos(m.Node("category"))
	n.Slug = slug(m, src.Path)
	if m.Has("image") {
		n.Image = image(m, src.Path, m.String("image", false))
		if n.Image != nil {
			n.Image.Alt = m.String("image_alt", false)
			n.Image.Caption = m.String("image_caption", false)
			if n.Image.Alt == "" {
				m.Diags().Errorf(m.KeyPos("image"), "image_alt is required when image is set: describe the photo for readers who cannot see it")
			}
		}
	}
	if !n.PublishDate.IsZero() && !n.ExpiryDate.IsZero() && !n.ExpiryDate.After(n.PublishDate) {
		m.Diags().Errorf(m.KeyPos("expiry_date"), "expiry_date %s is not after publish_date %s", n.ExpiryDate.Format("02/01/2006"), n.PublishDate.Format("02/01/2006"))
	}
	return n
}

func decodePage(m *meta.Map, src model.Source) *model.StaticPage {
	m.CheckKeys(PageKeys, diag.Warning)
	p := &model.StaticPage{
		Source: src,
		Title:  m.String("title", true),
		Weight: m.Int("weight", 0),
		Menu:   m.String("menu", false),
	}
	p.Updated, p.UpdatedPos = m.Date("updated", false), m.KeyPos("updated")
	if m.Has("required_en") {
		p.RequiredEN, p.RequiredENPos = m.String("required_en", false), m.KeyPos("required_en")
		if p.RequiredEN != "" && !slices.Contains(model.RequiredKinds, p.RequiredEN) {
			m.Diags().Errorf(m.Pos(m.Node("required_en")), "required_en %q is not one of %s: write to-chuc for the organisational structure, chuc-nang for the functions, duties and powers (of the agency or of one unit), lien-he for the officials' contacts",
				p.RequiredEN, strings.Join(model.RequiredKinds, ", "))
			p.RequiredEN = ""
		}
	}
	p.Slug = slug(m, src.Path)
	for _, r := range ReservedSlugs {
		if p.Slug == r {
			m.Diags().Errorf(m.KeyPos("slug"), "slug %q is taken by a section of the site (reserved: %s): choose another", p.Slug, strings.Join(ReservedSlugs, ", "))
		}
	}
	return p
}

var datePrefix = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}-`)

// slug returns the slug key when valid, or one made from the file name.
func slug(m *meta.Map, p string) string {
	if m.Has("slug") {
		s := m.String("slug", false)
		if !vnfold.IsSlug(s) {
			hint := vnfold.Slug(s)
			if hint == "" {
				hint = "tieu-de-bai-viet"
			}
			m.Diags().Errorf(m.Pos(m.Node("slug")), "slug %q is not a URL slug: use lowercase a-z, 0-9 and single '-', at most %d characters (for example %q)", s, vnfold.MaxSlugLen, hint)
			return ""
		}
		return s
	}
	name := strings.TrimSuffix(path.Base(p), path.Ext(p))
	if name == "index" {
		name = path.Base(path.Dir(p))
	}
	name = datePrefix.ReplaceAllString(name, "")
	s := vnfold.Slug(name)
	if s == "" {
		m.Diags().Errorf(diag.Pos{Path: p}, "cannot make a URL slug from the file name: rename the file or add a slug key")
	}
	return s
}

// image resolves a picture path written in the file at p: relative to the
// file's folder, or under assets/ when it begins with "assets/" or
// "/assets/". A path that leaves its folder is an error.
func image(m *meta.Map, p, src string) *model.Image {
	pos := m.Pos(m.Node("image"))
	file, ok := media.ResolveFile(p, src)
	if !ok {
		m.Diags().Errorf(pos, "image %q must be a path inside the page's folder or under assets/", src)
		return nil
	}
	return &model.Image{Src: src, File: file, Pos: pos}
}
