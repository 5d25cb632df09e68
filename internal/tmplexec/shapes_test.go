package tmplexec

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"testing"
	"time"
	"unicode"
)

// The shape fuzzers build templates (from a small grammar, or raw text),
// let html/template parse and escape them, and run each through a Set on
// a few rich values, against html/template: output and errors must be
// the same.

// shapeData are the values each template runs on, in order: the first
// compiles the program, the others run it (each twice) with other types
// and values at the same fields.
func shapeData() []any {
	o := richData()
	o.I64 = 40 // ranged over
	m := map[string]any{
		"Name": "map <name>", "S": []any{"x", 2, nil}, "M": map[string]any{"a": "ma"}, "NilP": nil,
		"HTML": template.HTML("<u>m</u>"), "Any": o, "I8": int8(3), "NS": status("mns"), "URL": "/m?a=b",
	}
	v := *o
	v.Name, v.S, v.M = "value", nil, nil
	return []any{o, m, v, o, nil, (*Outer)(nil)}
}

// checkShape runs src as described above; it skips sources html/template
// does not parse, or fails to execute the first time.
func checkShape(t *testing.T, src string) {
	t.Helper()
	tmpl, err := template.New("t").Funcs(funcs()).Parse(src)
	if err != nil {
		t.Skip()
	}
	if _, err := tmpl.New("p").Parse(`<i>{{.}}</i>`); err != nil {
		t.Skip()
	}
	if _, err := tmpl.New("q").Parse(`{{$x := .}}{{range $i, $e := .}}{{$i}}:{{$e}}{{template "p" $x}};{{else}}none{{end}}{{$}}`); err != nil {
		t.Skip()
	}
	s := New(tmpl, funcs())
	data := shapeData()
	first := -1
	for i, d := range data {
		var b bytes.Buffer
		if err := s.Execute(&b, "t", d); err == nil {
			first = i
			break
		}
	}
	if first < 0 {
		t.Skip()
	}
	for i, d := range data {
		for range 2 {
			var got, want bytes.Buffer
			err := s.Execute(&got, "t", d)
			werr := tmpl.ExecuteTemplate(&want, "t", d)
			switch {
			case (err == nil) != (werr == nil):
				t.Fatalf("%q on data %d: error %v, html/template %v", src, i, err, werr)
			case err != nil && err.Error() != werr.Error():
				t.Fatalf("%q on data %d: error %v, html/template %v", src, i, err, werr)
			case err == nil && got.String() != want.String():
				t.Fatalf("%q on data %d:\n got %q\nwant %q", src, i, got.String(), want.String())
			}
		}
	}
}

// tooSlow rejects sources html/template may take long on: ranges over
// large integers, many nested ranges.
func tooSlow(src string) bool {
	if len(src) > 600 || strings.Count(src, "range") > 3 {
		return true
	}
	digits := 0
	for _, r := range src {
		if unicode.IsDigit(r) {
			if digits++; digits > 2 {
				return true
			}
		} else {
			digits = 0
		}
	}
	return false
}

// shapes turns bytes into a template source: each byte chooses the next
// piece.
type shapes struct {
	in   []byte
	out  strings.Builder
	vars []string
	loop int // depth of ranges, for break and continue
}

func (g *shapes) next(n int) int {
	if len(g.in) == 0 {
		return 0
	}
	c := int(g.in[0])
	g.in = g.in[1:]
	return c % n
}

// shapeContexts are the places an action prints into: %s is the action.
var shapeContexts = []string{"%s", "<p>%s</p>", `<a href="%s">`, `<a title="%s">`, `<a title=%s>`, `<a href=%s>`, `<img srcset="%s">`,
	`<a href="/q?a=%s&amp;b=1">`, `<a href="/%s/x">`, "<textarea>%s</textarea>", "<title>%s</title>", "<script>var x = %s;</script>",
	`<script type="application/ld+json">%s</script>`, "<!-- %s -->", "<p %s>", `<input %s="v">`, `<p style="color: %s">`,
	`<a onclick="f(%s)">`, `<a href='%s'>`, `<img srcset=%s>`, `<a href="%s#x">`, `<a href="mailto:%s">`}

var shapeFields = []string{"Name", "NS", "PNS", "PS", "PSv", "PE", "PEv", "VS", "PVS", "Bytes", "I8", "U16", "I64", "U", "F32", "C", "Err", "Str",
	"Any", "AnyNP", "NilP", "NilM", "M", "MA", "MI", "MU", "MN", "MAny", "S", "SA", "Arr", "HTML", "PHTML", "URL", "JS", "JSStr", "CSS",
	"Attr", "PAttr", "Src", "BName", "BMethod", "BPMethod", "IName", "IMethod", "Base", "Inner", "Nilsafe", "RV", "BPtr"}

// shapeSubs are names after the first: fields of the values above, map
// keys, and names that are missing.
var shapeSubs = []string{"a", "b", "x", "n", "h", "z", "Name", "BName", "IName", "Nilsafe", "String", "Error", "k"}

// shapeCalls are functions with as many operands (%s) as they take.
var shapeCalls = []string{"and %s %s", "or %s %s", "and %s %s %s", "or %s %s %s", "not %s", "len %s", "index %s %s", "index %s 1",
	`index %s "a"`, "eq %s %s", "eq %s %s %s", "ne %s %s", "lt %s %s", "le %s 1", "gt %s %s", "ge %s 1.5", "print %s", "print %s %s",
	`printf "%%v|%%s" %s %s`, "println %s", "relURL %s", "cut 3 %s", "add 1 %s", `T "k" %s`, `label "l" %s`, `item "i" %s`,
	`dict "a" %s "b" %s`, `pair %s 2`, "slice %s 1", "html %s", "urlquery %s", "js %s", "len %s", "not %s",
	`.Join "-" %s`, `.Join %s`, `$.Join "-" %s %s`, ".Pick %s", ".Pick 1", "$.Pick 0", ".Base.BMethod %s"}

// shapeFinals are functions a pipeline's value may go on to.
var shapeFinals = []string{".Join \"-\"", ".Pick", "print", "len", "not", `printf "%v"`, "and 1", "or 0", "and .Name", "or .NilP", "relURL", "cut 3", "add 1",
	`T "k"`, "eq 1", `eq "x" .Name`, "html", "urlquery", `index .M`, `item "i"`, "println"}

func (g *shapes) field() string {
	s := "." + shapeFields[g.next(len(shapeFields))]
	if g.next(4) == 0 {
		s += "." + shapeSubs[g.next(len(shapeSubs))]
	}
	return s
}

func (g *shapes) operand(depth int) string {
	switch g.next(14) {
	case 0:
		return "."
	case 1, 2, 3, 4:
		return g.field()
	case 5:
		if len(g.vars) > 0 {
			v := g.vars[g.next(len(g.vars))]
			if g.next(3) == 0 {
				return v + "." + shapeSubs[g.next(len(shapeSubs))]
			}
			return v
		}
		return "$"
	case 6:
		return []string{`"s"`, `""`, "1", "0", "-2", "1.5", "true", "false", "nil", "'a'", "0x1f", `"a"`}[g.next(12)]
	case 7, 8:
		if depth < 2 {
			return "(" + g.pipeline(depth+1) + ")"
		}
	case 9:
		if depth < 2 {
			return "(" + g.pipeline(depth+1) + ")." + shapeSubs[g.next(len(shapeSubs))]
		}
	case 10:
		return "$" + g.field()
	}
	return g.field()
}

func (g *shapes) command(depth int) string {
	if g.next(2) == 0 {
		return g.operand(depth)
	}
	c := shapeCalls[g.next(len(shapeCalls))]
	var args []any
	for range strings.Count(c, "%s") {
		args = append(args, g.operand(depth))
	}
	return fmt.Sprintf(c, args...)
}

func (g *shapes) pipeline(depth int) string {
	s := g.command(depth)
	if g.next(4) == 0 {
		s += " | " + shapeFinals[g.next(len(shapeFinals))]
	}
	return s
}

func (g *shapes) declare(kw string) string {
	switch g.next(4) {
	case 0:
		v := "$v" + string(rune('a'+len(g.vars)))
		g.vars = append(g.vars, v)
		return v + " := "
	case 1:
		if len(g.vars) > 0 {
			return g.vars[g.next(len(g.vars))] + " = "
		}
	case 2:
		if kw == "range" {
			a, b := "$i"+string(rune('a'+len(g.vars))), "$e"+string(rune('a'+len(g.vars)))
			g.vars = append(g.vars, a, b)
			return a + ", " + b + " := "
		}
		if len(g.vars) > 1 && kw == "range" {
			return g.vars[0] + ", " + g.vars[1] + " = "
		}
	}
	return ""
}

func (g *shapes) list(depth int) {
	for range g.next(3) + 1 {
		if len(g.in) == 0 {
			return
		}
		g.item(depth)
	}
}

func (g *shapes) item(depth int) {
	mark := len(g.vars)
	switch g.next(10) {
	case 0, 1, 2, 3:
		fmt.Fprintf(&g.out, shapeContexts[g.next(len(shapeContexts))], "{{"+g.pipeline(0)+"}}")
	case 4:
		d := g.declare("")
		g.out.WriteString("{{" + d + g.pipeline(0) + "}}")
		return // the variable stays in scope
	case 5, 6:
		if depth > 2 {
			return
		}
		kw := []string{"if", "with", "range"}[g.next(3)]
		g.out.WriteString("{{" + kw + " " + g.declare(kw) + g.pipeline(0) + "}}")
		if kw == "range" {
			g.loop++
		}
		g.list(depth + 1)
		if kw == "range" {
			g.loop--
		}
		switch g.next(3) {
		case 0:
			g.out.WriteString("{{else}}")
			g.list(depth + 1)
		case 1:
			if kw != "range" {
				g.out.WriteString("{{else " + kw + " " + g.pipeline(0) + "}}")
				g.list(depth + 1)
			}
		}
		g.out.WriteString("{{end}}")
	case 7:
		if g.loop > 0 {
			g.out.WriteString([]string{"{{break}}", "{{continue}}"}[g.next(2)])
		} else {
			g.out.WriteString("<b>x</b>")
		}
	case 8:
		switch g.next(4) {
		case 3:
			g.out.WriteString(`{{template "q" ` + g.pipeline(0) + `}}`)
		case 0:
			g.out.WriteString(`{{template "p"}}`)
		case 1:
			g.out.WriteString(`{{template "p" ` + g.pipeline(0) + `}}`)
		case 2:
			g.out.WriteString(`{{block "b` + string(rune('a'+g.next(3))) + `" ` + g.operand(0) + `}}`)
			g.list(depth + 1)
			g.out.WriteString(`{{end}}`)
		}
	case 9:
		g.out.WriteString("{{/* c */}}")
	}
	g.vars = g.vars[:mark]
}

// shapeSource is the template the bytes choose.
func shapeSource(in []byte) string {
	g := &shapes{in: in}
	for len(g.in) > 0 {
		g.list(0)
	}
	return g.out.String()
}

// FuzzTemplateShapes runs templates made of the grammar above.
func FuzzTemplateShapes(f *testing.F) {
	for _, s := range []string{"", "\x02\x00", "\x05\x02\x01\x03\x02\x00\x01", "\x06\x00\x00\x01\x04\x02\x04\x07\x00",
		"\x05\x01\x01\x02\x01\x02\x05\x01", "\x06\x02\x02\x01\x05\x03\x02\x07\x01\x01", "\x08\x01\x02\x01\x05"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		src := shapeSource(in)
		if tooSlow(src) {
			t.Skip()
		}
		defer time.AfterFunc(10*time.Second, func() { panic(fmt.Sprintf("slow: %q", src)) }).Stop()
		checkShape(t, src)
	})
}

// FuzzTemplateSource runs raw template sources.
func FuzzTemplateSource(f *testing.F) {
	for _, src := range layouts {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if tooSlow(src) {
			t.Skip()
		}
		checkShape(t, src)
	})
}

func TestShapeSources(t *testing.T) {
	for i := range shapeRuns {
		in := make([]byte, 40)
		x := uint32(i*2654435761 + 1)
		for j := range in {
			x ^= x << 13
			x ^= x >> 17
			x ^= x << 5
			in[j] = byte(x)
		}
		src := shapeSource(in)
		if tooSlow(src) {
			continue
		}
		t.Run("", func(t *testing.T) { checkShape(t, src) })
	}
}

var shapeRuns = 2000
