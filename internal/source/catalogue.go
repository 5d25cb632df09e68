package source

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"go.yaml.in/yaml/v3"

	"minhbach/internal/diag"
)

// IsCatalogue reports whether p is a CSV or JSON catalogue: a file under
// content/procedures/ or content/projects/ holding one record a row or
// object. (The CSV files beside a budget entry are its tables, read by
// graph, not catalogues.)
func IsCatalogue(p string) bool {
	ext := path.Ext(p)
	k := KindOf(p)
	return (k == Procedure || k == Project) && (ext == ".csv" || ext == ".json")
}

// Cell says how a CSV cell of one column becomes a YAML value, so that a
// row decodes exactly as the same keys written in front matter would.
type Cell struct {
	// List splits the cell into items at ";".
	List bool
	// Parts, when set, splits each item at "|" into a mapping of these
	// keys, in order; missing trailing parts are left out.
	Parts []string
	// Flag is a key set to true in an item written with more than its
	// first part ("60/2014/QH13 | Luật Hộ tịch" is external).
	Flag string
}

// ParseCatalogue splits the catalogue at p into one Doc a procedure. A
// CSV row's keys come from the header row, its cells are read as cells
// says (columns not in cells are plain text), and positions name the row
// as a spreadsheet shows it (the header is row 1). A JSON catalogue is an
// array of objects; positions name line, column and JSON path.
func ParseCatalogue(p string, data []byte, cells map[string]Cell) ([]Doc, diag.List) {
	data, d := Clean(p, data)
	if d.HasErrors() {
		return nil, d
	}
	if path.Ext(p) == ".json" {
		return parseJSON(p, data)
	}
	return parseCSV(p, data, cells)
}

func parseCSV(p string, data []byte, cells map[string]Cell) ([]Doc, diag.List) {
	var d diag.List
	first, _, _ := bytes.Cut(data, []byte("\n"))
	if !bytes.Contains(first, []byte(",")) && bytes.Contains(first, []byte(";")) {
		d.Errorf(diag.Pos{Path: p, Line: 1}, `the cells are separated by ";": save the sheet as "CSV UTF-8 (comma delimited)" so that cells are separated by ","`)
		return nil, d
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err == io.EOF {
		d.Warnf(diag.Pos{Path: p}, "empty catalogue: write a header row of keys (code,title,field,…) and one row a procedure")
		return nil, d
	}
	if err != nil {
		d.Error(diag.Pos{Path: p, Line: 1}, csvError(err))
		return nil, d
	}
	keys := make([]*yaml.Node, len(header))
	seen := map[string]bool{}
	for i, h := range header {
		h = strings.TrimSpace(h)
		switch {
		case h == "":
			d.Errorf(diag.Pos{Path: p, Line: 1}, "column %d has no name in the header row: name it with a key or delete it", i+1)
		case seen[h]:
			d.Errorf(diag.Pos{Path: p, Line: 1}, "column %q appears twice in the header row", h)
		default:
			keys[i] = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: h, Line: 1}
		}
		seen[h] = true
	}
	if d.HasErrors() {
		return nil, d
	}
	var docs []Doc
	for row := 2; ; row++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			d.Error(diag.Pos{Path: p, Line: row}, csvError(err))
			break
		}
		if blank(rec) {
			continue
		}
		if len(rec) > len(header) && !blank(rec[len(header):]) {
			d.Errorf(diag.Pos{Path: p, Line: row}, "row has %d cells but the header names %d columns: quote a cell that contains a comma (\"…, …\")", len(rec), len(header))
			continue
		}
		// Every column becomes a key, an empty cell a null value, so that
		// the first row's key check covers the whole header.
		m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: row}
		for i, k := range keys {
			v := ""
			if i < len(rec) {
				v = rec[i]
			}
			if strings.TrimSpace(v) == "" {
				m.Content = append(m.Content, k, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Line: row})
				continue
			}
			m.Content = append(m.Content, k, cellNode(v, row, cells[k.Value]))
		}
		docs = append(docs, Doc{Path: p, Kind: KindOf(p), Meta: m, Start: diag.Pos{Path: p, Line: row}, KeysChecked: len(docs) > 0})
	}
	return docs, d
}

func blank(rec []string) bool {
	for _, v := range rec {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// csvError words encoding/csv's errors for staff.
func csvError(err error) diag.Message {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(pe.Err, csv.ErrBareQuote):
			return diag.Msgf(`a cell holds a quote (") but does not begin with one: put the whole cell in quotes and double the quotes inside ("Mẫu ""01""")`)
		case errors.Is(pe.Err, csv.ErrQuote):
			return diag.Msgf(`a quoted cell is not closed (from line %d of the file): add the closing quote (")`, pe.StartLine)
		}
		return diag.Msgf("cannot read the sheet: %v", pe.Err)
	}
	return diag.Msgf("cannot read the sheet: %v", err)
}

func str(v string, line int) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: strings.TrimSpace(v), Line: line}
}

// cellNode turns one CSV cell into the YAML value its column expects.
func cellNode(v string, line int, c Cell) *yaml.Node {
	if !c.List && c.Parts == nil {
		return str(v, line)
	}
	items := []string{v}
	if c.List {
		items = strings.Split(v, ";")
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: line}
	for _, it := range items {
		if strings.TrimSpace(it) == "" {
			continue
		}
		seq.Content = append(seq.Content, itemNode(it, line, c))
	}
	if !c.List && len(seq.Content) == 1 {
		return seq.Content[0]
	}
	return seq
}

func itemNode(it string, line int, c Cell) *yaml.Node {
	if c.Parts == nil {
		return str(it, line)
	}
	parts := strings.Split(it, "|")
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: line}
	for i, part := range parts {
		key := fmt.Sprintf("part%d", i+1) // reported as an unknown key
		if i < len(c.Parts) {
			key = c.Parts[i]
		}
		if strings.TrimSpace(part) == "" {
			continue
		}
		m.Content = append(m.Content, str(key, line), str(part, line))
	}
	if c.Flag != "" && len(parts) > 1 {
		m.Content = append(m.Content, str(c.Flag, line), &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true", Line: line})
	}
	return m
}

// parseJSON reads a JSON array of objects, keeping every node's line,
// column and JSON path.
func parseJSON(p string, data []byte) ([]Doc, diag.List) {
	var d diag.List
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line, col := diag.LineCol(data, int(se.Offset)-1)
			d.Errorf(diag.Pos{Path: p, Line: line, Col: col}, "invalid JSON: %s", se.Error())
		} else {
			d.Errorf(diag.Pos{Path: p}, "invalid JSON: %v", err)
		}
		return nil, d
	}
	// JSON is YAML: the YAML parser gives the same values with positions.
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		d.Errorf(diag.Pos{Path: p}, "cannot read this JSON: %v", err)
		return nil, d
	}
	if len(doc.Content) == 0 {
		return nil, d
	}
	root := doc.Content[0]
	if root.Kind != yaml.SequenceNode {
		d.Errorf(diag.Pos{Path: p, Line: root.Line, Col: root.Column, Ref: "$"}, "want an array of procedures: [{\"code\": …}, …]")
		return nil, d
	}
	refs := map[*yaml.Node]string{}
	name(root, "$", refs)
	var docs []Doc
	for _, obj := range root.Content {
		pos := diag.Pos{Path: p, Line: obj.Line, Col: obj.Column, Ref: refs[obj]}
		if obj.Kind != yaml.MappingNode {
			d.Errorf(pos, "want an object {\"code\": …, \"title\": …}")
			continue
		}
		docs = append(docs, Doc{Path: p, Kind: KindOf(p), Meta: obj, Start: pos, Refs: refs})
	}
	return docs, d
}

// name records the JSON path of n and every node below it.
func name(n *yaml.Node, at string, refs map[*yaml.Node]string) {
	refs[n] = at
	switch n.Kind {
	case yaml.SequenceNode:
		for i, c := range n.Content {
			name(c, fmt.Sprintf("%s[%d]", at, i), refs)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := at + "." + n.Content[i].Value
			refs[n.Content[i]] = k
			name(n.Content[i+1], k, refs)
		}
	}
}
