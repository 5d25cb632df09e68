package search_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os/exec"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"minhbach/internal/search"
)

// TestFormatPositions checks that the client's FORMAT object holds what
// format.go defines: the version, the folders, the manifest's members and
// every position of every array.
func TestFormatPositions(t *testing.T) {
	node := needNode(t)
	out, err := exec.Command(node, "-e", `require(process.argv[1]); process.stdout.write(JSON.stringify(globalThis.MinhbachSearch.FORMAT))`,
		"../../assets/js/search.js").Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var js, goSpec any
	if err := json.Unmarshal(out, &js); err != nil {
		t.Fatal(err)
	}
	data, _ := json.Marshal(search.FormatSpec())
	if err := json.Unmarshal(data, &goSpec); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(js, goSpec) {
		t.Errorf("search.js FORMAT is\n%s\nformat.go defines\n%s", out, data)
	}
}

// synthDocs returns n documents of words drawn unevenly from a
// vocabulary, so that the index holds short lists, long lists with gaps
// and common words whose other documents are a bitmap; document i has the
// levels i%levels, (i*7)%levels and, for every third, the last one.
func synthDocs(n, levels int) []search.Doc {
	r := rand.New(rand.NewPCG(1, 2))
	vocab := strings.Fields("thủ tục hành chính đất đai đăng ký kết hôn khai sinh giấy phép xây dựng kế hoạch quyết định công văn " +
		"chuyển đổi số cải cách ngân sách đầu tư công giải ngân vốn hộ tịch thuế phí lệ phí quy hoạch môi trường giáo dục y tế")
	docs := make([]search.Doc, n)
	kinds := []string{search.KindNews, search.KindDocument, search.KindProcedure, search.KindPage}
	for i := range docs {
		word := func() string { return vocab[min(len(vocab)-1, int(r.ExpFloat64()*6))] }
		var title, body []string
		for range 3 + r.IntN(5) {
			title = append(title, word())
		}
		for range 20 + r.IntN(80) {
			body = append(body, word())
		}
		d := search.Doc{URL: fmt.Sprintf("/d/%d/", i), Title: strings.Join(title, " "), Kind: kinds[i%len(kinds)],
			Text: "chung " + strings.Join(body, " "), Summary: strings.Join(body[:10], " "), Label: fmt.Sprint(i), Year: 2000 + i%20}
		if d.Kind == search.KindDocument {
			d.Number = fmt.Sprintf("%d/QĐ-UBND", i)
			d.DocType = []string{"Quyết định", "Kế hoạch", "Công văn"}[i%3]
			d.Field, d.FieldLabel = fmt.Sprintf("f%d", i%5), fmt.Sprintf("Lĩnh vực %d", i%5)
		}
		if d.Kind == search.KindNews {
			d.Date = time.Date(2020, 1, 1+i%700, 0, 0, 0, 0, time.UTC)
		}
		if levels > 0 {
			for _, l := range []int{i % levels, i * 7 % levels} {
				d.Levels = append(d.Levels, [2]string{fmt.Sprintf("cap-%02d", l), fmt.Sprintf("Cấp %d", l)})
			}
			if i%3 == 0 {
				d.Levels = append(d.Levels, [2]string{fmt.Sprintf("cap-%02d", levels-1), fmt.Sprintf("Cấp %d", levels-1)})
			}
		}
		docs[i] = d
	}
	return docs
}

// indexFiles builds docs and returns the files by their logical names
// (files, in index_test.go), and "".
func indexFiles(t *testing.T, docs []search.Doc, opt search.Options) (map[string][]byte, string) {
	t.Helper()
	all, _ := files(t, docs, opt)
	return all, ""
}

// TestFormatRoundTrip reads every file of an index with the types of
// format.go and writes it again: the bytes must be the same, so the types
// say all the files hold. It also checks what the files mean: every
// document in the groups, the rows and the lists numbered below Docs,
// each list's documents ascending and as many as its df, and that the
// index holds every variant of an entry (gaps, bitmap, cut short).
func TestFormatRoundTrip(t *testing.T) {
	docs := synthDocs(600, 5)
	all, dir := indexFiles(t, docs, search.Options{ShardBytes: 1 << 10, TopImpacts: 20, ChunkDocs: 7, PrefixBytes: 300, LongBytes: 200})
	var m search.Manifest
	if err := json.Unmarshal(all[dir+search.ManifestFile], &m); err != nil {
		t.Fatal(err)
	}
	if m.Version != search.FormatVersion || m.Docs != len(docs) {
		t.Errorf("manifest version %d, %d docs; want %d, %d", m.Version, m.Docs, search.FormatVersion, len(docs))
	}
	grouped := 0
	for _, g := range m.Groups {
		grouped += g.Count
	}
	if grouped != len(docs) {
		t.Errorf("the groups hold %d documents, want %d", grouped, len(docs))
	}
	variants := map[string]int{}
	rows := 0
	for p, data := range all {
		rel := strings.TrimPrefix(p, dir)
		var v interface{ MarshalJSON() ([]byte, error) }
		switch {
		case rel == search.ManifestFile:
			v = jsonOf{&m}
		case strings.HasPrefix(rel, search.DirShards+"/"), strings.HasPrefix(rel, search.DirLong+"/"):
			var f search.TermFile
			if err := json.Unmarshal(data, &f); err != nil {
				t.Fatalf("%s: %v", rel, err)
			}
			for _, term := range f {
				checkEntry(t, rel, term, len(docs), variants)
			}
			v = f
		case strings.HasPrefix(rel, search.DirParts+"/"):
			var f search.PartFile
			if err := json.Unmarshal(data, &f); err != nil {
				t.Fatalf("%s: %v", rel, err)
			}
			v = jsonOf{f}
		case strings.HasPrefix(rel, search.DirPrefixes+"/"):
			var f search.PrefixFile
			if err := json.Unmarshal(data, &f); err != nil {
				t.Fatalf("%s: %v", rel, err)
			}
			v = f
		case strings.HasPrefix(rel, search.DirRows+"/"):
			var f search.RowFile
			if err := json.Unmarshal(data, &f); err != nil {
				t.Fatalf("%s: %v", rel, err)
			}
			rows += len(f)
			v = jsonOf{f}
		default:
			t.Errorf("%s: a file of no kind", rel)
			continue
		}
		again, err := v.MarshalJSON()
		if err != nil || !bytes.Equal(again, data) {
			t.Errorf("%s: read and written again differs (%v):\n%.300s\n%.300s", rel, err, data, again)
		}
	}
	if rows != len(docs) || m.RowFiles != (len(docs)+6)/7 {
		t.Errorf("%d rows in %d files, want %d in %d", rows, m.RowFiles, len(docs), (len(docs)+6)/7)
	}
	for _, v := range []string{"gaps", "bitmap", "cut"} {
		if variants[v] == 0 {
			t.Errorf("no entry of the index is of kind %q (%v): the test checks less than it says", v, variants)
		}
	}
}

// jsonOf writes a value with encoding/json, as Build does.
type jsonOf struct{ v any }

func (x jsonOf) MarshalJSON() ([]byte, error) { return json.Marshal(x.v) }

func checkEntry(t *testing.T, file string, term search.Term, n int, variants map[string]int) {
	t.Helper()
	var ids []int32
	for _, p := range term.Entry.Best {
		ids = append(ids, p.Doc)
	}
	if !slices.IsSorted(ids) {
		t.Errorf("%s %q: best documents not ascending: %v", file, term.Key, ids)
	}
	bonus := strings.ContainsAny(term.Key[:1], "=^~")
	got := len(term.Entry.Best)
	switch e := term.Entry; {
	case e.Cut:
		variants["cut"]++
		return
	case e.Bitmap != nil:
		variants["bitmap"]++
		for i := range n {
			if e.Bitmap[i/8]&(1<<(i%8)) != 0 {
				got++
				ids = append(ids, int32(i))
			}
		}
	case len(e.Rest) > 0:
		variants["gaps"]++
		got += len(e.Rest)
		ids = append(ids, e.Rest...)
	}
	for _, id := range ids {
		if id < 0 || int(id) >= n {
			t.Errorf("%s %q: document %d of %d", file, term.Key, id, n)
		}
	}
	if got != term.Entry.DF && !bonus {
		t.Errorf("%s %q: %d documents, df %d", file, term.Key, got, term.Entry.DF)
	}
}

// TestZeroOptions checks that options left zero, or negative, take the
// defaults: the index is the default one, made without looping or
// panicking.
func TestZeroOptions(t *testing.T) {
	docs := synthDocs(120, 3)
	want, wantDir := indexFiles(t, docs, search.DefaultOptions)
	for _, opt := range []search.Options{{}, {ShardBytes: -1, TopImpacts: -1, ChunkDocs: -1, PrefixBytes: -1, LongBytes: -1},
		{ShardBytes: search.DefaultOptions.ShardBytes}, {ChunkDocs: 0, TopImpacts: 0, ShardBytes: 2048, PrefixBytes: 2048, LongBytes: 1024}} {
		done := make(chan struct{})
		var got map[string][]byte
		var dir string
		go func() {
			defer close(done)
			got, dir = indexFiles(t, docs, opt)
		}()
		select {
		case <-done:
		case <-time.After(60 * time.Second):
			t.Fatalf("Build with %+v has not ended after a minute", opt)
		}
		if dir != wantDir || len(got) != len(want) {
			t.Errorf("Build with %+v wrote %d files in %s, the defaults %d in %s", opt, len(got), dir, len(want), wantDir)
			continue
		}
		for p, data := range want {
			if !bytes.Equal(got[p], data) {
				t.Errorf("Build with %+v: %s differs from the defaults'", opt, p)
			}
		}
	}
}
