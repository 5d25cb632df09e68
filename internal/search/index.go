package search

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"hash/fnv"
	"math"
	"slices"
	"strconv"
	"strings"
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
)

// kinds lists the kinds with their labels, in filter order.
var kinds = [][2]string{{KindProcedure, "Thủ tục hành chính"}, {KindDocument, "Văn bản"}, {KindNews, "Tin tức"}, {KindPage, "Trang thông tin"}}

// Options tune the index.
type Options struct {
	// ShardBytes is the size a shard of terms aims at.
	ShardBytes int
	// MaxPostings caps the documents kept for one term: the best-scoring
	// ones. A capped term no longer has to match (it is nearly everywhere).
	MaxPostings int
	// ChunkDocs is the number of documents a metadata chunk holds.
	ChunkDocs int
}

// DefaultOptions suit sites from a hundred to 50 000 pages.
var DefaultOptions = Options{ShardBytes: 6 << 10, MaxPostings: 2000, ChunkDocs: 8}

// TitleWords is how many leading words of a title its title key holds.
const TitleWords = 6

// titleBonus is the score of a page whose title begins with the query.
const titleBonus = 150

// PrefixLen is how many leading characters of a folded term choose its
// shard; a query's last word of at least this length matches as a prefix.
const PrefixLen = 3

// Field weights of BM25F: numbers and codes above titles above bodies.
const (
	weightNumber = 6
	weightTitle  = 3
	weightBody   = 1
	k1, b        = 1.2, 0.75
	// bigramWeight multiplies the scores of adjacent word pairs.
	bigramWeight = 1.5
)

// File is one file of the index, under Dir.
type File struct {
	Path string
	Data []byte
}

// Dir is where the index files are published.
const Dir = "tim-kiem/index/"

// Index is the built index.
type Index struct {
	// Files are the index files, their names content-hashed.
	Files []File
	// Manifest is the URL path of the manifest, which names all others.
	Manifest string
	// Docs, Terms and Shards count what was indexed.
	Docs, Terms, Shards int
}

type posting struct {
	doc    int32
	impact int32
}

type group struct {
	kind, field, docType, levels, year int
}

// Build indexes docs. The same docs always give the same files.
func Build(docs []Doc, opt Options) *Index {
	if opt.ShardBytes == 0 {
		opt = DefaultOptions
	}
	tables := newTables(docs)
	// Documents are numbered in facet-group order, so that the manifest
	// can give each group as one run of numbers.
	order := make([]int, len(docs))
	groups := make([]group, len(docs))
	for i := range docs {
		order[i] = i
		groups[i] = tables.group(&docs[i])
	}
	slices.SortStableFunc(order, func(x, y int) int {
		gx, gy := groups[x], groups[y]
		return cmp.Or(cmp.Compare(gx.kind, gy.kind), cmp.Compare(gx.field, gy.field), cmp.Compare(gx.docType, gy.docType),
			cmp.Compare(gx.levels, gy.levels), cmp.Compare(gy.year, gx.year), docs[y].Date.Compare(docs[x].Date), cmp.Compare(docs[x].URL, docs[y].URL))
	})

	type counted struct {
		tf   map[string]float64
		dl   float64
		mult float64
		// title is the title key: "^" and the first TitleWords words of
		// the folded title, with "$" when that is the whole title.
		title string
	}
	newest, oldest := time.Time{}, time.Time{}
	for _, d := range docs {
		if d.Kind == KindNews && !d.Date.IsZero() {
			if newest.IsZero() || d.Date.After(newest) {
				newest = d.Date
			}
			if oldest.IsZero() || d.Date.Before(oldest) {
				oldest = d.Date
			}
		}
	}
	per := make([]counted, len(docs))
	df := map[string]int{}
	var total float64
	for id, i := range order {
		d := &docs[i]
		c := counted{tf: map[string]float64{}, mult: 1}
		for _, f := range []struct {
			text string
			w    float64
		}{{d.Number, weightNumber}, {d.Title, weightTitle}, {d.Text, weightBody}} {
			toks := Tokenize(f.text)
			if f.w == weightTitle {
				c.title = titleKey(toks)
			}
			prev := ""
			for _, t := range toks {
				c.tf[t.Folded] += f.w
				if t.Exact != t.Folded {
					c.tf["="+t.Exact] += f.w
				}
				if !t.Number {
					if prev != "" {
						c.tf[prev+" "+t.Folded] += f.w
					}
					prev = t.Folded
				} else {
					prev = ""
				}
			}
			c.dl += f.w * float64(len(toks))
		}
		if d.Kind == KindNews && !d.Date.IsZero() && newest.After(oldest) {
			c.mult += 0.2 * float64(d.Date.Sub(oldest)) / float64(newest.Sub(oldest))
		}
		if d.Demote {
			c.mult = 0.5
		}
		for k := range c.tf {
			df[k]++
		}
		total += c.dl
		per[id] = c
	}
	n := float64(len(docs))
	avgdl := max(1, total/max(1, n))
	postings := map[string][]posting{}
	// Title keys: "^" and the first words of the folded title, with "$"
	// when that is the whole title, for a bonus to pages whose title begins
	// with (or is) the query.
	for id, c := range per {
		if c.title == "" {
			continue
		}
		postings[c.title] = append(postings[c.title], posting{int32(id), int32(math.Round(titleBonus * c.mult))})
		df[c.title]++
	}
	for id, c := range per {
		norm := k1 * (1 - b + b*c.dl/avgdl)
		for k, tf := range c.tf {
			dfk := float64(df[k])
			idf := math.Log(1 + (n-dfk+0.5)/(dfk+0.5))
			s := idf * tf * (k1 + 1) / (tf + norm) * c.mult
			if strings.IndexByte(k, ' ') > 0 {
				s *= bigramWeight
			}
			postings[k] = append(postings[k], posting{int32(id), int32(max(1, math.Round(s*10)))})
		}
	}

	// Terms to shards: by the leading characters of the folded term (of
	// the first word for a pair), so that a prefix finds all its terms in
	// one shard, and a pair sits with its first word.
	keys := make([]string, 0, len(postings))
	size := 0
	for k, p := range postings {
		keys = append(keys, k)
		size += len(k) + 8 + 6*min(len(p), opt.MaxPostings)
	}
	slices.Sort(keys)
	nShards := 1
	for nShards < 4096 && size/nShards > opt.ShardBytes {
		nShards *= 2
	}
	shards := make([][]string, nShards)
	for _, k := range keys {
		s := ShardOf(k, nShards)
		shards[s] = append(shards[s], k)
	}

	idx := &Index{Docs: len(docs), Terms: len(keys), Shards: nShards}
	written := map[string]bool{}
	put := func(dir string, data []byte) string {
		sum := sha256.Sum256(data)
		name := hex.EncodeToString(sum[:5]) + ".json"
		if !written[dir+name] { // identical files share one name
			written[dir+name] = true
			idx.Files = append(idx.Files, File{Path: Dir + dir + name, Data: data})
		}
		return name
	}
	shardNames := make([]string, nShards)
	var buf bytes.Buffer
	for s, ks := range shards {
		buf.Reset()
		buf.WriteByte('{')
		for i, k := range ks {
			if i > 0 {
				buf.WriteByte(',')
			}
			writeString(&buf, k)
			buf.WriteString(":[")
			p := postings[k]
			truncated := 0
			if len(p) > opt.MaxPostings {
				truncated = 1
				p = slices.Clone(p)
				slices.SortStableFunc(p, func(x, y posting) int { return cmp.Or(cmp.Compare(y.impact, x.impact), cmp.Compare(x.doc, y.doc)) })
				p = p[:opt.MaxPostings]
				slices.SortFunc(p, func(x, y posting) int { return cmp.Compare(x.doc, y.doc) })
			}
			buf.WriteString(strconv.Itoa(df[k]))
			buf.WriteByte(',')
			buf.WriteString(strconv.Itoa(truncated))
			last := int32(0)
			for _, x := range p {
				buf.WriteByte(',')
				buf.WriteString(strconv.Itoa(int(x.doc - last)))
				buf.WriteByte(',')
				buf.WriteString(strconv.Itoa(int(x.impact)))
				last = x.doc
			}
			buf.WriteByte(']')
		}
		buf.WriteByte('}')
		shardNames[s] = put("s/", bytes.Clone(buf.Bytes()))
	}

	var chunkNames []string
	for start := 0; start < len(order); start += opt.ChunkDocs {
		var rows [][]any
		for _, i := range order[start:min(len(order), start+opt.ChunkDocs)] {
			d := &docs[i]
			rows = append(rows, []any{d.URL, d.Title, d.Kind, d.Label, clip(d.Summary, 240)})
		}
		data, _ := json.Marshal(rows)
		chunkNames = append(chunkNames, put("m/", data))
	}

	var runs [][6]int
	for id, i := range order {
		g := groups[i]
		if id > 0 && len(runs) > 0 {
			r := &runs[len(runs)-1]
			if r[1] == g.kind && r[2] == g.field && r[3] == g.docType && r[4] == g.levels && r[5] == g.year {
				r[0]++
				continue
			}
		}
		runs = append(runs, [6]int{1, g.kind, g.field, g.docType, g.levels, g.year})
	}
	manifest := map[string]any{
		"v": 1, "n": len(docs), "pre": PrefixLen, "chunk": opt.ChunkDocs,
		"shards": shardNames, "meta": chunkNames,
		"kinds": kinds, "fields": tables.fields, "types": tables.types, "levels": tables.levels,
		"groups": runs,
	}
	data, _ := json.Marshal(manifest)
	idx.Manifest = "/" + Dir + put("", data)
	return idx
}

// titleKey returns the title key of a title's tokens, "" when it has no word.
func titleKey(toks []Token) string {
	var words []string
	for _, t := range toks {
		if !t.Number {
			words = append(words, t.Folded)
		}
	}
	if len(words) == 0 {
		return ""
	}
	k := "^" + strings.Join(words[:min(TitleWords, len(words))], " ")
	if len(words) <= TitleWords {
		k += "$"
	}
	return k
}

// ShardOf returns the shard of a term among n: FNV-1a of its first
// PrefixLen characters, of the folded form for an exact term ("=đất") and
// of the first word for a pair ("dat dai") or a title key ("^dang ky").
// The client computes the same.
func ShardOf(term string, n int) int {
	if term != "" && (term[0] == '=' || term[0] == '^') {
		term = term[1:]
	}
	if i := strings.IndexByte(term, ' '); i >= 0 {
		term = term[:i]
	}
	return int(prefixHash(term) % uint32(n))
}

func prefixHash(term string) uint32 {
	folded := term
	if !isASCII(term) {
		folded = foldForShard(term)
	}
	end, count := 0, 0
	for end < len(folded) && count < PrefixLen {
		_, size := utf8.DecodeRuneInString(folded[end:])
		end += size
		count++
	}
	h := fnv.New32a()
	h.Write([]byte(folded[:end]))
	return h.Sum32()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
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
}

func newTables(docs []Doc) *tables {
	t := &tables{}
	seenF, seenT, seenL := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, d := range docs {
		if d.Field != "" && !seenF[d.Field] {
			seenF[d.Field] = true
			t.fields = append(t.fields, [2]string{d.Field, d.FieldLabel})
		}
		if d.DocType != "" && !seenT[d.DocType] {
			seenT[d.DocType] = true
			t.types = append(t.types, d.DocType)
		}
		for _, l := range d.Levels {
			if !seenL[l[0]] {
				seenL[l[0]] = true
				t.levels = append(t.levels, l)
			}
		}
	}
	slices.SortFunc(t.fields, func(a, b [2]string) int { return cmp.Compare(a[1], b[1]) })
	slices.Sort(t.types)
	slices.SortFunc(t.levels, func(a, b [2]string) int { return cmp.Compare(a[0], b[0]) })
	return t
}

// group returns a document's facet values as indexes into the tables
// (-1 for none; levels as a bit mask).
func (t *tables) group(d *Doc) group {
	g := group{field: -1, docType: -1, year: d.Year}
	for i, k := range kinds {
		if k[0] == d.Kind {
			g.kind = i
		}
	}
	for i, f := range t.fields {
		if f[0] == d.Field {
			g.field = i
		}
	}
	if d.DocType != "" {
		g.docType = slices.Index(t.types, d.DocType)
	}
	for _, l := range d.Levels {
		for i, x := range t.levels {
			if x[0] == l[0] {
				g.levels |= 1 << i
			}
		}
	}
	return g
}
