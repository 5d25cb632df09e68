package source_test

import (
	"testing"

	"minhbach/internal/source"
)

// A sheet saved by Excel ("CSV UTF-8"): a byte-order mark, CRLF line ends
// and a quoted cell over two lines. Positions are the file's lines and
// the cells' columns in letters.
func TestParseSheetExcel(t *testing.T) {
	data := []byte("\uFEFFperiod,agency,received\r\n2026-Q1,\"Sở Tư pháp\r\n(cũ)\",1.234\r\n\r\n2026-Q2,Sở Y tế,5\r\n")
	docs, d := source.ParseSheet("content/statistics/a.csv", data)
	if len(d) > 0 {
		t.Fatalf("diagnostics: %v", d)
	}
	if len(docs) != 2 {
		t.Fatalf("got %d rows, want 2", len(docs))
	}
	got := map[string][2]int{}
	for _, doc := range docs {
		if doc.Kind != source.Statistics {
			t.Errorf("kind %q, want %q", doc.Kind, source.Statistics)
		}
		c := doc.Meta.Content
		for i := 0; i+1 < len(c); i += 2 {
			got[c[i+1].Value] = [2]int{c[i+1].Line, c[i+1].Column}
		}
	}
	want := map[string][2]int{"2026-Q1": {2, 1}, "Sở Tư pháp\n(cũ)": {2, 9}, "1.234": {3, 7}, "2026-Q2": {5, 1}, "Sở Y tế": {5, 9}, "5": {5, 17}}
	for v, pos := range want {
		if got[v] != pos {
			t.Errorf("cell %q at %v, want line %d col %d", v, got[v], pos[0], pos[1])
		}
	}
	if !source.IsSheet("content/statistics/2026/a.csv") || source.IsSheet("content/statistics/a.json") || source.IsSheet("content/procedures/a.csv") {
		t.Error("IsSheet: want true only for CSV files under content/statistics/")
	}
}
