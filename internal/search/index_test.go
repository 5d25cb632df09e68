package search_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"

	"minhbach/internal/search"
)

// files builds docs with opt and returns the files by their logical
// names ("s/3.json", "manifest.json"), and the index directory. Every file
// must be written once, under Dir, named by its content as the client
// finds it.
func files(t *testing.T, docs []search.Doc, opt search.Options) (map[string][]byte, string) {
	t.Helper()
	out := map[string][]byte{}
	idx, err := search.Build(docs, opt, func(p string, data []byte) error {
		if _, dup := out[p]; dup {
			t.Errorf("%s written twice", p)
		}
		out[p] = data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if idx.Files != len(out) {
		t.Errorf("Index.Files = %d, %d written", idx.Files, len(out))
	}
	return logical(t, idx, out), search.Dir
}

// logical returns the files an index wrote (by path) by their logical
// names, and checks that each is at the path its content names: a flat
// file at Dir + ContentName + ".json", a row file in a folder of Dir.
func logical(t *testing.T, idx *search.Index, out map[string][]byte) map[string][]byte {
	t.Helper()
	rel := map[string][]byte{}
	used := map[string]bool{}
	for name, p := range idx.Names {
		data, ok := out[p]
		if !ok {
			t.Fatalf("%s: %s was not written", name, p)
		}
		used[p] = true
		rel[name] = data
		rest, ok := strings.CutPrefix(p, search.Dir)
		switch {
		case !ok:
			t.Errorf("%s is outside %s", p, search.Dir)
		case strings.HasPrefix(name, search.DirRows+"/"):
			if folder, file, _ := strings.Cut(rest, "/"); len(folder) != 12 || file != strings.TrimPrefix(name, search.DirRows+"/") {
				t.Errorf("row file %s at %s", name, p)
			}
		case rest != search.ContentName(data)+".json":
			t.Errorf("%s is at %s, not named by its content", name, p)
		}
	}
	if idx.Manifest != "/"+idx.Names[search.ManifestFile] {
		t.Errorf("Index.Manifest = %s, the manifest is at %s", idx.Manifest, idx.Names[search.ManifestFile])
	}
	for p := range out {
		if !used[p] {
			t.Errorf("%s has no logical name", p)
		}
	}
	return rel
}

// list reads a term's list as the client does: document → impact, and
// whether it lists every document of the term.
func list(t *testing.T, fs map[string][]byte, m manifest, key string) (map[int]int, bool) {
	t.Helper()
	var shard map[string][]any
	if err := json.Unmarshal(fs["s/"+strconv.Itoa(search.ShardOf(key, m.Shards))+".json"], &shard); err != nil {
		t.Fatalf("shard of %q: %v", key, err)
	}
	a, ok := shard[key]
	if !ok {
		return nil, true
	}
	num := func(i int) int { return int(a[i].(float64)) }
	df, k := num(0), num(1)
	if top := 2 + 2*k; len(a) > top && a[top] == -1.0 {
		long := longFile(t, fs, key)
		whole, ok := long[key]
		if !ok {
			t.Fatalf("%s lacks the long list of %q", search.LongFile(key), key)
		}
		if fmt.Sprint(whole[:top]) != fmt.Sprint(a[:top]) {
			t.Errorf("%q: its long file begins %v, its shard %v", key, whole[:top], a[:top])
		}
		if named := part(t, fs, m, key).Long[strings.TrimSuffix(strings.TrimPrefix(search.LongFile(key), "l/"), ".json")]; named != search.ContentName(fs[search.LongFile(key)]) {
			t.Errorf("the part of %q names its long file %q, want %q", key, named, search.ContentName(fs[search.LongFile(key)]))
		}
		a = whole
	}
	got, id, floor := map[int]int{}, 0, 0
	for i := 0; i < k; i++ {
		id += num(2 + 2*i)
		got[id] = num(3 + 2*i)
		if i == 0 || num(3+2*i) < floor {
			floor = num(3 + 2*i)
		}
	}
	var rest []int
	if bitmap, ok := a[len(a)-1].(string); ok && len(a) > 2+2*k {
		bits, err := base64.StdEncoding.DecodeString(bitmap)
		if err != nil || len(bits) != (m.Docs+7)/8 {
			t.Fatalf("%q: bitmap of %d bytes (%v), want %d", key, len(bits), err, (m.Docs+7)/8)
		}
		for d := range len(bits) * 8 {
			if bits[d/8]&(1<<(d%8)) != 0 {
				rest = append(rest, d)
			}
		}
	} else {
		id = 0
		for i := 2 + 2*k; i < len(a); i++ {
			id += num(i)
			rest = append(rest, id)
		}
	}
	for _, d := range rest {
		if _, dup := got[d]; dup {
			t.Errorf("%q lists document %d twice", key, d)
		}
		got[d] = floor
	}
	return got, len(got) == df
}

// part reads the part of key's shard, and checks that it names the shard.
func part(t *testing.T, fs map[string][]byte, m manifest, key string) search.PartFile {
	t.Helper()
	s, np := search.ShardOf(key, m.Shards), len(m.Parts)
	var p search.PartFile
	data := fs["t/"+strconv.Itoa(s%np)+".json"]
	if err := json.Unmarshal(data, &p); err != nil || m.Parts[s%np] != search.ContentName(data) {
		t.Fatalf("part of %q: %v (the manifest names %s)", key, err, m.Parts[s%np])
	}
	if got, want := p.Shards[s/np], search.ContentName(fs["s/"+strconv.Itoa(s)+".json"]); got != want {
		t.Errorf("the part of %q names its shard %s, want %s", key, got, want)
	}
	return p
}

// longFile reads the long file of key.
func longFile(t *testing.T, fs map[string][]byte, key string) map[string][]any {
	t.Helper()
	var long map[string][]any
	if err := json.Unmarshal(fs[search.LongFile(key)], &long); err != nil {
		t.Fatalf("long file of %q: %v", key, err)
	}
	return long
}

type manifest = search.Manifest

// TestIndexFiles builds an index with tiny files and checks, as the client
// reads them: every document of a word or pair is listed (the others of a
// long list in a file of their own), the best keep their impacts, exact spellings and
// title keys keep only the best, and the metadata of each document.
func TestIndexFiles(t *testing.T) {
	var docs []search.Doc
	for i := range 40 {
		title := fmt.Sprintf("Thủ tục đăng ký đất đai số %d", i)
		text := strings.Repeat("đất đai ", 1+i%7)
		if i%4 == 0 {
			text += strings.Repeat(" hộ tịch", 1+i%5)
		}
		docs = append(docs, search.Doc{URL: fmt.Sprintf("/thu-tuc/%d/", i), Title: title, Kind: search.KindProcedure, Text: text})
	}
	opt := search.Options{ShardBytes: 200, TopImpacts: 5, ChunkDocs: 3, PrefixBytes: 100, LongBytes: 30}
	fs, _ := files(t, docs, opt)
	var m manifest
	if err := json.Unmarshal(fs["manifest.json"], &m); err != nil {
		t.Fatal(err)
	}
	if m.Docs != 40 || m.ChunkDocs != 3 || m.RowFiles != 14 || m.Shards < 2 {
		t.Errorf("manifest %+v, want 40 documents in 14 chunks of 3, several shards", m)
	}

	if !slices.ContainsFunc(slices.Collect(maps.Keys(fs)), func(p string) bool { return strings.HasPrefix(p, "l/") }) {
		t.Error("no long list has a file of its own: the test does not read one")
	}

	// Metadata: each document once, in its chunk.
	urls := map[string]int{}
	for c := range m.RowFiles {
		var rows [][]string
		if err := json.Unmarshal(fs["m/"+strconv.Itoa(c)+".json"], &rows); err != nil {
			t.Fatal(err)
		}
		for i, r := range rows {
			urls[r[0]] = c*m.ChunkDocs + i
		}
	}
	if len(urls) != 40 {
		t.Fatalf("%d documents in the metadata, want 40", len(urls))
	}

	for _, key := range []string{"dat", "dai", "dat dai", "thu tuc", "ho tich", "tich"} {
		got, full := list(t, fs, m, key)
		want := 40
		if strings.Contains(key, "tich") {
			want = 10
		}
		if !full || len(got) != want {
			t.Errorf("%q lists %d documents (full %v), want all %d", key, len(got), full, want)
		}
	}
	// The best documents of "tich" keep their own impacts: a page that
	// says it 5 times scores above one that says it once.
	tich, _ := list(t, fs, m, "tich")
	if many, once := tich[urls["/thu-tuc/4/"]], tich[urls["/thu-tuc/0/"]]; many <= once {
		t.Errorf("tich: impact %d for 5 times, %d for once; want more", many, once)
	}
	exact, full := list(t, fs, m, "=đất")
	if full || len(exact) != opt.TopImpacts {
		t.Errorf("=đất lists %d documents (full %v), want only the best %d", len(exact), full, opt.TopImpacts)
	}
	// The others of a list in 40 documents are a bitmap; those of a list in
	// 10 documents are gaps.
	if dat := longFile(t, fs, "dat")["dat"]; len(dat) == 0 {
		t.Error("no long list of dat")
	} else if _, ok := dat[len(dat)-1].(string); !ok {
		t.Errorf("the long list of dat, in every document, ends %v, want a bitmap", dat[len(dat)-1])
	}
	if tich := longFile(t, fs, "tich")["tich"]; len(tich) == 0 {
		t.Error("no long list of tich")
	} else if _, ok := tich[len(tich)-1].(float64); !ok {
		t.Errorf("the long list of tich, in a quarter of the documents, ends %v, want a gap", tich[len(tich)-1])
	}
	// A client reading the whole list of "dat" from its long file finds
	// there the exact spelling "đất" too, as its shard has it.
	var shard map[string][]any
	if err := json.Unmarshal(fs["s/"+strconv.Itoa(search.ShardOf("=đất", m.Shards))+".json"], &shard); err != nil {
		t.Fatal(err)
	}
	if long := longFile(t, fs, "dat")["=đất"]; len(long) == 0 || fmt.Sprint(long) != fmt.Sprint(shard["=đất"]) {
		t.Errorf("the long file of dat has =đất %v, its shard %v", long, shard["=đất"])
	}
	// "ký" is indexed as "kí" (vnfold.UnifyIY).
	title, _ := list(t, fs, m, "^thu tuc dang ki")
	if len(title) != opt.TopImpacts {
		t.Errorf("^thu tuc dang ki lists %d, want the best %d", len(title), opt.TopImpacts)
	}
	if whole, _ := list(t, fs, m, "^thu tuc dang ki dat dai$"); len(whole) != 0 {
		t.Errorf("a title of more than %d words has a whole-title key", search.TitleWords)
	}
	if ky, _ := list(t, fs, m, "^thu tuc dang ky"); ky != nil {
		t.Errorf("^thu tuc dang ky lists %d: the title key of ký is not unified", len(ky))
	}
	// Title matches keep only the best, and a long list's title match is
	// in its long file too, as in its shard.
	match, full := list(t, fs, m, "~dat dai")
	if full || len(match) != opt.TopImpacts {
		t.Errorf("~dat dai lists %d documents (full %v), want only the best %d", len(match), full, opt.TopImpacts)
	}
	if err := json.Unmarshal(fs["s/"+strconv.Itoa(search.ShardOf("~dat dai", m.Shards))+".json"], &shard); err != nil {
		t.Fatal(err)
	}
	if long := longFile(t, fs, "dat dai")["~dat dai"]; len(long) == 0 || fmt.Sprint(long) != fmt.Sprint(shard["~dat dai"]) {
		t.Errorf("the long file of dat dai has ~dat dai %v, its shard %v", long, shard["~dat dai"])
	}
	if search.ShardOf("~dat dai", m.Shards) != search.ShardOf("dat dai", m.Shards) {
		t.Error("~dat dai is not in the shard of dat dai")
	}
	if none, _ := list(t, fs, m, "xyz"); none != nil {
		t.Errorf("xyz: %v, want no list", none)
	}

	// The same docs give the same files; a changed title gives a new
	// manifest, which names new rows (files checks that each name is its
	// content's).
	again, _ := files(t, docs, opt)
	if !maps.EqualFunc(fs, again, func(a, b []byte) bool { return string(a) == string(b) }) {
		t.Error("the same docs gave different files")
	}
	docs[3].Title += " mới"
	if changed, _ := files(t, docs, opt); string(changed[search.ManifestFile]) == string(fs[search.ManifestFile]) {
		t.Error("a changed title kept the manifest: cached files would be stale")
	}
}

// TestTitleMatches checks the impacts of title matches, as a query of
// "đăng ký khai sinh" adds them up: a title holding the words as a phrase
// scores above one holding them with a word between, and a shorter title
// above a longer one.
func TestTitleMatches(t *testing.T) {
	docs := []search.Doc{
		{URL: "/a/", Kind: search.KindProcedure, Title: "Đăng ký khai sinh", Text: "khai sinh"},
		{URL: "/b/", Kind: search.KindProcedure, Title: "Đăng ký lại khai sinh", Text: "khai sinh khai sinh"},
		{URL: "/c/", Kind: search.KindProcedure, Title: "Đăng ký khai sinh có yếu tố nước ngoài", Text: "khai sinh"},
		{URL: "/d/", Kind: search.KindProcedure, Title: "Khai báo tạm trú cho sinh viên", Text: "khai sinh"},
		{URL: "/e/", Kind: search.KindNews, Title: "Tin tức", Text: "khai sinh"},
	}
	fs, _ := files(t, docs, search.DefaultOptions)
	var m manifest
	if err := json.Unmarshal(fs["manifest.json"], &m); err != nil {
		t.Fatal(err)
	}
	ids := map[string]int{}
	for c := range m.RowFiles {
		var rows [][]any
		if err := json.Unmarshal(fs["m/"+strconv.Itoa(c)+".json"], &rows); err != nil {
			t.Fatal(err)
		}
		for i, r := range rows {
			ids[r[0].(string)] = c*m.ChunkDocs + i
		}
	}
	score := map[string]int{}
	for _, key := range []string{"~dang ki", "~ki khai", "~khai sinh"} {
		l, _ := list(t, fs, m, key)
		for u, id := range ids {
			score[u] += l[id]
		}
	}
	if !(score["/a/"] > score["/c/"] && score["/c/"] > score["/b/"] && score["/b/"] > score["/d/"] && score["/d/"] == 0 && score["/e/"] == 0) {
		t.Errorf("title matches of đăng ký khai sinh score %v, want /a/ (the whole phrase) > /c/ (the phrase, a longer title) > /b/ (a word between) > /d/, /e/ = 0", score)
	}
}

// TestPrefixes checks the prefix table: the words that begin with each
// three letters, the most frequent first, and the first words of each two
// letters, with no pairs, spellings, title matches or numbers.
func TestPrefixes(t *testing.T) {
	docs := []search.Doc{
		{URL: "/a/", Kind: search.KindNews, Title: "Thuế thu nhập", Text: "thuế thuế thuộc 93/KH-UBND"},
		{URL: "/b/", Kind: search.KindNews, Title: "Thuế", Text: "thu thuộc thường"},
		{URL: "/c/", Kind: search.KindNews, Title: "Thuế", Text: "thuộc th"},
	}
	fs, _ := files(t, docs, search.DefaultOptions)
	var prefixes map[string][]any
	for p, data := range fs {
		if strings.HasPrefix(p, "p/") {
			var part map[string][]any
			if err := json.Unmarshal(data, &part); err != nil {
				t.Fatal(err)
			}
			if prefixes == nil {
				prefixes = map[string][]any{}
			}
			maps.Copy(prefixes, part)
		}
	}
	want := []any{"thue", 3.0, "thuoc", 3.0, "thu", 2.0, "thuong", 1.0}
	if got := prefixes["thu"]; !slices.Equal(got, want) {
		t.Errorf("prefix thu: %v, want %v", got, want)
	}
	// Two letters list the word itself first, then the most frequent.
	want = []any{"th", 1.0, "thue", 3.0, "thuoc", 3.0, "thu", 2.0, "thuong", 1.0}
	if got := prefixes["th"]; !slices.Equal(got, want) {
		t.Errorf("prefix th: %v, want %v", got, want)
	}
	for p := range prefixes {
		if strings.ContainsAny(p, "=^~ 0123456789") {
			t.Errorf("prefix %q: the table holds only words", p)
		}
	}
}

// TestContentNames checks what naming every file by its content is for:
// the same documents give the same paths, and an edit of one document's
// body gives new paths only to the files it changes (its lists' shards and
// long files, their parts, the prefix table, the manifest), so a deploy
// uploads those and no row file.
func TestContentNames(t *testing.T) {
	docs := synthDocs(600, 5)
	opt := search.Options{ShardBytes: 1 << 10, TopImpacts: 20, ChunkDocs: 2, PrefixBytes: 300, LongBytes: 200, PartShards: 4, FolderFiles: 16}
	build := func(docs []search.Doc) (*search.Index, map[string][]byte) {
		out := map[string][]byte{}
		idx, err := search.Build(docs, opt, func(p string, data []byte) error { out[p] = data; return nil })
		if err != nil {
			t.Fatal(err)
		}
		return idx, out
	}
	idx1, a := build(docs)
	idx2, b := build(docs)
	if idx1.Manifest != idx2.Manifest || len(a) != len(b) {
		t.Fatalf("the same documents gave %s (%d files) and %s (%d files)", idx1.Manifest, len(a), idx2.Manifest, len(b))
	}
	for p, data := range a {
		if !bytes.Equal(b[p], data) {
			t.Errorf("%s differs between two builds of the same documents", p)
		}
	}
	edited := slices.Clone(docs)
	edited[100].Text += " cải cách"
	idx3, c := build(edited)
	if idx3.Manifest == idx1.Manifest {
		t.Error("an edit kept the manifest's name")
	}
	var changed []string
	for p, data := range c {
		if old, ok := a[p]; !ok {
			changed = append(changed, p)
		} else if !bytes.Equal(old, data) {
			t.Errorf("%s holds other content under the same name", p)
		}
	}
	names := map[string]string{}
	for name, p := range idx3.Names {
		names[p] = name
	}
	for _, p := range changed {
		if strings.HasPrefix(names[p], search.DirRows+"/") {
			t.Errorf("the edit of a body changed row file %s (%s)", names[p], p)
		}
	}
	if len(changed) == 0 || len(changed) > len(c)/5 {
		t.Errorf("the edit of one body changed %d of %d files, want a few", len(changed), len(c))
	}
	t.Logf("one edit: %d of %d files new", len(changed), len(c))
}
