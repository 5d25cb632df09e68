package build

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"minhbach/internal/model"
)

// modelTypes returns every named struct type of the model that the site
// reaches, in a fixed order.
func modelTypes() []reflect.Type {
	seen := map[reflect.Type]bool{}
	var out []reflect.Type
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array:
			walk(t.Elem())
		case reflect.Map:
			walk(t.Key())
			walk(t.Elem())
		case reflect.Struct:
			if seen[t] || t.PkgPath() != "minhbach/internal/model" {
				return
			}
			seen[t] = true
			out = append(out, t)
			for i := range t.NumField() {
				walk(t.Field(i).Type)
			}
		}
	}
	walk(reflect.TypeFor[model.Site]())
	slices.SortFunc(out, func(a, b reflect.Type) int { return strings.Compare(a.String(), b.String()) })
	return out
}

// holds reports whether a value of type t holds a pointer to a record or
// a struct of type want, through pointers, slices, arrays and maps (not
// through the fields of another struct, which are classified on their
// own).
func holds(t reflect.Type, want func(reflect.Type) bool) bool {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return want(t) || holds(t.Elem(), want)
	case reflect.Map:
		return holds(t.Key(), want) || holds(t.Elem(), want)
	}
	return want(t)
}

func isRecordPointer(t reflect.Type) bool { return t.Kind() == reflect.Pointer && isRecord(t.Elem()) }

// containsBody reports whether t is or contains (in any field) a
// converted body.
func containsBody(t reflect.Type) bool {
	seen := map[reflect.Type]bool{}
	var in func(t reflect.Type) bool
	in = func(t reflect.Type) bool {
		if t == reflect.TypeFor[model.Converted]() {
			return true
		}
		if seen[t] {
			return false
		}
		seen[t] = true
		switch t.Kind() {
		case reflect.Slice, reflect.Array:
			return in(t.Elem())
		case reflect.Struct:
			for i := range t.NumField() {
				if in(t.Field(i).Type) {
					return true
				}
			}
		}
		return false
	}
	return in(t)
}

// TestFingerprintTags fails for a model field whose role in a fingerprint
// is not declared (see fingerprinter): every field that holds records is
// tagged "records" or "links", every field of a record that holds its
// converted body is tagged "body", every record has one "link" field (its
// URL), and "links" fields hold records.
func TestFingerprintTags(t *testing.T) {
	types := modelTypes()
	records := 0
	for _, st := range types {
		links := 0
		for i := range st.NumField() {
			sf := st.Field(i)
			name := st.Name() + "." + sf.Name
			r := roleOf(sf)
			switch {
			case holds(sf.Type, isRecordPointer) && r != roleRecords && r != roleLinks:
				t.Errorf("%s holds records: tag it `fingerprint:\"records\"` (pages show them, hashed to a depth of two) or `fingerprint:\"links\"` (pages show only their number and links); see internal/build/fingerprint.go", name)
			case isRecord(st) && !sf.Anonymous && containsBody(sf.Type) && r != roleBody:
				t.Errorf("%s holds a converted body: tag it `fingerprint:\"body\"`; see internal/build/fingerprint.go", name)
			case r == roleLinks && (sf.Type.Kind() != reflect.Slice || !isRecordPointer(sf.Type.Elem())):
				t.Errorf("%s is tagged \"links\" but is not a slice of records", name)
			case r == roleLink && sf.Type.Kind() != reflect.String:
				t.Errorf("%s is tagged \"link\" but is not a string", name)
			case r == roleBody && !isRecord(st) && st != reflect.TypeFor[model.Source]():
				t.Errorf("%s is tagged \"body\" outside a record", name)
			}
			if r == roleLink {
				links++
			}
		}
		if isRecord(st) {
			records++
			if links != 1 {
				t.Errorf("record %s has %d fields tagged `fingerprint:\"link\"`, want one (its URL)", st.Name(), links)
			}
		}
	}
	if records < 5 {
		t.Errorf("found %d record types from model.Site, want at least 5", records)
	}
}

// TestFingerprintTagsFail checks that the rules of TestFingerprintTags
// see an untagged field.
func TestFingerprintTagsFail(t *testing.T) {
	type rec struct {
		model.Source
		URL     string
		Related []*rec
		Content model.Converted
	}
	st := reflect.TypeFor[rec]()
	if !isRecord(st) {
		t.Fatal("a struct embedding model.Source is not a record")
	}
	if sf := st.Field(2); !holds(sf.Type, isRecordPointer) || roleOf(sf) != roleData {
		t.Error("an untagged slice of records is not seen")
	}
	if !containsBody(st.Field(3).Type) {
		t.Error("an untagged body is not seen")
	}
	defer func() {
		if recover() == nil {
			t.Error("an unknown tag value does not panic")
		}
	}()
	roleOf(reflect.StructField{Name: "X", Tag: `fingerprint:"linkz"`})
}

var _ = fmt.Sprint
