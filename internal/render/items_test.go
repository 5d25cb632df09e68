package render

import (
	"bytes"
	"sync"
	"testing"
	"time"

	"minhbach/internal/model"
)

// mapStash is a model.Stash in memory that counts what goes in and out.
type mapStash struct {
	mu          sync.Mutex
	strs        []string
	puts, loads int
}

func (m *mapStash) Put(s string) model.Stored {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.puts++
	if s == "" {
		return model.Stored{}
	}
	m.strs = append(m.strs, s)
	return model.Stored{Store: m, Off: int64(len(m.strs) - 1), Len: len(s)}
}

func (m *mapStash) Load(at model.Stored) string {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.loads++
	return m.strs[at.Off]
}

// TestItemsInStash: with Inputs.Items, the memo of list items keeps them
// in the stash, not in memory, and every page comes out as with the
// memo in memory.
func TestItemsInStash(t *testing.T) {
	o := demoOptions(t)
	o.ThemeChrome = true
	day := time.Date(2026, 11, 2, 8, 0, 0, 0, model.Zone)
	s := &model.Site{Updated: day}
	cat := threeNews(s, day)
	s.Categories = []*model.Taxon{cat}
	pager := model.Pager{Number: 1, Total: 1, Pages: []string{"/tin-tuc/"}}
	s.Lists = []*model.List[*model.News]{
		{Kind: "news", Title: "Tin tức", URL: "/tin-tuc/", Items: s.News, Pager: pager},
		{Kind: "category", Title: cat.Name, URL: cat.URL, Term: &cat.Term, Items: cat.Items, Pager: model.Pager{Number: 1, Total: 1, Pages: []string{cat.URL}}},
	}
	o.Languages, o.Strings = o.Site.Languages, themeTables(t, "vi", "en")
	r, d := New(o)
	if d.HasErrors() {
		t.Fatal(d.Format(5))
	}
	render := func(in Inputs) map[string][]byte {
		m := map[string][]byte{}
		for _, j := range r.Jobs(s, in) {
			data, err := j.Run()
			if err != nil {
				t.Fatalf("%s: %v", j.Path, err)
			}
			m[j.Path] = data
		}
		return m
	}
	in := Inputs{SearchIndex: "/tim-kiem/index/x/manifest.json"}
	want := render(in)
	stash := &mapStash{}
	in.Items = stash
	// A memo whose budget is spent at once moves every item to the stash
	// (a build's, past itemBudget).
	jobs := r.Jobs(s, in)
	r.items.cur.Load().budget = 1
	got := map[string][]byte{}
	for _, j := range jobs {
		data, err := j.Run()
		if err != nil {
			t.Fatalf("%s: %v", j.Path, err)
		}
		got[j.Path] = data
	}
	if memo := r.items.cur.Load(); len(memo.at) == 0 {
		t.Errorf("memo holds %d items in memory and %d in the stash; want some in the stash", len(memo.html), len(memo.at))
	}
	if stash.puts == 0 || stash.loads == 0 {
		t.Errorf("stash: %d puts, %d loads; want items put once and read back on the second list", stash.puts, stash.loads)
	}
	if len(got) != len(want) {
		t.Fatalf("%d files with the stash, %d without", len(got), len(want))
	}
	for p, w := range want {
		if !bytes.Equal(got[p], w) {
			t.Errorf("%s differs with the items in a stash", p)
		}
	}
}
