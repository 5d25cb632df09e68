package tmplexec

import (
	"bytes"
	"html/template"
	"reflect"
	"sync"
	"testing"
)

// Each test here is a case where a program printed something other than
// html/template did, found by reading or fuzzing; each failed before its
// fix.

// TestReflectValueArguments: text/template gives the built-in functions a
// value of type reflect.Value as the value it holds, and and/or return
// that value (found by FuzzTemplateShapes).
func TestReflectValueArguments(t *testing.T) {
	type rv struct{ Zero, Three, List reflect.Value }
	data := rv{reflect.ValueOf(0), reflect.ValueOf(3), reflect.ValueOf([]int{1, 2})}
	for name, src := range map[string]string{
		"or":      `{{or .Three .Zero | T "k"}}`,
		"and":     `{{and .Three .Zero | T "k"}}`,
		"final":   `{{.Three | or 0 | T "k"}} {{.Zero | and 1 | T "k"}}`,
		"not":     `{{not .Zero}} {{.Zero | not}}`,
		"len":     `{{len .List}}`,
		"eq":      `{{eq .Three 3}} {{lt .Zero 1}}`,
		"index":   `{{index .List 1}}`,
		"printed": `{{.Three}} {{.Zero | print}}`,
	} {
		t.Run(name, func(t *testing.T) { matchBoth(t, src, data, data) })
	}
}

// TestMissingKeyOption: with missingkey=zero a missing key prints its
// type's zero, with missingkey=error html/template fails; a program
// printed nothing for both.
func TestMissingKeyOption(t *testing.T) {
	for _, opt := range []string{"missingkey=zero", "missingkey=error", "missingkey=default"} {
		t.Run(opt, func(t *testing.T) {
			tmpl := template.Must(template.New("t").Option(opt).Parse(`{{.a}}|{{.b}}|{{with .m}}{{.x}}{{end}}`))
			s := New(tmpl)
			for _, data := range []map[string]any{{"a": 1, "b": 2, "m": map[string]int{"x": 1}}, {"a": 1, "m": map[string]int{"y": 2}}} {
				for range 2 {
					var got, want bytes.Buffer
					err := s.Execute(&got, "t", data)
					werr := tmpl.Execute(&want, data)
					if (err == nil) != (werr == nil) || got.String() != want.String() {
						t.Fatalf("%v: %q, %v; html/template %q, %v", data, got.String(), err, want.String(), werr)
					}
				}
			}
		})
	}
}

// TestReflectValueData: text/template runs a reflect.Value given as data
// on the value it holds.
func TestReflectValueData(t *testing.T) {
	type kind struct{ Kind string }
	matchBoth(t, `{{.Kind}} {{.}}`, reflect.ValueOf(kind{"k"}), reflect.ValueOf(kind{"k"}), reflect.ValueOf(&kind{"p"}))
}

// TestCalleeFirstRun runs a template and the templates it calls from
// several goroutines, each name executed for the first time concurrently
// with the others, as render runs a partial on its own and inside a page.
// Under -race it failed: html/template sets a template's Tree field when
// it first executes that template, and a Set compiling a caller read that
// field meanwhile.
func TestCalleeFirstRun(t *testing.T) {
	const src = `{{define "part"}}<b>{{.}}</b>{{end}}{{define "p2"}}{{template "part" .}}{{end}}<i>{{template "part" .}}</i>`
	want := map[string]string{}
	for _, name := range []string{"t", "part", "p2"} {
		var b bytes.Buffer
		if err := template.Must(template.New("t").Parse(src)).ExecuteTemplate(&b, name, "x<"); err != nil {
			t.Fatal(err)
		}
		want[name] = b.String()
	}
	for range 20 {
		s := New(template.Must(template.New("t").Parse(src)))
		var wg sync.WaitGroup
		for _, name := range []string{"t", "part", "p2", "t", "part", "p2"} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range 3 {
					var got bytes.Buffer
					if err := s.Execute(&got, name, "x<"); err != nil || got.String() != want[name] {
						t.Errorf("%s: %q, %v; html/template %q", name, got.String(), err, want[name])
					}
				}
			}()
		}
		wg.Wait()
	}
}

// TestRedefinedAfterNew: programs are compiled from the trees New saw; a
// template defined again before its first run must still print what
// html/template prints.
func TestRedefinedAfterNew(t *testing.T) {
	for name, redefine := range map[string]string{
		"callee":     `{{define "part"}}new {{.}}{{end}}`,
		"root":       `{{define "t"}}new root {{template "part" .}}{{end}}`,
		"calleeText": `{{define "part"}}new text{{end}}`,
	} {
		t.Run(name, func(t *testing.T) {
			tmpl := template.Must(template.New("t").Parse(`{{define "part"}}<b>{{.}}</b>{{end}}<i>{{template "part" .}}</i>`))
			s := New(tmpl)
			template.Must(tmpl.Parse(redefine))
			for range 2 {
				var got, want bytes.Buffer
				err := s.Execute(&got, "t", "x<")
				werr := tmpl.Execute(&want, "x<")
				if err != nil || werr != nil || got.String() != want.String() {
					t.Fatalf("%q, %v; html/template %q, %v", got.String(), err, want.String(), werr)
				}
			}
		})
	}
}
