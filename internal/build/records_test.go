package build

import (
	"reflect"
	"testing"

	"minhbach/internal/model"
)

// TestRecordsCoverModel fills every list of records of a model.Site with
// one record and checks that records numbers a record of every record
// type of the model: a new kind of record must be added to records.
func TestRecordsCoverModel(t *testing.T) {
	var s model.Site
	var fill func(v reflect.Value, depth int)
	fill = func(v reflect.Value, depth int) {
		for i := range v.NumField() {
			f := v.Field(i)
			switch {
			case f.Kind() == reflect.Struct && f.CanSet():
				fill(f, depth)
			case f.Kind() == reflect.Slice && isRecordPointer(f.Type().Elem()):
				rec := reflect.New(f.Type().Elem().Elem())
				rec.Elem().FieldByName("Source").FieldByName("Path").SetString("content/" + f.Type().Elem().Elem().Name())
				f.Set(reflect.Append(f, rec))
			case f.Kind() == reflect.Slice && f.Type().Elem().Kind() == reflect.Pointer &&
				f.Type().Elem().Elem().Kind() == reflect.Struct && depth < 4:
				// A group of records (a period, a list): one, filled.
				x := reflect.New(f.Type().Elem().Elem())
				fill(x.Elem(), depth+1)
				f.Set(reflect.Append(f, x))
			}
		}
	}
	fill(reflect.ValueOf(&s).Elem(), 0)
	numbered := map[reflect.Type]int{}
	seen := map[uintptr]bool{}
	for _, r := range records(&s) {
		numbered[reflect.TypeOf(r.ptr).Elem()]++
		if seen[r.addr()] {
			t.Errorf("%s is numbered twice", r.path)
		}
		seen[r.addr()] = true
		if r.convert == nil || r.files == nil {
			t.Errorf("%s: no way to convert its body or list its files", r.path)
		}
	}
	for _, st := range modelTypes() {
		if isRecord(st) && numbered[st] == 0 {
			t.Errorf("model.%s is a record (it embeds model.Source) that records does not list: add it to internal/build/records.go", st.Name())
		}
	}
}
