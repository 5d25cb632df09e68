// Package meta reads YAML mappings (site.yaml, front matter) into typed
// values, reporting each problem as a diagnostic at the key's or value's
// file position. It knows no content kind; the kinds' keys live in config
// and schema.
package meta

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/agnivade/levenshtein"
	"go.yaml.in/yaml/v3"

	"minhbach/internal/diag"
	"minhbach/internal/model"
)

// Map is a YAML mapping of one file, with the position of every key.
// Reads record problems in the diag.List given to New.
type Map struct {
	path    string
	lineOff int
	start   diag.Pos
	node    *yaml.Node
	keys    []*yaml.Node
	values  map[string]*yaml.Node
	diags   *diag.List
	// refs name nodes inside a structured file (JSON paths), see WithRefs.
	refs map[*yaml.Node]string
}

// Zone is the time zone of dates written without one (model.Zone).
var Zone = model.Zone

// New wraps node (a mapping, or nil for an empty one) read from path, whose
// line numbers are lineOff lines below the file's. start is where a missing
// key is reported. Duplicate keys are reported as errors.
func New(path string, lineOff int, start diag.Pos, node *yaml.Node, d *diag.List) *Map {
	m := &Map{path: path, lineOff: lineOff, start: start, node: node, values: map[string]*yaml.Node{}, diags: d}
	if node == nil {
		return m
	}
	if node.Kind == yaml.DocumentNode && len(node.Content) > 0 {
		node = node.Content[0]
		m.node = node
	}
	if node.Kind != yaml.MappingNode {
		if !(node.Kind == yaml.ScalarNode && node.Tag == "!!null") {
			d.Errorf(m.Pos(node), "want a mapping of keys to values, got %s", kindName(node))
		}
		return m
	}
	for i := 0; i+1 < len(node.Content); i += 2 {
		k, v := node.Content[i], node.Content[i+1]
		if _, dup := m.values[k.Value]; dup {
			d.Errorf(m.Pos(k), "duplicate key %q", k.Value)
			continue
		}
		m.keys = append(m.keys, k)
		m.values[k.Value] = v
	}
	return m
}

// WithRefs makes positions name refs[node] (a JSON path, say) besides the
// line and column; mappings read from m inherit them. It returns m.
func (m *Map) WithRefs(refs map[*yaml.Node]string) *Map {
	m.refs = refs
	if m.start.Ref == "" {
		m.start.Ref = refs[m.node]
	}
	return m
}

// Mapping wraps the mapping node n found inside m, with m's file, offsets
// and refs.
func (m *Map) Mapping(n *yaml.Node) *Map {
	return New(m.path, m.lineOff, m.Pos(n), n, m.diags).WithRefs(m.refs)
}

// Path returns the file the mapping was read from.
func (m *Map) Path() string { return m.path }

// Diags returns the list problems are recorded in.
func (m *Map) Diags() *diag.List { return m.diags }

// Pos returns the file position of n.
func (m *Map) Pos(n *yaml.Node) diag.Pos {
	if n == nil {
		return m.start
	}
	return diag.Pos{Path: m.path, Line: n.Line + m.lineOff, Col: n.Column, Ref: m.refs[n]}
}

// KeyPos returns the position of key, or the mapping's start when absent.
func (m *Map) KeyPos(key string) diag.Pos {
	for _, k := range m.keys {
		if k.Value == key {
			return m.Pos(k)
		}
	}
	return m.start
}

// Has reports whether key is present with a non-null value.
func (m *Map) Has(key string) bool {
	v, ok := m.values[key]
	return ok && !isNull(v)
}

// Node returns the value node of key, or nil.
func (m *Map) Node(key string) *yaml.Node { return m.values[key] }

// CheckKeys warns about every key not in known, naming the closest known key.
func (m *Map) CheckKeys(known []string) {
	for _, k := range m.keys {
		if slices.Contains(known, k.Value) {
			continue
		}
		if s := Suggest(k.Value, known); s != "" {
			m.diags.Warnf(m.Pos(k), "unknown key %q (did you mean %q?)", k.Value, s)
		} else {
			m.diags.Warnf(m.Pos(k), "unknown key %q (known keys: %s)", k.Value, strings.Join(known, ", "))
		}
	}
}

// Suggest returns the candidate closest to s when it is close enough to be
// a likely typo, or "".
func Suggest(s string, candidates []string) string {
	best, bestD := "", math.MaxInt
	for _, c := range candidates {
		if d := levenshtein.ComputeDistance(strings.ToLower(s), c); d < bestD {
			best, bestD = c, d
		}
	}
	if bestD <= max(2, len(s)/3) {
		return best
	}
	return ""
}

func (m *Map) missing(key string) {
	m.diags.Errorf(m.start, "missing required key %q", key)
}

// scalar returns the value of key when it is a scalar; it reports a
// missing required key or a value of another shape.
func (m *Map) scalar(key string, required bool, want diag.Phrase) (*yaml.Node, bool) {
	v, ok := m.values[key]
	if !ok || isNull(v) {
		if required {
			m.missing(key)
		}
		return nil, false
	}
	if v.Kind != yaml.ScalarNode {
		m.diags.Errorf(m.Pos(v), "%s: want %s, got %s", key, want, kindName(v))
		return nil, false
	}
	return v, true
}

// String returns the text of key ("" when absent), trimmed of surrounding
// space. A required key that is missing or empty is an error.
func (m *Map) String(key string, required bool) string {
	v, ok := m.scalar(key, required, diag.Phrase("text"))
	if !ok {
		return ""
	}
	s := strings.TrimSpace(v.Value)
	if s == "" && required {
		m.diags.Errorf(m.Pos(v), "%s must not be empty", key)
	}
	return s
}

// Bool returns the boolean value of key, false when absent.
func (m *Map) Bool(key string) bool {
	v, ok := m.scalar(key, false, diag.Phrase("true or false"))
	if !ok {
		return false
	}
	switch strings.ToLower(v.Value) {
	case "true", "yes", "on":
		return true
	case "false", "no", "off":
		return false
	}
	m.diags.Errorf(m.Pos(v), "%s: want true or false, got %q", key, v.Value)
	return false
}

// Int returns the integer value of key, def when absent.
func (m *Map) Int(key string, def int) int {
	v, ok := m.scalar(key, false, diag.Phrase("a whole number"))
	if !ok {
		return def
	}
	n, err := strconv.Atoi(v.Value)
	if err != nil {
		m.diags.Errorf(m.Pos(v), "%s: want a whole number, got %q", key, v.Value)
		return def
	}
	return n
}

// Strings returns the list value of key; a single scalar counts as a
// one-item list. Empty items are dropped.
func (m *Map) Strings(key string) []string {
	v, ok := m.values[key]
	if !ok || isNull(v) {
		return nil
	}
	switch v.Kind {
	case yaml.ScalarNode:
		if s := strings.TrimSpace(v.Value); s != "" {
			return []string{s}
		}
		return nil
	case yaml.SequenceNode:
		var out []string
		for _, it := range v.Content {
			if it.Kind != yaml.ScalarNode {
				m.diags.Errorf(m.Pos(it), "%s: want a list of texts, got %s in the list", key, kindName(it))
				continue
			}
			if s := strings.TrimSpace(it.Value); s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	m.diags.Errorf(m.Pos(v), "%s: want a list of texts, got %s", key, kindName(v))
	return nil
}

// Date returns the date value of key: YYYY-MM-DD, or RFC 3339 with a time.
// Dates and times without a zone are in Vietnam time. A date that does not
// exist is an error.
func (m *Map) Date(key string, required bool) time.Time {
	v, ok := m.scalar(key, required, diag.Phrase("a date (YYYY-MM-DD)"))
	if !ok {
		return time.Time{}
	}
	t, err := ParseDate(v.Value)
	if err != nil {
		m.diags.Errorf(m.Pos(v), "%s: %v", key, err)
	}
	return t
}

// ParseDate parses YYYY-MM-DD, "YYYY-MM-DD HH:MM[:SS]" or RFC 3339.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, s, Zone); err == nil {
			return t, nil
		}
	}
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		if _, err := time.Parse("2006-01-02", s[:10]); err != nil {
			return time.Time{}, fmt.Errorf("date %q does not exist", s)
		}
	}
	return time.Time{}, fmt.Errorf("invalid date %q (want YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS+07:00)", s)
}

// Sub returns the mapping under key, or nil when absent or not a mapping
// (reported).
func (m *Map) Sub(key string) *Map {
	v, ok := m.values[key]
	if !ok || isNull(v) {
		return nil
	}
	if v.Kind != yaml.MappingNode {
		m.diags.Errorf(m.Pos(v), "%s: want a mapping of keys to values, got %s", key, kindName(v))
		return nil
	}
	return m.Mapping(v)
}

// Pairs returns the key/value pairs of the mapping under key in file order;
// each value must be a scalar.
func (m *Map) Pairs(key string) [][2]string {
	sub := m.Sub(key)
	if sub == nil {
		return nil
	}
	var out [][2]string
	for _, k := range sub.keys {
		v := sub.values[k.Value]
		if v.Kind != yaml.ScalarNode {
			m.diags.Errorf(m.Pos(v), "%s.%s: want text, got %s", key, k.Value, kindName(v))
			continue
		}
		out = append(out, [2]string{strings.TrimSpace(k.Value), strings.TrimSpace(v.Value)})
	}
	return out
}

// List returns the mappings of the sequence under key.
func (m *Map) List(key string) []*Map {
	v, ok := m.values[key]
	if !ok || isNull(v) {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		m.diags.Errorf(m.Pos(v), "%s: want a list, got %s", key, kindName(v))
		return nil
	}
	var out []*Map
	for _, it := range v.Content {
		if it.Kind != yaml.MappingNode {
			m.diags.Errorf(m.Pos(it), "%s: want a mapping in the list, got %s", key, kindName(it))
			continue
		}
		out = append(out, m.Mapping(it))
	}
	return out
}

// Keys returns the mapping's keys in file order.
func (m *Map) Keys() []string {
	out := make([]string, len(m.keys))
	for i, k := range m.keys {
		out[i] = k.Value
	}
	return out
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

func kindName(n *yaml.Node) any {
	switch n.Kind {
	case yaml.MappingNode:
		return diag.Phrase("a mapping")
	case yaml.SequenceNode:
		return diag.Phrase("a list")
	case yaml.AliasNode:
		return diag.Phrase("an alias")
	}
	if n.Tag == "!!null" {
		return diag.Phrase("nothing")
	}
	return fmt.Sprintf("%q", n.Value)
}

// SyntaxError is YAML that does not parse, with the line the parser named.
type SyntaxError struct {
	Line int
	Msg  diag.Message
}

// Parse parses one YAML document; it returns nil for an empty one.
func Parse(data []byte) (*yaml.Node, *SyntaxError) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		line := 1 // the parser leaves out "line 1"
		if rest, ok := strings.CutPrefix(msg, "line "); ok {
			n, after, found := strings.Cut(rest, ": ")
			if l, err := strconv.Atoi(n); err == nil && found {
				line, msg = l, after
			}
		}
		if strings.Contains(msg, "mapping values are not allowed") {
			return nil, &SyntaxError{Line: line, Msg: diag.Msgf(`invalid YAML: %s (a value that contains ": " must be quoted: key: "…")`, diag.Phrase(msg))}
		}
		return nil, &SyntaxError{Line: line, Msg: diag.Msgf("invalid YAML: %s", diag.Phrase(msg))}
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	return &doc, nil
}
