package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"strings"

	"minhbach/internal/diag"
	"minhbach/internal/markdown"
	"minhbach/internal/model"
	"minhbach/internal/urls"
	"minhbach/internal/vnfold"
)

// ConvertProcedure renders a procedure's Markdown body, cut at its level-2
// headings: "Trình tự thực hiện" and "Yêu cầu, điều kiện" take their
// standard places on the page (unless the steps and requirements keys
// give them), the other sections follow.
func (r *Renderer) ConvertProcedure(p *model.Procedure) (model.ProcedureContent, diag.List) {
	var d diag.List
	var c model.ProcedureContent
	var text []string
	var files []model.Copy
	var variants []model.Variant
	for i, part := range markdown.Sections(p.Markdown) {
		if i > 0 && len(bytes.TrimSpace(part.Body)) == 0 {
			continue
		}
		src := p.Source
		src.Markdown = part.Body
		src.BodyLine = p.BodyLine + part.Line
		conv, pd := r.convert(src, p.URL, textSizes)
		d.Append(pd)
		files = append(files, conv.Files...)
		variants = append(variants, conv.Variants...)
		conv.Files, conv.Variants = nil, nil
		switch {
		case i == 0:
			c.Intro = conv
		case sectionIs(part.Title, "trinh tu thuc hien"):
			if len(p.Steps) > 0 {
				d.Warnf(diag.Pos{Path: p.Path, Line: src.BodyLine - 1}, "the steps key already gives the Trình tự thực hiện: this section is not shown (remove one of them)")
				continue
			}
			c.Steps = conv
		case sectionIs(part.Title, "yeu cau dieu kien", "yeu cau dieu kien thuc hien"):
			if len(p.Requirements) > 0 {
				d.Warnf(diag.Pos{Path: p.Path, Line: src.BodyLine - 1}, "the requirements key already gives the Yêu cầu, điều kiện: this section is not shown (remove one of them)")
				continue
			}
			c.Requirements = conv
		default:
			c.Other = append(c.Other, model.Section{Title: part.Title, ID: vnfold.Slug(part.Title), Body: conv})
		}
		text = append(text, part.Title, conv.Text)
	}
	c.Intro.Files, c.Intro.Variants = files, variants
	c.Text = strings.Join(strings.Fields(strings.Join(text, " ")), " ")
	return c, d
}

func sectionIs(title string, keys ...string) bool {
	k := strings.Join(strings.FieldsFunc(vnfold.Fold(title), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}), " ")
	for _, want := range keys {
		if k == want {
			return true
		}
	}
	return false
}

func (r *Renderer) procedureJobs(s *model.Site, page func(url, layout string, p *Page)) []Job {
	c := &s.Catalogue
	if len(c.Procedures) == 0 {
		return nil
	}
	root := Crumb{"Thủ tục hành chính", urls.Procedure}
	for _, p := range c.Procedures {
		pg := &Page{Kind: "procedure", Title: p.Title, Description: procedureSummary(p), Procedure: p,
			Crumbs: []Crumb{home, root, {p.Field.Label, urls.Procedure + "linh-vuc/" + p.Field.Code + "/"}, {Name: p.Code}}}
		pg.JSONLD = r.governmentService(p)
		page(p.URL, "procedure/single.html", pg)
	}
	for _, l := range c.Lists {
		title, crumbs := listPage(root, l.Title, l.Kind != "all", l.Term, l.Pager)
		page(l.URL, "procedure/list.html", &Page{Kind: "procedures", Title: title, ProcList: l, Catalogue: c, Crumbs: crumbs,
			Description: fmt.Sprintf("%s: %d thủ tục.", l.Title, len(l.Items))})
	}
	return []Job{
		{Path: "du-lieu/thu-tuc.json", Run: func() ([]byte, error) { return ProceduresJSON(r.absURL, c.Procedures) }, Data: c.Procedures},
		{Path: "du-lieu/thu-tuc.csv", Run: func() ([]byte, error) { return ProceduresCSV(r.absURL, c.Procedures) }, Data: c.Procedures},
	}
}

// procedureSummary is the page description: what, where, how long, cost.
func procedureSummary(p *model.Procedure) string {
	s := fmt.Sprintf("Thủ tục %s (mã %s), lĩnh vực %s. Cơ quan thực hiện: %s. Thời hạn giải quyết: %s.", p.Title, p.Code, p.Field.Label, p.Agency, p.ProcessingTime)
	if p.Fee != "" {
		s += " Phí, lệ phí: " + p.Fee + "."
	}
	return truncate(300, s)
}

// governmentService returns the schema.org GovernmentService JSON-LD of a
// procedure.
func (r *Renderer) governmentService(p *model.Procedure) template.JS {
	org := func(name string) map[string]any {
		return map[string]any{"@type": "GovernmentOrganization", "name": name}
	}
	ld := map[string]any{
		"@context":        "https://schema.org",
		"@type":           "GovernmentService",
		"@id":             r.absURL(p.URL),
		"url":             r.absURL(p.URL),
		"name":            p.Title,
		"identifier":      p.Code,
		"serviceType":     p.Field.Label,
		"category":        p.Field.Label,
		"provider":        org(p.Agency),
		"serviceOperator": org(p.Agency),
		"inLanguage":      "vi",
	}
	if r.site.Area != "" {
		ld["areaServed"] = map[string]any{"@type": "AdministrativeArea", "name": r.site.Area}
	}
	if p.Target != "" {
		ld["audience"] = map[string]any{"@type": "Audience", "audienceType": p.Target}
	}
	if p.Result != "" {
		ld["serviceOutput"] = map[string]any{"@type": "Thing", "name": p.Result}
	}
	var channels []map[string]any
	for _, m := range p.Methods {
		ch := map[string]any{"@type": "ServiceChannel", "name": m, "description": p.ProcessingTime}
		if p.Place != "" && vnfold.Key(m) == "truc tiep" {
			ch["serviceLocation"] = map[string]any{"@type": "Place", "name": p.Place}
		}
		if vnfold.Key(m) == "truc tuyen" {
			ch["serviceUrl"] = r.absURL(p.URL)
		}
		channels = append(channels, ch)
	}
	if len(channels) > 0 {
		ld["availableChannel"] = channels
	}
	if p.Fee != "" {
		ld["offers"] = map[string]any{"@type": "Offer", "description": p.Fee}
	}
	var basis []map[string]any
	for _, c := range p.LegalBasis {
		basis = append(basis, r.legislationRef(c))
	}
	if len(basis) > 0 {
		ld["isBasedOn"] = basis
	}
	if p.PublishedBy != nil {
		ld["subjectOf"] = r.legislationRef(*p.PublishedBy)
	}
	if p.Status == model.Abolished {
		ld["description"] = "Thủ tục đã bãi bỏ."
	}
	return jsonLD(ld)
}

func (r *Renderer) legislationRef(c model.Citation) map[string]any {
	m := map[string]any{"@type": "Legislation", "legislationIdentifier": c.Number}
	if t := c.Target; t != nil {
		m["legislationIdentifier"], m["name"], m["url"] = t.Number, t.Title, r.absURL(t.URL)
	} else if c.Title != "" {
		m["name"] = c.Title
	}
	return m
}

// ExportProcedure is one procedure in the open-data exports.
type ExportProcedure struct {
	Code           string        `json:"ma_thu_tuc"`
	Title          string        `json:"ten_thu_tuc"`
	FieldCode      string        `json:"linh_vuc_ma"`
	Field          string        `json:"linh_vuc"`
	Levels         []string      `json:"cap_thuc_hien"`
	Agency         string        `json:"co_quan_thuc_hien"`
	Place          string        `json:"dia_diem_tiep_nhan,omitempty"`
	Target         string        `json:"doi_tuong_thuc_hien,omitempty"`
	ProcessingTime string        `json:"thoi_han_giai_quyet"`
	Fee            string        `json:"phi_le_phi,omitempty"`
	Online         string        `json:"muc_do_truc_tuyen_ma"`
	OnlineLabel    string        `json:"muc_do_truc_tuyen"`
	Methods        []string      `json:"cach_thuc_thuc_hien"`
	Steps          []string      `json:"trinh_tu_thuc_hien"`
	Documents      []ExportPaper `json:"thanh_phan_ho_so"`
	Requirements   []string      `json:"yeu_cau_dieu_kien"`
	Result         string        `json:"ket_qua,omitempty"`
	LegalBasis     []ExportCite  `json:"can_cu_phap_ly"`
	PublishedBy    *ExportCite   `json:"quyet_dinh_cong_bo,omitempty"`
	Status         string        `json:"tinh_trang_ma"`
	StatusLabel    string        `json:"tinh_trang"`
	URL            string        `json:"url"`
}

// ExportPaper is one dossier item in the exports.
type ExportPaper struct {
	Name   string      `json:"ten_giay_to"`
	Copies string      `json:"so_luong,omitempty"`
	Form   *ExportFile `json:"bieu_mau,omitempty"`
}

// ExportCite is one cited document in the exports; URL is empty for a
// document outside the site.
type ExportCite struct {
	Number string `json:"so_ky_hieu"`
	Title  string `json:"trich_yeu,omitempty"`
	URL    string `json:"url,omitempty"`
}

func exportCite(abs func(string) string, c model.Citation) ExportCite {
	if t := c.Target; t != nil {
		return ExportCite{Number: t.Number, Title: t.Title, URL: abs(t.URL)}
	}
	return ExportCite{Number: c.Number, Title: c.Title}
}

func exportProcs(abs func(string) string, procs []*model.Procedure) []ExportProcedure {
	out := make([]ExportProcedure, 0, len(procs))
	nonNil := func(s []string) []string {
		if s == nil {
			return []string{}
		}
		return s
	}
	for _, p := range procs {
		x := ExportProcedure{Code: p.Code, Title: p.Title, FieldCode: p.Field.Code, Field: p.Field.Label, Levels: []string{}, Agency: p.Agency,
			Place: p.Place, Target: p.Target, ProcessingTime: p.ProcessingTime, Fee: p.Fee, Online: string(p.Online), OnlineLabel: p.Online.Label(),
			Methods: nonNil(p.Methods), Steps: nonNil(p.Steps), Documents: []ExportPaper{}, Requirements: nonNil(p.Requirements), Result: p.Result,
			LegalBasis: []ExportCite{}, Status: string(p.Status), StatusLabel: p.Status.Label(), URL: abs(p.URL)}
		for _, l := range p.Levels {
			x.Levels = append(x.Levels, l.Label)
		}
		for _, it := range p.Documents {
			e := ExportPaper{Name: it.Name, Copies: it.Copies}
			if f := it.Form; f != nil {
				e.Form = &ExportFile{Title: f.Title, URL: abs(f.URL), Size: f.Size, SHA256: f.SHA256}
			}
			x.Documents = append(x.Documents, e)
		}
		for _, c := range p.LegalBasis {
			x.LegalBasis = append(x.LegalBasis, exportCite(abs, c))
		}
		if p.PublishedBy != nil {
			c := exportCite(abs, *p.PublishedBy)
			x.PublishedBy = &c
		}
		out = append(out, x)
	}
	return out
}

// ProceduresJSON is the open-data export of every procedure, as JSON.
func ProceduresJSON(abs func(string) string, procs []*model.Procedure) ([]byte, error) {
	return json.Marshal(map[string]any{"thu_tuc": exportProcs(abs, procs)})
}

// ProcedureCSVHeader is the header row of the CSV export of procedures.
var ProcedureCSVHeader = []string{"ma_thu_tuc", "ten_thu_tuc", "linh_vuc", "cap_thuc_hien", "co_quan_thuc_hien", "dia_diem_tiep_nhan",
	"doi_tuong_thuc_hien", "thoi_han_giai_quyet", "phi_le_phi", "muc_do_truc_tuyen", "cach_thuc_thuc_hien", "trinh_tu_thuc_hien",
	"thanh_phan_ho_so", "yeu_cau_dieu_kien", "ket_qua", "can_cu_phap_ly", "quyet_dinh_cong_bo", "tinh_trang", "url"}

// ProceduresCSV is the open-data export of every procedure, as CSV in
// UTF-8 with a byte-order mark. Lists are joined with "; ", as catalogues
// write them; a dossier item is "name | copies | form URL".
func ProceduresCSV(abs func(string) string, procs []*model.Procedure) ([]byte, error) {
	var rows [][]string
	join := func(s []string) string { return csvSafe(strings.Join(s, "; ")) }
	for _, x := range exportProcs(abs, procs) {
		var papers, basis []string
		for _, it := range x.Documents {
			parts := []string{it.Name, it.Copies}
			if it.Form != nil {
				parts = append(parts, it.Form.URL)
			}
			papers = append(papers, strings.TrimRight(strings.Join(parts, " | "), " |"))
		}
		for _, c := range x.LegalBasis {
			basis = append(basis, c.Number)
		}
		published := ""
		if x.PublishedBy != nil {
			published = x.PublishedBy.Number
		}
		rows = append(rows, []string{csvSafe(x.Code), csvSafe(x.Title), x.Field, join(x.Levels), csvSafe(x.Agency), csvSafe(x.Place), csvSafe(x.Target),
			csvSafe(x.ProcessingTime), csvSafe(x.Fee), x.OnlineLabel, join(x.Methods), join(x.Steps), join(papers), join(x.Requirements),
			csvSafe(x.Result), join(basis), csvSafe(published), x.StatusLabel, x.URL})
	}
	return csvFile(ProcedureCSVHeader, rows)
}
