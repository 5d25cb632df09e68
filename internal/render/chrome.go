package render

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"sync"

	"minhbach/internal/tmplexec"
)

// The chrome of a page is its header and its footer: the same on most
// pages, and a third of the time a page takes to render when executed
// every time. Base layouts call them with {{chrome "header" .}} and
// {{chrome "footer" .}}. When they are the theme's own (Options.ThemeChrome)
// their HTML depends only on what chromeKey names — the language, whether
// the page is the home or the search page, which menu item is current —
// and is rendered once per key; otherwise they run for every page, as
// {{template}} would, and a site's own header may show anything.

// chromeSet holds what chrome needs: one template set per language that
// holds base.html and the partials, and the HTML made so far.
type chromeSet struct {
	sets map[string]*tmplexec.Set
	// cached is false when the site has its own base or partials.
	cached bool
	mu     sync.Mutex
	html   map[string]template.HTML
}

// chrome returns the template name executed with p, from the cache when
// the theme's own header and footer allow it.
func (r *Renderer) chrome(name string, p *Page) (template.HTML, error) {
	c := r.chromes
	lang := p.Lang
	if lang == "" {
		lang = r.langs[0]
	}
	t, ok := c.sets[lang]
	if !ok {
		return "", fmt.Errorf("chrome %q: no language %q", name, lang)
	}
	key := ""
	if c.cached {
		key = chromeKey(name, lang, p)
	}
	if key != "" {
		c.mu.Lock()
		h, ok := c.html[key]
		c.mu.Unlock()
		if ok {
			return h, nil
		}
	}
	var b bytes.Buffer
	if err := t.Execute(&b, name, p); err != nil {
		return "", err
	}
	h := template.HTML(b.String())
	if key != "" {
		var err error
		if h, err = r.splice.fragment(h, nil); err != nil {
			return "", err
		}
		c.mu.Lock()
		c.html[key] = h
		c.mu.Unlock()
	}
	return h, nil
}

// chromeKey names what the theme's header or footer shows of p, "" for
// any other template (never cached). The head's asset links (assets) are
// the same on every page; the footer shows the language's site and footer
// menu; the header also whether p is the home page (the brand
// is the current page) or the search page (no search box), and each main
// menu item's aria-current, computed as partials/header.html does.
func chromeKey(name, lang string, p *Page) string {
	switch name {
	case "footer", "assets":
		return name + "|" + lang
	case "header":
		var b strings.Builder
		b.WriteString("header|")
		b.WriteString(lang)
		switch p.Kind {
		case "home", "search":
			b.WriteString("|" + p.Kind + "|")
		default:
			b.WriteString("||")
		}
		home := p.Link("/")
		for _, m := range p.Menu {
			switch {
			case m.URL == p.URL:
				b.WriteByte('p')
			case m.URL != home && strings.HasPrefix(p.URL, m.URL):
				b.WriteByte('t')
			default:
				b.WriteByte('-')
			}
		}
		return b.String()
	}
	return ""
}
