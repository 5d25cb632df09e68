package build_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"minhbach/internal/render"
	"minhbach/internal/sitetest"
)

var procItem = regexp.MustCompile(`<li class="proc-item">\s*<a href="[^"]*">([^<]*)</a>`)

// listedTitles returns the procedure titles a list page shows, in order.
func listedTitles(page []byte) []string {
	var out []string
	for _, m := range procItem.FindAllSubmatch(page, -1) {
		out = append(out, string(m[1]))
	}
	return out
}

// TestProcedureCollationOrder checks that a field's list is in Vietnamese
// alphabetical order (Đ after D and before E, tones in the order ngang,
// huyền, hỏi, ngã, sắc, nặng), not in byte order.
func TestProcedureCollationOrder(t *testing.T) {
	_, s := buildArchive(t, "testdata/sites/procedures.txtar")
	got := listedTitles(s.Files["thu-tuc/linh-vuc/ho-tich/index.html"])
	want := []string{"Cấp bản sao trích lục hộ tịch", "Di chuyển hồ sơ hộ tịch", "Đăng ký kết hôn", "Đăng ký khai sinh",
		"Ghi vào sổ hộ tịch việc kết hôn", "Xác nhận thông tin hộ tịch"}
	if !slices.Equal(got, want) {
		t.Errorf("ho-tich list order:\n got %q\nwant %q", got, want)
	}

	// Titles that differ only by their tone mark, written in shuffled order.
	tones := []string{"mạ", "má", "mã", "mả", "mà", "ma", "mác", "Đa", "Da", "Ea"}
	a := &txtar.Archive{Files: []txtar.File{{Name: "site.yaml", Data: []byte("title: T\nlevels: {tinh: Cấp tỉnh}\nfields: {y-te: Y tế}\n")}}}
	var rows strings.Builder
	rows.WriteString("code,title,field,level,agency,processing_time\n")
	for i, title := range tones {
		fmt.Fprintf(&rows, "1.%06d,%s,y-te,tinh,Sở Y tế,01 ngày\n", i+1, title)
	}
	a.Files = append(a.Files, txtar.File{Name: "content/procedures/tones.csv", Data: []byte(rows.String())})
	ts := sitetest.Build(t, a)
	if ts.Errors != "" {
		t.Fatalf("errors:\n%s", ts.Errors)
	}
	got = listedTitles(ts.Files["thu-tuc/linh-vuc/y-te/index.html"])
	want = []string{"Da", "Đa", "Ea", "ma", "mà", "mả", "mã", "má", "mạ", "mác"} // tones are secondary: "mạ" < "mác"
	if !slices.Equal(got, want) {
		t.Errorf("tone order:\n got %q\nwant %q", got, want)
	}
}

// procedureSources is one procedure written three ways, with the same
// keys and values.
var procedureSources = map[string]string{
	"content/procedures/1.000009.md": `---
code: "1.000009"
title: Cấp phiếu lý lịch tư pháp
field: tu-phap
level: [tinh]
agency: Sở Tư pháp
place: Trung tâm Phục vụ hành chính công tỉnh
target: Công dân Việt Nam, người nước ngoài
processing_time: 10 ngày làm việc
fee: "200.000 đồng/lần"
online: partial
methods: [Trực tiếp, Trực tuyến, Dịch vụ bưu chính]
steps: ["Bước 1: Nộp tờ khai.", "Bước 2: Nhận phiếu."]
documents:
  - {name: Tờ khai yêu cầu cấp phiếu, copies: 01 bản chính, form: mau/to-khai.pdf}
  - {name: Bản chụp giấy tờ tùy thân, copies: 01 bản chụp}
requirements: [Người yêu cầu từ đủ 14 tuổi trở lên.]
result: Phiếu lý lịch tư pháp
legal_basis:
  - 7/2026/QĐ-UBND
  - {number: 28/2009/QH12, external: true, title: Luật Lý lịch tư pháp}
published_by: 7/2026/QĐ-UBND
status: amended
---
`,
	"content/procedures/danh-muc.csv": "code,title,field,level,agency,place,target,processing_time,fee,online,methods,steps,documents,requirements,result,legal_basis,published_by,status\n" +
		`1.000009,Cấp phiếu lý lịch tư pháp,tu-phap,tinh,Sở Tư pháp,Trung tâm Phục vụ hành chính công tỉnh,"Công dân Việt Nam, người nước ngoài",10 ngày làm việc,200.000 đồng/lần,partial,Trực tiếp; Trực tuyến; Dịch vụ bưu chính,Bước 1: Nộp tờ khai.;Bước 2: Nhận phiếu.,Tờ khai yêu cầu cấp phiếu | 01 bản chính | mau/to-khai.pdf; Bản chụp giấy tờ tùy thân | 01 bản chụp,Người yêu cầu từ đủ 14 tuổi trở lên.,Phiếu lý lịch tư pháp,7/2026/QĐ-UBND; 28/2009/QH12 | Luật Lý lịch tư pháp,7/2026/QĐ-UBND,amended` + "\r\n",
	"content/procedures/danh-muc.json": `[{"code": "1.000009", "title": "Cấp phiếu lý lịch tư pháp", "field": "tu-phap", "level": ["tinh"],
  "agency": "Sở Tư pháp", "place": "Trung tâm Phục vụ hành chính công tỉnh", "target": "Công dân Việt Nam, người nước ngoài",
  "processing_time": "10 ngày làm việc", "fee": "200.000 đồng/lần", "online": "partial",
  "methods": ["Trực tiếp", "Trực tuyến", "Dịch vụ bưu chính"], "steps": ["Bước 1: Nộp tờ khai.", "Bước 2: Nhận phiếu."],
  "documents": [{"name": "Tờ khai yêu cầu cấp phiếu", "copies": "01 bản chính", "form": "mau/to-khai.pdf"},
                {"name": "Bản chụp giấy tờ tùy thân", "copies": "01 bản chụp"}],
  "requirements": ["Người yêu cầu từ đủ 14 tuổi trở lên."], "result": "Phiếu lý lịch tư pháp",
  "legal_basis": ["7/2026/QĐ-UBND", {"number": "28/2009/QH12", "external": true, "title": "Luật Lý lịch tư pháp"}],
  "published_by": "7/2026/QĐ-UBND", "status": "amended"}]
`,
}

// TestProcedureSourcesRenderAlike builds the same procedure from a Markdown
// file, a CSV row and a JSON object: every output file must be the same.
func TestProcedureSourcesRenderAlike(t *testing.T) {
	common := []txtar.File{
		{Name: "site.yaml", Data: []byte("title: T\narea: Tỉnh Sơn Hà\nlevels: {tinh: Cấp tỉnh}\nfields: {tu-phap: Tư pháp}\n")},
		{Name: "content/procedures/mau/to-khai.pdf", Data: []byte("%PDF-1.4 mẫu\n")},
		{Name: "content/gazette/documents/7.md", Data: []byte("---\nnumber: 7/2026/QĐ-UBND\ntitle: Công bố thủ tục lĩnh vực tư pháp\ndoc_type: Quyết định\nagency: UBND tỉnh\nsigner: A\nissued: 2026-01-05\nfield: tu-phap\n---\nNội dung.\n")},
	}
	var sites []*sitetest.Site
	var names []string
	for name, src := range procedureSources {
		a := &txtar.Archive{Files: append(slices.Clone(common), txtar.File{Name: name, Data: []byte(src)})}
		s := sitetest.Build(t, a)
		if s.Errors != "" {
			t.Fatalf("%s: errors:\n%s", name, s.Errors)
		}
		page := string(s.Files["thu-tuc/1.000009/index.html"])
		for _, want := range []string{"Bước 2: Nhận phiếu.", "Bản chụp giấy tờ tùy thân</span> <span class=\"copies\">– 01 bản chụp",
			"28/2009/QH12 – Luật Lý lịch tư pháp", `href="/van-ban/7-2026-qd-ubnd/" data-abs="http://localhost/van-ban/7-2026-qd-ubnd/">Quyết định 7/2026/QĐ-UBND</a>`,
			"Người yêu cầu từ đủ 14 tuổi trở lên.", "Công dân Việt Nam, người nước ngoài", "Đã được sửa đổi, bổ sung"} {
			if !strings.Contains(page, want) {
				t.Errorf("%s: the page lacks %q", name, want)
			}
		}
		sites = append(sites, s)
		names = append(names, name)
	}
	for i := 1; i < len(sites); i++ {
		a, b := sites[0], sites[i]
		if !slices.Equal(a.Paths(), b.Paths()) {
			t.Errorf("%s and %s write different files:\n%q\n%q", names[0], names[i], a.Paths(), b.Paths())
			continue
		}
		for _, p := range a.Paths() {
			if !bytes.Equal(a.Files[p], b.Files[p]) {
				t.Errorf("%s differs between %s and %s:\n%s\n---\n%s", p, names[0], names[i], a.Files[p], b.Files[p])
			}
		}
	}
}

// TestProcedureExports parses the open-data exports back.
func TestProcedureExports(t *testing.T) {
	_, s := buildArchive(t, "testdata/sites/procedures.txtar")
	var j struct {
		Procs []render.ExportProcedure `json:"thu_tuc"`
	}
	if err := json.Unmarshal(s.Files["du-lieu/thu-tuc.json"], &j); err != nil {
		t.Fatalf("thu-tuc.json: %v", err)
	}
	if len(j.Procs) != 11 {
		t.Fatalf("thu-tuc.json has %d procedures, want 11 (abolished ones included)", len(j.Procs))
	}
	by := map[string]render.ExportProcedure{}
	for _, p := range j.Procs {
		by[p.Code] = p
	}
	p := by["1.000001"]
	if p.Title != "Đăng ký khai sinh" || p.FieldCode != "ho-tich" || p.Online != "full" || !slices.Equal(p.Levels, []string{"Cấp xã"}) {
		t.Errorf("1.000001 = %+v", p)
	}
	if len(p.Documents) != 2 || p.Documents[0].Form == nil || p.Documents[0].Form.URL != "http://localhost/thu-tuc/bieu-mau/mau/to-khai.pdf" || len(p.Documents[0].Form.SHA256) != 64 {
		t.Errorf("1.000001 documents = %+v", p.Documents)
	}
	if len(p.LegalBasis) != 2 || p.LegalBasis[0].URL != "http://localhost/van-ban/25-2025-qd-ubnd/" || p.LegalBasis[1].URL != "" || p.LegalBasis[1].Title != "Luật Hộ tịch" {
		t.Errorf("1.000001 legal basis = %+v", p.LegalBasis)
	}
	if p.PublishedBy == nil || p.PublishedBy.Number != "1835/QĐ-UBND" {
		t.Errorf("1.000001 published_by = %+v", p.PublishedBy)
	}
	if by["1.000006"].Status != "abolished" || by["2.000002"].StatusLabel != "Đã được sửa đổi, bổ sung" {
		t.Errorf("statuses: %+v / %+v", by["1.000006"], by["2.000002"])
	}

	// The page's GovernmentService JSON-LD parses and names the service.
	page := s.Files["thu-tuc/1.000001/index.html"]
	m := regexp.MustCompile(`<script type="application/ld\+json">(.*?)</script>`).FindSubmatch(page)
	if m == nil {
		t.Fatal("thu-tuc/1.000001/: no JSON-LD")
	}
	var ld struct {
		Type       string `json:"@type"`
		Name       string `json:"name"`
		Identifier string `json:"identifier"`
		Service    string `json:"serviceType"`
		Provider   struct{ Name string }
		Operator   struct{ Name string } `json:"serviceOperator"`
		Area       struct{ Name string } `json:"areaServed"`
		Channels   []struct {
			Name     string
			Location *struct{ Name string } `json:"serviceLocation"`
		} `json:"availableChannel"`
		Basis []struct {
			ID  string `json:"legislationIdentifier"`
			URL string `json:"url"`
		} `json:"isBasedOn"`
	}
	if err := json.Unmarshal(m[1], &ld); err != nil {
		t.Fatalf("JSON-LD: %v\n%s", err, m[1])
	}
	if ld.Type != "GovernmentService" || ld.Name != "Đăng ký khai sinh" || ld.Identifier != "1.000001" || ld.Service != "Hộ tịch" ||
		ld.Provider.Name != "Ủy ban nhân dân cấp xã" || ld.Operator.Name == "" || ld.Area.Name != "Tỉnh Sơn Hà" {
		t.Errorf("JSON-LD = %+v", ld)
	}
	if len(ld.Channels) != 2 || ld.Channels[0].Location == nil || ld.Channels[0].Location.Name != "Bộ phận Một cửa Ủy ban nhân dân cấp xã" {
		t.Errorf("JSON-LD channels = %+v", ld.Channels)
	}
	if len(ld.Basis) != 2 || ld.Basis[0].URL != "http://localhost/van-ban/25-2025-qd-ubnd/" || ld.Basis[1].ID != "60/2014/QH13" {
		t.Errorf("JSON-LD isBasedOn = %+v", ld.Basis)
	}

	data := s.Files["du-lieu/thu-tuc.csv"]
	if !bytes.HasPrefix(data, []byte("\uFEFF")) {
		t.Error("thu-tuc.csv lacks the UTF-8 byte-order mark Excel needs")
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatalf("thu-tuc.csv: %v", err)
	}
	if !slices.Equal(rows[0], render.ProcedureCSVHeader) || len(rows) != 12 {
		t.Fatalf("thu-tuc.csv: header %q, %d rows", rows[0], len(rows))
	}
	col := func(name string) int { return slices.Index(rows[0], name) }
	for _, r := range rows[1:] {
		if r[col("ma_thu_tuc")] != "1.000003" {
			continue
		}
		if r[col("phi_le_phi")] != "8.000 đồng/bản, miễn cho người có công" || r[col("cap_thuc_hien")] != "Cấp tỉnh; Cấp xã" ||
			r[col("thanh_phan_ho_so")] != "Tờ khai | 01 bản chính | http://localhost/thu-tuc/bieu-mau/mau/to-khai.pdf; Giấy tờ tùy thân" {
			t.Errorf("1.000003 row = %q", r)
		}
		return
	}
	t.Error("thu-tuc.csv has no row for 1.000003")
}
