package render

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"minhbach/internal/model"
)

// A build minifies every page whole, and a page is mostly the cached
// header, footer and list items (chrome.go, items.go): the same bytes
// minified again on every page that shows them, a third of the time a
// page takes to render. When Options.MinifyHTML is given, a cached
// fragment is minified once, where it is made, and the page carries a
// placeholder instead; Splice puts the minified fragment in place of its
// placeholder once the page is minified.
//
// The result is the same bytes as minifying the page whole, because the
// placeholder is an empty element with the fragment's first and last tag
// names, and a fragment is only replaced when both are block elements:
// the minifier decides the spaces around and inside such an element
// from the element's own tokens, never from what is before or after it
// (TestChromeCachedSameAsRendered builds every test site both ways).

// splicer holds the minified fragments of one renderer: in memory up to
// budget bytes, and past it, for a fragment given a stash (a build's list
// items, Inputs.Items), in the stash, read back when a page is spliced.
// At 250 000 documents the items' fragments are some 120 MB, which would
// otherwise stay in memory until the build ends.
type splicer struct {
	minify func(dst *bytes.Buffer, src []byte) error
	// marker opens a placeholder's attribute; its random part keeps a
	// body's own raw HTML from ever naming a fragment.
	marker string
	mu     sync.RWMutex
	frags  []fragRef     // by id
	mem    [][]byte      // the fragments held in memory
	stores []model.Stash // the stashes that hold the others
	held   int           // bytes in mem
	budget int
}

// fragRef is where a fragment is: mem[at] when store is 0, else n bytes
// at at in stores[store-1] (16 bytes a fragment rather than a slice and a
// model.Stored, for the 300 000 of a large site).
type fragRef struct {
	at    int64
	n     int32
	store int32
}

// fragBudget is how many bytes of fragments a splicer holds in memory
// before it moves the next ones given a stash to it.
const fragBudget = 32 << 20

func newSplicer(minify func(dst *bytes.Buffer, src []byte) error) *splicer {
	var nonce [8]byte
	_, _ = rand.Read(nonce[:])
	return &splicer{minify: minify, marker: " data-minhbach-" + hex.EncodeToString(nonce[:]) + `="`, budget: fragBudget}
}

// blockTags are the elements a fragment may begin and end with: those the
// minifier treats as blocks, among the ones the theme's partials use.
var blockTags = map[string]bool{
	"article": true, "aside": true, "div": true, "footer": true, "h2": true, "h3": true,
	"header": true, "li": true, "nav": true, "ol": true, "p": true, "section": true, "ul": true,
}

// edgeTags returns the name of the first tag of h, a start tag, and of
// its last, an end tag, when both are block elements and nothing stands
// before or after them.
func edgeTags(h string) (first, last string, ok bool) {
	if !strings.HasPrefix(h, "<") || !strings.HasSuffix(h, ">") {
		return "", "", false
	}
	end := strings.IndexAny(h, " \t\n>")
	if end < 0 {
		return "", "", false
	}
	first = h[1:end]
	open := strings.LastIndex(h, "</")
	if open < 0 {
		return "", "", false
	}
	last = h[open+2 : len(h)-1]
	return first, last, blockTags[first] && blockTags[last]
}

// fragment returns the placeholder of h, minified and kept, or h itself
// when it cannot be spliced. With a stash, the fragment goes there once
// the splicer's budget is spent.
func (s *splicer) fragment(h template.HTML, stash model.Stash) (template.HTML, error) {
	if s == nil {
		return h, nil
	}
	first, last, ok := edgeTags(string(h))
	if !ok || strings.Contains(string(h), s.marker) {
		return h, nil
	}
	var b bytes.Buffer
	if err := s.minify(&b, []byte(h)); err != nil {
		return "", err
	}
	s.mu.Lock()
	inMemory := stash == nil || s.held+b.Len() <= s.budget || b.Len() > math.MaxInt32
	if inMemory {
		s.held += b.Len()
	}
	s.mu.Unlock()
	var ref fragRef
	var frag []byte
	if inMemory {
		frag = bytes.Clone(b.Bytes())
	} else {
		at := stash.Put(b.String())
		ref.at, ref.n = at.Off, int32(at.Len)
	}
	s.mu.Lock()
	if inMemory {
		ref.at = int64(len(s.mem))
		s.mem = append(s.mem, frag)
	} else {
		i := slices.Index(s.stores, stash)
		if i < 0 {
			i = len(s.stores)
			s.stores = append(s.stores, stash)
		}
		ref.store = int32(i + 1)
	}
	id := len(s.frags)
	s.frags = append(s.frags, ref)
	s.mu.Unlock()
	return template.HTML("<" + first + s.marker + strconv.Itoa(id) + `"></` + last + ">"), nil
}

var errPlaceholder = errors.New("splice: a fragment's placeholder was changed by the minifier")

// Splicing says whether pages carry placeholders that Splice replaces.
func (r *Renderer) Splicing() bool { return r.splice != nil }

// Splice writes page, a minified page, to dst with each placeholder
// replaced by its minified fragment, and returns how many it replaced.
func (r *Renderer) Splice(dst *bytes.Buffer, page []byte) (int, error) {
	s := r.splice
	if s == nil {
		dst.Write(page)
		return 0, nil
	}
	for n := 0; ; n++ {
		i := bytes.Index(page, []byte(s.marker))
		if i < 0 {
			dst.Write(page)
			return n, nil
		}
		open := bytes.LastIndexByte(page[:i], '<')
		rest := page[i+len(s.marker):]
		digits := 0
		for digits < len(rest) && '0' <= rest[digits] && rest[digits] <= '9' {
			digits++
		}
		id, err := strconv.Atoi(string(rest[:digits]))
		if !bytes.HasPrefix(rest[digits:], []byte(`"></`)) || err != nil || open < 0 {
			return n, errPlaceholder
		}
		tail := rest[digits+len(`"></`):]
		end := bytes.IndexByte(tail, '>')
		if end < 0 {
			return n, errPlaceholder
		}
		s.mu.RLock()
		if id >= len(s.frags) {
			s.mu.RUnlock()
			return n, fmt.Errorf("splice: no fragment %d", id)
		}
		ref := s.frags[id]
		var frag []byte
		var st model.Stash
		if ref.store == 0 {
			frag = s.mem[ref.at]
		} else {
			st = s.stores[ref.store-1]
		}
		s.mu.RUnlock()
		dst.Write(page[:open])
		if st != nil {
			dst.WriteString(st.Load(model.Stored{Store: st, Off: ref.at, Len: int(ref.n)}))
		} else {
			dst.Write(frag)
		}
		page = tail[end+1:]
	}
}
