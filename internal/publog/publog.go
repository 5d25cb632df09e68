// Package publog keeps the publication log (nhật ký cập nhật): one JSON
// line per publication of the site, in the file File at the site root, so
// that the log is versioned with the content. Each entry holds the time,
// the SHA-256 of the build's manifest (package proof), the hash of the
// previous entry, counts, and the content items added, changed or removed
// since the previous entry (documents by number, procedures by code, news
// and pages by title). Editing an earlier entry breaks the chain of
// hashes, and Check names the entry.
//
// The log stores no separate state: the items the site held after an
// entry are those of the entries before it replayed (the first entry adds
// every item), so the next diff needs nothing but the log itself.
package publog

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"minhbach/internal/diag"
	"minhbach/internal/proof"
)

// File is the log's path from the site root.
const File = "nhat-ky-cap-nhat.jsonl"

// Entry is one publication of the site. Its JSON, one line of File, is
// its definition; Hash is computed from it.
type Entry struct {
	// N numbers the entries from 1.
	N int `json:"n"`
	// Time is when the site was published (RFC 3339, Vietnam time).
	Time string `json:"time"`
	// Site is the base URL published to.
	Site string `json:"site"`
	// Manifest is the hex SHA-256 of the build's manifest.json.
	Manifest string `json:"manifest"`
	// Prev is the Hash of entry N-1 ("" for the first).
	Prev string `json:"prev"`
	// Files and Bytes count the published files; Items the content items.
	Files int   `json:"files"`
	Bytes int64 `json:"bytes"`
	Items int   `json:"items"`
	// Added, Changed and Removed are the content items that differ from
	// the state after the previous entry, sorted by kind and ID.
	Added   []proof.Item `json:"added,omitempty"`
	Changed []proof.Item `json:"changed,omitempty"`
	Removed []proof.Item `json:"removed,omitempty"`

	// Hash is the hex SHA-256 of the entry's JSON line (without Hash);
	// set by Read and Append, never written in the log.
	Hash string `json:"-"`
	// Line is the entry's line in File (set by Read).
	Line int `json:"-"`
	// state is the full list of items after this entry, for Append.
	state []proof.Item
}

// Marshal returns the entry's line in File, without the newline.
func (e *Entry) Marshal() []byte {
	b, _ := json.Marshal(e)
	return b
}

// hash sets e.Hash from e's JSON.
func (e *Entry) hash() { e.Hash = proof.SumHex(e.Marshal()) }

// FromManifest returns the entry for publishing the build whose manifest
// is raw, at time t; Append fills in N, Prev and the items that changed.
func FromManifest(raw []byte, t time.Time) (Entry, error) {
	m, err := proof.Parse(raw)
	if err != nil {
		return Entry{}, err
	}
	e := Entry{Time: t.In(zone).Format(time.RFC3339), Site: m.Site, Manifest: proof.SumHex(raw), Files: len(m.Files), Items: len(m.Items), state: m.Items}
	for _, f := range m.Files {
		e.Bytes += f.Size
	}
	return e, nil
}

// zone is Vietnam's time (UTC+7), in which entries are written.
var zone = time.FixedZone("ICT", 7*3600)

// ChainError tells which entry no longer matches the chain.
type ChainError struct {
	// N is the entry that was changed; Line its line in File (0 in the
	// published log).
	N, Line int
	// Msg says what is wrong, for the user's language.
	Msg diag.Message
}

func (e *ChainError) Error() string { return e.Msg.String() }

// Message returns the error as a catalogue message, for the user's
// language.
func (e *ChainError) Message() diag.Message { return e.Msg }

// Check verifies the chain of entries, as Read returns them: numbers in
// order from 1 and each Prev the Hash of the entry before. It returns the
// first break, naming the entry that was edited, removed or inserted.
func Check(entries []Entry) *ChainError {
	for i, e := range entries {
		if e.N != i+1 {
			return &ChainError{N: i + 1, Line: e.Line, Msg: diag.Msgf("entry %d of the publication log is missing or out of order: entries were removed, inserted or renumbered", i+1)}
		}
		want := ""
		if i > 0 {
			want = entries[i-1].Hash
		}
		if e.Prev != want {
			if i == 0 {
				return &ChainError{N: 1, Line: e.Line, Msg: diag.Msgf("entry %d of the publication log names a previous entry, but it is the first: entries before it were removed", 1)}
			}
			return &ChainError{N: i, Line: entries[i-1].Line, Msg: diag.Msgf("entry %d of the publication log was changed after it was written: its hash no longer matches what the next entry recorded (restore it from version control)", i)}
		}
	}
	return nil
}

// Parse reads the log's bytes: one entry per line, blank lines skipped.
// Problems are diagnostics at path:line.
func Parse(path string, data []byte) ([]Entry, diag.List) {
	var out []Entry
	var d diag.List
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 64<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var e Entry
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&e); err != nil {
			d.Errorf(diag.Pos{Path: path, Line: n}, "publication log entry is not valid JSON: %v (restore the file from version control; it is written by minhbach only)", err)
			continue
		}
		e.Line = n
		e.hash()
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		d.Errorf(diag.Pos{Path: path}, "cannot read the publication log: %v", err)
	}
	return out, d
}

// Read reads File from the site root fsys: no file is no entry.
func Read(fsys fs.FS) ([]Entry, diag.List) {
	data, err := fs.ReadFile(fsys, File)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		var d diag.List
		d.Errorf(diag.Pos{Path: File}, "cannot read the publication log: %v", err)
		return nil, d
	}
	entries, d := Parse(File, data)
	if d.HasErrors() {
		return entries, d
	}
	if ce := Check(entries); ce != nil {
		d.Error(diag.Pos{Path: File, Line: ce.Line}, ce.Msg)
	}
	return entries, d
}

// State replays the entries: the items the site held after the last one.
func State(entries []Entry) []proof.Item {
	state := map[string]proof.Item{}
	for _, e := range entries {
		for _, it := range slices.Concat(e.Added, e.Changed) {
			state[it.Key()] = it
		}
		for _, it := range e.Removed {
			delete(state, it.Key())
		}
	}
	out := make([]proof.Item, 0, len(state))
	for _, it := range state {
		out = append(out, it)
	}
	proof.SortItems(out)
	return out
}

// Diff returns the items of now that are not in before, those whose Sum,
// title or URL changed, and those of before no longer in now.
func Diff(before, now []proof.Item) (added, changed, removed []proof.Item) {
	old := make(map[string]proof.Item, len(before))
	for _, it := range before {
		old[it.Key()] = it
	}
	for _, it := range now {
		o, ok := old[it.Key()]
		switch {
		case !ok:
			added = append(added, it)
		case o != it:
			changed = append(changed, it)
		}
		delete(old, it.Key())
	}
	for _, it := range before {
		if _, gone := old[it.Key()]; gone {
			removed = append(removed, it)
		}
	}
	proof.SortItems(added)
	proof.SortItems(changed)
	proof.SortItems(removed)
	return added, changed, removed
}

// ErrSameManifest is returned by Append for a build whose manifest is
// the last entry's: nothing new was published.
var ErrSameManifest = errors.New("the last entry of the publication log already records this manifest")

// Append adds e, made by FromManifest, to the log of the site in siteDir,
// as Add does; publishing again a build the last entry records adds
// nothing and is no error. A deploy calls it after it succeeded:
//
//	raw, _ := os.ReadFile(filepath.Join(public, proof.ManifestPath))
//	e, err := publog.FromManifest(raw, time.Now())
//	err = publog.Append(siteDir, e)
func Append(siteDir string, e Entry) error {
	_, err := Add(siteDir, e)
	if errors.Is(err, ErrSameManifest) {
		return nil
	}
	return err
}

// Add adds e, made by FromManifest, to the log of the site in siteDir: it
// numbers it, chains it to the last entry and lists the items that
// changed since, and returns the entry written. It refuses to extend a
// broken chain (the error is a *ChainError) and returns ErrSameManifest,
// with the last entry, when that entry has the same manifest. The line is
// written with one append and synced.
func Add(siteDir string, e Entry) (Entry, error) {
	p := filepath.Join(siteDir, File)
	data, err := os.ReadFile(p)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return e, fmt.Errorf("read %s: %w", File, err)
	}
	entries, d := Parse(File, data)
	if d.HasErrors() {
		return e, errors.New(d.Format(5))
	}
	if ce := Check(entries); ce != nil {
		return e, ce
	}
	if e.Manifest == "" {
		return e, errors.New("publication log entry without a manifest")
	}
	e.N, e.Prev = 1, ""
	if n := len(entries); n > 0 {
		last := entries[n-1]
		if last.Manifest == e.Manifest {
			return last, ErrSameManifest
		}
		e.N, e.Prev = last.N+1, last.Hash
	}
	e.Added, e.Changed, e.Removed = Diff(State(entries), e.state)
	line := append(e.Marshal(), '\n')
	if len(data) > 0 && data[len(data)-1] != '\n' {
		line = append([]byte{'\n'}, line...)
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return e, fmt.Errorf("open %s: %w", File, err)
	}
	if _, err := f.Write(line); err != nil {
		f.Close()
		return e, fmt.Errorf("write %s: %w", File, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return e, fmt.Errorf("write %s: %w", File, err)
	}
	if err := f.Close(); err != nil {
		return e, fmt.Errorf("write %s: %w", File, err)
	}
	e.hash()
	return e, nil
}

// JSONFormat names the format of the published log.
const JSONFormat = "minhbach-log/1"

// published is the log as /nhat-ky-cap-nhat/nhat-ky.json publishes it:
// every entry as in File, with its hash.
type published struct {
	Format  string          `json:"format"`
	Entries []publishedItem `json:"entries"`
}

type publishedItem struct {
	Entry
	Hash string `json:"hash"`
}

// JSON returns the log as published for anyone to read and check: every
// entry, oldest first, with its hash.
func JSON(entries []Entry) []byte {
	p := published{Format: JSONFormat, Entries: make([]publishedItem, len(entries))}
	for i, e := range entries {
		p.Entries[i] = publishedItem{e, e.Hash}
	}
	b, _ := json.Marshal(p)
	return b
}

// ParseJSON reads a log published by JSON and recomputes each entry's
// hash. An entry whose published hash is not that of its content was
// edited: the result is then a *ChainError naming it, as it is for a
// broken chain.
func ParseJSON(data []byte) ([]Entry, error) {
	var p published
	if err := json.Unmarshal(data, &p); err != nil {
		return nil, fmt.Errorf("read the published log: %w", err)
	}
	if p.Format != JSONFormat {
		return nil, fmt.Errorf("read the published log: format %q, want %q", p.Format, JSONFormat)
	}
	out := make([]Entry, len(p.Entries))
	for i, pe := range p.Entries {
		e := pe.Entry
		e.hash()
		if e.Hash != pe.Hash {
			return nil, &ChainError{N: e.N, Msg: diag.Msgf("entry %d of the published log was changed after it was written: it no longer matches its hash", e.N)}
		}
		out[i] = e
	}
	if ce := Check(out); ce != nil {
		return out, ce
	}
	return out, nil
}
