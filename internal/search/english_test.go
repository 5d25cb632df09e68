package search_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"minhbach/internal/search"
)

// englishDocs are a few English pages with Vietnamese place names, as an
// English edition has them.
var englishDocs = []search.Doc{
	{URL: "/en/news/son-ha-investment-forum/", Title: "Sơn Hà hosts its first investment forum", Kind: search.KindNews,
		Text: "The People's Committee of Sơn Hà Province welcomed 200 investors.", Summary: "Investors met in Sơn Hà."},
	{URL: "/en/pages/contact/", Title: "Contact the Office", Kind: search.KindPage,
		Text:    "Officials of the Office: names, titles, phone numbers and e-mail addresses. Try the switchboard first.",
		Summary: "Who to call at the Office."},
	{URL: "/en/pages/functions/", Title: "Functions, duties and powers", Kind: search.KindPage,
		Text: "The Office advises the Provincial People’s Committee and its Chairman.", Summary: "What the Office does."},
}

// TestEnglishIndex builds an English index and asks it through the client
// under Node: a query without diacritics finds the page that has them
// ("son ha" finds "Sơn Hà"), apostrophes and case do not matter, an English
// word is not spelt the Vietnamese way ("try"); the manifest names the
// language, and a Vietnamese index of the same pages does not, and has
// another manifest.
func TestEnglishIndex(t *testing.T) {
	node := needNode(t)
	dir := t.TempDir()
	put := func(p string, data []byte) error {
		f := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			return err
		}
		return os.WriteFile(f, data, 0o644)
	}
	en, err := search.Build(englishDocs, search.Options{Lang: search.LangEN, KindLabels: map[string]string{search.KindNews: "News", search.KindPage: "Pages"}}, put)
	if err != nil {
		t.Fatal(err)
	}
	vi, err := search.Build(englishDocs, search.Options{}, put)
	if err != nil {
		t.Fatal(err)
	}
	if en.Manifest == vi.Manifest {
		t.Errorf("the English and the Vietnamese index share the manifest %s", en.Manifest)
	}
	lang := func(manifest string) any {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(manifest)))
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		return m["lang"]
	}
	if got := lang(en.Manifest); got != "en" {
		t.Errorf("the English manifest's lang is %v, want en", got)
	}
	var m search.Manifest
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(en.Manifest)))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	labels := map[string]string{}
	for _, k := range m.Kinds {
		labels[k[0]] = k[1]
	}
	if labels[search.KindNews] != "News" || labels[search.KindPage] != "Pages" || labels[search.KindProcedure] != "Thủ tục hành chính" {
		t.Errorf("the English manifest's kinds are %q: want News and Pages in English, the others as given", m.Kinds)
	}
	if got := lang(vi.Manifest); got != nil {
		t.Errorf("the Vietnamese manifest has a lang member, %v: it must stay as before languages", got)
	}

	cases := []struct {
		q    string
		want []string // URLs, in any order
	}{
		{"son ha", []string{"/en/news/son-ha-investment-forum/"}},
		{"SON HA investors", []string{"/en/news/son-ha-investment-forum/"}},
		{"Sơn Hà", []string{"/en/news/son-ha-investment-forum/"}},
		{"People’s Committee", []string{"/en/news/son-ha-investment-forum/", "/en/pages/functions/"}},
		{"people committee", []string{"/en/news/son-ha-investment-forum/", "/en/pages/functions/"}},
		{"try", []string{"/en/pages/contact/"}},
		{"e-mail", []string{"/en/pages/contact/"}},
	}
	var qs []query
	for _, c := range cases {
		qs = append(qs, query{Q: c.q})
	}
	res := runQueries(t, node, dir, en.Manifest, qs)
	for i, c := range cases {
		var got []string
		for _, d := range res[i].Top {
			got = append(got, d.URL)
		}
		slices.Sort(got)
		want := slices.Sorted(slices.Values(c.want))
		if !slices.Equal(got, want) {
			t.Errorf("English index, %q: found %q, want %q", c.q, got, want)
		}
	}
	// The same pages indexed as Vietnamese read "try" as "tri" and find
	// it too (queries are folded alike); the English index must not
	// spell it so: its prefix table completes "tr" to "try".
	found := false
	for name, path := range en.Names {
		if !strings.HasPrefix(name, search.DirPrefixes+"/") {
			continue
		}
		data, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(path)))
		var p map[string][]any
		if err := json.Unmarshal(data, &p); err != nil {
			t.Fatal(err)
		}
		for _, words := range p {
			for _, w := range words {
				if w == "try" {
					found = true
				}
				if w == "tri" {
					t.Errorf("the English index holds the Vietnamese spelling tri")
				}
			}
		}
	}
	if !found {
		t.Errorf("the English index's prefix table does not hold try")
	}
}
