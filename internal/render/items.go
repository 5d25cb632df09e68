package render

import (
	"bytes"
	"fmt"
	"html/template"
	"sync"
	"sync/atomic"

	"minhbach/internal/model"
)

// The items of lists — a news item's card, a document's or a procedure's
// row — are the same on every list page that shows them (a news item is
// on the news list, its category's, its year's and its tags'), and most
// of the time a list page takes to render when executed every time. The
// theme's layouts call them with {{item "news-item" (dict "News" .
// "Level" 2)}}, {{item "doc-item" .}} and {{item "procedure-item" .}}, and
// a news page its related news with {{item "news-link" .}}; the asides of
// the lists of news and documents, the same on every page, are items too
// (news-categories, news-years, doc-browse).
// When the partials are the theme's own (Options.ThemeChrome, as for the
// chrome) an item's HTML depends only on what itemKey names — the
// partial, the language, the record and the heading level — and is
// rendered once per key and build; otherwise it runs every time, as
// {{template}} would, and a site's own partial may show anything. Like
// chrome, item runs the partial as partials/ define it (a layout that
// defines a template of the same name does not change it).

// itemMemo holds the items rendered in one run of Jobs, in html; when
// Jobs was given a stash (Inputs.Items, as a build does) and the items
// held pass budget bytes, the next ones go out of memory to the stash,
// where at says, and a list page reads each such row back. A large
// site's items are then not all in memory until its last list is
// rendered (at 250 000 documents some 150 MB of HTML), and a small
// site's stay in memory, read without a system call.
type itemMemo struct {
	mu     sync.Mutex
	html   map[itemKey]template.HTML
	held   int // bytes in html
	budget int
	stash  model.Stash
	at     map[itemKey]model.Stored
}

// itemBudget is how many bytes of items a memo with a stash holds in
// memory before it moves the next ones to the stash.
const itemBudget = 32 << 20

// get returns the item of key when it was kept.
func (m *itemMemo) get(key itemKey) (template.HTML, bool) {
	m.mu.Lock()
	if h, ok := m.html[key]; ok {
		m.mu.Unlock()
		return h, true
	}
	at, ok := m.at[key]
	m.mu.Unlock()
	if !ok {
		return "", false
	}
	return template.HTML(at.Or("")), true
}

// put keeps the item h of key.
func (m *itemMemo) put(key itemKey, h template.HTML) {
	m.mu.Lock()
	if m.stash == nil || m.held+len(h) <= m.budget {
		m.html[key] = h
		m.held += len(h)
		m.mu.Unlock()
		return
	}
	m.mu.Unlock()
	at := m.stash.Put(string(h))
	m.mu.Lock()
	m.at[key] = at
	m.mu.Unlock()
}

// itemKey names what the theme's item partials show: the record (a
// pointer, the same for every page of one build) and the heading level
// of a news item; for a list of terms, its first element and its length.
type itemKey struct {
	name, lang string
	rec        any
	level      int
}

// items is the memo of the current Jobs; each Jobs starts a new one, so
// that a session's next build, whose records may have changed in place
// (a patched body's summary), renders its items again.
type items struct{ cur atomic.Pointer[itemMemo] }

// reset starts a new memo, which moves items to stash past itemBudget
// when stash is not nil.
func (it *items) reset(stash model.Stash) {
	it.cur.Store(&itemMemo{html: map[itemKey]template.HTML{}, at: map[itemKey]model.Stored{}, budget: itemBudget, stash: stash})
}

// item returns the function that executes a partial with data, for the
// layouts of lang, from the memo when the theme's partials allow it.
func (r *Renderer) item(lang string) func(name string, data any) (template.HTML, error) {
	return func(name string, data any) (template.HTML, error) {
		t, ok := r.chromes.sets[lang]
		if !ok {
			return "", fmt.Errorf("item %q: no language %q", name, lang)
		}
		var key itemKey
		var memo *itemMemo
		if r.chromes.cached {
			if k, ok := itemKeyOf(name, lang, data); ok {
				key, memo = k, r.items.cur.Load()
			}
		}
		if memo != nil {
			if h, ok := memo.get(key); ok {
				return h, nil
			}
		}
		b := bufPool.Get().(*bytes.Buffer) // grown already: one copy out
		defer bufPool.Put(b)
		b.Reset()
		if err := t.Execute(b, name, data); err != nil {
			return "", err
		}
		h := template.HTML(b.String())
		if memo != nil {
			var err error
			if h, err = r.splice.fragment(h, memo.stash); err != nil {
				return "", err
			}
			memo.put(key, h)
		}
		return h, nil
	}
}

// itemKeyOf returns the key of the theme's item partial name with data,
// or false for any other partial or data (never kept).
func itemKeyOf(name, lang string, data any) (itemKey, bool) {
	switch name {
	case "news-item":
		m, ok := data.(map[string]any)
		if !ok || len(m) != 2 {
			return itemKey{}, false
		}
		n, ok := m["News"].(*model.News)
		level, lok := m["Level"].(int)
		if !ok || !lok || n == nil {
			return itemKey{}, false
		}
		return itemKey{name, lang, n, level}, true
	case "news-link":
		if n, ok := data.(*model.News); ok && n != nil {
			return itemKey{name, lang, n, 0}, true
		}
	case "news-categories", "news-years":
		// A list of terms, the same slice on every list page.
		if ts, ok := data.([]*model.Taxon); ok && len(ts) > 0 {
			return itemKey{name, lang, &ts[0], len(ts)}, true
		}
	case "doc-browse":
		if g, ok := data.(*model.Gazette); ok && g != nil {
			return itemKey{name, lang, g, 0}, true
		}
	case "doc-item":
		if d, ok := data.(*model.Document); ok && d != nil {
			return itemKey{name, lang, d, 0}, true
		}
	case "procedure-item":
		if p, ok := data.(*model.Procedure); ok && p != nil {
			return itemKey{name, lang, p, 0}, true
		}
	}
	return itemKey{}, false
}
