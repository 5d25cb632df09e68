package tmplexec

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"testing"
)

// Values of the kinds the package must print as html/template does.

type pstr string

func (p *pstr) String() string { return "ptr:" + string(*p) }

type perr struct{ msg string }

func (e *perr) Error() string { return "err:" + e.msg }

type vstr struct{ s string }

func (v vstr) String() string { return "val:" + v.s }

type Base struct {
	BName string
	BPtr  *string
}

func (b Base) BMethod() string   { return "bm:" + b.BName }
func (b *Base) BPMethod() string { return "bpm:" + b.BName }

type Outer struct {
	Base
	*Inner
	Name  string
	NS    status
	PNS   *status
	PS    *pstr
	PSv   pstr
	PE    *perr
	PEv   perr
	VS    vstr
	PVS   *vstr
	Bytes []byte
	I8    int8
	U16   uint16
	I64   int64
	U     uint
	F32   float32
	C     complex128
	Err   error
	Str   fmt.Stringer
	Any   any
	AnyNP any
	NilP  *Outer
	NilM  map[string]int
	M     map[string]int
	MA    map[string]any
	MI    map[int]string
	MU    map[uint8]string
	MN    map[status]string
	MAny  map[any]string
	S     []string
	SA    []any
	Arr   [2]int
	Fn    func() string
	HTML  template.HTML
	PHTML *template.HTML
	URL   template.URL
	JS    template.JS
	JSStr template.JSStr
	CSS   template.CSS
	Attr  template.HTMLAttr
	PAttr *template.HTMLAttr
	Src   template.Srcset
	RV    reflect.Value
	Ch    chan int
}

type Inner struct{ IName string }

func (i *Inner) IMethod() string { return "im:" + i.IName }

// Join takes a fixed and a variadic argument.
func (o Outer) Join(sep string, parts ...string) string {
	return o.Name + sep + strings.Join(parts, sep)
}

// Pick returns an element of S, or fails.
func (o *Outer) Pick(i int) (any, error) {
	if i < 0 || i >= len(o.S) {
		return nil, fmt.Errorf("no element %d", i)
	}
	return o.S[i], nil
}

func (o *Outer) Nilsafe() string {
	if o == nil {
		return "nil-outer"
	}
	return "outer"
}

// richData returns an Outer with every field set, but the nil ones.
func richData() *Outer {
	s := "str"
	ns := status("ns")
	ps := pstr("ps")
	h := template.HTML("<b>h</b>")
	at := template.HTMLAttr(`data-x="1"`)
	return &Outer{
		Base:  Base{BName: "base", BPtr: &s},
		Inner: &Inner{IName: "inner"},
		Name:  "outer <&>", NS: "ns", PNS: &ns, PS: &ps, PSv: "psv", PE: &perr{"pe"}, PEv: perr{"pev"},
		VS: vstr{"vs"}, PVS: &vstr{"pvs"}, Bytes: []byte("ab<"), I8: -8, U16: 16, I64: 1 << 40, U: 7, F32: 1.5, C: 2 + 3i,
		Err: errors.New("e<rr"), Str: status("st"), Any: 42, AnyNP: (*Outer)(nil),
		M: map[string]int{"a": 1, "b": 2}, MA: map[string]any{"x": "y", "n": nil, "h": template.HTML("<i>")},
		MI: map[int]string{3: "c", -1: "a", 2: "b"}, MU: map[uint8]string{2: "b", 1: "a"}, MN: map[status]string{"b": "2", "a": "1"},
		MAny: map[any]string{"k": "v"},
		S:    []string{"a", "b", "c"}, SA: []any{1, "two", nil, 3.5}, Arr: [2]int{4, 5},
		Fn: func() string { return "fn" }, HTML: h, PHTML: &h, URL: "javascript:ok()", JS: "alert(1)", JSStr: `a"b`,
		CSS: "color:red", Attr: at, PAttr: &at, Src: "a.jpg 1x, javascript:x 2x", RV: reflect.ValueOf(3),
	}
}

// matchBoth runs src on each of data twice through a Set (the first run
// by html/template, which compiles the program, the next by the program)
// and compares output and errors with html/template's.
func matchBoth(t *testing.T, src string, data ...any) {
	t.Helper()
	tmpl, err := template.New("t").Funcs(funcs()).Parse(src)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	s := New(tmpl, funcs())
	Verify.Store(true)
	defer Verify.Store(false)
	for i, d := range data {
		for range 2 {
			var b bytes.Buffer
			err := s.Execute(&b, "t", d)
			var want bytes.Buffer
			werr := tmpl.ExecuteTemplate(&want, "t", d)
			if (err == nil) != (werr == nil) {
				t.Errorf("data %d: err %v, html/template %v", i, err, werr)
			} else if err == nil && b.String() != want.String() {
				t.Errorf("data %d:\n got %q\nwant %q", i, b.String(), want.String())
			}
		}
	}
}

// TestValueKinds prints values of many kinds, through fields, methods,
// embedded structs, maps and the built-in functions, in text and in
// attributes.
func TestValueKinds(t *testing.T) {
	cases := map[string]string{
		"kinds":      `{{.NS}} {{.PNS}} {{.PS}} {{.PSv}} {{.PE}} {{.PEv}} {{.VS}} {{.PVS}} {{.Bytes}} {{.I8}} {{.U16}} {{.I64}} {{.U}} {{.F32}} {{.C}} {{.Err}} {{.Str}} {{.Any}} {{.AnyNP}} {{.NilP}} {{.NilM}} {{.Fn}} {{.Arr}} {{.RV}}`,
		"attrkinds":  `<a title="{{.NS}} {{.PNS}} {{.PS}} {{.PSv}} {{.PE}} {{.PEv}} {{.VS}} {{.PVS}} {{.Bytes}} {{.Err}} {{.Str}} {{.AnyNP}} {{.NilP}}">`,
		"typed":      `{{.HTML}} {{.PHTML}} {{.URL}} {{.JS}} {{.JSStr}} {{.CSS}} {{.Attr}} {{.PAttr}} {{.Src}}<a href="{{.URL}}" title="{{.PHTML}}">x</a><a href="/q?{{.URL}}&x={{.PS}}">y</a><img srcset="{{.Src}}"><img srcset="{{.URL}}"><p {{.Attr}}><p {{.PAttr}}>`,
		"embedded":   `{{.BName}} {{.BMethod}} {{.BPMethod}} {{.IName}} {{.IMethod}} {{.Base.BName}} {{.BPtr}}`,
		"nilsafe":    `{{.NilP.Nilsafe}}`,
		"maps":       `{{.M.a}} {{.M.z}} {{.NilM.a}} {{.MA.x}} {{.MA.n}} {{.MA.z}} {{.MAny.k}} {{index .M "z"}} {{index .NilM "a"}} {{index .MI 3}} {{index .MI 9}}`,
		"rangemaps":  `{{range $k, $v := .MI}}{{$k}}={{$v}};{{end}}{{range $k, $v := .MU}}{{$k}}={{$v}};{{end}}{{range $k, $v := .MN}}{{$k}}={{$v}};{{end}}{{range .NilM}}x{{else}}nil{{end}}`,
		"rangevars":  `{{range $i, $e := .S}}{{$i}}{{$e}}{{.}}{{end}}{{range $e := .S}}{{$e}}{{end}}{{$x := "o"}}{{range $x = .S}}{{$x}}{{end}}{{$x}}{{$i := 9}}{{$j := 8}}{{range $i, $j = .S}}{{$i}}{{$j}}{{end}}{{$i}}{{$j}}`,
		"rangeany":   `{{range .SA}}[{{.}}]{{end}}{{range $i, $v := .SA}}{{if $v}}{{$v}}{{else}}nil{{end}}{{end}}`,
		"scope":      `{{$x := 1}}{{if true}}{{$x := 2}}{{$x}}{{end}}{{$x}}{{with $y := .Name}}{{$y}}{{else}}{{$y}}{{end}}{{range $i, $v := .S}}{{$x = $i}}{{end}}{{$x}}`,
		"elsewith":   `{{with .NilM}}a{{else with .M}}{{.a}}{{else}}c{{end}}{{if .NilP}}a{{else if .Name}}{{.}}{{end}}`,
		"andor":      `{{and 1 "" .Name}} {{or 0 "" .NilP}} {{or .NilP .Name}} {{and .Name .M}} {{.Name | and 1}} {{.NilM | or 0}} {{or .MA.z "d"}} {{and .MA.z "d"}}`,
		"eq":         `{{eq .I8 -8}} {{eq .U16 16}} {{eq .I64 1 2}} {{eq .NS "ns"}} {{eq .Name "a" "outer <&>"}} {{ne .F32 1.5}} {{lt .I8 0}} {{eq .MA.x "y"}} {{eq .Any 42}}`,
		"index":      `{{index .S 1}} {{index .Arr 1}} {{index .SA 1}} {{index .MA "x"}} {{index .MA "zz"}} {{index . "Name"}}`,
		"len":        `{{len .S}} {{len .M}} {{len .NilM}} {{len .Name}} {{len .Bytes}}`,
		"print":      `{{print .NS .PS nil .Any}} {{printf "%v %s %d" .NS .Name .I8}} {{println .Err}} {{print .Bytes}} {{printf "%T" .Str}}`,
		"tmplnopipe": `{{define "x"}}[{{.}}|{{$}}]{{end}}{{template "x"}}{{template "x" .Name}}{{template "x" .NilP}}`,
		"recurse":    `{{define "r"}}{{if .}}{{index . 0}}{{template "r" (slice . 1)}}{{end}}{{end}}{{template "r" .S}}`,
		"block":      `{{block "b" .}}<b>{{.Name}}</b>{{end}}`,
		"breakcont":  `{{range $i, $e := .S}}{{if eq $i 1}}{{continue}}{{end}}{{$e}}{{if eq $e "c"}}{{break}}{{end}}{{end}}`,
		"chainfn":    `{{(index .SA 1)}} {{(.Base).BName}} {{($).Name}} {{(.).Name}}`,
		"methodsval": `{{.VS.String}} {{.PVS.String}} {{.PEv.Error}}`,
		"pipes":      `{{.Name | printf "%s!"}} {{"x" | printf "%s%s" "y"}} {{.S | len}}`,
		"number":     `{{1}} {{1.5}} {{0x10}} {{'a'}} {{1e3}} {{-0}} {{2i}}`,
		"nilcmp":     `{{if eq .NilP nil}}x{{end}}`,
		"dot":        `{{.}}`,
		"callScopes": `{{define "s"}}{{$x := 2}}{{$x}}{{$}}{{range $i, $e := .}}{{$i}}{{template "s2" $e}}{{$e}}{{end}}{{end}}` +
			`{{define "s2"}}{{$i := "in"}}{{$e := $}}<{{$i}}{{$e}}>{{end}}` +
			`{{$x := 1}}{{range $i, $e := .S}}{{template "s" $.S}}{{$i}}{{$e}}{{$x}}{{end}}{{template "s" .S}}{{$x}}{{template "s2" $x}}`,
		"shortCircuit": `{{or .Name .NilP.Name}} {{and .NilP .NilP.Name}} {{or .Name (panic)}} {{and 0 (.Pick -1)}} {{if and .S (index .S 5)}}x{{end}}`,
	}
	for name, src := range cases {
		t.Run(name, func(t *testing.T) {
			matchBoth(t, src, richData(), richData(), (*Outer)(nil))
		})
	}
}
