// Command corpus writes the benchmark corpus (sitetest.Corpus) into a
// folder: as a minhbach site, or with -hugo as the equivalent Hugo site
// (same Markdown, Hugo front matter, minimal layouts that render what
// minhbach's default theme renders) for bench/build.sh.
//
//	go run ./bench/cmd/corpus -n 10000 -seed 1 -out DIR [-hugo] [-photos K [-photo-width 6000]]
//
// With -photos K, K news items spread evenly over the corpus (the i-th of
// n/K, n/K*2, … in byte order of their paths) get a lead photo of their
// own: a synthetic camera photo (sitetest.Photo) -photo-width pixels
// wide, 3:2, in the item's folder under anh/.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"minhbach"
	"minhbach/internal/sitetest"
)

func main() {
	fl := flag.NewFlagSet("corpus", flag.ExitOnError)
	n := fl.Int("n", 10000, "number of news items")
	seed := fl.Int64("seed", 1, "seed of the generator: the same n and seed give the same files")
	out := fl.String("out", "", "folder to write the site into (required)")
	hugo := fl.Bool("hugo", false, "write the equivalent Hugo site instead of a minhbach site")
	photos := fl.Int("photos", 0, "give this many news items a large lead photo each (minhbach site only)")
	photoWidth := fl.Int("photo-width", 6000, "the width of those photos, in pixels (3:2)")
	hugoVersion := fl.String("hugo-version", "v0.111.3", "the version of Hugo the site is for (as hugo version prints it): the keys for paging and feed length changed in 0.114 and 0.128")
	_ = fl.Parse(os.Args[1:])
	if *out == "" || fl.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: corpus -n N -seed S -out DIR [-hugo]")
		os.Exit(2)
	}
	var err error
	if *hugo {
		var minor int
		if _, e := fmt.Sscanf(strings.TrimPrefix(*hugoVersion, "v"), "0.%d", &minor); e != nil {
			fmt.Fprintf(os.Stderr, "corpus: -hugo-version %q: want v0.N\n", *hugoVersion)
			os.Exit(2)
		}
		err = writeHugo(*out, *n, *seed, minor)
	} else {
		err = sitetest.WriteCorpus(*out, *n, *seed)
		if err == nil && *photos > 0 {
			err = addPhotos(*out, *photos, *photoWidth)
		}
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "corpus: %v\n", err)
		os.Exit(1)
	}
}

// addPhotos gives k news items of the corpus in dir a lead photo w
// pixels wide each, all different (seeds 1 to k).
func addPhotos(dir string, k, w int) error {
	var items []string
	err := filepath.WalkDir(filepath.Join(dir, "content", "news"), func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && strings.HasSuffix(p, ".md") {
			items = append(items, p)
		}
		return err
	})
	if err != nil {
		return err
	}
	slices.Sort(items)
	if k > len(items) {
		return fmt.Errorf("-photos %d: the corpus has %d news items", k, len(items))
	}
	for i := range k {
		item := items[(i+1)*len(items)/(k+1)]
		name := fmt.Sprintf("anh/anh-lon-%d.jpg", i+1)
		photo := filepath.Join(filepath.Dir(item), filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(photo), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(photo, sitetest.Photo(w, w*2/3, uint64(i+1)), 0o644); err != nil {
			return err
		}
		data, err := os.ReadFile(item)
		if err != nil {
			return err
		}
		head := fmt.Sprintf("---\nimage: %s\nimage_alt: \"Quang cảnh hội nghị\"\n", name)
		if err := os.WriteFile(item, []byte(head+strings.TrimPrefix(string(data), "---\n")), 0o644); err != nil {
			return err
		}
		fmt.Println(strings.TrimPrefix(filepath.ToSlash(item), filepath.ToSlash(dir)+"/"))
	}
	return nil
}

// writeHugo writes Corpus(n, seed) as a site for Hugo 0.minor: news under
// content/tin-tuc/YYYY/ with categories, tags, years and slug in the front
// matter, plain pages at the content root, the theme's assets, and the
// layouts and configuration below.
func writeHugo(dir string, n int, seed int64, minor int) error {
	files := map[string][]byte{}
	for name, f := range sitetest.Corpus(n, seed) {
		switch {
		case strings.HasPrefix(name, "content/news/"):
			files["content/tin-tuc/"+strings.TrimPrefix(name, "content/news/")] = hugoNews(path.Base(name), f.Data)
		case strings.HasPrefix(name, "content/pages/"):
			files["content/"+path.Base(name)] = f.Data // title, weight and menu mean the same to Hugo
		}
	}
	for name, s := range hugoFiles {
		files[name] = []byte(strings.TrimLeft(s, "\n"))
	}
	paging := "paginate = 20\nrssLimit = 20\n" // Hugo before 0.114
	switch {
	case minor >= 128:
		paging = "\n[pagination]\npagerSize = 20\n\n[services.rss]\nlimit = 20\n"
	case minor >= 114:
		paging = "paginate = 20\n\n[services.rss]\nlimit = 20\n"
	}
	files["hugo.toml"] = bytes.Replace(files["hugo.toml"], []byte("PAGING\n"), []byte(paging+"\n"), 1)
	err := fs.WalkDir(minhbach.Theme, "assets", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		files[p], err = fs.ReadFile(minhbach.Theme, p)
		return err
	})
	if err != nil {
		return err
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// hugoNews rewrites a news item's front matter for Hugo: category becomes
// the categories taxonomy, and the slug (which minhbach takes from the
// file name "2025-07-15-slug.md") and the year taxonomy are added.
func hugoNews(base string, data []byte) []byte {
	fm, body, _ := strings.Cut(strings.TrimPrefix(string(data), "---\n"), "\n---\n")
	var b strings.Builder
	b.WriteString("---\n")
	for _, line := range strings.Split(fm, "\n") {
		if v, ok := strings.CutPrefix(line, "category: "); ok {
			line = "categories: [" + v + "]"
		}
		b.WriteString(line + "\n")
	}
	fmt.Fprintf(&b, "slug: %s\nyears: [\"%s\"]\n---\n%s", strings.TrimSuffix(base[len("2006-01-02-"):], ".md"), base[:4], body)
	return []byte(b.String())
}

// hugoFiles are the configuration, section and taxonomy titles, and
// layouts of the Hugo site, the rough equivalent of minhbach's default
// theme: the same header, navigation, breadcrumb and footer; news pages
// with category, tags, previous/next and five related items; paginated
// lists with a pager window (first, last, two each side) and an aside of
// categories and years;
// term lists; RSS feeds (minhbach writes Atom) and a sitemap.
var hugoFiles = map[string]string{
	"hugo.toml": `
baseURL = "https://vanphong.sonha.gov.vn/"
languageCode = "vi"
defaultContentLanguage = "vi"
title = "Cổng thông tin điện tử Văn phòng UBND tỉnh Sơn Hà"
enableRobotsTXT = true
removePathAccents = true
disableAliases = true
PAGING
[taxonomies]
category = "categories"
tag = "tags"
year = "years"

[permalinks]
tin-tuc = "/tin-tuc/:year/:month/:slug/"
categories = "/tin-tuc/chuyen-muc/:slug/"
tags = "/tin-tuc/the/:slug/"
years = "/tin-tuc/:slug/"

[outputs]
home = ["HTML", "RSS"]
section = ["HTML", "RSS"]
taxonomy = ["HTML"]
term = ["HTML", "RSS"]

[related]
includeNewer = true
threshold = 1
toLower = false
[[related.indices]]
name = "categories"
weight = 100
[[related.indices]]
name = "tags"
weight = 80

[[menu.main]]
name = "Trang chủ"
url = "/"
weight = -20
[[menu.main]]
name = "Tin tức"
url = "/tin-tuc/"
weight = -10

[params]
agency = "Văn phòng Ủy ban nhân dân tỉnh Sơn Hà"
description = "Thông tin chỉ đạo, điều hành của Ủy ban nhân dân tỉnh Sơn Hà."
responsible = "Chánh Văn phòng UBND tỉnh Sơn Hà"
address = "Số 12 đường Trần Hưng Đạo, phường Đông Thành, thành phố Sơn Hà"
phone = "0208 3851 234"
email = "vanphong@sonha.gov.vn"
`,
	"content/tin-tuc/_index.md":    "---\ntitle: Tin tức\n---\n",
	"content/categories/_index.md": "---\ntitle: Chuyên mục tin tức\n---\n",
	"content/tags/_index.md":       "---\ntitle: Thẻ tin tức\n---\n",
	"content/years/_index.md":      "---\ntitle: Tin tức theo năm\n---\n",

	"layouts/_default/baseof.html": `
<!doctype html>
<html lang="{{.Site.Language.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{if .IsHome}}{{.Site.Title}}{{else}}{{.Title}} – {{.Site.Title}}{{end}}</title>
{{if .IsPage}}<meta name="description" content="{{.Summary | plainify | truncate 200}}">{{else}}<meta name="description" content="{{.Site.Params.description}}">{{end}}
<link rel="canonical" href="{{.Permalink}}">
{{$css := resources.Get "css/app.css" | minify | fingerprint}}<link rel="stylesheet" href="{{$css.RelPermalink}}">
{{$icon := resources.Get "img/emblem.svg" | minify | fingerprint}}<link rel="icon" href="{{$icon.RelPermalink}}" type="image/svg+xml">
{{with .OutputFormats.Get "rss"}}<link rel="alternate" type="application/rss+xml" title="Tin tức" href="{{.RelPermalink}}">{{end}}
{{if .IsPage}}<meta property="og:type" content="article">
<meta property="og:title" content="{{.Title}}">{{end}}
</head>
<body>
<a class="skip" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
{{partial "header.html" .}}
{{partial "breadcrumb.html" .}}
<main id="noi-dung" tabindex="-1">
{{block "main" .}}{{end}}
</main>
{{partial "footer.html" .}}
{{$js := resources.Get "js/app.js" | minify | fingerprint}}<script src="{{$js.RelPermalink}}" defer></script>
</body>
</html>
`,
	"layouts/partials/header.html": `
<header class="site-header">
<div class="wrap header-top">
<a class="brand" href="{{relURL "/"}}"{{if .IsHome}} aria-current="page"{{end}}>
{{$icon := resources.Get "img/emblem.svg" | minify | fingerprint}}<img class="emblem" src="{{$icon.RelPermalink}}" alt="" width="56" height="56">
<span class="brand-text"><span class="brand-agency">{{.Site.Params.agency}}</span><span class="brand-title">{{.Site.Title}}</span></span>
</a>
<form class="search-box" role="search" action="{{relURL "/tim-kiem/"}}" method="get">
<label for="q-header" class="visually-hidden">Tìm kiếm trên cổng thông tin</label>
<input id="q-header" name="q" type="search" placeholder="Tìm tin tức, văn bản, thủ tục…" autocomplete="off">
<button type="submit">Tìm kiếm</button>
</form>
</div>
<nav class="main-nav" aria-label="Điều hướng chính">
<ul class="wrap">{{$cur := .RelPermalink}}{{range .Site.Menus.main}}
<li><a href="{{.URL}}"{{if eq .URL $cur}} aria-current="page"{{end}}>{{.Name}}</a></li>{{end}}
</ul>
</nav>
</header>
`,
	"layouts/partials/breadcrumb.html": `
{{if not .IsHome}}<nav class="breadcrumb wrap" aria-label="Đường dẫn">
<ol>
<li><a href="{{relURL "/"}}">Trang chủ</a></li>
{{if .IsPage}}{{with .Parent}}{{if not .IsHome}}<li><a href="{{.RelPermalink}}">{{.Title}}</a></li>{{end}}{{end}}
{{with .GetTerms "categories"}}{{with index . 0}}<li><a href="{{.RelPermalink}}">{{.LinkTitle}}</a></li>{{end}}{{end}}
{{else if eq .Kind "term"}}<li><a href="{{relURL "/tin-tuc/"}}">Tin tức</a></li>
<li><a href="{{.Parent.RelPermalink}}">{{.Parent.Title}}</a></li>{{end}}
<li><span aria-current="page">{{.Title}}</span></li>
</ol>
</nav>{{end}}
`,
	"layouts/partials/footer.html": `
<footer class="site-footer">
<div class="wrap">
<p class="footer-agency"><strong>{{.Site.Params.agency}}</strong></p>
<address>{{with .Site.Params}}
<p>Địa chỉ: {{.address}}</p>
<p>Điện thoại: <a href="tel:{{replace .phone " " ""}}">{{.phone}}</a></p>
<p>Thư điện tử: <a href="mailto:{{.email}}">{{.email}}</a></p>
{{end}}</address>
<p>Chịu trách nhiệm chính: {{.Site.Params.responsible}}</p>
<p><a href="{{relURL "/index.xml"}}">Nhận tin qua RSS</a> · <a href="{{relURL "/sitemap.xml"}}">Sơ đồ trang</a></p>
</div>
</footer>
`,
	"layouts/partials/news-item.html": `
<article class="news-item">
<div>
<h3><a href="{{.RelPermalink}}">{{.Title}}</a></h3>
<p class="meta"><time datetime="{{.Date.Format "2006-01-02T15:04:05-07:00"}}">{{.Date.Format "02/1/2006"}}</time>{{with .GetTerms "categories"}}{{with index . 0}} · <a href="{{.RelPermalink}}">{{.LinkTitle}}</a>{{end}}{{end}}</p>
<p class="summary">{{.Summary | plainify | truncate 220}}</p>
</div>
</article>
`,
	"layouts/partials/pager.html": `
{{if gt .TotalPages 1}}<nav class="pager" aria-label="Phân trang">
<ul>
{{if .HasPrev}}<li><a href="{{.Prev.URL}}" rel="prev">‹ Trang trước</a></li>{{end}}
{{$p := .}}{{$cur := .PageNumber}}{{$last := .TotalPages}}
{{$lo := sub $cur 2}}{{if lt $lo 1}}{{$lo = 1}}{{end}}{{$hi := add $cur 2}}{{if gt $hi $last}}{{$hi = $last}}{{end}}
{{if gt $lo 1}}<li><a href="{{.First.URL}}" aria-label="Trang 1">1</a></li>
{{if gt $lo 2}}<li><span class="gap">…</span></li>{{end}}{{end}}
{{range seq $lo $hi}}<li>{{if eq . $cur}}<span aria-current="page">{{.}}</span>{{else}}<a href="{{(index $p.Pagers (sub . 1)).URL}}" aria-label="Trang {{.}}">{{.}}</a>{{end}}</li>
{{end}}
{{if lt $hi $last}}{{if lt $hi (sub $last 1)}}<li><span class="gap">…</span></li>{{end}}
<li><a href="{{.Last.URL}}" aria-label="Trang {{$last}}">{{$last}}</a></li>{{end}}
{{if .HasNext}}<li><a href="{{.Next.URL}}" rel="next">Trang sau ›</a></li>{{end}}
</ul>
</nav>{{end}}
`,
	"layouts/index.html": `
{{define "main"}}<div class="wrap home">
<h1 class="visually-hidden">{{.Site.Title}}</h1>
<section class="home-news" aria-labelledby="tin-moi">
<h2 id="tin-moi">Tin mới</h2>
<div class="news-list">{{range first 10 (where .Site.RegularPages "Section" "tin-tuc")}}{{partial "news-item.html" .}}{{end}}</div>
<p class="more"><a href="{{relURL "/tin-tuc/"}}">Xem tất cả tin tức</a></p>
</section>
<section class="home-categories" aria-labelledby="chuyen-muc">
<h2 id="chuyen-muc">Chuyên mục</h2>
<ul class="term-list">{{range .Site.Taxonomies.categories.Alphabetical}}<li><a href="{{.Page.RelPermalink}}">{{.Page.LinkTitle}}</a> <span class="count">({{.Count}})</span></li>{{end}}</ul>
</section>
</div>{{end}}
`,
	"layouts/_default/list.html": `
{{define "main"}}<div class="wrap with-aside">
<section aria-labelledby="tieu-de">
<h1 id="tieu-de">{{.Title}}{{if gt .Paginator.PageNumber 1}} <span class="page-no">(trang {{.Paginator.PageNumber}}/{{.Paginator.TotalPages}})</span>{{end}}</h1>
{{with .Paginator.Pages}}<div class="news-list">{{range .}}{{partial "news-item.html" .}}{{end}}</div>
{{else}}<p>Chưa có tin tức.</p>{{end}}
{{partial "pager.html" .Paginator}}
</section>
<aside class="browse" aria-label="Duyệt tin tức">
<h2>Chuyên mục</h2>
<ul>{{range .Site.Taxonomies.categories.Alphabetical}}<li><a href="{{.Page.RelPermalink}}">{{.Page.LinkTitle}}</a> <span class="count">({{.Count}})</span></li>{{end}}</ul>
<h2>Theo năm</h2>
<ul>{{range .Site.Taxonomies.years.Alphabetical.Reverse}}<li><a href="{{.Page.RelPermalink}}">Năm {{.Page.LinkTitle}}</a> <span class="count">({{.Count}})</span></li>{{end}}</ul>
<p><a href="{{relURL "/tags/"}}">Tất cả thẻ</a></p>
{{with .OutputFormats.Get "rss"}}<p><a href="{{.RelPermalink}}">Theo dõi qua RSS</a></p>{{end}}
</aside>
</div>{{end}}
`,
	"layouts/_default/terms.html": `
{{define "main"}}<div class="wrap">
<h1>{{.Title}}</h1>
<ul class="term-list">{{range .Data.Terms.Alphabetical}}<li><a href="{{.Page.RelPermalink}}">{{.Page.LinkTitle}}</a> <span class="count">({{.Count}} tin)</span></li>{{end}}</ul>
</div>{{end}}
`,
	"layouts/tin-tuc/single.html": `
{{define "main"}}<div class="wrap with-aside">
<article class="news" aria-labelledby="tieu-de">
<header>
{{with .GetTerms "categories"}}{{with index . 0}}<p class="kicker"><a href="{{.RelPermalink}}">{{.LinkTitle}}</a></p>{{end}}{{end}}
<h1 id="tieu-de">{{.Title}}</h1>
<p class="meta"><time datetime="{{.Date.Format "2006-01-02T15:04:05-07:00"}}">{{.Date.Format "02/1/2006 15:04"}}</time>{{with .Params.author}} · <span class="byline">{{.}}</span>{{end}}</p>
<p class="lead">{{.Summary | plainify}}</p>
</header>
<div class="prose">{{.Content}}</div>
{{with .Params.author}}<p class="byline-end">{{.}}</p>{{end}}
{{with .GetTerms "tags"}}<p class="tags"><span>Thẻ:</span> {{range .}}<a href="{{.RelPermalink}}" rel="tag">{{.LinkTitle}}</a> {{end}}</p>{{end}}
{{if or .PrevInSection .NextInSection}}<nav class="prev-next" aria-label="Tin trước và tin sau">
<ul>{{with .NextInSection}}<li class="prev"><span>Tin trước</span> <a href="{{.RelPermalink}}" rel="prev">{{.Title}}</a></li>{{end}}
{{with .PrevInSection}}<li class="next"><span>Tin sau</span> <a href="{{.RelPermalink}}" rel="next">{{.Title}}</a></li>{{end}}</ul>
</nav>{{end}}
</article>
{{with first 5 (.Site.RegularPages.Related .)}}<aside class="related" aria-labelledby="tin-lien-quan">
<h2 id="tin-lien-quan">Tin liên quan</h2>
<ul>{{range .}}<li><a href="{{.RelPermalink}}">{{.Title}}</a> <time datetime="{{.Date.Format "2006-01-02T15:04:05-07:00"}}">({{.Date.Format "02/1/2006"}})</time></li>{{end}}</ul>
</aside>{{end}}
</div>{{end}}
`,
	"layouts/_default/single.html": `
{{define "main"}}<div class="wrap">
<article class="page" aria-labelledby="tieu-de">
<h1 id="tieu-de">{{.Title}}</h1>
<div class="prose">{{.Content}}</div>
</article>
</div>{{end}}
`,
	"layouts/404.html": `
{{define "main"}}<div class="wrap">
<h1>Không tìm thấy trang</h1>
<p>Trang bạn tìm không có hoặc đã được chuyển đi. Hãy kiểm tra lại địa chỉ, hoặc:</p>
<ul>
<li><a href="{{relURL "/"}}">về Trang chủ</a>;</li>
<li><a href="{{relURL "/tin-tuc/"}}">xem Tin tức</a>.</li>
</ul>
<h2>Tin mới</h2>
<ul>{{range first 5 (where .Site.RegularPages "Section" "tin-tuc")}}<li><a href="{{.RelPermalink}}">{{.Title}}</a></li>{{end}}</ul>
</div>{{end}}
`,
}
