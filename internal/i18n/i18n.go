// Package i18n holds the user-interface text of the pages in each language
// a site declares: the string tables i18n/<lang>.yaml (the theme's, with
// the keys of the site's own file over them), looked up by key, and the way
// each language writes dates, numbers and sizes (format.go). It knows no
// layout: render checks that every key its layouts use is in every table.
package i18n

import (
	"fmt"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"minhbach/internal/diag"
	"minhbach/internal/meta"
)

// Dir is the folder of the string tables, at the site root and in the
// theme; a language's table is Dir/<code>.yaml.
const Dir = "i18n"

// File returns the table file of language lang: "i18n/en.yaml".
func File(lang string) string { return Dir + "/" + lang + ".yaml" }

// Table is one language's strings: flat dotted keys ("header.search.label")
// to text, with fmt verbs (%s, %d) where a caller passes arguments.
type Table struct {
	// Lang is the language code ("vi", "en").
	Lang string
	// Files names the files the strings were read from, the theme's
	// first ("i18n/en.yaml (theme)", "i18n/en.yaml").
	Files []string
	text  map[string]string
	// own holds the keys the site's own file sets that the theme's has
	// not, with their positions (see Unknown).
	own map[string]diag.Pos
}

// New returns a table of lang holding text, for tests and callers that
// build a table in code.
func New(lang string, text map[string]string) *Table {
	return &Table{Lang: lang, text: maps.Clone(text)}
}

// Lookup returns the text of key and whether the table has it.
func (t *Table) Lookup(key string) (string, bool) {
	s, ok := t.text[key]
	return s, ok
}

// Keys returns the table's keys, sorted.
func (t *Table) Keys() []string { return slices.Sorted(maps.Keys(t.text)) }

// Where names the files the table was read from, for a message:
// "i18n/en.yaml (theme), i18n/en.yaml", or "none".
func (t *Table) Where() string {
	if len(t.Files) == 0 {
		return "none"
	}
	return strings.Join(t.Files, ", ")
}

// MissingError is a key a table does not have.
type MissingError struct {
	Key, Lang, Where string
}

func (e *MissingError) Error() string {
	return fmt.Sprintf("string %q has no %s text: add it to %s (tables read: %s)", e.Key, e.Lang, File(e.Lang), e.Where)
}

// Text returns the text of key, with args formatted into it as
// fmt.Sprintf does when there are any, or a *MissingError.
func (t *Table) Text(key string, args ...any) (string, error) {
	s, ok := t.text[key]
	if !ok {
		return "", &MissingError{Key: key, Lang: t.Lang, Where: t.Where()}
	}
	if len(args) > 0 {
		s = fmt.Sprintf(s, args...)
	}
	return s, nil
}

// verb matches a fmt verb of a table's text; "%%" is a percent sign.
var verb = regexp.MustCompile(`%%|%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z]`)

// Verbs returns the fmt verbs of s in order ("%s", "%d"), without "%%".
func Verbs(s string) []string {
	var out []string
	for _, v := range verb.FindAllString(s, -1) {
		if v != "%%" {
			out = append(out, v)
		}
	}
	return out
}

// Load reads the table of each language of langs: theme/<lang>.yaml, then
// site/<lang>.yaml over it, key by key (theme and site are the i18n
// folders; either may be nil). A language without any file has an empty
// table: only the keys a layout uses must be there. A value that is not
// text, a duplicate key, and a site's text whose verbs differ from the
// theme's are errors.
func Load(theme, site fs.FS, langs []string) (map[string]*Table, diag.List) {
	var d diag.List
	out := map[string]*Table{}
	for _, lang := range langs {
		t := &Table{Lang: lang, text: map[string]string{}}
		themeText := map[string]string{}
		for i, fsys := range []fs.FS{theme, site} {
			if fsys == nil {
				continue
			}
			data, err := fs.ReadFile(fsys, lang+".yaml")
			if err != nil {
				continue
			}
			name := File(lang)
			label := name
			if i == 0 {
				label += " (theme)"
			}
			t.Files = append(t.Files, label)
			text, p := read(name, data, &d)
			if i == 0 {
				themeText = text
			}
			for k, v := range text {
				if th, ok := themeText[k]; ok && i == 1 && !slices.Equal(Verbs(th), Verbs(v)) {
					d.Errorf(p[k], "string %q: the text must hold the same placeholders as the theme's (%s), in the same order: %q", k, verbList(Verbs(th)), v)
					continue
				}
				t.text[k] = v
				if _, ok := themeText[k]; i == 1 && !ok && theme != nil {
					if t.own == nil {
						t.own = map[string]diag.Pos{}
					}
					t.own[k] = p[k]
				}
			}
		}
		out[lang] = t
	}
	return out, d
}

func (t *Table) has(key string) bool { _, ok := t.text[key]; return ok }

// Unknown warns about the keys the site's own file adds to the theme's
// that no layout uses (used: the constant keys of the layouts), naming the
// closest key of the table: most likely a misspelt key, whose text would
// never show.
func (t *Table) Unknown(used []string) diag.List {
	var d diag.List
	if len(t.own) == 0 {
		return d
	}
	keys := slices.Sorted(maps.Keys(t.own))
	for _, k := range keys {
		base, one := strings.CutSuffix(k, ".one")
		if slices.Contains(used, k) || one && (slices.Contains(used, base) || t.has(base)) {
			continue // used, or the singular of a key
		}
		var known []string
		for _, c := range t.Keys() {
			if _, own := t.own[c]; !own {
				known = append(known, c)
			}
		}
		if s := meta.Suggest(k, known); s != "" {
			d.Warnf(t.own[k], "string %q is a key of no layout and not of the theme's table (did you mean %q?): its text never shows", k, s)
		} else {
			d.Warnf(t.own[k], "string %q is a key of no layout and not of the theme's table: its text never shows", k)
		}
	}
	return d
}

func verbList(vs []string) any {
	if len(vs) == 0 {
		return diag.Phrase("none")
	}
	return strings.Join(vs, " ")
}

// read flattens one table file: nested mappings join their keys with dots.
func read(name string, data []byte, d *diag.List) (map[string]string, map[string]diag.Pos) {
	text, pos := map[string]string{}, map[string]diag.Pos{}
	doc, serr := meta.Parse(data)
	if serr != nil {
		d.Error(diag.Pos{Path: name, Line: serr.Line}, serr.Msg)
		return text, pos
	}
	if doc == nil {
		return text, pos
	}
	at := func(n *yaml.Node) diag.Pos { return diag.Pos{Path: name, Line: n.Line, Col: n.Column} }
	var walk func(prefix string, n *yaml.Node)
	walk = func(prefix string, n *yaml.Node) {
		if n.Kind != yaml.MappingNode {
			d.Errorf(at(n), "want a mapping of keys to texts (header.search.label: \"Tìm kiếm\")")
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			key := k.Value
			if prefix != "" {
				key = prefix + "." + key
			}
			switch {
			case v.Kind == yaml.MappingNode:
				walk(key, v)
			case v.Kind != yaml.ScalarNode || v.Tag == "!!null":
				d.Errorf(at(v), "string %q: want a text, got nothing or a list", key)
			default:
				if _, dup := text[key]; dup {
					d.Errorf(at(k), "duplicate key %q", key)
					continue
				}
				text[key], pos[key] = v.Value, at(k)
			}
		}
	}
	root := doc
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	walk("", root)
	return text, pos
}
