package search_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"minhbach"
	"minhbach/internal/build"
	"minhbach/internal/search"
	"minhbach/internal/vnfold"
)

// query is one case of testdata/relevance.json.
type query struct {
	Q     string `json:"q"`
	Kind  string `json:"kind,omitempty"`
	Field string `json:"field,omitempty"`
	Type  string `json:"type,omitempty"`
	Level string `json:"level,omitempty"`
	Year  string `json:"year,omitempty"`
	// Top must all be among the first N results; First must be the first.
	Top   []string `json:"top,omitempty"`
	N     int      `json:"n,omitempty"`
	First string   `json:"first,omitempty"`
	// AllField and AllLevel must hold for the first N results (all when N is 0).
	AllField string `json:"all_field,omitempty"`
	AllLevel string `json:"all_level,omitempty"`
	MinTotal int    `json:"min_total,omitempty"`
	MaxTotal *int   `json:"max_total,omitempty"`
	// SameAs is another query (with the same filters) that must find the
	// same pages: another spelling, a fragment that must change nothing.
	SameAs string `json:"same_as,omitempty"`
	Why    string `json:"why,omitempty"`
}

type result struct {
	Q     string `json:"q"`
	Total int    `json:"total"`
	IDs   []int  `json:"ids"`
	Top   []struct {
		URL    string   `json:"url"`
		Kind   string   `json:"kind"`
		Field  string   `json:"field"`
		Levels []string `json:"levels"`
	} `json:"top"`
	Bytes  int            `json:"bytes"`
	Facets map[string]any `json:"facets"`
	// Late counts the long lists asked for only after their shard came.
	Late int `json:"late"`
	// Files are the index files read, by their paths under search.Dir
	// ("3f2a…json").
	Files []string `json:"files"`
	// Scores are the first 10 results' scores; First the first results
	// as the engine gave them before counting every candidate (nil when
	// it could not tell them so).
	Scores []int `json:"scores"`
	First  *struct {
		IDs    []int `json:"ids"`
		Scores []int `json:"scores"`
	} `json:"first"`
}

func relevanceQueries(t *testing.T) []query {
	t.Helper()
	data, err := os.ReadFile("testdata/relevance.json")
	if err != nil {
		t.Fatal(err)
	}
	var qs []query
	if err := json.Unmarshal(data, &qs); err != nil {
		t.Fatal(err)
	}
	return qs
}

// TestIndexShape runs the relevance queries, and their forms without
// diacritics, over the demo's index written with tiny files: nearly every
// list then keeps 3 documents in its shard and the others in a file of
// their own, and every shard and metadata chunk is small. Each query must
// find the same pages, with the same facet counts, as with the default
// files, whichever lists the client reads whole. (The order may differ:
// beyond its best documents a list keeps only their lowest score.)
func TestIndexShape(t *testing.T) {
	node := needNode(t)
	dir, manifest, docs := buildDemo(t)
	tinyDir := t.TempDir()
	tiny, err := search.Build(docs, search.Options{ShardBytes: 200, TopImpacts: 3, ChunkDocs: 2, PrefixBytes: 100, LongBytes: 40},
		func(p string, data []byte) error {
			f := filepath.Join(tinyDir, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
				return err
			}
			return os.WriteFile(f, data, 0o644)
		})
	if err != nil {
		t.Fatal(err)
	}
	qs := relevanceQueries(t)
	for _, q := range slices.Clone(qs) {
		if f := vnfold.Fold(q.Q); f != q.Q {
			q.Q = f
			qs = append(qs, q)
		}
	}
	want := runQueries(t, node, dir, manifest, qs)
	got := runQueries(t, node, tinyDir, tiny.Manifest, qs)
	tails := 0
	for name := range tiny.Names {
		if strings.HasPrefix(name, search.DirLong+"/") {
			tails++
		}
	}
	if tails < 20 {
		t.Fatalf("the tiny index has %d files of long lists, want many", tails)
	}
	readWhole := 0
	for i, q := range qs {
		w, g := want[i], got[i]
		readWhole += shardsSkipped(t, q, g, tinyDir, tiny)
		if g.Late > 0 {
			t.Errorf("%q: %d long lists were asked for a round after their shards: their parts do not name them", q.Q, g.Late)
		}
		if a, b := slices.Sorted(slices.Values(g.IDs)), slices.Sorted(slices.Values(w.IDs)); g.Total != w.Total || !slices.Equal(a, b) {
			t.Errorf("%q: tiny files find %d pages %v, want %d pages %v", q.Q, g.Total, a, w.Total, b)
			continue
		}
		if wf, gf := fmt.Sprint(w.Facets), fmt.Sprint(g.Facets); wf != gf {
			t.Errorf("%q: tiny files count facets %s, want %s", q.Q, gf, wf)
		}
	}
	if readWhole == 0 {
		t.Error("no query read a word's list whole from its long file: the test checks nothing")
	}
}

// shardsSkipped checks that a query of three words or more without
// diacritics or numbers, which needs each word's list whole, read
// a long word from its long file and not from its shard, unless another of
// its keys (a pair, the title key, a word that is not long) sits in that
// shard. It returns how many words were read so.
func shardsSkipped(t *testing.T, q query, r result, dir string, idx *search.Index) int {
	t.Helper()
	toks := search.Tokenize(q.Q)
	if len(toks) < 3 || vnfold.Fold(q.Q) != q.Q {
		return 0
	}
	var words []string
	for _, tk := range toks {
		if tk.Number {
			return 0
		}
		words = append(words, tk.Folded)
	}
	var m struct {
		Shards int `json:"shards"`
	}
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(idx.Names[search.ManifestFile])))
	if err != nil || json.Unmarshal(data, &m) != nil {
		t.Fatalf("manifest: %v", err)
	}
	// The files the client read are named as published, under Dir.
	published := func(name string) string { return strings.TrimPrefix(idx.Names[name], search.Dir) }
	shard := func(k string) string { return published("s/" + strconv.Itoa(search.ShardOf(k, m.Shards)) + ".json") }
	isLong := func(w string) bool {
		var long map[string]json.RawMessage
		p, ok := idx.Names[search.LongFile(w)]
		if !ok {
			return false
		}
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		return err == nil && json.Unmarshal(data, &long) == nil && long[w] != nil
	}
	need := map[string]bool{shard("^" + strings.Join(words[:min(len(words), search.TitleWords)], " ")): true}
	for i := 1; i < len(words); i++ {
		need[shard(words[i-1]+" "+words[i])] = true
	}
	var long []string
	for _, w := range words {
		if isLong(w) {
			long = append(long, w)
		} else {
			need[shard(w)] = true
		}
	}
	skipped := 0
	for _, w := range long {
		if !slices.Contains(r.Files, published(search.LongFile(w))) {
			t.Errorf("%q: the long list of %q was not read from its long file (read %v)", q.Q, w, r.Files)
		}
		if s := shard(w); !need[s] {
			if slices.Contains(r.Files, s) {
				t.Errorf("%q: read %s, the shard of %q, whose whole list its long file holds", q.Q, s, w)
			} else {
				skipped++
			}
		}
	}
	return skipped
}

// needNode returns the path of node, skipping the test when it is missing
// (failing it under CI=true, where .ci/run installs it).
func needNode(t *testing.T) string {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("node is not installed; .ci/run installs it (apt-get install nodejs)")
		}
		t.Skip("node is not installed: the search client's relevance tests need it (apt-get install nodejs)")
	}
	return node
}

// buildDemo builds the demo site at the repository root into a folder and
// returns the folder, the URL of the search manifest and the documents
// indexed.
func buildDemo(t *testing.T) (string, string, []search.Doc) {
	t.Helper()
	// A session, whose site keeps the bodies' text (a build's lets go of
	// it once indexed); its files are those of a build.
	sess := build.NewSession(build.Options{Source: os.DirFS("../.."), Theme: minhbach.Theme,
		Now: time.Date(2026, 11, 23, 12, 0, 0, 0, time.FixedZone("ICT", 7*3600))})
	res, err := sess.Build(context.Background(), nil)
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("build: %v\n%s", err, res.Diags.Format(20))
	}
	mem := sess.Files()
	dir := t.TempDir()
	for p, data := range mem {
		f := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	m := regexp.MustCompile(`data-index="([^"]+)"`).FindSubmatch(mem["tim-kiem/index.html"])
	if m == nil {
		t.Fatal("tim-kiem/index.html has no data-index")
	}
	return dir, string(m[1]), build.SearchDocs(res.Site)
}

// memory is a build sink that keeps the files; the build writes from
// several goroutines.
type memory map[string][]byte

var memMu sync.Mutex

func (m memory) Put(p string, data []byte) error {
	memMu.Lock()
	defer memMu.Unlock()
	m[p] = data
	return nil
}

// runQueries runs the client's engine under node over the built site.
func runQueries(t *testing.T, node, dir, manifest string, qs []query) []result {
	t.Helper()
	in, _ := json.Marshal(qs)
	cmd := exec.Command(node, "testdata/run.cjs", "../../assets/js/search.js", dir, manifest)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	var res []result
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatal(err)
	}
	return res
}

// TestRelevance runs the queries of testdata/relevance.json through the real
// client over the demo site, and checks that each query and its form
// without diacritics find the same pages, as do a query and the one it
// names in same_as.
func TestRelevance(t *testing.T) {
	node := needNode(t)
	dir, manifest, _ := buildDemo(t)
	qs := relevanceQueries(t)
	if len(qs) < 40 {
		t.Errorf("%d queries in the relevance set, want at least 40", len(qs))
	}
	// The folded form of every query with diacritics or capitals, and the
	// query each names in same_as.
	all := slices.Clone(qs)
	folded, same := map[int]int{}, map[int]int{}
	for i, q := range qs {
		if f := vnfold.Fold(q.Q); f != q.Q {
			folded[i] = len(all)
			fq := q
			fq.Q = f
			all = append(all, fq)
		}
		if q.SameAs != "" {
			same[i] = len(all)
			sq := q
			sq.Q = q.SameAs
			all = append(all, sq)
		}
	}
	res := runQueries(t, node, dir, manifest, all)
	bytesTotal, early := 0, 0
	for i, q := range qs {
		r := res[i]
		bytesTotal += r.Bytes
		var urls []string
		for _, x := range r.Top {
			urls = append(urls, x.URL)
		}
		name := q.Q
		if q.Kind != "" || q.Field != "" || q.Level != "" || q.Type != "" || q.Year != "" {
			name += " [" + strings.Join(slices.DeleteFunc([]string{q.Kind, q.Field, q.Type, q.Level, q.Year}, func(s string) bool { return s == "" }), " ") + "]"
		}
		n := q.N
		if n == 0 {
			n = len(urls)
		}
		head := urls[:min(n, len(urls))]
		for _, want := range q.Top {
			if !slices.Contains(head, want) {
				t.Errorf("%q: %s not in the first %d results %q (%d in all)", name, want, n, head, r.Total)
			}
		}
		if q.First != "" && (len(urls) == 0 || urls[0] != q.First) {
			t.Errorf("%q: first result %q, want %s (%s)", name, head, q.First, q.Why)
		}
		for k, x := range r.Top[:min(n, len(r.Top))] {
			if q.AllField != "" && x.Field != q.AllField {
				t.Errorf("%q: result %d %s is in field %q, want %q", name, k+1, x.URL, x.Field, q.AllField)
			}
			if q.AllLevel != "" && !slices.Contains(x.Levels, q.AllLevel) {
				t.Errorf("%q: result %d %s has levels %q, want %q among them", name, k+1, x.URL, x.Levels, q.AllLevel)
			}
			if q.Kind != "" && x.Kind != q.Kind {
				t.Errorf("%q: result %d %s is a %s, want %s", name, k+1, x.URL, x.Kind, q.Kind)
			}
		}
		if r.First != nil {
			early++
			if n := len(r.First.IDs); n > len(r.IDs) || !slices.Equal(r.First.IDs, r.IDs[:n]) || !slices.Equal(r.First.Scores, r.Scores[:min(n, len(r.Scores))]) {
				t.Errorf("%q: the first results given early are %v scoring %v, the full ranking's %v scoring %v", name, r.First.IDs, r.First.Scores, r.IDs[:min(len(r.IDs), 10)], r.Scores)
			}
		}
		if r.Total < q.MinTotal {
			t.Errorf("%q: %d results, want at least %d", name, r.Total, q.MinTotal)
		}
		if q.MaxTotal != nil && r.Total > *q.MaxTotal {
			t.Errorf("%q: %d results, want at most %d (%s)", name, r.Total, *q.MaxTotal, q.Why)
		}
		if j, ok := folded[i]; ok {
			a, b := slices.Sorted(slices.Values(r.IDs)), slices.Sorted(slices.Values(res[j].IDs))
			if !slices.Equal(a, b) {
				t.Errorf("%q finds %d pages, its form without diacritics %q finds %d: want the same pages", name, len(a), all[j].Q, len(b))
			}
		}
		if j, ok := same[i]; ok {
			a, b := slices.Sorted(slices.Values(r.IDs)), slices.Sorted(slices.Values(res[j].IDs))
			if !slices.Equal(a, b) || len(a) == 0 {
				t.Errorf("%q finds %d pages, %q finds %d: want the same pages, some (%s)", name, len(a), all[j].Q, len(b), q.Why)
			}
		}
	}
	if early == 0 {
		t.Error("no query's first results were given early: the check of them checks nothing")
	}
	t.Logf("%d queries (%d more: forms without diacritics, same_as); %d bytes of index read on average per cold query; %d gave their first results early", len(qs), len(all)-len(qs), bytesTotal/len(qs), early)
}
