package search

// The files of the index, defined once. docs/search-index.md describes
// them for people; the client (assets/js/search.js) reads them through
// its FORMAT object, which mirrors the constants here
// (TestFormatPositions checks that they agree). Files hold compact JSON
// arrays where a type says so, read by the positions named below.

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// FormatVersion changes whenever the files change shape; it is in the
// manifest.
const FormatVersion = 8

// Every file is published in Dir under a name made of its content
// (ContentName): Dir + name + ".json", and a row file in a folder named by
// the content of its folder's files, Dir + folder + "/" + N + ".json". The
// logical names below say what each file is (Index.Names maps them to the
// published paths); the manifest and the part files give the content
// names of the others.
const (
	// DirShards: the term shards, "s/N.json": TermFile.
	DirShards = "s"
	// DirLong: the long lists whole, LongFile(key): TermFile.
	DirLong = "l"
	// DirPrefixes: the prefix table, "p/N.json": PrefixFile.
	DirPrefixes = "p"
	// DirRows: the rows results show, "m/N.json": RowFile.
	DirRows = "m"
	// DirParts: the parts, "t/N.json": PartFile.
	DirParts = "t"
	// ManifestFile is the manifest: Manifest.
	ManifestFile = "manifest.json"
)

// Manifest is manifest.json: the counts the client needs to find every
// other file, the facet tables, and the facet group of every document.
type Manifest struct {
	Version int `json:"version"`
	// Docs is the number of documents, numbered 0…Docs-1 in group order.
	Docs int `json:"docs"`
	// PrefixLen is PrefixLen, TitleWords is TitleWords.
	PrefixLen  int `json:"prefixLen"`
	TitleWords int `json:"titleWords"`
	// ChunkDocs is the number of rows in each RowFile; RowFiles their count.
	ChunkDocs int `json:"chunkDocs"`
	RowFiles  int `json:"rowFiles"`
	// FolderFiles is the number of row files in each row folder;
	// RowFolders name the folders, in order: row file N is in folder
	// RowFolders[N/FolderFiles].
	FolderFiles int      `json:"folderFiles"`
	RowFolders  []string `json:"rowFolders"`
	// Shards and Prefixes are the numbers of term and prefix shards.
	// Shards is a multiple of len(Parts).
	Shards   int `json:"shards"`
	Prefixes int `json:"prefixes"`
	// Parts name the part files (PartFile), PrefixFiles the prefix shards,
	// in order.
	Parts       []string `json:"parts"`
	PrefixFiles []string `json:"prefixFiles"`
	// Kinds are the kinds of page, [code, label], in filter order;
	// Fields [code, label]; Types the document types; Levels [code,
	// label]. Groups name them by their index in these tables.
	Kinds  [][2]string `json:"kinds"`
	Fields [][2]string `json:"fields"`
	Types  []string    `json:"types"`
	Levels [][2]string `json:"levels"`
	// Groups are runs of documents that share their facet values, in
	// document order: the first Count documents are in the first group,
	// and so on.
	Groups []Group `json:"groups"`
	// Lang is the documents' language when it is not Vietnamese ("en"):
	// the client tokenizes queries with that language's analyzer. A
	// Vietnamese index has none.
	Lang string `json:"lang,omitempty"`
}

// PartFile is a part ("t/N.json" of P parts): the content names of the
// term shards N, N+P, N+2P … in order, and of the long files whose key
// hash (LongFile) modulo P is N, by that hash in hex. The part of a key is
// its shard modulo P: a client asks for it, then for the key's shard or,
// when the part names the key's long file, for that file.
type PartFile struct {
	Shards []string          `json:"shards"`
	Long   map[string]string `json:"long"`
}

// Group is a run of documents with the same facet values, written as the
// array [count, kind, field, type, year, [level…]] (the Group*
// positions). Field and Type are -1 for none, Year 0; Levels are indexes
// into Manifest.Levels, ascending, any number of them.
type Group struct {
	Count, Kind, Field, Type, Year int
	Levels                         []int
}

// The positions of a Group's array.
const (
	GroupCount = iota
	GroupKind
	GroupField
	GroupType
	GroupYear
	GroupLevels
	groupLen
)

// MarshalJSON writes the group's array.
func (g Group) MarshalJSON() ([]byte, error) {
	a := make([]any, groupLen)
	a[GroupCount], a[GroupKind], a[GroupField], a[GroupType], a[GroupYear] = g.Count, g.Kind, g.Field, g.Type, g.Year
	a[GroupLevels] = append([]int{}, g.Levels...)
	return json.Marshal(a)
}

// UnmarshalJSON reads the group's array.
func (g *Group) UnmarshalJSON(data []byte) error {
	var a []json.RawMessage
	if err := json.Unmarshal(data, &a); err != nil {
		return err
	}
	if len(a) != groupLen {
		return fmt.Errorf("group of %d values, want %d", len(a), groupLen)
	}
	*g = Group{}
	for i, p := range []*int{&g.Count, &g.Kind, &g.Field, &g.Type, &g.Year} {
		if err := json.Unmarshal(a[i], p); err != nil {
			return err
		}
	}
	return json.Unmarshal(a[GroupLevels], &g.Levels)
}

// Entry is one term's list, written as the array
//
//	[df, k, k×(gap, impact), rest…]
//
// (the Entry* positions): the number of documents of the term, then its
// k best documents with their impacts (the score each adds), as gaps from
// the previous one (the first from 0), in document order; then the
// others, whose impact is the lowest of the k (Floor), either as gaps or,
// when that is shorter, as one bitmap in base64 (document i is bit i%8 of
// byte i/8). A long list's entry in its shard ends with EntryCut in place
// of the others: its LongFile holds it whole. A term whose list only adds
// to scores keeps only its best documents.
type Entry struct {
	DF   int
	Best []Posting
	// Rest are the other documents, ascending, unless Bitmap holds them.
	Rest   []int32
	Bitmap []byte
	// Cut marks a shard's entry of a long list.
	Cut bool
}

// Posting is a document with its impact.
type Posting struct {
	Doc    int32
	Impact int
}

// The positions of an Entry's array.
const (
	EntryDF = iota
	EntryBest
	// EntryPostings is where the best documents begin, each
	// PostingStride values: a gap, then an impact.
	EntryPostings
	PostingStride = 2
	// EntryCut, in place of the others, marks a list cut short.
	EntryCut = -1
)

// Floor is the impact of the documents beyond the best: the lowest of
// the best.
func (e *Entry) Floor() int {
	f := 0
	for i, p := range e.Best {
		if i == 0 || p.Impact < f {
			f = p.Impact
		}
	}
	return f
}

// MarshalJSON writes the entry's array.
func (e Entry) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	e.appendTo(&b)
	return b.Bytes(), nil
}

// appendTo writes the entry's array to b.
func (e *Entry) appendTo(b *bytes.Buffer) {
	// num writes a comma and n, without a string.
	num := func(n int) {
		b.Write(strconv.AppendInt(append(b.AvailableBuffer(), ','), int64(n), 10))
	}
	b.WriteByte('[')
	b.WriteString(strconv.Itoa(e.DF))
	num(len(e.Best))
	last := int32(0)
	for _, p := range e.Best {
		num(int(p.Doc - last))
		num(p.Impact)
		last = p.Doc
	}
	switch {
	case e.Cut:
		num(EntryCut)
	case e.Bitmap != nil:
		b.WriteString(`,"`)
		b.WriteString(base64.StdEncoding.EncodeToString(e.Bitmap))
		b.WriteByte('"')
	default:
		last = 0
		for _, d := range e.Rest {
			num(int(d - last))
			last = d
		}
	}
	b.WriteByte(']')
}

// UnmarshalJSON reads the entry's array.
func (e *Entry) UnmarshalJSON(data []byte) error {
	var a []json.RawMessage
	if err := json.Unmarshal(data, &a); err != nil {
		return err
	}
	if len(a) < EntryPostings {
		return errors.New("entry too short")
	}
	*e = Entry{}
	var k int
	if err := json.Unmarshal(a[EntryDF], &e.DF); err != nil {
		return err
	}
	if err := json.Unmarshal(a[EntryBest], &k); err != nil {
		return err
	}
	top := EntryPostings + PostingStride*k
	if k < 0 || top > len(a) {
		return fmt.Errorf("entry of %d values cannot hold %d best documents", len(a), k)
	}
	doc := int32(0)
	for i := EntryPostings; i < top; i += PostingStride {
		var gap int32
		var p Posting
		if err := json.Unmarshal(a[i], &gap); err != nil {
			return err
		}
		if err := json.Unmarshal(a[i+1], &p.Impact); err != nil {
			return err
		}
		doc += gap
		p.Doc = doc
		e.Best = append(e.Best, p)
	}
	rest := a[top:]
	if len(rest) == 1 && rest[0][0] == '"' {
		var s string
		if err := json.Unmarshal(rest[0], &s); err != nil {
			return err
		}
		b, err := base64.StdEncoding.DecodeString(s)
		e.Bitmap = b
		return err
	}
	if len(rest) == 1 && string(rest[0]) == strconv.Itoa(EntryCut) {
		e.Cut = true
		return nil
	}
	doc = 0
	for _, r := range rest {
		var gap int32
		if err := json.Unmarshal(r, &gap); err != nil {
			return err
		}
		doc += gap
		e.Rest = append(e.Rest, doc)
	}
	return nil
}

// TermFile is a term shard (s/N.json) or a long file (l/H.json): an
// object of entries by key, in the order written. A shard holds its keys
// in byte order; a long file each long list, followed by its companions
// (its word's exact spellings, its pair's title match).
type TermFile []Term

// Term is a key with its entry.
type Term struct {
	Key   string
	Entry Entry
}

// MarshalJSON writes the object.
func (f TermFile) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for _, t := range f {
		if b.Len() > 1 {
			b.WriteByte(',')
		}
		writeString(&b, t.Key)
		b.WriteByte(':')
		t.Entry.appendTo(&b)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalJSON reads the object, keeping its order.
func (f *TermFile) UnmarshalJSON(data []byte) error {
	*f = nil
	return readObject(data, func(key string, v json.RawMessage) error {
		t := Term{Key: key}
		if err := t.Entry.UnmarshalJSON(v); err != nil {
			return fmt.Errorf("%q: %w", key, err)
		}
		*f = append(*f, t)
		return nil
	})
}

// PrefixFile is a shard of the prefix table (p/N.json): for each prefix,
// in byte order, the words it begins with their numbers of documents,
// written flat: {"thu": ["thu", df, "thuoc", df, …]} (the Completion*
// positions). A prefix of PrefixLen letters lists its words most frequent
// first; one of PrefixLen-1 letters itself first when it is a word, then
// the ShortPrefixWords most frequent words it begins.
type PrefixFile []Prefix

// Prefix is one prefix with its completions.
type Prefix struct {
	Prefix string
	Words  []Completion
}

// Completion is a word with its number of documents.
type Completion struct {
	Word string
	DF   int
}

// The positions of a completion in a prefix's flat array.
const (
	CompletionWord = iota
	CompletionDF
	CompletionStride
)

// MarshalJSON writes the object.
func (f PrefixFile) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, p := range f {
		if i > 0 {
			b.WriteByte(',')
		}
		writeString(&b, p.Prefix)
		b.WriteString(":[")
		for j, w := range p.Words {
			if j > 0 {
				b.WriteByte(',')
			}
			writeString(&b, w.Word)
			b.WriteByte(',')
			b.WriteString(strconv.Itoa(w.DF))
		}
		b.WriteByte(']')
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalJSON reads the object, keeping its order.
func (f *PrefixFile) UnmarshalJSON(data []byte) error {
	*f = nil
	return readObject(data, func(key string, v json.RawMessage) error {
		var a []json.RawMessage
		if err := json.Unmarshal(v, &a); err != nil {
			return err
		}
		if len(a)%CompletionStride != 0 {
			return fmt.Errorf("prefix %q: %d values, not pairs", key, len(a))
		}
		p := Prefix{Prefix: key}
		for i := 0; i < len(a); i += CompletionStride {
			var c Completion
			if err := json.Unmarshal(a[i+CompletionWord], &c.Word); err != nil {
				return err
			}
			if err := json.Unmarshal(a[i+CompletionDF], &c.DF); err != nil {
				return err
			}
			p.Words = append(p.Words, c)
		}
		*f = append(*f, p)
		return nil
	})
}

// RowFile is a chunk of rows (m/N.json): the rows of Manifest.ChunkDocs
// documents in document order, file N holding documents from
// N×ChunkDocs on.
type RowFile []Row

// Row is what a result shows, written as the array [url, title, kind,
// label, summary] (the Row* positions).
type Row struct {
	URL, Title, Kind, Label, Summary string
}

// The positions of a Row's array.
const (
	RowURL = iota
	RowTitle
	RowKind
	RowLabel
	RowSummary
	rowLen
)

// MarshalJSON writes the row's array.
func (r Row) MarshalJSON() ([]byte, error) {
	a := make([]string, rowLen)
	a[RowURL], a[RowTitle], a[RowKind], a[RowLabel], a[RowSummary] = r.URL, r.Title, r.Kind, r.Label, r.Summary
	return json.Marshal(a)
}

// UnmarshalJSON reads the row's array.
func (r *Row) UnmarshalJSON(data []byte) error {
	var a []string
	if err := json.Unmarshal(data, &a); err != nil {
		return err
	}
	if len(a) != rowLen {
		return fmt.Errorf("row of %d values, want %d", len(a), rowLen)
	}
	*r = Row{URL: a[RowURL], Title: a[RowTitle], Kind: a[RowKind], Label: a[RowLabel], Summary: a[RowSummary]}
	return nil
}

// readObject calls fn for each member of a JSON object, in order.
func readObject(data []byte, fn func(string, json.RawMessage) error) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return fmt.Errorf("not an object: %v", err)
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return err
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return err
		}
		if err := fn(t.(string), v); err != nil {
			return err
		}
	}
	_, err := dec.Token()
	return err
}

// formatSpec is what the client's FORMAT object must hold: the version,
// the folders, the manifest's members and the positions of every array.
// TestFormatPositions compares them.
func formatSpec() map[string]any {
	var members []string
	t := reflect.TypeFor[Manifest]()
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		members = append(members, name)
	}
	return map[string]any{
		"version":  FormatVersion,
		"part":     map[string]any{"shards": "shards", "long": "long"},
		"manifest": members,
		"group":    map[string]any{"count": GroupCount, "kind": GroupKind, "field": GroupField, "type": GroupType, "year": GroupYear, "levels": GroupLevels},
		"entry":    map[string]any{"df": EntryDF, "best": EntryBest, "postings": EntryPostings, "stride": PostingStride, "cut": EntryCut},
		"prefix":   map[string]any{"word": CompletionWord, "df": CompletionDF, "stride": CompletionStride},
		"row":      map[string]any{"url": RowURL, "title": RowTitle, "kind": RowKind, "label": RowLabel, "summary": RowSummary},
	}
}
