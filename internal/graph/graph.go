// Package graph is the whole-site pass: it decides which records are
// published, gives each its URL, checks what needs the whole site
// (unique URLs, files that pages name), and links records to each other
// (lists, taxonomies, related news, previous/next). It reads files only to
// check they exist and to learn picture sizes.
package graph

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"minhbach/internal/config"
	"minhbach/internal/diag"
	"minhbach/internal/media"
	"minhbach/internal/model"
	"minhbach/internal/urls"
	"minhbach/internal/vnfold"
)

// Options are the inputs of Build besides the records.
type Options struct {
	// Now decides what is published: publish_date and expiry_date are
	// compared with it.
	Now time.Time
	// Drafts includes news marked draft.
	Drafts bool
}

// RelatedCount is how many related news items a news page lists.
const RelatedCount = 5

// Build links the records into a site. fsys is the site root.
func Build(site *config.Site, e *model.Entries, fsys fs.FS, opt Options) (*model.Site, diag.List) {
	var d diag.List
	s := &model.Site{}
	claimed := map[string]string{} // URL → file that claimed it
	claim := func(url, file string, pos diag.Pos) bool {
		if other, ok := claimed[url]; ok {
			d.Errorf(pos, "URL %s is also the URL of %s: give one of them another slug", url, other)
			return false
		}
		claimed[url] = file
		return true
	}

	news := slices.Clone(e.News)
	slices.SortFunc(news, func(a, b *model.News) int { return cmp.Compare(a.Path, b.Path) })
	for _, n := range news {
		if n.Image != nil {
			checkImage(fsys, n.Image, &d)
		}
		switch withheld(n, opt) {
		case draft:
			s.Withheld.Drafts++
			continue
		case scheduled:
			s.Withheld.Scheduled++
			continue
		case expired:
			s.Withheld.Expired++
			continue
		}

		if n.Slug == "" || n.Date.IsZero() {
			continue
		}
		n.URL = fmt.Sprintf("%s%04d/%02d/%s/", urls.News, n.Date.Year(), int(n.Date.Month()), n.Slug)
		if n.Image != nil && !strings.HasPrefix(n.Image.File, "assets/") {
			n.Image.URL = n.URL + strings.TrimPrefix(n.Image.File, path.Dir(n.Path)+"/")
		}
		if claim(n.URL, n.Path, n.Start) {
			s.News = append(s.News, n)
		}
	}
	slices.SortStableFunc(s.News, newestFirst)

	pages := slices.Clone(e.Pages)
	slices.SortFunc(pages, func(a, b *model.StaticPage) int {
		return cmp.Or(cmp.Compare(a.Weight, b.Weight), cmp.Compare(a.Path, b.Path))
	})
	for _, p := range pages {
		if p.Slug == "" {
			continue
		}
		p.URL = "/" + p.Slug + "/"
		if claim(p.URL, p.Path, p.Start) {
			s.Pages = append(s.Pages, p)
		}
	}

	s.Categories = taxa(s.News, func(n *model.News) []string { return []string{n.Category} }, urls.News+"chuyen-muc/", &d)
	s.Tags = taxa(s.News, func(n *model.News) []string { return n.Tags }, urls.News+"the/", nil)
	s.Years = taxa(s.News, func(n *model.News) []string { return []string{fmt.Sprint(n.Date.Year())} }, urls.News, nil)
	slices.SortFunc(s.Years, func(a, b *model.Taxon) int { return cmp.Compare(b.Name, a.Name) })
	for _, t := range s.Categories {
		for _, n := range t.Items {
			n.CategoryRef = t.Term
		}
	}
	for _, t := range s.Tags {
		for _, n := range t.Items {
			n.TagRefs = append(n.TagRefs, t.Term)
		}
	}
	for _, n := range s.News {
		slices.SortFunc(n.TagRefs, func(a, b model.Term) int { return cmp.Compare(a.Slug, b.Slug) })
	}
	linkNews(s)

	per := site.Paginate
	s.Lists = paginate(nil, "news", "Tin tức", nil, urls.News, s.News, per)
	for _, group := range []struct {
		kind, prefix string
		taxa         []*model.Taxon
	}{{"category", "", s.Categories}, {"tag", "Thẻ: ", s.Tags}, {"year", "Tin tức năm ", s.Years}} {
		for _, t := range group.taxa {
			s.Lists = paginate(s.Lists, group.kind, group.prefix+t.Name, &t.Term, t.URL, t.Items, per)
		}
	}
	gazette(site, e, fsys, opt, s, claim, &d)
	procedures(site, e, fsys, s, claim, &d)
	statistics(site, e, s, claim, &d)
	disclosure(site, e, fsys, opt, s, claim, &d)
	editions(site, e, s, claim, &d)
	if len(s.News) > 0 {
		s.Updated = s.News[0].Date
	}
	if g := s.Gazette.Issues; len(g) > 0 && g[0].Date.After(s.Updated) {
		s.Updated = g[0].Date
	}
	return s, d
}

// Why a news item is left out of the site.
const (
	shown = iota
	draft
	scheduled
	expired
)

// withheld says whether n is left out of the site, and why.
func withheld(n *model.News, opt Options) int {
	switch {
	case n.Draft && !opt.Drafts:
		return draft
	case !n.PublishDate.IsZero() && n.PublishDate.After(opt.Now):
		return scheduled
	case !n.ExpiryDate.IsZero() && !n.ExpiryDate.After(opt.Now):
		return expired
	}
	return shown
}

func newestFirst(a, b *model.News) int {
	return cmp.Or(b.Date.Compare(a.Date), cmp.Compare(a.URL, b.URL))
}

func checkImage(fsys fs.FS, img *model.Image, d *diag.List) {
	w, h, err := media.Size(fsys, img.File)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		d.Errorf(img.Pos, "image %q: file %s does not exist", img.Src, img.File)
	case err != nil:
		d.Errorf(img.Pos, "image %q: cannot read it as a picture: %v", img.Src, err)
	case !media.IsImage(img.File):
		d.Errorf(img.Pos, "image %q is not a picture (use .jpg, .png, .gif, .svg, .webp or .avif)", img.Src)
	}
	img.Width, img.Height = w, h
}

// taxa groups news by the names names returns. Names with the same slug
// are one term, listed under its most used spelling (ties: the one with
// more diacritics, then the first in sort order). When d is not nil, every
// other spelling is a warning.
func taxa(news []*model.News, names func(*model.News) []string, root string, d *diag.List) []*model.Taxon {
	bySlug := map[string]*model.Taxon{}
	spellings := map[string]map[string]int{}
	var out []*model.Taxon
	slugs := map[string]string{} // names repeat: each is folded once
	for _, n := range news {
		var seen []string // a news item has a few names
		for _, name := range names(n) {
			slug, ok := slugs[name]
			if !ok {
				slug = vnfold.Slug(name)
				slugs[name] = slug
			}
			if slug == "" || slices.Contains(seen, slug) {
				continue
			}
			seen = append(seen, slug)
			t, ok := bySlug[slug]
			if !ok {
				t = &model.Taxon{Term: model.Term{Slug: slug, URL: root + slug + "/"}}
				bySlug[slug] = t
				spellings[slug] = map[string]int{}
				out = append(out, t)
			}
			spellings[slug][name]++
			t.Items = append(t.Items, n)
		}
	}
	for _, t := range out {
		var names []string
		for name := range spellings[t.Slug] {
			names = append(names, name)
		}
		slices.SortFunc(names, func(a, b string) int {
			sa, sb := spellings[t.Slug][a], spellings[t.Slug][b]
			return cmp.Or(cmp.Compare(sb, sa), cmp.Compare(marks(b), marks(a)), cmp.Compare(a, b))
		})
		t.Name = names[0]
		if d == nil || len(names) == 1 {
			continue
		}
		for _, n := range t.Items {
			for _, name := range names[1:] {
				if slices.Contains(n.Tags, name) || n.Category == name {
					d.Warnf(n.CategoryPos, "category %q is written differently elsewhere: listed as %q", name, t.Name)
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b *model.Taxon) int { return cmp.Compare(a.Slug, b.Slug) })
	return out
}

// marks counts the letters of s that are not ASCII.
func marks(s string) int {
	n := 0
	for _, r := range s {
		if r > 127 {
			n++
		}
	}
	return n
}

// linkNews sets previous/next (in date order) and related news: the newest
// items that share the category or a tag.
func linkNews(s *model.Site) {
	for i, n := range s.News {
		if i > 0 {
			n.Next = s.News[i-1]
		}
		if i+1 < len(s.News) {
			n.Prev = s.News[i+1]
		}
	}
	cats := map[string]*model.Taxon{}
	for _, t := range s.Categories {
		cats[t.Slug] = t
	}
	tags := map[string]*model.Taxon{}
	for _, t := range s.Tags {
		tags[t.Slug] = t
	}
	for _, n := range s.News {
		var lists [][]*model.News
		if t, ok := cats[n.CategoryRef.Slug]; ok {
			lists = append(lists, t.Items)
		}
		for _, tr := range n.TagRefs {
			lists = append(lists, tags[tr.Slug].Items)
		}
		n.Related = mergeNewest(lists, n, RelatedCount)
	}
}

// mergeNewest merges newest-first lists into at most k distinct items,
// leaving out self.
func mergeNewest(lists [][]*model.News, self *model.News, k int) []*model.News {
	heads := make([]int, len(lists))
	var out []*model.News
	for len(out) < k {
		best := -1
		for i, l := range lists {
			for heads[i] < len(l) && (l[heads[i]] == self || slices.Contains(out, l[heads[i]])) {
				heads[i]++
			}
			if heads[i] < len(l) && (best < 0 || newestFirst(l[heads[i]], lists[best][heads[best]]) < 0) {
				best = i
			}
		}
		if best < 0 {
			break
		}
		out = append(out, lists[best][heads[best]])
		heads[best]++
	}
	return out
}

// paginate appends the pages of one list.
func paginate[T any](lists []*model.List[T], kind, title string, term *model.Term, root string, items []T, per int) []*model.List[T] {
	for i, p := range pagers(root, len(items), per) {
		lists = append(lists, &model.List[T]{Kind: kind, Title: title, Term: term, URL: p.Pages[i],
			Items: items[i*per : min(len(items), (i+1)*per)], Pager: p})
	}
	return lists
}
