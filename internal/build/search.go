package build

import (
	"slices"
	"sync"

	"minhbach/internal/model"
	"minhbach/internal/render"
	"minhbach/internal/search"
)

// SearchDocs lists every page the search index holds, with the labels
// of their results (render.SearchDocs makes them, as it makes pages).
func SearchDocs(s *model.Site) []search.Doc { return render.SearchDocs(s) }

// editionSearchDocs returns the search documents of each of the site's
// other languages (render's EditionSearchDocs), by language.
func editionSearchDocs(s *model.Site, r *render.Renderer) map[string][]search.Doc {
	out := map[string][]search.Doc{}
	for _, ed := range s.Editions {
		out[ed.Lang] = r.EditionSearchDocs(ed)
	}
	return out
}

// editionIndexes indexes each of the site's other languages for search,
// from its edition's records only, with that language's analyzer, and
// returns the URL of each index's manifest by language (nil for a site in
// one language). The files go under search.Dir beside the Vietnamese
// index's. A patched build (preview) first removes the last build's
// files of these indexes, but those the Vietnamese index also has.
func (c *cache) editionIndexes(s *model.Site, docs map[string][]search.Doc, r *render.Renderer, put search.Put) (map[string]string, error) {
	if c != nil && c.patchMem != nil {
		for _, p := range c.editionFiles {
			if !slices.ContainsFunc(c.indexFiles, func(f indexFile) bool { return f.path == p }) {
				delete(c.patchMem.Files, p)
			}
		}
	}
	if len(s.Editions) == 0 {
		if c != nil {
			c.editionFiles = nil
		}
		return nil, nil
	}
	var files []string
	var mu sync.Mutex // search.Build may put files at once
	out := map[string]string{}
	for _, ed := range s.Editions {
		idx, err := search.Build(docs[ed.Lang], search.Options{Lang: ed.Lang, KindLabels: r.SearchKindLabels(ed.Lang)},
			func(p string, data []byte) error {
				mu.Lock()
				files = append(files, p)
				mu.Unlock()
				return put(p, data)
			})
		if err != nil {
			return nil, err
		}
		out[ed.Lang] = idx.Manifest
	}
	if c != nil {
		c.editionFiles = files
	}
	return out, nil
}

// buildSearchIndex builds a plain build's search index of the site with
// put and returns its manifest's URL: the index makes each search
// document when it reads it (render.SearchDocSource), so that no list of
// them is live beside the pages being rendered, and moves its longer
// posting lists to a temporary file (spillPostings).
func buildSearchIndex(s *model.Site, put search.Put) (string, error) {
	opt := search.DefaultOptions
	opt.SpillBytes = spillPostings
	n, make := render.SearchDocSource(s)
	idx, err := search.BuildFrom(n, func(i int) *search.Doc {
		d := make(i)
		return &d
	}, opt, put)
	if err != nil {
		return "", err
	}
	return idx.Manifest, nil
}
