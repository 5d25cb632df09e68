package render

import (
	"bytes"
	"sync"
	"testing"
	"time"

	"minhbach/internal/model"
)

// TestRendererConcurrent renders a small site with the theme's layouts
// twice at once, every job on its own goroutine, while Jobs is called
// again: run under -race it fails if the renderer changes anything after
// New (go test -race -run TestRendererConcurrent ./internal/render).
func TestRendererConcurrent(t *testing.T) {
	o := demoOptions(t)
	day := time.Date(2026, 11, 2, 8, 0, 0, 0, model.Zone)
	page := &model.StaticPage{Title: "Giới thiệu", Slug: "gioi-thieu", URL: "/gioi-thieu/", Menu: "main",
		Content: model.Converted{Markup: "<p>Giới thiệu.</p>", Lead: "Giới thiệu."}}
	s := &model.Site{Pages: []*model.StaticPage{page}, Updated: day}
	cat := threeNews(s, day)
	s.Categories = []*model.Taxon{cat}
	s.Lists = []*model.List[*model.News]{{Kind: "news", Title: "Tin tức", URL: "/tin-tuc/", Items: s.News, Pager: model.Pager{Number: 1, Total: 1, Pages: []string{"/tin-tuc/"}}}}
	o.Pages, o.Languages, o.Strings = s.Pages, o.Site.Languages, themeTables(t, "vi", "en")
	r, d := New(o)
	if d.HasErrors() {
		t.Fatal(d.Format(5))
	}
	in := Inputs{SearchIndex: "/tim-kiem/index/x/manifest.json"}
	render := func() map[string][]byte {
		jobs := r.Jobs(s, in)
		out := make([][]byte, len(jobs))
		var wg sync.WaitGroup
		for i, j := range jobs {
			wg.Go(func() {
				data, err := j.Run()
				if err != nil {
					t.Errorf("%s: %v", j.Path, err)
				}
				out[i] = data
			})
		}
		wg.Wait()
		m := map[string][]byte{}
		for i, j := range jobs {
			m[j.Path] = out[i]
		}
		return m
	}
	var a, b map[string][]byte
	var wg sync.WaitGroup
	wg.Go(func() { a = render() })
	wg.Go(func() { b = render() })
	wg.Wait()
	if len(a) < 5 {
		t.Fatalf("rendered %d files", len(a))
	}
	for p, x := range a {
		if !bytes.Equal(x, b[p]) {
			t.Errorf("%s differs between two renderings at once", p)
		}
	}
}

// threeNews adds three news items of one category, a day apart from day
// back, to s, and returns the category.
func threeNews(s *model.Site, day time.Time) *model.Taxon {
	cat := &model.Taxon{Term: model.Term{Name: "Tin hoạt động", Slug: "tin-hoat-dong", URL: "/tin-tuc/chuyen-muc/tin-hoat-dong/"}}
	for i, title := range []string{"Hội nghị tổng kết", "Tiếp công dân", "Chuyển đổi số"} {
		n := &model.News{Title: title, Date: day.AddDate(0, 0, -i), Summary: "Tóm tắt " + title, Category: cat.Name, CategoryRef: cat.Term,
			URL: "/tin-tuc/2026/11/tin-" + string(rune('a'+i)) + "/", Content: model.Converted{Markup: "<p>" + title + "</p>", Lead: title}}
		s.News = append(s.News, n)
		cat.Items = append(cat.Items, n)
	}
	return cat
}
