package render

import (
	"encoding/json"
	"fmt"
	"html/template"
	"maps"
	"slices"
	"strconv"
	"strings"
	"text/template/parse"

	"minhbach/internal/diag"
	"minhbach/internal/i18n"
	"minhbach/internal/model"
)

// The layouts' text comes from the string tables (internal/i18n) through
// the template function T: {{T "header.search.label"}}, or with arguments
// for the table text's verbs, {{T "pager.page" .Number}}. When the first
// argument is the number 1 and the table has the key with ".one" added,
// that text is used: "%d procedures" but "%d procedure". Each declared
// language has its own set of templates, cloned from the parsed layouts,
// whose T and date and number functions are that language's; Execute picks
// the set of Page.Lang.

// textFuncs are the functions of a language's template set that write
// text: T, dates, numbers and sizes.
func (r *Renderer) textFuncs(tab *i18n.Table) template.FuncMap {
	return template.FuncMap{
		"T":           tFunc(tab),
		"item":        r.item(tab.Lang),
		"jsText":      r.jsText(tab),
		"statusSteps": statusSteps(tab),
		"longDate":    tab.LongDate,
		"dayDate":     tab.DayDate,
		"shortDate":   tab.ShortDate,
		"signedAt":    tab.SignedAt,
		"legalDate":   tab.LegalDate,
		"number":      tab.Number,
		"decimal":     tab.Decimal,
		"percent":     tab.Percent,
		"filesize":    tab.FileSize,
		"rate": func(f model.Figures) string {
			if v, ok := f.OnTimeRate(); ok {
				return tab.Percent(v)
			}
			return "–"
		},
		"onlineRate": func(f model.Figures) string {
			if v, ok := f.OnlineRate(); ok {
				return tab.Percent(v)
			}
			return "–"
		},
		"ownEvent": func(c model.StatusChange) (string, error) {
			if c.Date.Equal(c.Doc.Effective) {
				return tab.Text("document.history.own.effective")
			}
			return tab.Text("document.history.own.expired")
		},
	}
}

// jsText returns the function that gives a page the UI text of the
// scripts (assets/js): the table's keys under "js." and the language
// code, as JSON for <script type="application/json" id="ui-text">. The
// scripts hold the first language's (Vietnamese) text themselves, so the
// pages of the first language carry none: the function returns "".
func (r *Renderer) jsText(tab *i18n.Table) func() template.JS {
	if tab.Lang == r.langs[0] {
		return func() template.JS { return "" }
	}
	m := map[string]string{"lang": tab.Lang}
	for _, k := range tab.Keys() {
		if strings.HasPrefix(k, "js.") {
			m[k], _ = tab.Lookup(k)
		}
	}
	b, _ := json.Marshal(m) // escapes <, > and & as \u003c…: safe in a script element
	return func() template.JS { return template.JS(b) }
}

// tFunc returns T of a table: the text of a key, HTML-escaped, with the
// arguments, escaped as html/template escapes text, put in its verbs. It
// returns template.HTML so that the text shows as the layout's own text
// would: html/template leaves it as it is between tags and escapes it
// again in an attribute. The text of a key ending in "_html" is HTML
// written by whoever writes the layouts (the theme, the site's own
// table), inserted as it is: prose with <strong> or <a> inside; its
// arguments are escaped all the same. A key the table lacks is an error
// naming it.
func tFunc(tab *i18n.Table) func(key string, args ...any) (template.HTML, error) {
	return func(key string, args ...any) (template.HTML, error) {
		s, ok := tab.Lookup(key)
		if !ok {
			return "", &i18n.MissingError{Key: key, Lang: tab.Lang, Where: tab.Where()}
		}
		if len(args) > 0 && args[0] == 1 {
			if one, ok := tab.Lookup(key + ".one"); ok {
				s = one // the singular: "1 procedure"
			}
		}
		if !strings.HasSuffix(key, "_html") {
			s = escapeText(s)
		}
		if len(args) > 0 {
			esc := make([]any, len(args))
			for i, a := range args {
				switch a := a.(type) {
				case template.HTML:
					esc[i] = string(a)
				case int, int64:
					esc[i] = a
				default:
					esc[i] = escapeArg(fmt.Sprint(a))
				}
			}
			s = fmt.Sprintf(s, esc...)
		}
		return template.HTML(s), nil
	}
}

// escapeText escapes a table's text for HTML: it may hold quotes and plus
// signs, which show as typed between tags.
var escapeText = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace

// escapeArg escapes an argument of T as html/template escapes a value
// between tags, so that "Địa chỉ: {{.}}" and {{T "…" .}} write the same
// bytes.
var escapeArg = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;").Replace

// keyUse is a call of T with a constant key in a layout.
type keyUse struct {
	key string
	pos diag.Pos
}

// keyUses returns the calls of T with a constant key in the templates of
// t, each at its layout's line and column.
func keyUses(t *template.Template) []keyUse {
	var out []keyUse
	for _, tt := range t.Templates() {
		if tt.Tree == nil || tt.Tree.Root == nil {
			continue
		}
		tree := tt.Tree
		walkNodes(tree.Root, func(c *parse.CommandNode) {
			if len(c.Args) < 2 {
				return
			}
			id, ok := c.Args[0].(*parse.IdentifierNode)
			if !ok || id.Ident != "T" {
				return
			}
			s, ok := c.Args[1].(*parse.StringNode)
			if !ok {
				return // built at run time: checked when the page is rendered
			}
			loc, _ := tree.ErrorContext(c.Args[1])
			out = append(out, keyUse{key: s.Text, pos: posOf(loc)})
		})
	}
	return out
}

// posOf reads "layouts/x.html:3:14" into a position.
func posOf(loc string) diag.Pos {
	parts := strings.Split(loc, ":")
	if len(parts) < 3 {
		return diag.Pos{Path: loc}
	}
	col, _ := strconv.Atoi(parts[len(parts)-1])
	line, _ := strconv.Atoi(parts[len(parts)-2])
	return diag.Pos{Path: strings.Join(parts[:len(parts)-2], ":"), Line: line, Col: col}
}

// walkNodes calls f on every command under n.
func walkNodes(n parse.Node, f func(*parse.CommandNode)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walkNodes(c, f)
		}
	case *parse.ActionNode:
		walkNodes(n.Pipe, f)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			walkNodes(c, f)
		}
	case *parse.CommandNode:
		f(n)
		for _, a := range n.Args {
			walkNodes(a, f)
		}
	case *parse.ChainNode:
		walkNodes(n.Node, f)
	case *parse.IfNode:
		walkBranch(&n.BranchNode, f)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, f)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, f)
	case *parse.TemplateNode:
		walkNodes(n.Pipe, f)
	}
}

func walkBranch(b *parse.BranchNode, f func(*parse.CommandNode)) {
	walkNodes(b.Pipe, f)
	walkNodes(b.List, f)
	walkNodes(b.ElseList, f)
}

// checkKeys reports every constant key of the layouts that a declared
// language's table lacks, once a key and position.
func checkKeys(sets []*template.Template, langs []string, tables map[string]*i18n.Table) diag.List {
	var d diag.List
	seen := map[keyUse]bool{}
	var uses []keyUse
	for _, t := range sets {
		for _, u := range keyUses(t) {
			if !seen[u] {
				seen[u] = true
				uses = append(uses, u)
			}
		}
	}
	slices.SortFunc(uses, func(a, b keyUse) int {
		if c := strings.Compare(a.pos.Path, b.pos.Path); c != 0 {
			return c
		}
		if a.pos.Line != b.pos.Line {
			return a.pos.Line - b.pos.Line
		}
		return a.pos.Col - b.pos.Col
	})
	for _, lang := range langs {
		tab := tables[lang]
		if tab == nil {
			continue
		}
		for _, u := range uses {
			if _, ok := tab.Lookup(u.key); !ok {
				d.Errorf(u.pos, "string %q used by this layout has no %s text: add it to %s (tables read: %s)", u.key, lang, i18n.File(lang), tab.Where())
			}
		}
	}
	return d
}

// UsedKeys returns the constant keys of T calls in the layouts a renderer
// loaded, sorted; the theme's tests compare them with its tables.
func (r *Renderer) UsedKeys() []string {
	return r.usedKeys(r.layouts)
}

// usedKeys returns the constant keys of T calls in the templates, sorted.
func (r *Renderer) usedKeys(sets []*template.Template) []string {
	set := map[string]bool{}
	for _, t := range sets {
		for _, u := range keyUses(t) {
			set[u.key] = true
		}
	}
	return slices.Sorted(maps.Keys(set))
}
