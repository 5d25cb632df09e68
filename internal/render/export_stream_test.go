package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"minhbach/internal/model"
)

// exportTestDocs are n documents with the parts an export writes: a
// relation both ways, an attachment, characters JSON escapes.
func exportTestDocs(n int) []*model.Document {
	docs := make([]*model.Document, n)
	day := time.Date(2026, 3, 1, 0, 0, 0, 0, model.Zone)
	for i := range docs {
		docs[i] = &model.Document{Number: fmt.Sprintf("%d/2026/QĐ-UBND", i+1), Title: fmt.Sprintf("Quy định <số %d> & \"điều\" =1+2", i),
			DocType: "Quyết định", Agency: "UBND tỉnh", Signer: "Nguyễn Văn A", Issued: day, Effective: day.AddDate(0, 0, i%30),
			URL: fmt.Sprintf("/van-ban/%d-2026-qd-ubnd/", i+1), Status: model.InForce, Field: model.Code{Code: "dat-dai", Label: "Đất đai"}}
		if i%3 == 1 {
			docs[i].Attachments = []*model.Attachment{{Title: "Phụ lục", URL: "/van-ban/phu-luc.pdf", Size: 1234, SHA256: "ab"}}
		}
	}
	for i := 1; i < n; i += 5 {
		docs[i].Relations = []model.Relation{{Kind: model.Amends, Number: docs[i-1].Number, Target: docs[i-1], Scope: "Điều 5", Effect: day}}
		docs[i-1].Back = append(docs[i-1].Back, model.BackRelation{Kind: model.Amends, From: docs[i], Scope: "Điều 5", Effect: day})
	}
	return docs
}

// TestDocumentsExportStreamed: the open-data exports, written a document
// at a time, are the bytes of marshalling every record at once.
func TestDocumentsExportStreamed(t *testing.T) {
	abs := func(p string) string { return "https://example.gov.vn" + p }
	asOf := time.Date(2026, 11, 23, 0, 0, 0, 0, model.Zone)
	for _, n := range []int{0, 1, 64, 65, 300} {
		docs := exportTestDocs(n)
		all := make([]ExportDocument, 0, n)
		for _, d := range docs {
			all = append(all, exportDoc(abs, d))
		}
		want, err := json.Marshal(map[string]any{"tinh_trang_tinh_den_ngay": day(asOf), "van_ban": all})
		if err != nil {
			t.Fatal(err)
		}
		got, err := DocumentsJSON(abs, docs, asOf)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%d documents: the JSON export differs from marshalling them at once:\n got %.300s\nwant %.300s", n, got, want)
		}

		csvData, err := DocumentsCSV(abs, docs, asOf)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(csvData, []byte("\uFEFF")))).ReadAll()
		if err != nil {
			t.Fatalf("%d documents: CSV export: %v", n, err)
		}
		if len(rows) != n+1 {
			t.Errorf("%d documents: %d CSV rows, want %d and the header", n, len(rows), n)
		}
		for i, d := range docs {
			if i+1 < len(rows) && rows[i+1][0] != d.Number {
				t.Errorf("%d documents: row %d is %q, want %q", n, i+1, rows[i+1][0], d.Number)
			}
		}
	}
}
