package source

import (
	"bytes"
	"encoding/csv"
	"io"
	"path"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"minhbach/internal/diag"
)

// Statistics is the section of dossier statistics (thống kê giải quyết hồ
// sơ thủ tục hành chính): CSV sheets only, one row a period and an agency
// or field. It is not in Kinds, which lists the sections of Markdown
// files.
const Statistics Kind = "statistics"

// IsSheet reports whether p is a statistics sheet: a CSV file under
// content/statistics/.
func IsSheet(p string) bool {
	return strings.HasPrefix(p, ContentDir+"/"+string(Statistics)+"/") && path.Ext(p) == ".csv"
}

// ParseSheet splits the statistics sheet at p into one Doc a row, whose
// keys are the header's column names. Unlike a procedure catalogue's, every
// position names the file's line and the cell's column (in letters, as an
// editor counts them), so that a figure can be found in a text editor as
// in a spreadsheet. Blank rows are skipped.
func ParseSheet(p string, data []byte) ([]Doc, diag.List) {
	data, d := Clean(p, data)
	if d.HasErrors() {
		return nil, d
	}
	first, _, _ := bytes.Cut(data, []byte("\n"))
	if !bytes.Contains(first, []byte(",")) && bytes.Contains(first, []byte(";")) {
		d.Errorf(diag.Pos{Path: p, Line: 1, Col: 1}, `the cells are separated by ";": save the sheet as "CSV UTF-8 (comma delimited)" so that cells are separated by ","`)
		return nil, d
	}
	lines := bytes.Split(data, []byte("\n"))
	// col turns encoding/csv's byte column into a letter column.
	col := func(line, byteCol int) int {
		if line < 1 || line > len(lines) || byteCol < 1 {
			return byteCol
		}
		l := lines[line-1]
		return utf8.RuneCount(l[:min(byteCol-1, len(l))]) + 1
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err == io.EOF {
		d.Warnf(diag.Pos{Path: p}, "empty sheet: write a header row of keys (period,agency,received,…) and one row a period")
		return nil, d
	}
	if err != nil {
		d.Error(diag.Pos{Path: p, Line: 1, Col: 1}, csvError(err))
		return nil, d
	}
	keys := make([]*yaml.Node, len(header))
	seen := map[string]bool{}
	for i, h := range header {
		l, c := r.FieldPos(i)
		h = strings.TrimSpace(h)
		pos := diag.Pos{Path: p, Line: l, Col: col(l, c)}
		switch {
		case h == "":
			d.Errorf(pos, "column %d has no name in the header row: name it with a key or delete it", i+1)
		case seen[h]:
			d.Errorf(pos, "column %q appears twice in the header row", h)
		default:
			keys[i] = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: h, Line: pos.Line, Column: pos.Col}
		}
		seen[h] = true
	}
	if d.HasErrors() {
		return nil, d
	}
	var docs []Doc
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			line := 0
			if pe, ok := err.(*csv.ParseError); ok {
				line = pe.StartLine
			}
			d.Error(diag.Pos{Path: p, Line: line}, csvError(err))
			break
		}
		if blank(rec) {
			continue
		}
		line, _ := r.FieldPos(0)
		start := diag.Pos{Path: p, Line: line, Col: 1}
		if len(rec) > len(header) && !blank(rec[len(header):]) {
			d.Errorf(start, "row has %d cells but the header names %d columns: quote a cell that contains a comma (\"…, …\")", len(rec), len(header))
			continue
		}
		m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: line, Column: 1}
		for i, k := range keys {
			v := ""
			l, c := line, 1
			if i < len(rec) {
				v = rec[i]
				l, c = r.FieldPos(i)
				c = col(l, c)
			}
			if strings.TrimSpace(v) == "" {
				m.Content = append(m.Content, k, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Line: l, Column: c})
				continue
			}
			m.Content = append(m.Content, k, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: strings.TrimSpace(v), Line: l, Column: c})
		}
		docs = append(docs, Doc{Path: p, Kind: Statistics, Meta: m, Start: start, KeysChecked: len(docs) > 0})
	}
	return docs, d
}
