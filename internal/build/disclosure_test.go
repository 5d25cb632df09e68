package build_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"testing"

	"minhbach/internal/render"
	"minhbach/internal/sitetest"
)

// disclosureSite builds one of the test archives.
func disclosureSite(t *testing.T, name string) *sitetest.Site {
	t.Helper()
	_, s := buildArchive(t, "testdata/sites/"+name+".txtar")
	return s
}

// readCSV parses an open-data CSV file as a spreadsheet would: it must
// begin with a byte-order mark and end its lines with CRLF.
func readCSV(t *testing.T, s *sitetest.Site, path string, header []string) [][]string {
	t.Helper()
	raw, ok := s.Files[path]
	if !ok {
		t.Fatalf("%s not written", path)
	}
	if !bytes.HasPrefix(raw, []byte("\uFEFF")) {
		t.Errorf("%s has no byte-order mark", path)
	}
	if n, crlf := bytes.Count(raw, []byte("\n")), bytes.Count(raw, []byte("\r\n")); n != crlf {
		t.Errorf("%s: %d of %d line ends are CRLF", path, crlf, n)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(raw, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(rows) == 0 || !slices.Equal(rows[0], header) {
		t.Fatalf("%s header = %q, want %q", path, rows[0], header)
	}
	return rows[1:]
}

func readJSON(t *testing.T, s *sitetest.Site, path string, v any) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(s.Files[path]))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// TestDisclosureExports parses the open data of the three disclosure
// kinds back and checks that a reader gets the records, states, amounts
// and links the pages show.
func TestDisclosureExports(t *testing.T) {
	t.Run("consultations", func(t *testing.T) {
		s := disclosureSite(t, "consultations")
		rows := readCSV(t, s, "du-lieu/du-thao.csv", render.ConsultationCSVHeader)
		var data struct {
			AsOf  string                      `json:"tinh_trang_tinh_den_ngay"`
			Items []render.ExportConsultation `json:"du_thao"`
		}
		readJSON(t, s, "du-lieu/du-thao.json", &data)
		if len(rows) != 4 || len(data.Items) != 4 {
			t.Fatalf("%d CSV rows and %d JSON items, want 4 drafts", len(rows), len(data.Items))
		}
		if data.AsOf != "2026-11-23" {
			t.Errorf("as of %q, want 2026-11-23", data.AsOf)
		}
		var states []string
		for i, x := range data.Items {
			states = append(states, x.State)
			if rows[i][0] != x.Title || rows[i][len(rows[i])-1] != x.URL {
				t.Errorf("CSV row %d = %q…%q, JSON has %q…%q", i+1, rows[i][0], rows[i][len(rows[i])-1], x.Title, x.URL)
			}
		}
		// Open drafts first (closing soonest first), then not yet open, then closed.
		if want := []string{"open", "open", "upcoming", "closed"}; !slices.Equal(states, want) {
			t.Errorf("states in order = %q, want %q", states, want)
		}
		last := data.Items[3]
		if last.IssuedAs == nil || last.IssuedAs.Number != "62/2026/QĐ-UBND" || last.IssuedAs.URL != "https://vanphong.sonha.gov.vn/van-ban/62-2026-qd-ubnd/" {
			t.Errorf("issued_as of the closed draft = %+v, want 62/2026/QĐ-UBND with its page", last.IssuedAs)
		}
		if len(last.Files) != 2 || last.Files[1].Role != "tong_hop" || last.Files[1].SHA256 == "" {
			t.Errorf("files of the closed draft = %+v, want the draft and the report on comments", last.Files)
		}
	})
	t.Run("budget", func(t *testing.T) {
		s := disclosureSite(t, "budget")
		rows := readCSV(t, s, "du-lieu/ngan-sach.csv", render.BudgetCSVHeader)
		var data struct {
			Items []struct {
				render.ExportBudget
				Tables []struct {
					render.ExportTable
					Rows [][]any `json:"dong"`
				} `json:"bang_so_lieu"`
			} `json:"ngan_sach"`
		}
		dec := json.NewDecoder(bytes.NewReader(s.Files["du-lieu/ngan-sach.json"]))
		dec.UseNumber()
		if err := dec.Decode(&data); err != nil {
			t.Fatal(err)
		}
		if len(rows) != 2 || len(data.Items) != 2 {
			t.Fatalf("%d CSV rows and %d JSON items, want 2 disclosures", len(rows), len(data.Items))
		}
		est := data.Items[1]
		if est.Stage != "du_toan" || est.OnTime == nil || *est.OnTime || rows[1][9] != "không" {
			t.Errorf("estimate: stage %q, on time %v, CSV %q; want du_toan published late", est.Stage, est.OnTime, rows[1][9])
		}
		tb := est.Tables[0]
		if len(tb.Rows) != 3 || tb.Rows[0][3] != json.Number("15402780") || tb.Rows[0][4] != json.Number("108.0") || tb.Rows[2][2] != nil {
			t.Errorf("table rows = %v, want 3 rows with 15402780 and 108.0 as numbers and the dash as null", tb.Rows)
		}
		if tb.URL != "https://vanphong.sonha.gov.vn/ngan-sach/du-toan-2026/can-doi.csv" || s.Files["ngan-sach/du-toan-2026/can-doi.csv"] == nil {
			t.Errorf("table CSV %q is not published", tb.URL)
		}
	})
	t.Run("projects", func(t *testing.T) {
		s := disclosureSite(t, "projects")
		rows := readCSV(t, s, "du-lieu/du-an.csv", render.ProjectCSVHeader)
		pkgs := readCSV(t, s, "du-lieu/goi-thau.csv", render.PackageCSVHeader)
		var data struct {
			Items []render.ExportProject `json:"du_an"`
		}
		readJSON(t, s, "du-lieu/du-an.json", &data)
		if len(rows) != 4 || len(data.Items) != 4 {
			t.Fatalf("%d CSV rows and %d JSON items, want 4 projects", len(rows), len(data.Items))
		}
		n := 0
		for i, x := range data.Items {
			n += len(x.Packages)
			if rows[i][3] != string(x.Total) {
				t.Errorf("project %q: CSV total %q, JSON %q", x.Title, rows[i][3], x.Total)
			}
		}
		if len(pkgs) != n {
			t.Errorf("goi-thau.csv has %d rows, the projects %d packages", len(pkgs), n)
		}
		first := data.Items[0]
		if first.Title != "Nâng cấp đường tỉnh 712" || first.Total != "245800" || first.Packages[0].WinPrice != "96105" || first.Packages[1].Winner != "" {
			t.Errorf("first project = %+v, want the ongoing road with one package decided and one open", first)
		}
	})
}
