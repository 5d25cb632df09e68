package source_test

import (
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"minhbach/internal/diag"
	"minhbach/internal/meta"
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

// TestCatalogueDates: a date in a CSV cell or a JSON string is read as the
// same text in front matter is (day/month/year, a time after it), and a
// date that does not exist names the row, the key and the value.
func TestCatalogueDates(t *testing.T) {
	tests := []struct {
		path, data string
		want       []string // RFC 3339 of each row's date, or its diagnostic
	}{
		{"content/procedures/a.csv", "code,date\n1.000001,02/12/2026\n1.000002,2/3/2026 14:30\n1.000003,31/02/2026\n1.000004,2026-12-02\n", []string{
			"2026-12-02T00:00:00+07:00",
			"2026-03-02T14:30:00+07:00",
			`content/procedures/a.csv:4: date: date "31/02/2026" does not exist: month 2 of 2026 has 28 days (write day/month/year, as in 02/12/2026, or 2026-12-02)`,
			"2026-12-02T00:00:00+07:00",
		}},
		{"content/procedures/a.json", "[{\"code\": \"1.000001\", \"date\": \"12/02/2026\"},\n {\"code\": \"1.000002\", \"date\": \"12/25/2026\"}]", []string{
			"2026-02-12T00:00:00+07:00",
			`content/procedures/a.json:2:31: $[1].date: date: date "12/25/2026" does not exist: dates are day/month/year, did you mean "25/12/2026"?`,
		}},
	}
	for _, tt := range tests {
		docs, d := source.ParseCatalogue(tt.path, []byte(tt.data), nil)
		if len(d) > 0 || len(docs) != len(tt.want) {
			t.Fatalf("%s: %d rows, %s", tt.path, len(docs), d.Format(0))
		}
		for i, doc := range docs {
			var d diag.List
			got := meta.New(doc.Path, doc.LineOff, doc.Start, doc.Meta, &d).WithRefs(doc.Refs).Date("date", true).Format(time.RFC3339)
			if len(d) > 0 {
				got = d.Format(0)[:len(d.Format(0))-1]
			}
			if got != tt.want[i] {
				t.Errorf("%s row %d: date = %s, want %s", tt.path, i+1, got, tt.want[i])
			}
		}
	}
}
