package tmplexec

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"strings"
	"testing"
	"time"
)

type link struct {
	Name, URL string
}

type page struct {
	Title   string
	Summary string
	URL     string
	Count   int
	Ratio   float64
	Draft   bool
	Date    time.Time
	Tags    []link
	Parent  *page
	Meta    map[string]any
	Body    template.HTML
	JSONLD  template.JS
	Any     any
	Status  status
	Srcset  string
	Attr    template.HTMLAttr
	private string
}

type status string

func (s status) String() string { return "status:" + string(s) }

func (p *page) Upper() string         { return strings.ToUpper(p.Title) }
func (p page) Twice(n int) int        { return 2 * n }
func (p *page) Fail() (string, error) { return "", errors.New("boom") }

func funcs() template.FuncMap {
	return template.FuncMap{
		"relURL": func(s string) string { return "/base" + s },
		"day":    func(t time.Time) string { return t.Format("02/01/2006") },
		"cut":    func(n int, s string) string { return s[:min(n, len(s))] },
		"add":    func(a, b int) int { return a + b },
		"T": func(key string, args ...any) (template.HTML, error) {
			if key == "missing" {
				return "", errors.New("no key")
			}
			return template.HTML(fmt.Sprintf("<b>%s</b>%v", key, args)), nil
		},
		"label": func(key string, args ...any) (template.HTML, error) { return template.HTML("Nhãn " + key), nil },
		"item": func(name string, data any) (template.HTML, error) {
			return template.HTML(fmt.Sprintf("[%s %v]", name, data)), nil
		},
		"dict": func(kv ...any) (map[string]any, error) {
			m := map[string]any{}
			for i := 0; i+1 < len(kv); i += 2 {
				m[kv[i].(string)] = kv[i+1]
			}
			return m, nil
		},
		"pair":  func(a string, b int) []string { return []string{a, fmt.Sprint(b)} },
		"panic": func() string { panic("oops") },
	}
}

func sample() *page {
	parent := &page{Title: "Cha <mẹ>", URL: "/cha/"}
	return &page{
		Title: `Quyết định "số 25" & <b>tin</b> + 'x'`, Summary: "Tóm tắt\x00 có NUL", URL: "/tin-tuc/a b/?q=đất đai&x=1#top",
		Count: 3, Ratio: 0.5, Date: time.Date(2018, 8, 8, 0, 0, 0, 0, time.UTC),
		Tags:   []link{{"Đất đai", "/the/dat-dai/"}, {"Xây dựng", "javascript:alert(1)"}, {"Ba", "/ba/"}},
		Parent: parent,
		Meta:   map[string]any{"b": 2, "a": "một", "c": []int{1, 2}, "h": template.HTML("<i>x</i>")},
		Body:   "<p>Nội dung</p>", JSONLD: `{"@type":"NewsArticle"}`, Any: 42, Status: "hl",
		Srcset: "/a-320.jpg 320w, /a.jpg 800w, javascript:x 1x", Attr: ` lang="en"`,
	}
}

// layouts are templates a portal's layouts are made of, each run on
// sample(); every one must run as a program and print what html/template
// prints.
var layouts = map[string]string{
	"text":      `<h1>{{.Title}}</h1><p>{{.Summary}}</p>{{.Count}} {{.Ratio}} {{.Draft}} {{.Status}} {{.Any}}`,
	"attr":      `<a title="{{.Title}}" data-n="{{.Count}}" href="{{.URL}}">x</a><a href="{{relURL .URL}}">y</a>`,
	"urlparts":  `<a href="/tim-kiem/?q={{.Title}}&amp;p={{.URL}}">q</a><a href="{{.Parent.URL}}{{.Title}}">r</a>`,
	"badurl":    `{{range .Tags}}<a href="{{.URL}}">{{.Name}}</a>{{end}}`,
	"html":      `<div>{{.Body}}</div><div title="{{.Summary}}">{{T "k" 1 "a"}}</div>`,
	"label":     `<nav aria-label="{{label "menu"}}">{{label "x"}}</nav>`,
	"rcdata":    `<textarea>{{.Title}}{{.Body}}</textarea><title>{{.Title}}</title>`,
	"unquoted":  `<a title={{.Title}} class={{.Summary}}>u</a>`,
	"json":      `<script type="application/ld+json">{{.JSONLD}}</script>`,
	"srcset":    `<img src="{{.URL}}" srcset="{{.Srcset}}" alt="{{.Title}}">`,
	"if":        `{{if .Draft}}draft{{else if .Count}}n={{.Count}}{{else}}none{{end}}{{if not .Draft}}!{{end}}`,
	"with":      `{{with .Parent}}<p>{{.Title}} {{$.Title}}</p>{{end}}{{with .Meta.none}}x{{else with .Parent}}{{.URL}}{{end}}`,
	"range":     `<ul>{{range $i, $t := .Tags}}<li data-i="{{$i}}">{{$t.Name}} {{.URL}}</li>{{else}}none{{end}}</ul>`,
	"rangeElse": `{{range .Meta.none}}x{{else}}empty{{end}}{{range $k, $v := .Meta}}{{$k}}={{$v}};{{end}}`,
	"break":     `{{range .Tags}}{{if eq .Name "Ba"}}{{break}}{{end}}{{if eq .Name "Đất đai"}}{{continue}}{{end}}[{{.Name}}]{{end}}`,
	"vars":      `{{$n := .Count}}{{$s := ""}}{{range .Tags}}{{$s = .Name}}{{end}}{{$n}} {{$s}}`,
	"builtins":  `{{len .Tags}} {{index .Tags 1}} {{(index .Tags 0).Name}} {{index .Meta "a"}} {{if and .Count .Title}}y{{end}}{{or .Draft "z"}} {{and 1 0}} {{lt 1 2}} {{le 2 2}} {{gt .Count 5}} {{ge .Ratio 0.5}} {{ne .Title "x"}} {{eq .Count 1 2 3}}`,
	"print":     `{{print "a" 1 .Count}} {{printf "%s-%d" .Title .Count}} {{println .Count}} {{print}}`,
	"methods":   `{{.Upper}} {{.Twice 4}} {{.Parent.Upper}} {{.Parent.Parent}}`,
	"funcs":     `{{day .Date}} {{cut 5 .Title}} {{add 2 .Count}} {{.Count | add 1}} {{.Title | cut 3}} {{item "news-item" .Count}}`,
	"dict":      `{{template "part" dict "Name" .Title "Level" 2 "Page" .}}`,
	"pipes":     `{{(pair "a" 2)}} {{(index (pair .Title .Count) 1)}} {{.Parent | printf "%v"}}`,
	"chain":     `{{(.Parent).Title}} {{(index .Tags 2).URL}}`,
	"map":       `{{.Meta.a}} {{.Meta.b}} {{.Meta.c}} {{.Meta.h}} {{.Meta.none}}`,
	"nilField":  `{{with .Parent}}{{.Parent}}{{end}}`,
	"attrs":     `<p{{.Attr}}>a</p><p{{.Parent.Attr}} class="x">b</p><input {{.Parent.Summary}}>`,
}

const part = `{{define "part"}}<h2 data-level="{{.Level}}">{{.Name}}</h2>{{.Page.Count}}{{end}}`

func newSet(t *testing.T, src string) *Set {
	t.Helper()
	fm := funcs()
	tmpl := template.Must(template.New("t").Funcs(fm).Parse(src))
	template.Must(tmpl.Parse(part))
	return New(tmpl, fm)
}

// run executes name twice: the first time html/template runs it and the
// set compiles it, the second time the program runs, checked against
// html/template.
func run(t *testing.T, s *Set, name string, data any) string {
	t.Helper()
	Verify.Store(true)
	defer Verify.Store(false)
	var b bytes.Buffer
	if err := s.Execute(&b, name, data); err != nil {
		t.Fatalf("first run: %v", err)
	}
	first := b.String()
	b.Reset()
	if err := s.Execute(&b, name, data); err != nil {
		t.Fatalf("second run: %v", err)
	}
	if b.String() != first {
		t.Fatalf("second run printed\n%s\nfirst\n%s", b.String(), first)
	}
	return b.String()
}

func TestLayoutsRunAsPrograms(t *testing.T) {
	for name, src := range layouts {
		t.Run(name, func(t *testing.T) {
			s := newSet(t, src)
			out := run(t, s, "t", sample())
			ran, fell := s.Stats()
			if why := s.Unsupported("t"); why != "" {
				t.Fatalf("no program: %s", why)
			}
			if ran != 1 || fell != 0 {
				t.Errorf("program runs %d, fell back %d; want 1 and 0\n%s", ran, fell, out)
			}
		})
	}
}

// TestFallsBack runs templates whose values the package leaves to
// html/template: the output and errors must still be html/template's.
func TestFallsBack(t *testing.T) {
	cases := map[string]string{
		"htmlInAttr":   `<a title="{{.Body}}">x</a><a title="{{.Title}}">{{.Title}}</a>`,
		"jsonOfString": `<script>var t = {{.Title}};</script>`,
		"css":          `<p style="color: {{.Summary}}">x</p>`,
		"rangeInt":     `{{range .Count}}{{.}}{{end}}`,
		"mixedEq":      `{{eq .Count .Title}}`,
		"nilPointer":   `{{.Parent.Parent.Title}}`,
		"panics":       `{{panic}}`,
		"fails":        `{{.Fail}}`,
		"missingKey":   `{{T "missing"}}`,
		"unexported":   `{{.private}}`,
		"tagName":      `<h{{.Count}}>x</h{{.Count}}>`,
		"mapInAttr":    `<i title="{{.Meta.h}}">m</i>`,
	}
	for name, src := range cases {
		t.Run(name, func(t *testing.T) {
			s := newSet(t, src)
			data := sample()
			var want bytes.Buffer
			wantErr := s.t.ExecuteTemplate(&want, "t", data)
			for i := range 3 {
				var got bytes.Buffer
				got.WriteString("before|")
				err := s.Execute(&got, "t", data)
				if (err == nil) != (wantErr == nil) || err != nil && err.Error() != wantErr.Error() {
					t.Fatalf("run %d: error %v, want %v", i, err, wantErr)
				}
				if wantErr == nil && got.String() != "before|"+want.String() {
					t.Fatalf("run %d: %q, want %q", i, got.String(), want.String())
				}
			}
		})
	}
}

// TestHTMLInAttributeFallsBack checks that the page, not only the action,
// is left to html/template, and counted.
func TestHTMLInAttributeFallsBack(t *testing.T) {
	s := newSet(t, `<a title="{{.Body}}">x</a>`)
	run(t, s, "t", sample())
	if ran, fell := s.Stats(); ran != 1 || fell != 1 {
		t.Errorf("runs %d, fell back %d; want 1 and 1", ran, fell)
	}
}

// TestConcurrent runs one set from many goroutines, as a build does.
func TestConcurrent(t *testing.T) {
	s := newSet(t, layouts["range"]+layouts["dict"]+layouts["funcs"])
	Verify.Store(true)
	defer Verify.Store(false)
	done := make(chan error)
	for range 8 {
		go func() {
			var err error
			for range 50 {
				var b bytes.Buffer
				if err = s.Execute(&b, "t", sample()); err != nil {
					break
				}
			}
			done <- err
		}()
	}
	for range 8 {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
}

// escaperContexts are the places FuzzEscapers prints a value in, each a
// template of its own, so that a value one context leaves to
// html/template does not hide the others.
var escaperContexts = []string{
	`<p>{{.}}</p>`,
	`<a title="{{.}}">x</a>`,
	`<a title='{{.}}'>x</a>`,
	`<a title={{.}}>x</a>`,
	`<a href="{{.}}">x</a>`,
	`<a href='{{.}}'>x</a>`,
	`<a href={{.}}>x</a>`,
	`<a href="/p/{{.}}/?q={{.}}&amp;r={{.}}#{{.}}">x</a>`,
	`<a href="/q?a={{.}}">y</a>`,
	`<a href=/q/{{.}}>y</a>`,
	`<a href="mailto:{{.}}">y</a>`,
	`<img srcset="{{.}}" alt="">`,
	`<img srcset={{.}} alt="">`,
	`<img srcset="/a.jpg 1x, {{.}}" alt="">`,
	`<img src="{{.}}" srcset="/b.jpg {{.}}">`,
	`<textarea>{{.}}</textarea><title>{{.}}</title>`,
	`<!-- {{.}} -->`,
	`<p {{.}}>`,
	`<input {{.}}="v">`,
	`<input value={{.}} {{.}}>`,
	`<script>var x = {{.}};</script>`,
	`<script type="application/ld+json">{{.}}</script>`,
	`<a onclick="f({{.}})">x</a>`,
	`<p style="color: {{.}}">x</p>`,
}

// FuzzEscapers prints a string, and the typed strings of html/template
// made of it, in every context a layout puts values in, and compares with
// html/template.
func FuzzEscapers(f *testing.F) {
	for _, s := range []string{"", "a b", `<script>"x"&'y'+</script>`, "javascript:alert(1)", "JavaScript:x", "mailto:a@b.vn",
		"/a b/?q=đất&x=%zz%41", "\x00\xff\xfe", "\uFDD0\uFFFE x", "a.jpg 1x, javascript:b 2x, c d e", " /x.jpg  320w ,", "http://x/ü?a=b#c",
		`title="x"`, "onclick", "data-x", `a'b"c`, "<b>x</b>", "x=1 y", "%41%4g%", "\t\n\f\r \v", "\uFFFD\xc3"} {
		f.Add(s)
	}
	fm := funcs()
	tmpl := template.Must(template.New("t").Funcs(fm).Parse(""))
	for i, src := range escaperContexts {
		template.Must(tmpl.New(fmt.Sprint("c", i)).Parse(src))
	}
	s := New(tmpl, fm)
	for i := range escaperContexts {
		var b bytes.Buffer
		if err := s.Execute(&b, fmt.Sprint("c", i), "first"); err != nil {
			f.Fatal(err)
		}
	}
	f.Fuzz(func(t *testing.T, in string) {
		Verify.Store(true)
		defer Verify.Store(false)
		h, u, src, attr := template.HTML(in), template.URL(in), template.Srcset(in), template.HTMLAttr(in)
		values := []any{in, &in, h, &h, u, &u, src, attr, &attr, template.JS(in), template.JSStr(in), template.CSS(in),
			status(in), errors.New(in), []byte(in), any(nil)}
		for i := range escaperContexts {
			for _, v := range values {
				var b bytes.Buffer
				if err := s.Execute(&b, fmt.Sprint("c", i), v); err != nil {
					t.Fatalf("%s with %T %q: %v", escaperContexts[i], v, in, err)
				}
			}
		}
	})
}
