package build_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"minhbach/internal/render"
	"minhbach/internal/sitetest"
)

func buildArchive(t *testing.T, file string) (*txtar.Archive, *sitetest.Site) {
	t.Helper()
	a, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	s := sitetest.Build(t, a)
	if strings.Contains(s.Errors, ": ") && !strings.Contains(s.Errors, "warning:") {
		t.Fatalf("build errors:\n%s", s.Errors)
	}
	return a, s
}

// TestGazetteExports parses the open-data exports back and compares them
// with the documents of the fixture.
func TestGazetteExports(t *testing.T) {
	_, s := buildArchive(t, "testdata/sites/gazette.txtar")

	var j struct {
		Docs []render.ExportDocument `json:"van_ban"`
	}
	if err := json.Unmarshal(s.Files["du-lieu/van-ban.json"], &j); err != nil {
		t.Fatalf("van-ban.json: %v", err)
	}
	if len(j.Docs) != 10 {
		t.Fatalf("van-ban.json has %d documents, want 10", len(j.Docs))
	}
	byNumber := map[string]render.ExportDocument{}
	for _, d := range j.Docs {
		byNumber[d.Number] = d
	}
	d25 := byNumber["25/2025/QĐ-UBND"]
	if d25.Status != "expired" || d25.DocType != "Quyết định" || d25.FieldCode != "dat-dai" || d25.Issue != "2025/12" || d25.Effective != "2025-04-01" {
		t.Errorf("25/2025/QĐ-UBND exported as %+v", d25)
	}
	var rels []string
	for _, r := range d25.Relations {
		rels = append(rels, r.Kind+" "+r.Number)
	}
	if got := strings.Join(rels, ", "); got != "based_on 31/2024/QH15, by_replaces 35/2026/QĐ-UBND" {
		t.Errorf("relations of 25/2025/QĐ-UBND = %s", got)
	}
	if len(d25.Attachments) != 1 {
		t.Fatalf("attachments = %v", d25.Attachments)
	}
	want := sha256.Sum256([]byte("%PDF-1.4 quyết định 25\n"))
	if a := d25.Attachments[0]; a.SHA256 != hex.EncodeToString(want[:]) || a.Size != 28 {
		t.Errorf("attachment = %+v, want sha256 %x and 28 bytes", a, want)
	}
	published := s.Files["van-ban/25-2025-qd-ubnd/tep/qd25.pdf"]
	if got := sha256.Sum256(published); got != want {
		t.Errorf("published attachment has SHA-256 %x, want %x", got, want)
	}

	raw := s.Files["du-lieu/van-ban.csv"]
	if !bytes.HasPrefix(raw, []byte("\uFEFF")) {
		t.Errorf("van-ban.csv does not start with a UTF-8 byte-order mark")
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(raw, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatalf("van-ban.csv: %v", err)
	}
	if strings.Join(rows[0], ",") != strings.Join(render.CSVHeader, ",") || len(rows) != 11 {
		t.Fatalf("van-ban.csv: header %v and %d rows, want %v and 11", rows[0], len(rows), render.CSVHeader)
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	for _, row := range rows[1:] {
		d, ok := byNumber[row[0]]
		if !ok || row[col["trich_yeu"]] != d.Title || row[col["tinh_trang_hieu_luc"]] != d.StatusLabel || row[col["url"]] != d.URL ||
			row[col["ngay_het_hieu_luc"]] != d.Ends || row[col["tinh_trang_tinh_den_ngay"]] != "2026-06-01" {
			t.Errorf("CSV row %v does not match the JSON export %+v", row, d)
		}
	}
}

var ldScript = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)

// TestLegislationJSONLD parses every document page's JSON-LD back.
func TestLegislationJSONLD(t *testing.T) {
	_, s := buildArchive(t, "testdata/sites/gazette.txtar")
	n := 0
	for p, data := range s.Files {
		if !strings.HasPrefix(p, "van-ban/") || !strings.HasSuffix(p, "/index.html") || strings.Count(p, "/") != 2 {
			continue
		}
		m := ldScript.FindSubmatch(data)
		if m == nil {
			t.Errorf("%s has no JSON-LD", p)
			continue
		}
		var ld map[string]any
		if err := json.Unmarshal(m[1], &ld); err != nil {
			t.Errorf("%s: JSON-LD does not parse: %v", p, err)
			continue
		}
		n++
		if ld["@type"] != "Legislation" || ld["legislationIdentifier"] == "" || ld["legislationLegalForce"] == nil {
			t.Errorf("%s: JSON-LD %v", p, ld)
		}
		if p == "van-ban/35-2026-qd-ubnd/index.html" {
			changes, _ := ld["legislationChanges"].([]any)
			if len(changes) != 3 {
				t.Errorf("35/2026: legislationChanges = %v, want 3 changed documents", ld["legislationChanges"])
			}
		}
	}
	if n != 10 {
		t.Errorf("found JSON-LD on %d document pages, want 10", n)
	}
}
