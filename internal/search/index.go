package search

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"maps"
	"math"
	"math/bits"
	"minhbach/internal/vnfold"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"
)

// Doc is one searchable page.
type Doc struct {
	URL   string
	Title string
	// Kind is the page kind: KindNews, KindDocument, KindProcedure, KindPage.
	Kind string
	// Number is a document number or procedure code, weighted above the title.
	Number string
	// Label is what a result shows beside its kind: a date, a number, a code.
	Label string
	// Text is the body, plain text.
	Text string
	// More continues Text: each part is read as if joined to it after a
	// space, so that a caller need not copy a long body into one string.
	More []string
	// Read, when set, returns the last part of the text, read after More
	// as if joined by a space: Build calls it once, when it counts the
	// document's words, so that a caller may keep a long body out of
	// memory until then.
	Read func() string
	// Summary is shown under a result; its words are highlighted.
	Summary string
	// Facets: a field code and label, a document type, levels, a year.
	Field, FieldLabel string
	DocType           string
	Levels            [][2]string
	Year              int
	// Date makes newer news rank slightly higher (zero for other kinds).
	Date time.Time
	// Demote halves the scores (an abolished procedure).
	Demote bool
}

// The kinds of page, as the client's kind filter names them.
const (
	KindNews      = "tin-tuc"
	KindDocument  = "van-ban"
	KindProcedure = "thu-tuc"
	KindPage      = "trang"
	// KindStatistics is a page of dossier statistics (thống kê).
	KindStatistics = "thong-ke"
	// The disclosure kinds.
	KindConsultation = "du-thao"
	KindBudget       = "ngan-sach"
	KindProject      = "du-an"
)

// kindsIn returns kinds with the labels of labels in place of theirs.
func kindsIn(labels map[string]string) [][2]string {
	if len(labels) == 0 {
		return kinds
	}
	out := slices.Clone(kinds)
	for i, k := range out {
		if l, ok := labels[k[0]]; ok {
			out[i][1] = l
		}
	}
	return out
}

// kinds lists the kinds with their labels, in filter order.
var kinds = [][2]string{{KindProcedure, "Thủ tục hành chính"}, {KindDocument, "Văn bản"}, {KindNews, "Tin tức"}, {KindPage, "Trang thông tin"}, {KindStatistics, "Thống kê hồ sơ"},
	{KindConsultation, "Dự thảo lấy ý kiến"}, {KindBudget, "Công khai ngân sách"}, {KindProject, "Dự án đầu tư công"}}

// Options tune the index. A field that is zero or negative takes its
// value from DefaultOptions.
type Options struct {
	// ShardBytes is the size a shard of terms aims at. A long list sits
	// in a shard of its own size; only the other terms share.
	ShardBytes int
	// TopImpacts is how many documents of a long list keep their own
	// score; the others are listed with the lowest of those. Lists that
	// only add to a score (exact spellings, title keys) keep just these.
	TopImpacts int
	// ChunkDocs is the number of documents a row file holds, in
	// document order. A result's row costs its chunk: more rows a file
	// mean fewer files to write and more bytes a query reads.
	ChunkDocs int
	// PrefixBytes is the size a shard of the prefix table aims at.
	PrefixBytes int
	// LongBytes is the size above which a term's list is a file of its own.
	LongBytes int
	// PartShards is the number of term shards a part names.
	PartShards int
	// FolderFiles is the number of row files in a row folder.
	FolderFiles int
	// Lang is the language of the documents, which chooses the analyzer
	// (TokenizeLang) and is written in the manifest for the client: ""
	// or LangVI for Vietnamese, LangEN for English.
	Lang string
	// KindLabels are the labels of the kinds of page in the index's
	// language, by kind code (KindNews…); a kind not in it keeps its
	// Vietnamese label.
	KindLabels map[string]string
	// SpillBytes, when positive, bounds the postings Build holds in
	// memory while it counts the documents' words: above it, the longer
	// lists go to a temporary file until they are scored. Zero keeps
	// them all in memory (the default: a preview rebuilds faster).
	SpillBytes int
}

// DefaultOptions suit sites from a hundred to 50 000 pages.
var DefaultOptions = Options{ShardBytes: 2 << 10, TopImpacts: 200, ChunkDocs: 3, PrefixBytes: 2 << 10, LongBytes: 1 << 10,
	PartShards: 32, FolderFiles: 256}

// withDefaults returns the options with each field that is zero or
// negative taken from DefaultOptions.
func (o Options) withDefaults() Options {
	d := DefaultOptions
	for _, f := range []struct{ v, def *int }{{&o.ShardBytes, &d.ShardBytes}, {&o.TopImpacts, &d.TopImpacts},
		{&o.ChunkDocs, &d.ChunkDocs}, {&o.PrefixBytes, &d.PrefixBytes}, {&o.LongBytes, &d.LongBytes},
		{&o.PartShards, &d.PartShards}, {&o.FolderFiles, &d.FolderFiles}} {
		if *f.v <= 0 {
			*f.v = *f.def
		}
	}
	return o
}

// TitleWords is how many leading words of a title its title keys hold.
const TitleWords = 6

// scale turns scores into the whole numbers the files hold.
const scale = 100

// titleBonus is the score of a page whose title begins with the query.
const titleBonus = 15 * scale

// titlePhraseBonus, times TitleFit of the title's length, is the score of
// each pair of a query's adjacent words that the title holds as adjacent
// words: a title that holds the query as a phrase, with nothing between
// its words, ranks above one that holds them apart, and among those, the
// title with fewer other words first.
const titlePhraseBonus = 30 * scale

// TitleFit is how closely a title of n words fits a query it holds: 1 for
// one word, falling as the title has more words (4 words 0.73, 5 words
// 0.67, 9 words 0.5, 20 words 0.3), gently enough that a title holding a
// query of three words as a phrase outranks a shorter title holding them
// with a word between, unless it has more than twice its words and 7.
func TitleFit(n int) float64 { return 8 / float64(n+7) }

// PrefixLen is how many leading characters of a folded word key the
// prefix table. A query's last word that, taken whole, finds nothing is
// completed from it; one shorter than PrefixLen-1 letters, or of
// PrefixLen-1 letters that completes to nothing found, only adds to the
// scores of what the other words find (the client decides, from the
// query alone).
const PrefixLen = 3

// ShortPrefixWords is how many words the prefix table lists for a query's
// last word of PrefixLen-1 letters: the word itself when indexed, then the
// most frequent words it begins.
const ShortPrefixWords = 5

// Field weights of BM25F: numbers and codes above titles above bodies.
const (
	weightNumber = 6
	weightTitle  = 3
	weightBody   = 1
	k1, b        = 1.2, 0.75
	// bigramWeight multiplies the scores of adjacent word pairs.
	bigramWeight = 1.5
)

// Dir is where the index is published, every file under a name made of
// its content (ContentName): an edit changes the names of the files it
// changes, and no other.
const Dir = "tim-kiem/index/"

// Put receives each file of the index: its path under the output root and
// its content.
type Put func(path string, data []byte) error

// Index tells what was indexed.
type Index struct {
	// Manifest is the URL path of the manifest, from which the client
	// finds every other file.
	Manifest string
	// Files is the number of files written.
	Files int
	// Names maps the logical name of each file ("s/3.json",
	// "manifest.json": the Dir* constants) to the path it was written
	// at. Files of equal content share one path.
	Names map[string]string
}

// posting is one document of a term's list: while indexing, v is the
// weighted term frequency; then its impact, the score the client adds.
type posting struct {
	doc int32
	v   float32
}

// group is a document's facet values as indexes into the tables (-1 for
// none); levels is the index of its set of levels in the tables'
// levelSets. It holds no pointer: the collector need not look into a
// site's list of them.
type group struct {
	kind, field, docType, year, levels int32
}

// compareLevels orders level sets as the bit masks they once were: by
// their highest level, then the next, a set before the larger sets it
// begins. Any number of levels compares.
func compareLevels(a, b []int) int {
	for i := 1; i <= min(len(a), len(b)); i++ {
		if c := cmp.Compare(a[len(a)-i], b[len(b)-i]); c != 0 {
			return c
		}
	}
	return cmp.Compare(len(a), len(b))
}

// Build indexes docs and hands every file to put, each under a name made
// of its content (see Dir): the same docs always give the same files at
// the same paths, and a change gives new names to the files it changes
// and to the manifest, so that every file can be cached forever and a
// deploy sends only what changed. The files are those of format.go,
// described in docs/search-index.md: the Manifest, the parts (PartFile),
// term shards and long files (TermFile), the prefix table (PrefixFile)
// and the rows (RowFile).
func Build(docs []Doc, opt Options, put Put) (*Index, error) {
	return BuildFrom(len(docs), func(i int) *Doc { return &docs[i] }, opt, put)
}

// BuildFrom is Build of n documents that doc makes when asked for them:
// doc(i) is the i-th, the same each time it is asked (Build asks for
// each document four times: its facets, its place in the order, its row
// and its words), from several goroutines at once, and Build keeps
// nothing of it beyond what the index needs. A caller that makes the
// documents from its own records thus never holds them all at once (at
// 250 000 documents a []Doc is some 100 MB with its labels, live while
// the index is built beside the pages).
func BuildFrom(n int, doc func(i int) *Doc, opt Options, put Put) (*Index, error) {
	opt = opt.withDefaults()
	tables := newTables()
	// newest and oldest are the dates of the news the index holds, which
	// make newer news rank slightly higher.
	var newest, oldest time.Time
	for i := range n {
		d := doc(i)
		tables.add(d)
		if d.Kind == KindNews && !d.Date.IsZero() {
			if newest.IsZero() || d.Date.After(newest) {
				newest = d.Date
			}
			if oldest.IsZero() || d.Date.Before(oldest) {
				oldest = d.Date
			}
		}
	}
	tables.sort()
	// Documents are numbered in facet-group order, so that the manifest
	// can give each group as one run of numbers.
	order := make([]int, n)
	groups := make([]group, n)
	{
		type key struct {
			sec  int64
			nsec int32
			url  string
		}
		keys := make([]key, n)
		for i := range n {
			d := doc(i)
			order[i] = i
			groups[i] = tables.group(d)
			keys[i] = key{d.Date.Unix(), int32(d.Date.Nanosecond()), d.URL}
		}
		slices.SortStableFunc(order, func(x, y int) int {
			gx, gy := &groups[x], &groups[y]
			return cmp.Or(cmp.Compare(gx.kind, gy.kind), cmp.Compare(gx.field, gy.field), cmp.Compare(gx.docType, gy.docType),
				compareLevels(tables.levelSets[gx.levels], tables.levelSets[gy.levels]), cmp.Compare(gy.year, gx.year),
				cmp.Compare(keys[y].sec, keys[x].sec), cmp.Compare(keys[y].nsec, keys[x].nsec), cmp.Compare(keys[x].url, keys[y].url))
		})
	}
	idx := &Index{Names: map[string]string{}}
	written := map[string]bool{}
	// write publishes a file under its content name, once for equal
	// contents, and returns that name.
	write := func(logical string, data []byte) (string, error) {
		name := ContentName(data)
		p := Dir + name + ".json"
		idx.Names[logical] = p
		if written[name] {
			return name, nil
		}
		written[name] = true
		idx.Files++
		return name, put(p, bytes.Clone(data))
	}

	// Rows first: once they are written, the index needs of a document
	// only its words.
	nChunks, folders, err := writeRows(n, doc, order, opt, idx, put)
	if err != nil {
		return nil, err
	}

	x := newIndexer()
	x.english = !vietnamese(opt.Lang)
	if opt.SpillBytes > 0 {
		sp, err := newSpill()
		if err != nil {
			return nil, err
		}
		defer sp.close()
		x.spill, x.budget = sp, opt.SpillBytes
	}
	x.index(doc, order, newest, oldest)
	terms := x.score()

	// Every term's best documents, with their impacts, are in its shard.
	// A long list, whose other documents only a query that needs every
	// page of the term reads, is also whole in a file of its own,
	// LongFile(key), with its companions (the exact spellings of a word,
	// its title-match key): a query reading the file needs no shard for
	// them. Terms share shards by a hash of their key, so many shards
	// that each holds about ShardBytes; the shards come in parts of
	// PartShards, and a part names its shards and long files.
	var buf bytes.Buffer
	small := 0
	longs := map[uint32][]*term{}
	// wholes are the long lists' whole entries, as their long files hold
	// them (few terms have one).
	wholes := map[*term][]byte{}
	companions := map[string][]*term{}
	var e Entry
	var list []posting
	var sb splitBuf
	for _, t := range terms {
		buf.Reset()
		list = x.impacts(t, list[:0])
		best, rest := t.split(list, opt.TopImpacts, &sb)
		e.set(int(t.df), best, rest, n)
		e.appendTo(&buf)
		if buf.Len()-1 > opt.LongBytes && (len(e.Rest) > 0 || e.Bitmap != nil) {
			wholes[t] = bytes.Clone(buf.Bytes())
			e.Rest, e.Bitmap, e.Cut = e.Rest[:0], nil, true
			buf.Reset()
			e.appendTo(&buf)
			h := fnv1a(t.key)
			longs[h] = append(longs[h], t)
		}
		t.data = bytes.Clone(buf.Bytes()) // its entry, now that impacts let go of its postings
		small += len(t.key) + 4 + buf.Len()
		if base := companionOf(t.key); base != "" {
			companions[base] = append(companions[base], t)
		}
	}
	if err := x.spill.close(); err != nil {
		return nil, err
	}
	nParts := max(1, (small+opt.ShardBytes*opt.PartShards-1)/(opt.ShardBytes*opt.PartShards))
	nShards := nParts * opt.PartShards
	parts := make([]PartFile, nParts)
	for i := range parts {
		parts[i] = PartFile{Shards: make([]string, opt.PartShards), Long: map[string]string{}}
	}
	for _, h := range slices.Sorted(maps.Keys(longs)) {
		buf.Reset()
		buf.WriteByte('{')
		for _, t := range longs[h] {
			writeEntry(&buf, t.key, wholes[t])
			delete(wholes, t)
			for _, e := range companions[t.key] {
				writeEntry(&buf, e.key, e.data)
			}
		}
		buf.WriteByte('}')
		name, err := write(LongFile(longs[h][0].key), buf.Bytes())
		if err != nil {
			return nil, err
		}
		parts[h%uint32(nParts)].Long[fmt.Sprintf("%08x", h)] = name
	}
	shards := make([][]*term, nShards)
	for _, t := range terms {
		s := ShardOf(t.key, nShards)
		shards[s] = append(shards[s], t)
	}
	for s, ts := range shards {
		slices.SortFunc(ts, func(a, b *term) int { return strings.Compare(a.key, b.key) })
		buf.Reset()
		buf.WriteByte('{')
		for _, t := range ts {
			writeEntry(&buf, t.key, t.data)
		}
		buf.WriteByte('}')
		name, err := write(DirShards+"/"+strconv.Itoa(s)+".json", buf.Bytes())
		if err != nil {
			return nil, err
		}
		parts[s%nParts].Shards[s/nParts] = name
	}
	partNames := make([]string, nParts)
	for i, p := range parts {
		data, _ := json.Marshal(p)
		name, err := write(DirParts+"/"+strconv.Itoa(i)+".json", data)
		if err != nil {
			return nil, err
		}
		partNames[i] = name
	}

	prefixNames, err := writePrefixes(terms, opt.PrefixBytes, write)
	if err != nil {
		return nil, err
	}

	var runs []Group
	var last group
	for _, i := range order {
		g := groups[i]
		if len(runs) > 0 && g == last {
			runs[len(runs)-1].Count++
			continue
		}
		last = g
		runs = append(runs, Group{Count: 1, Kind: int(g.kind), Field: int(g.field), Type: int(g.docType), Year: int(g.year), Levels: tables.levelSets[g.levels]})
	}
	manifest := Manifest{
		Version: FormatVersion, Docs: n, PrefixLen: PrefixLen, TitleWords: TitleWords,
		ChunkDocs: opt.ChunkDocs, RowFiles: nChunks, FolderFiles: opt.FolderFiles, RowFolders: folders,
		Shards: nShards, Prefixes: len(prefixNames), Parts: partNames, PrefixFiles: prefixNames,
		Kinds: kindsIn(opt.KindLabels), Fields: tables.fields, Types: tables.types, Levels: tables.levels,
		Groups: runs,
	}
	if !vietnamese(opt.Lang) {
		manifest.Lang = opt.Lang
	}
	data, _ := json.Marshal(manifest)
	name, err := write(ManifestFile, data)
	if err != nil {
		return nil, err
	}
	idx.Manifest = "/" + Dir + name + ".json"
	return idx, nil
}

// writeRows puts the row files of the documents in order (RowFile): a
// folder of FolderFiles row files is named by the content of its files,
// so that an edit that changes one row changes one folder. It returns
// the number of row files and the folders' names.
func writeRows(n int, doc func(i int) *Doc, order []int, opt Options, idx *Index, put Put) (int, []string, error) {
	nChunks := 0
	var folders []string
	var folder [][]byte
	flush := func() error {
		if len(folder) == 0 {
			return nil
		}
		h := sha256.New()
		first := nChunks - len(folder)
		for i, data := range folder {
			fmt.Fprintf(h, "%d %d\n", first+i, len(data))
			h.Write(data)
		}
		name := hex.EncodeToString(h.Sum(nil)[:contentBytes])
		for i, data := range folder {
			p := Dir + name + "/" + strconv.Itoa(first+i) + ".json"
			idx.Names[DirRows+"/"+strconv.Itoa(first+i)+".json"] = p
			idx.Files++
			if err := put(p, data); err != nil {
				return err
			}
		}
		folders = append(folders, name)
		folder = folder[:0]
		return nil
	}
	var rows RowFile
	for start := 0; start < n; start += opt.ChunkDocs {
		rows = rows[:0]
		for _, i := range order[start:min(n, start+opt.ChunkDocs)] {
			d := doc(i)
			rows = append(rows, Row{URL: d.URL, Title: d.Title, Kind: d.Kind, Label: d.Label, Summary: clip(d.Summary, 240)})
		}
		data, _ := json.Marshal(rows)
		folder = append(folder, data)
		nChunks++
		if len(folder) == opt.FolderFiles {
			if err := flush(); err != nil {
				return 0, nil, err
			}
		}
	}
	if err := flush(); err != nil {
		return 0, nil, err
	}
	return nChunks, folders, nil
}

// contentBytes is how many bytes of a file's SHA-256 name it (12 hex
// digits).
const contentBytes = 6

// ContentName is the name a file of the index is published under: the
// first 12 hex digits of the SHA-256 of its content.
func ContentName(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:contentBytes])
}

// term is one key of the index with its postings.
type term struct {
	key string
	// df is the number of documents that hold the term.
	df int32
	// last is the last document added to data.
	last int32
	// spilled is where the term's postings before data are in the
	// indexer's spill: the offset + 1 of the last segment; 0 for none.
	spilled int64
	// data are the postings, compact while the whole site is indexed:
	// for each document, its distance from the one before (uvarint) and
	// its weighted term frequency (uvarint: the field weights are whole
	// numbers). indexer.impacts reads them; once scored, data holds the
	// term's entry in its shard instead.
	data []byte
}

// bonusOnly tells whether a term only adds to scores (an exact spelling
// "=đất", a title key "^đăng ký", a title match "~khai sinh"), so that its
// best documents suffice.
func (t *term) bonusOnly() bool { return t.key[0] == '=' || t.key[0] == '^' || t.key[0] == '~' }

// companionOf returns the key whose long file also holds key: the folded
// word of an exact spelling ("=kí" → "ki"), the pair of a title match
// ("~khai sinh" → "khai sinh"); "" for other keys.
func companionOf(key string) string {
	switch key[0] {
	case '=':
		return vnfold.Fold(key[1:])
	case '~':
		return key[1:]
	}
	return ""
}

// split returns the top best-scoring documents of the term's list p
// (the first in document order among equals) and the others (none for a
// bonus-only term), each in document order. The others are in p, which
// split overwrites; the best in buf's, until the next split with buf.
func (t *term) split(p []posting, top int, buf *splitBuf) (best, rest []posting) {
	if len(p) <= top {
		return p, nil
	}
	// Those above the top-th impact, then those equal to it.
	v := buf.v[:0]
	for _, x := range p {
		v = append(v, x.v)
	}
	buf.v = v
	cut := nth(v, len(v)-top)
	above := 0
	for _, x := range p {
		if x.v > cut {
			above++
		}
	}
	ties := top - above
	best = buf.best[:0]
	keep := !t.bonusOnly()
	n := 0
	for _, x := range p {
		switch {
		case x.v > cut:
			best = append(best, x)
		case x.v == cut && ties > 0:
			best = append(best, x)
			ties--
		case keep:
			p[n] = x // n is behind x: p is read before it is written
			n++
		}
	}
	buf.best = best
	if keep {
		rest = p[:n]
	}
	return best, rest
}

// splitBuf holds the memory split reuses from one term to the next.
type splitBuf struct {
	v    []float32
	best []posting
}

// nth returns the value that would be v[k] were v sorted, reordering v.
func nth(v []float32, k int) float32 {
	lo, hi := 0, len(v)
	for hi-lo > 16 {
		// Three ways around the median of three: below, equal, above.
		a, b, c := v[lo], v[lo+(hi-lo)/2], v[hi-1]
		p := max(min(a, b), min(max(a, b), c))
		lt, i, gt := lo, lo, hi
		for i < gt {
			switch {
			case v[i] < p:
				v[lt], v[i] = v[i], v[lt]
				lt++
				i++
			case v[i] > p:
				gt--
				v[i], v[gt] = v[gt], v[i]
			default:
				i++
			}
		}
		switch {
		case k < lt:
			hi = lt
		case k >= gt:
			lo = gt
		default:
			return p
		}
	}
	slices.Sort(v[lo:hi])
	return v[k]
}

// writeEntry writes "key":entry into the object buf holds, after a comma
// unless it is the object's first.
func writeEntry(buf *bytes.Buffer, key string, entry []byte) {
	if b := buf.Bytes(); b[len(b)-1] != '{' {
		buf.WriteByte(',')
	}
	writeString(buf, key)
	buf.WriteByte(':')
	buf.Write(entry)
}

// set makes e the entry of a term of df documents among n: its best
// documents, and the others, rest, as gaps or, when that is shorter, as a
// bitmap. The client reads a bitmap of a common word's thousands of
// documents faster than as many numbers, and tests a document in it at
// once.
func (e *Entry) set(df int, best, rest []posting, n int) {
	e.DF, e.Cut, e.Bitmap = df, false, nil
	e.Best, e.Rest = e.Best[:0], e.Rest[:0]
	for _, x := range best {
		e.Best = append(e.Best, Posting{Doc: x.doc, Impact: int(x.v)})
	}
	size, last := 0, int32(0)
	for _, x := range rest {
		e.Rest = append(e.Rest, x.doc)
		size += 1 + digits(int(x.doc-last))
		last = x.doc
	}
	if len(rest) == 0 || size <= base64.StdEncoding.EncodedLen((n+7)/8)+3 {
		return
	}
	e.Bitmap = make([]byte, (n+7)/8)
	for _, x := range rest {
		e.Bitmap[x.doc/8] |= 1 << (x.doc % 8)
	}
	e.Rest = e.Rest[:0]
}

// digits is the length of n in decimal.
func digits(n int) int {
	d := 1
	for ; n >= 10; n /= 10 {
		d++
	}
	return d
}

// writePrefixes writes the prefix table: for the first PrefixLen letters
// of every folded word, the words that begin with them and their document
// counts, most frequent first. It returns the content names of the
// shards, in order.
func writePrefixes(terms []*term, target int, write func(string, []byte) (string, error)) ([]string, error) {
	byPrefix := map[string][]*term{}
	short := map[string][]*term{}
	size := 0
	for _, t := range terms {
		k := t.key
		if k[0] == '=' || k[0] == '^' || k[0] == '~' || strings.IndexByte(k, ' ') >= 0 || isNumber(k) {
			continue
		}
		n := utf8.RuneCountInString(k)
		if n >= PrefixLen-1 {
			p := prefixOf(k, PrefixLen-1)
			short[p] = append(short[p], t)
		}
		if n < PrefixLen {
			continue
		}
		p := prefixOf(k, PrefixLen)
		byPrefix[p] = append(byPrefix[p], t)
		size += len(k) + 8
	}
	// A short prefix lists itself, when it is a word, then the most
	// frequent words it begins.
	for p, ws := range short {
		slices.SortFunc(ws, byFrequency)
		keep := ShortPrefixWords
		if i := slices.IndexFunc(ws, func(t *term) bool { return t.key == p }); i >= 0 {
			w := ws[i]
			copy(ws[1:i+1], ws[:i])
			ws[0] = w
			keep++
		}
		ws = ws[:min(len(ws), keep)]
		byPrefix[p] = ws
		for _, w := range ws {
			size += len(w.key) + 8
		}
	}
	n := max(1, (size+target-1)/target)
	shards := make([][]string, n)
	names := make([]string, n)
	for p := range byPrefix {
		s := ShardOf(p, n)
		shards[s] = append(shards[s], p)
	}
	for s, ps := range shards {
		slices.Sort(ps)
		var f PrefixFile
		for _, p := range ps {
			ws := byPrefix[p]
			if utf8.RuneCountInString(p) == PrefixLen {
				slices.SortFunc(ws, byFrequency)
			}
			c := make([]Completion, len(ws))
			for j, w := range ws {
				c[j] = Completion{Word: w.key, DF: int(w.df)}
			}
			f = append(f, Prefix{Prefix: p, Words: c})
		}
		data, _ := f.MarshalJSON()
		name, err := write(DirPrefixes+"/"+strconv.Itoa(s)+".json", data)
		if err != nil {
			return nil, err
		}
		names[s] = name
	}
	return names, nil
}

// byFrequency orders terms by their number of documents, most first.
func byFrequency(a, b *term) int {
	return cmp.Or(cmp.Compare(b.df, a.df), strings.Compare(a.key, b.key))
}

// isNumber tells whether a folded term is a number or code, which the
// client never completes.
func isNumber(k string) bool {
	for i := 0; i < len(k); i++ {
		if k[i] >= '0' && k[i] <= '9' {
			return true
		}
	}
	return false
}

// prefixOf returns the first n characters of a folded word.
func prefixOf(k string, n int) string {
	end, count := 0, 0
	for end < len(k) && count < n {
		_, size := utf8.DecodeRuneInString(k[end:])
		end += size
		count++
	}
	return k[:end]
}

// indexer gathers the postings of every term.
type indexer struct {
	ids   map[string]int32
	terms []*term
	dl    []float32
	mult  []float32
	// tl is the number of words of each document's title.
	tl []int32
	// avgdl is the documents' mean weighted length (set by score).
	avgdl float64
	// english selects the English analyzer.
	english bool
	// spill, when set, takes the longer lists out of memory whenever the
	// postings held (held bytes) exceed budget.
	spill        *spill
	held, budget int
}

func newIndexer() *indexer {
	return &indexer{ids: map[string]int32{}}
}

// batch is how many documents the workers count before their counts are
// merged, in document order: memory stays small and the result does not
// depend on the number of workers.
const batch = 256

// index counts the weighted frequency of every term in every document,
// which doc makes (see BuildFrom); document id is the position in order.
// newest and oldest are the dates of the newest and oldest news.
func (x *indexer) index(doc func(i int) *Doc, order []int, newest, oldest time.Time) {
	x.dl = make([]float32, len(order))
	x.mult = make([]float32, len(order))
	x.tl = make([]int32, len(order))
	work := make([]counts, min(batch, len(order)))
	workers := runtime.GOMAXPROCS(0)
	tokenizers := make([]tokenizer, workers)
	for w := range tokenizers {
		tokenizers[w].english = x.english
		tokenizers[w].dict = newDict()
	}
	for start := 0; start < len(order); start += batch {
		n := min(batch, len(order)-start)
		var wg sync.WaitGroup
		next := atomic.Int64{}
		for w := range workers {
			wg.Go(func() {
				z := &tokenizers[w]
				for {
					j := int(next.Add(1)) - 1
					if j >= n {
						return
					}
					d := doc(order[start+j])
					work[j].count(d, z)
					work[j].mult = multOf(d, newest, oldest)
				}
			})
		}
		wg.Wait()
		for j := range n {
			id, c := start+j, &work[j]
			x.dl[id], x.mult[id], x.tl[id] = float32(c.dl), float32(c.mult), int32(c.tl)
			dict := c.dict
			for k, local := range c.ids {
				t := dict.global[local]
				if t < 0 {
					t = x.termOf(dict.key(local))
					dict.global[local] = t
				}
				tm := x.terms[t]
				n := len(tm.data)
				tm.add(int32(id), c.tf[k])
				x.held += spillable(len(tm.data)) - spillable(n)
			}
		}
		// The dicts are cleared between batches, when every count
		// of their numbers is merged.
		for w := range tokenizers {
			if z := &tokenizers[w]; len(z.dict.keys) > maxDict {
				z.dict.reset()
				z.forget()
			}
		}
		if x.spill != nil && x.held > x.budget {
			x.spillLists()
		}
	}
	if x.spill != nil {
		x.spill.flush()
	}
}

// multOf is what a document's scores are multiplied by: up to 1.2 for
// the newest news, 0.5 for a demoted document, else 1.
func multOf(d *Doc, newest, oldest time.Time) float64 {
	mult := 1.0
	if d.Kind == KindNews && !d.Date.IsZero() && newest.After(oldest) {
		mult += 0.2 * float64(d.Date.Sub(oldest)) / float64(newest.Sub(oldest))
	}
	if d.Demote {
		mult = 0.5
	}
	return mult
}

// termOf returns the index in x.terms of the term of key, added when new.
// The key is the indexer's own (no slice of a document's text).
func (x *indexer) termOf(key string) int32 {
	t, ok := x.ids[key]
	if !ok {
		t = int32(len(x.terms))
		x.ids[key] = t
		x.terms = append(x.terms, &term{key: key})
	}
	return t
}

// spillLists moves the postings of every term that holds at least
// spillMin bytes of them to the spill.
func (x *indexer) spillLists() {
	for _, t := range x.terms {
		if len(t.data) >= spillMin {
			t.spilled = x.spill.put(t.spilled, t.data)
			x.held -= len(t.data)
			t.data = nil
		}
	}
}

// spillable is how many of a list's n bytes of postings count toward
// the spill's budget: all of them once the list is long enough to be
// spilled, none before. The many short lists stay in memory whatever
// the budget; counting them would spill again after every batch once
// they alone pass it.
func spillable(n int) int {
	if n < spillMin {
		return 0
	}
	return n
}

// add appends document id, above every document added before, with its
// weighted term frequency tf.
func (t *term) add(id int32, tf float32) {
	f := uint64(tf)
	if float32(f) != tf {
		panic("search: a term frequency that is not a whole number (are the field weights whole?)")
	}
	delta := uint64(id - t.last)
	if need := uvarintLen(delta) + uvarintLen(f); cap(t.data)-len(t.data) < need {
		// Double the room: append grows a long list by a quarter at a
		// time, which copies its bytes about five times over.
		t.data = slices.Grow(t.data, max(need, len(t.data)))
	}
	t.data = binary.AppendUvarint(t.data, delta)
	t.data = binary.AppendUvarint(t.data, f)
	t.last = id
	t.df++
}

// uvarintLen is the length of x as a uvarint.
func uvarintLen(x uint64) int { return (bits.Len64(x|1) + 6) / 7 }

// score readies the scoring of every term (see impacts) and returns the
// terms, in the order first seen.
func (x *indexer) score() []*term {
	total := 0.0
	for _, dl := range x.dl {
		total += float64(dl)
	}
	x.avgdl = max(1, total/max(1, float64(len(x.dl))))
	x.ids = nil
	return x.terms
}

// impacts appends the term's postings to list, in document order, each
// with its impact: BM25F at build time, times the document's multiplier;
// title keys get the title bonus, title matches theirs times TitleFit. It
// lets go of the term's compact postings.
func (x *indexer) impacts(t *term, list []posting) []posting {
	n := float64(len(x.dl))
	avgdl := x.avgdl
	df := float64(t.df)
	idf := math.Log(1 + (n-df+0.5)/(df+0.5))
	pair := strings.IndexByte(t.key, ' ') > 0 && t.key[0] != '^'
	doc := int32(0)
	all := t.data
	if t.spilled != 0 {
		all = x.spill.read(t.spilled, t.data)
	}
	for data := all; len(data) > 0; {
		gap, k := binary.Uvarint(data)
		tf, l := binary.Uvarint(data[k:])
		data = data[k+l:]
		doc += int32(gap)
		var s float64
		switch t.key[0] {
		case '^':
			s = titleBonus * float64(x.mult[doc])
			if strings.HasSuffix(t.key, "$") {
				s *= 1.5
			}
		case '~':
			s = titlePhraseBonus * TitleFit(int(x.tl[doc])) * float64(x.mult[doc])
		default:
			tf := float64(float32(tf))
			norm := k1 * (1 - b + b*float64(x.dl[doc])/avgdl)
			s = idf * tf * (k1 + 1) / (tf + norm) * float64(x.mult[doc]) * scale
			if pair {
				s *= bigramWeight
			}
		}
		list = append(list, posting{doc, float32(max(1, math.Round(s)))})
	}
	t.data = nil
	return list
}

// ShardOf returns the shard of a key among n: FNV-1a of its UTF-8 bytes,
// where an exact spelling ("=đất") counts as its folded word ("dat"), a
// whole-title key ("^dang ky$") as its title key ("^dang ky") and a title
// match ("~khai sinh") as its pair ("khai sinh"), so that each
// sits in the shard the client fetches anyway. The client computes the
// same.
func ShardOf(key string, n int) int {
	switch {
	case strings.HasPrefix(key, "="):
		key = vnfold.Fold(key[1:])
	case strings.HasPrefix(key, "^"):
		key = strings.TrimSuffix(key, "$")
	case strings.HasPrefix(key, "~"):
		key = key[1:]
	}
	return int(fnv1a(key) % uint32(n))
}

// LongFile returns the logical name of the file that holds key's whole
// list when the list is long: "l/" and the FNV-1a hash of the key in hex.
// Keys whose hashes are equal share the file; the part of the key's shard
// gives its content name by that hash.
func LongFile(key string) string {
	return fmt.Sprintf("l/%08x.json", fnv1a(key))
}

func fnv1a(key string) uint32 {
	h := fnv.New32a()
	io.WriteString(h, key)
	return h.Sum32()
}

// clip cuts s at a word boundary to at most n runes, with "…".
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n]
	out := string(r)
	if i := strings.LastIndexByte(out, ' '); i > len(out)/2 {
		out = out[:i]
	}
	return out + "…"
}

func writeString(b *bytes.Buffer, s string) {
	data, _ := json.Marshal(s)
	b.Write(data)
}

// tables are the facet values the manifest names by index.
type tables struct {
	fields [][2]string
	types  []string
	levels [][2]string
	// levelSets are the documents' sets of levels (indexes into levels,
	// ascending), each once; the first is none (nil).
	levelSets [][]int
	setOf     map[string]int32

	seenF, seenT, seenL map[string]bool
}

func newTables() *tables {
	return &tables{seenF: map[string]bool{}, seenT: map[string]bool{}, seenL: map[string]bool{},
		levelSets: [][]int{nil}, setOf: map[string]int32{"": 0}}
}

// add adds the facet values of d to the tables.
func (t *tables) add(d *Doc) {
	if d.Field != "" && !t.seenF[d.Field] {
		t.seenF[d.Field] = true
		t.fields = append(t.fields, [2]string{d.Field, d.FieldLabel})
	}
	if d.DocType != "" && !t.seenT[d.DocType] {
		t.seenT[d.DocType] = true
		t.types = append(t.types, d.DocType)
	}
	for _, l := range d.Levels {
		if !t.seenL[l[0]] {
			t.seenL[l[0]] = true
			t.levels = append(t.levels, l)
		}
	}
}

// sort orders the tables once every document is added, before group.
func (t *tables) sort() {
	slices.SortFunc(t.fields, func(a, b [2]string) int { return cmp.Compare(a[1], b[1]) })
	slices.Sort(t.types)
	slices.SortFunc(t.levels, func(a, b [2]string) int { return cmp.Compare(a[0], b[0]) })
	t.seenF, t.seenT, t.seenL = nil, nil, nil
}

// group returns a document's facet values as indexes into the tables
// (-1 for none).
func (t *tables) group(d *Doc) group {
	g := group{field: -1, docType: -1, year: int32(d.Year)}
	for i, k := range kinds {
		if k[0] == d.Kind {
			g.kind = int32(i)
		}
	}
	for i, f := range t.fields {
		if f[0] == d.Field {
			g.field = int32(i)
		}
	}
	if d.DocType != "" {
		g.docType = int32(slices.Index(t.types, d.DocType))
	}
	if len(d.Levels) == 0 {
		return g
	}
	var levels []int
	for _, l := range d.Levels {
		for i, x := range t.levels {
			if x[0] == l[0] && !slices.Contains(levels, i) {
				levels = append(levels, i)
			}
		}
	}
	slices.Sort(levels)
	key := fmt.Sprint(levels)
	if len(levels) == 0 {
		key = ""
	}
	set, ok := t.setOf[key]
	if !ok {
		set = int32(len(t.levelSets))
		t.setOf[key] = set
		t.levelSets = append(t.levelSets, levels)
	}
	g.levels = set
	return g
}
