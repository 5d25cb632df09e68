package tmplexec

import (
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
