package build_test

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"minhbach/internal/search"
	"minhbach/internal/sitetest"
)

// indexURLs reads the search index that the page at page (an output
// path) loads, and returns its manifest and the URLs of every page it
// holds, from its rows.
func indexURLs(t *testing.T, files map[string][]byte, page string) (search.Manifest, []string) {
	t.Helper()
	html, ok := files[page]
	if !ok {
		t.Fatalf("%s was not written", page)
	}
	m := regexp.MustCompile(`data-index="/([^"]+)"`).FindSubmatch(html)
	if m == nil {
		t.Fatalf("%s names no index", page)
	}
	var man search.Manifest
	if err := json.Unmarshal(files[string(m[1])], &man); err != nil {
		t.Fatalf("%s: the manifest %s: %v", page, m[1], err)
	}
	var urls []string
	for n := range man.RowFiles {
		p := search.Dir + man.RowFolders[n/man.FolderFiles] + fmt.Sprintf("/%d.json", n)
		var rows search.RowFile
		if err := json.Unmarshal(files[p], &rows); err != nil {
			t.Fatalf("%s: row file %s: %v", page, p, err)
		}
		for _, r := range rows {
			urls = append(urls, r.URL)
		}
	}
	if len(urls) != man.Docs {
		t.Fatalf("%s: %d rows for %d documents", page, len(urls), man.Docs)
	}
	slices.Sort(urls)
	return man, urls
}

// TestSearchPerLanguage builds a site in Vietnamese and English: the
// English search page (/en/search/) loads an index of the English pages
// only, whose manifest names its language and English kinds, and the
// Vietnamese page (/tim-kiem/) one of the Vietnamese pages only, without
// a language, as before languages.
func TestSearchPerLanguage(t *testing.T) {
	a, err := txtar.ParseFile("testdata/sites/required-en.txtar")
	if err != nil {
		t.Fatal(err)
	}
	s := sitetest.Build(t, a)
	en, enURLs := indexURLs(t, s.Files, "en/search/index.html")
	want := []string{"/en/functions-of-the-office/", "/en/general-affairs-division/", "/en/organisational-structure/"}
	if !slices.Equal(enURLs, want) {
		t.Errorf("the English index holds %q, want the English pages %q", enURLs, want)
	}
	if en.Lang != "en" {
		t.Errorf("the English manifest's lang is %q, want en", en.Lang)
	}
	for _, k := range en.Kinds {
		if k[0] == search.KindPage && k[1] != "Pages" {
			t.Errorf("the English manifest labels the kind %s %q, want Pages", k[0], k[1])
		}
	}
	vi, viURLs := indexURLs(t, s.Files, "tim-kiem/index.html")
	for _, u := range viURLs {
		if strings.HasPrefix(u, "/en/") {
			t.Errorf("the Vietnamese index holds the English page %s", u)
		}
	}
	if len(viURLs) != 5 || vi.Lang != "" {
		t.Errorf("the Vietnamese index holds %q (lang %q), want the 5 Vietnamese pages and no lang", viURLs, vi.Lang)
	}
	if !strings.Contains(string(s.Files["en/search/index.html"]), `action="/en/search/"`) {
		t.Errorf("the English search page's form does not send to /en/search/")
	}
}
