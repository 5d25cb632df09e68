package build_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"testing"

	"minhbach/internal/render"
)

// TestStatisticsExports reads the open data of the statistics back, as a
// program that uses them would: the JSON into render.ExportStat, the CSV
// (byte-order mark, CRLF) with encoding/csv; both hold every row, the
// figures of each add up, and the two agree.
func TestStatisticsExports(t *testing.T) {
	_, s := buildArchive(t, "testdata/sites/statistics.txtar")
	var j struct {
		Updated string              `json:"cap_nhat"`
		Rows    []render.ExportStat `json:"thong_ke"`
	}
	if err := json.Unmarshal(s.Files["du-lieu/thong-ke.json"], &j); err != nil {
		t.Fatalf("thong-ke.json: %v", err)
	}
	if j.Updated != "2026-06-30" || len(j.Rows) != 5 {
		t.Fatalf("thong-ke.json: updated %q, %d rows; want 2026-06-30 and 5 (3 by agency, 2 by field)", j.Updated, len(j.Rows))
	}
	for _, r := range j.Rows {
		if r.Received+r.CarriedOver != r.OnTime+r.Late+r.Pending {
			t.Errorf("JSON row %+v does not add up", r)
		}
	}
	if r := j.Rows[0]; r.PeriodCode != "2026-Q2" || r.Agency != "Sở Nông nghiệp và Môi trường" || r.Online != nil || r.OnTimeRate == nil || *r.OnTimeRate != 0.8889 {
		t.Errorf("first JSON row = %+v, want Quý II, Sở Nông nghiệp và Môi trường, no online figure, rate 0.8889", r)
	}

	data := s.Files["du-lieu/thong-ke.csv"]
	if !bytes.HasPrefix(data, []byte("\uFEFF")) || !bytes.Contains(data, []byte("\r\n")) || bytes.Count(data, []byte("\n")) != bytes.Count(data, []byte("\r\n")) {
		t.Fatal("thong-ke.csv: want a byte-order mark and CRLF line ends only")
	}
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatalf("thong-ke.csv: %v", err)
	}
	if len(recs) != len(j.Rows)+1 || len(recs[0]) != len(render.StatisticsCSVHeader) {
		t.Fatalf("thong-ke.csv: %d records of %d cells, want %d of %d", len(recs), len(recs[0]), len(j.Rows)+1, len(render.StatisticsCSVHeader))
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	for i, rec := range recs[1:] {
		n := func(k string) int {
			v, err := strconv.Atoi(rec[col[k]])
			if err != nil {
				t.Fatalf("thong-ke.csv row %d: %s %q: %v", i+2, k, rec[col[k]], err)
			}
			return v
		}
		want := j.Rows[i]
		if rec[col["ky_ma"]] != want.PeriodCode || rec[col["co_quan"]] != want.Agency || rec[col["linh_vuc_ma"]] != want.FieldCode ||
			n("tiep_nhan_moi") != want.Received || n("dung_han") != want.OnTime || n("dang_giai_quyet") != want.Pending {
			t.Errorf("thong-ke.csv row %d = %v, want the JSON row %+v", i+2, rec, want)
		}
		if n("tiep_nhan_moi")+n("ky_truoc_chuyen_sang") != n("dung_han")+n("tre_han")+n("dang_giai_quyet") {
			t.Errorf("thong-ke.csv row %d does not add up: %v", i+2, rec)
		}
	}
}
