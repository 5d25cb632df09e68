package tmplexec

import (
	"bytes"
	"html/template"
	"reflect"
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
