// Package meta reads YAML mappings (site.yaml, front matter) into typed
// values, reporting each problem as a diagnostic at the key's or value's
// file position. It knows no content kind; the kinds' keys live in config
// and schema.
package meta

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/agnivade/levenshtein"
	"go.yaml.in/yaml/v3"

	"minhbach/internal/diag"
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

// Zone is Vietnam's time zone (UTC+7, no daylight saving): dates written
// without a zone are in it, and pages show dates in it (model.Zone is
// this one).
var Zone = time.FixedZone("ICT", 7*3600)

// New wraps node (a mapping, or nil for an empty one) read from path, whose
// line numbers are lineOff lines below the file's. start is where a missing
// key is reported. Duplicate keys are reported as errors.
func New(path string, lineOff int, start diag.Pos, node *yaml.Node, d *diag.List) *Map {
	if node != nil && node.Kind == yaml.DocumentNode && len(node.Content) > 0 {
		node = node.Content[0]
	}
	m := &Map{path: path, lineOff: lineOff, start: start, node: node, diags: d}
	if node == nil || node.Kind != yaml.MappingNode {
		m.values = map[string]*yaml.Node{}
	} else {
		m.values = make(map[string]*yaml.Node, len(node.Content)/2)
		m.keys = make([]*yaml.Node, 0, len(node.Content)/2)
	}
	if node == nil {
		return m
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

// IsMapping reports whether the value of key is a mapping.
func (m *Map) IsMapping(key string) bool {
	v, ok := m.values[key]
	return ok && v.Kind == yaml.MappingNode
}

// Node returns the value node of key, or nil.
func (m *Map) Node(key string) *yaml.Node { return m.values[key] }

// CheckKeys reports every key not in known, naming the closest known key,
// as an error or a warning as sev says: legal data (gazette, procedures)
// must not publish with a misspelt key, a news item may.
func (m *Map) CheckKeys(known []string, sev diag.Severity) {
	for _, k := range m.keys {
		if slices.Contains(known, k.Value) {
			continue
		}
		s := Suggest(k.Value, known)
		switch {
		case s != "" && sev == diag.Error:
			m.diags.Errorf(m.Pos(k), "unknown key %q (did you mean %q?)", k.Value, s)
		case s != "":
			m.diags.Warnf(m.Pos(k), "unknown key %q (did you mean %q?)", k.Value, s)
		case sev == diag.Error:
			m.diags.Errorf(m.Pos(k), "unknown key %q (known keys: %s)", k.Value, strings.Join(known, ", "))
		default:
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
// required key that is missing or empty, and a value of another shape.
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
	if required && strings.TrimSpace(v.Value) == "" {
		m.diags.Errorf(m.Pos(v), "%s is empty: fill it in, it is required", key)
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
	return strings.TrimSpace(v.Value)
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
//
// A value wholly wrapped in curly quotes (“…” or ‘…’, as Word types them)
// is read as if the quotes were straight: the text inside is the value.
// Curly quotes elsewhere in a value are text.
func Parse(data []byte) (*yaml.Node, *SyntaxError) {
	// A line the parser rejects may hold a value wrapped in curly quotes
	// that holds ": "; so may a line it reads as a mapping ("- “a: b”").
	// Straighten that line's quotes and parse again, once a line.
	doc, serr := parse(data)
	for tried := map[[2]int]bool{}; ; {
		var at [2]int // line, and column (0: the value ending the line)
		if serr != nil {
			at[0] = serr.Line
		} else if doc != nil {
			at = colonInCurly(doc)
		}
		if at[0] <= 0 || tried[at] {
			break
		}
		tried[at] = true
		fixed, ok := straighten(data, at[0], at[1])
		if !ok {
			break
		}
		d, e := parse(fixed)
		if e != nil && e.Line == at[0] {
			break // straightening did not help: report the line as written
		}
		data, doc, serr = fixed, d, e
	}
	if serr != nil {
		msg := diag.Phrase(serr.Msg)
		colon := strings.Contains(serr.Msg, "mapping values are not allowed")
		hasCurly := curly.Match(line(data, serr.Line))
		var m diag.Message
		switch {
		case colon && hasCurly:
			m = diag.Msgf(`invalid YAML: %s (a value that contains ": " must be quoted, with straight quotes "…" around the whole value: curly quotes “ ” inside a value are text, not quotes)`, msg)
		case colon:
			m = diag.Msgf(`invalid YAML: %s (a value that contains ": " must be quoted: key: "…")`, msg)
		case hasCurly:
			m = diag.Msgf(`invalid YAML: %s (curly quotes “ ” inside a value are text, not quotes: put straight quotes "…" around the whole value)`, msg)
		default:
			m = diag.Msgf("invalid YAML: %s", msg)
		}
		return nil, &SyntaxError{Line: serr.Line, Msg: m}
	}
	if doc != nil {
		unwrap(doc)
	}
	return doc, nil
}

// rawError is the parser's own message and line.
type rawError struct {
	Line int
	Msg  string
}

func parse(data []byte) (*yaml.Node, *rawError) {
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
		return nil, &rawError{Line: line, Msg: msg}
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	return &doc, nil
}

// curly matches a line holding a curly quote.
var curly = regexp.MustCompile(`[“”‘’]`)

// curlyValue matches a line "key: “value”" or "- “value”".
var curlyValue = regexp.MustCompile(`^([ \t]*(?:-[ \t]+)?(?:[A-Za-z_][A-Za-z0-9_]*[ \t]*:[ \t]+)?)(“.*”|‘.*’)[ \t]*$`)

// span returns the byte offsets of line n (from 1) of data, without its
// line end; start > end when data has fewer lines.
func span(data []byte, n int) (start, end int) {
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(data[start:], '\n')
		if j < 0 {
			return 1, 0
		}
		start += j + 1
	}
	end = len(data)
	if j := bytes.IndexByte(data[start:], '\n'); j >= 0 {
		end = start + j
	}
	return start, end
}

// line returns line n (from 1) of data.
func line(data []byte, n int) []byte {
	start, end := span(data, n)
	if start > end {
		return nil
	}
	return data[start:end]
}

// straighten returns data with the curly quotes around a value on line n
// made straight, escaping what the value holds: the value that begins at
// rune column col, or when col is 0 the value that ends the line. It
// returns false when there is no value wholly wrapped in curly quotes
// there. Lines keep their numbers.
func straighten(data []byte, n, col int) ([]byte, bool) {
	start, end := span(data, n)
	if start > end {
		return nil, false
	}
	l := string(data[start:end])
	var from, to int // the value, in l
	if col == 0 {
		m := curlyValue.FindStringSubmatchIndex(l)
		if m == nil {
			return nil, false
		}
		from, to = m[4], m[5]
	} else {
		from = len(l)
		for i := range l { // i is the byte offset of the rune at column c
			if col--; col == 0 {
				from = i
				break
			}
		}
		// The shortest text from there that is wrapped.
		for i := from + 1; i <= len(l); i++ {
			if _, ok := wrapped(l[from:i]); ok {
				to = i
				break
			}
		}
	}
	inner, ok := wrapped(l[from:to])
	if !ok {
		return nil, false
	}
	var v string
	if strings.HasPrefix(l[from:], "“") {
		v = `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(inner) + `"`
	} else {
		v = "'" + strings.ReplaceAll(inner, "'", "''") + "'"
	}
	out := make([]byte, 0, len(data)+len(v))
	out = append(out, data[:start+from]...)
	out = append(out, v...)
	return append(out, data[start+to:]...), true
}

// wrapped returns the text inside s when s is wholly wrapped in one pair
// of curly quotes, “…” or ‘…’: the opening quote is closed by the last
// one, not earlier (“A” và “B” is not wrapped).
func wrapped(s string) (string, bool) {
	for _, q := range [][2]string{{"“", "”"}, {"‘", "’"}} {
		inner, ok := strings.CutPrefix(s, q[0])
		if !ok {
			continue
		}
		inner, ok = strings.CutSuffix(inner, q[1])
		if !ok {
			return "", false
		}
		depth := 0
		for _, r := range inner {
			switch string(r) {
			case q[0]:
				depth++
			case q[1]:
				depth--
			}
			if depth < 0 {
				return "", false
			}
		}
		return inner, true
	}
	return "", false
}

// colonInCurly returns the line and column of a mapping key that opens a
// curly quote its value on the same line closes (“a: b” read as a
// mapping), or zeros.
func colonInCurly(n *yaml.Node) [2]int {
	switch n.Kind {
	case yaml.DocumentNode, yaml.SequenceNode:
		for _, c := range n.Content {
			if at := colonInCurly(c); at[0] > 0 {
				return at
			}
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind == yaml.ScalarNode && k.Style == 0 && v.Kind == yaml.ScalarNode && v.Style == 0 && k.Line == v.Line &&
				(strings.HasPrefix(k.Value, "“") && strings.HasSuffix(v.Value, "”") || strings.HasPrefix(k.Value, "‘") && strings.HasSuffix(v.Value, "’")) {
				return [2]int{k.Line, k.Column}
			}
			if at := colonInCurly(v); at[0] > 0 {
				return at
			}
		}
	}
	return [2]int{}
}

// unwrap reads every plain value under n that is wholly wrapped in curly
// quotes as the text inside them. Keys are left as written.
func unwrap(n *yaml.Node) {
	switch n.Kind {
	case yaml.DocumentNode, yaml.SequenceNode:
		for _, c := range n.Content {
			unwrap(c)
		}
	case yaml.MappingNode:
		for i := 1; i < len(n.Content); i += 2 {
			unwrap(n.Content[i])
		}
	case yaml.ScalarNode:
		if n.Style != 0 {
			return
		}
		if inner, ok := wrapped(n.Value); ok {
			n.Value, n.Tag, n.Style = inner, "!!str", yaml.DoubleQuotedStyle
		}
	}
}
