package search_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"minhbach/internal/search"
)

// TestManyLevels indexes documents with 40 levels, more than a 32-bit mask
// holds, and checks through the client that filtering by each level finds
// exactly the documents of that level, and that the level facet counts
// them.
func TestManyLevels(t *testing.T) {
	node := needNode(t)
	const levels = 40
	docs := synthDocs(400, levels)
	dir := t.TempDir()
	idx, err := search.Build(docs, search.Options{}, func(p string, data []byte) error {
		f := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			return err
		}
		return os.WriteFile(f, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{}
	for _, d := range docs {
		seen := map[string]bool{}
		for _, l := range d.Levels {
			if !seen[l[0]] {
				seen[l[0]] = true
				want[l[0]] = append(want[l[0]], d.URL)
			}
		}
	}
	var qs []query
	for l := range levels {
		qs = append(qs, query{Q: "chung", Level: "cap-" + pad(l)})
	}
	res := runQueries(t, node, dir, idx.Manifest, qs)
	for i, q := range qs {
		r := res[i]
		if r.Total != len(want[q.Level]) {
			t.Errorf("level %s: %d results, want %d", q.Level, r.Total, len(want[q.Level]))
		}
		var facet map[string]float64
		data, _ := json.Marshal(r.Facets["level"])
		_ = json.Unmarshal(data, &facet)
		if int(facet[q.Level]) != len(want[q.Level]) {
			t.Errorf("level %s: the facet counts %v, want %d", q.Level, facet[q.Level], len(want[q.Level]))
		}
		for _, x := range r.Top {
			if !slices.Contains(x.Levels, q.Level) {
				t.Errorf("level %s: result %s has levels %v", q.Level, x.URL, x.Levels)
			}
		}
	}
	if len(want["cap-35"]) == 0 {
		t.Fatal("no document of level 35: the test checks nothing past 32")
	}
}

func pad(i int) string {
	s := strconv.Itoa(i)
	if len(s) < 2 {
		s = "0" + s
	}
	return s
}
