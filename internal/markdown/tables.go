package markdown

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// tableBoxKind is a box around a table that scrolls sideways on its own,
// so that a wide table never makes the whole page scroll on a phone
// (WCAG 1.4.10, reflow). The box is a labelled region that takes the
// keyboard focus, so that it can be scrolled without a mouse: the pattern
// of https://adrianroselli.com/2020/11/under-engineered-responsive-tables.html.
var tableBoxKind = ast.NewNodeKind("TableBox")

type tableBox struct {
	ast.BaseBlock
	label string
}

func (b *tableBox) Kind() ast.NodeKind { return tableBoxKind }

func (b *tableBox) Dump(src []byte, level int) {
	ast.DumpHelper(b, src, level, map[string]string{"label": b.label}, nil)
}

// tableTransformer puts each table in a tableBox labelled "Bảng N", with
// the text of the heading above it when there is one: "Bảng 2 – Số liệu".
type tableTransformer struct{}

func (tableTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	type found struct {
		table   *east.Table
		heading string
	}
	var tables []found
	heading := ""
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := n.(type) {
		case *ast.Heading:
			heading = strings.Join(strings.Fields(inlineText(t, src)), " ")
			return ast.WalkSkipChildren, nil
		case *east.Table:
			tables = append(tables, found{t, heading})
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for i, f := range tables {
		label := "Bảng " + strconv.Itoa(i+1)
		if f.heading != "" {
			label += " – " + f.heading
		}
		box := &tableBox{label: label}
		parent := f.table.Parent()
		parent.ReplaceChild(parent, f.table, box)
		box.AppendChild(box, f.table)
	}
}

// inlineText returns the text of a node's inline children.
func inlineText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch t := n.(type) {
			case *ast.Text:
				b.Write(t.Value(src))
				if t.SoftLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(t.Value)
			}
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

type tableBoxRenderer struct{}

func (tableBoxRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(tableBoxKind, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(`<div class="table-box" role="region" tabindex="0" aria-label="`)
			_, _ = w.Write(util.EscapeHTML([]byte(n.(*tableBox).label)))
			_, _ = w.WriteString("\">\n")
			return ast.WalkContinue, nil
		}
		_, _ = w.WriteString("</div>\n")
		return ast.WalkContinue, nil
	})
}
