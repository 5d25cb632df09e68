package source_test

import (
	"testing"

	"go.yaml.in/yaml/v3"

	"minhbach/internal/source"
)

// FuzzParseCatalogue checks that no catalogue, CSV or JSON, makes the
// parser panic, and that every row it returns is a mapping.
func FuzzParseCatalogue(f *testing.F) {
	f.Add("code,title\n1.000001,Đăng ký khai sinh\n", true)
	f.Add("code,level\n1.000001,\"xa; tinh\"\n,\n", true)
	f.Add("code,documents\n1,a | b | c | d; e\n", true)
	f.Add(`[{"code": "1.000001", "level": ["xa"]}, 3]`, false)
	f.Add(`{"code": 1}`, false)
	cells := map[string]source.Cell{"level": {List: true}, "documents": {List: true, Parts: []string{"name", "copies", "form"}, Flag: "x"}}
	f.Fuzz(func(t *testing.T, data string, isCSV bool) {
		p := "content/procedures/a.json"
		if isCSV {
			p = "content/procedures/a.csv"
		}
		docs, _ := source.ParseCatalogue(p, []byte(data), cells)
		for _, d := range docs {
			if d.Meta == nil || d.Meta.Kind != yaml.MappingNode {
				t.Fatalf("row %v is not a mapping", d.Start)
			}
		}
	})
}
