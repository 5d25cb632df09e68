package render

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"minhbach/internal/model"
)

// ExportConsultation is one draft for comment in the open-data exports.
type ExportConsultation struct {
	Title      string           `json:"tieu_de"`
	Agency     string           `json:"co_quan_chu_tri_soan_thao"`
	DocType    string           `json:"loai_van_ban"`
	Field      string           `json:"linh_vuc,omitempty"`
	Summary    string           `json:"tom_tat,omitempty"`
	Opens      string           `json:"ngay_bat_dau"`
	Closes     string           `json:"ngay_ket_thuc"`
	State      string           `json:"tinh_trang_ma"`
	StateLabel string           `json:"tinh_trang"`
	DaysLeft   int              `json:"so_ngay_con_lai"`
	Email      string           `json:"email,omitempty"`
	Address    string           `json:"dia_chi,omitempty"`
	FormURL    string           `json:"url_gop_y,omitempty"`
	IssuedAs   *ExportCite      `json:"van_ban_ban_hanh,omitempty"`
	Files      []ExportRoleFile `json:"tep"`
	URL        string           `json:"url"`
}

// ExportRoleFile is one file of a consultation in the exports.
type ExportRoleFile struct {
	Role      string `json:"vai_tro_ma"`
	RoleLabel string `json:"vai_tro"`
	ExportFile
}

func exportConsultations(abs func(string) string, items []*model.Consultation) []ExportConsultation {
	out := make([]ExportConsultation, 0, len(items))
	for _, c := range items {
		x := ExportConsultation{Title: c.Title, Agency: c.Agency, DocType: c.DocType, Field: c.Field.Label, Summary: c.Summary,
			Opens: day(c.Opens), Closes: day(c.Closes), State: string(c.State), StateLabel: c.StateText(), DaysLeft: c.DaysLeft,
			Email: c.Email, Address: c.Address, FormURL: c.FormURL, Files: []ExportRoleFile{}, URL: abs(c.URL)}
		if c.IssuedAs != nil {
			e := exportCite(abs, *c.IssuedAs)
			x.IssuedAs = &e
		}
		for _, f := range c.Files {
			x.Files = append(x.Files, ExportRoleFile{Role: string(f.Role), RoleLabel: f.Role.Label(),
				ExportFile: ExportFile{Title: f.Title, URL: abs(f.URL), Size: f.Size, SHA256: f.SHA256}})
		}
		out = append(out, x)
	}
	return out
}

// ConsultationsJSON is the open-data export of the drafts for comment,
// with the date their states hold on (tinh_trang_tinh_den_ngay).
func ConsultationsJSON(abs func(string) string, items []*model.Consultation, asOf time.Time) ([]byte, error) {
	return json.Marshal(map[string]any{"tinh_trang_tinh_den_ngay": day(asOf), "du_thao": exportConsultations(abs, items)})
}

// ConsultationCSVHeader is the header row of the CSV export of drafts.
var ConsultationCSVHeader = []string{"tieu_de", "co_quan_chu_tri_soan_thao", "loai_van_ban", "linh_vuc", "ngay_bat_dau", "ngay_ket_thuc",
	"tinh_trang", "tinh_trang_tinh_den_ngay", "email", "dia_chi", "url_gop_y", "van_ban_ban_hanh", "tep", "url"}

// ConsultationsCSV is the open-data export of the drafts for comment, as
// CSV (UTF-8 with a byte-order mark, CRLF); files are "role: URL" joined
// with "; ".
func ConsultationsCSV(abs func(string) string, items []*model.Consultation, asOf time.Time) ([]byte, error) {
	var rows [][]string
	for _, x := range exportConsultations(abs, items) {
		var files []string
		for _, f := range x.Files {
			files = append(files, f.RoleLabel+": "+f.URL)
		}
		issued := ""
		if x.IssuedAs != nil {
			issued = x.IssuedAs.Number
		}
		rows = append(rows, []string{csvSafe(x.Title), csvSafe(x.Agency), x.DocType, x.Field, x.Opens, x.Closes, x.StateLabel, day(asOf),
			csvSafe(x.Email), csvSafe(x.Address), csvSafe(x.FormURL), csvSafe(issued), csvSafe(strings.Join(files, "; ")), x.URL})
	}
	return csvFile(ConsultationCSVHeader, rows)
}

// ExportBudget is one budget disclosure in the exports. Its tables give
// their columns and rows; an amount is a JSON number in the table's unit,
// text a string, an empty cell null.
type ExportBudget struct {
	Title       string        `json:"tieu_de"`
	Year        int           `json:"nam_ngan_sach"`
	Stage       string        `json:"giai_doan_ma"`
	StageLabel  string        `json:"giai_doan"`
	Period      string        `json:"ky_bao_cao"`
	Agency      string        `json:"co_quan_cong_khai"`
	Decision    *ExportCite   `json:"quyet_dinh,omitempty"`
	Decided     string        `json:"ngay_quyet_dinh,omitempty"`
	Published   string        `json:"ngay_cong_khai"`
	Deadline    string        `json:"han_cong_khai,omitempty"`
	OnTime      *bool         `json:"dung_han,omitempty"`
	Tables      []ExportTable `json:"bang_so_lieu"`
	Attachments []ExportFile  `json:"tep_dinh_kem"`
	URL         string        `json:"url"`
}

// ExportTable is one table of a budget disclosure in the exports.
type ExportTable struct {
	Title   string   `json:"ten"`
	Unit    string   `json:"don_vi"`
	URL     string   `json:"url_csv"`
	Columns []string `json:"cot"`
	Rows    [][]any  `json:"dong"`
}

func exportBudgets(abs func(string) string, items []*model.Budget) []ExportBudget {
	out := make([]ExportBudget, 0, len(items))
	for _, b := range items {
		x := ExportBudget{Title: b.Title, Year: b.Year, Stage: string(b.Stage), StageLabel: b.Stage.Label(), Period: b.PeriodLabel(), Agency: b.Agency,
			Decided: day(b.Decided), Published: day(b.Published), Deadline: day(b.Deadline), Tables: []ExportTable{}, Attachments: []ExportFile{}, URL: abs(b.URL)}
		if b.Decision != nil {
			e := exportCite(abs, *b.Decision)
			x.Decision = &e
		}
		if !b.Deadline.IsZero() {
			ok := !b.Late
			x.OnTime = &ok
		}
		for _, t := range b.Tables {
			et := ExportTable{Title: t.Title, Unit: t.Unit, URL: abs(t.File.URL), Columns: t.Head, Rows: [][]any{}}
			for _, row := range t.Rows {
				cells := make([]any, len(row))
				for i, c := range row {
					switch {
					case c.Amount:
						cells[i] = json.Number(c.Value)
					case c.Text != "" && i <= t.Label:
						cells[i] = c.Text
					}
				}
				et.Rows = append(et.Rows, cells)
			}
			x.Tables = append(x.Tables, et)
		}
		for _, a := range b.Attachments {
			x.Attachments = append(x.Attachments, ExportFile{Title: a.Title, URL: abs(a.URL), Size: a.Size, SHA256: a.SHA256})
		}
		out = append(out, x)
	}
	return out
}

// BudgetsJSON is the open-data export of the budget disclosures.
func BudgetsJSON(abs func(string) string, items []*model.Budget) ([]byte, error) {
	return json.Marshal(map[string]any{"ngan_sach": exportBudgets(abs, items)})
}

// BudgetCSVHeader is the header row of the CSV export of budget disclosures.
var BudgetCSVHeader = []string{"tieu_de", "nam_ngan_sach", "giai_doan", "ky_bao_cao", "co_quan_cong_khai", "quyet_dinh", "ngay_quyet_dinh",
	"ngay_cong_khai", "han_cong_khai", "dung_han", "bang_so_lieu", "tep_dinh_kem", "url"}

// BudgetsCSV is the open-data export of the budget disclosures, one row
// each; their tables are the CSV files the row links to.
func BudgetsCSV(abs func(string) string, items []*model.Budget) ([]byte, error) {
	var rows [][]string
	for _, x := range exportBudgets(abs, items) {
		var tables, files []string
		for _, t := range x.Tables {
			tables = append(tables, t.URL)
		}
		for _, f := range x.Attachments {
			files = append(files, f.URL)
		}
		decision, onTime := "", ""
		if x.Decision != nil {
			decision = x.Decision.Number
		}
		if x.OnTime != nil {
			onTime = map[bool]string{true: "có", false: "không"}[*x.OnTime]
		}
		rows = append(rows, []string{csvSafe(x.Title), fmt.Sprint(x.Year), x.StageLabel, x.Period, csvSafe(x.Agency), csvSafe(decision), x.Decided,
			x.Published, x.Deadline, onTime, strings.Join(tables, "; "), strings.Join(files, "; "), x.URL})
	}
	return csvFile(BudgetCSVHeader, rows)
}

// ExportProject is one public investment project in the exports;
// amounts are JSON numbers in triệu đồng.
type ExportProject struct {
	Title       string          `json:"ten_du_an"`
	Code        string          `json:"ma_du_an,omitempty"`
	Investor    string          `json:"chu_dau_tu"`
	Total       json.Number     `json:"tong_muc_dau_tu_trieu_dong"`
	Funding     string          `json:"nguon_von,omitempty"`
	Location    string          `json:"dia_diem"`
	Start       int             `json:"nam_bat_dau"`
	End         int             `json:"nam_hoan_thanh"`
	Status      string          `json:"tinh_trang_ma"`
	StatusLabel string          `json:"tinh_trang"`
	Group       string          `json:"nhom_du_an,omitempty"`
	Field       string          `json:"linh_vuc,omitempty"`
	Decision    *ExportCite     `json:"quyet_dinh,omitempty"`
	Packages    []ExportPackage `json:"goi_thau"`
	URL         string          `json:"url"`
}

// ExportPackage is one bidding package in the exports; the result's keys
// are absent while no winner is chosen.
type ExportPackage struct {
	Name        string      `json:"ten_goi_thau"`
	Method      string      `json:"hinh_thuc_ma"`
	MethodLabel string      `json:"hinh_thuc_lua_chon_nha_thau"`
	Price       json.Number `json:"gia_goi_thau_trieu_dong"`
	Winner      string      `json:"nha_thau_trung_thau,omitempty"`
	WinPrice    json.Number `json:"gia_trung_thau_trieu_dong,omitempty"`
	Date        string      `json:"ngay_phe_duyet_ket_qua,omitempty"`
}

func exportProjects(abs func(string) string, items []*model.Project) []ExportProject {
	out := make([]ExportProject, 0, len(items))
	for _, p := range items {
		x := ExportProject{Title: p.Title, Code: p.Code, Investor: p.Investor, Total: json.Number(p.Total.Value), Funding: p.Funding, Location: p.Location,
			Start: p.Start, End: p.End, Status: string(p.Status), StatusLabel: p.Status.Label(), Group: p.Group, Field: p.Field.Label,
			Packages: []ExportPackage{}, URL: abs(p.URL)}
		if p.Decision != nil {
			e := exportCite(abs, *p.Decision)
			x.Decision = &e
		}
		for _, pk := range p.Packages {
			x.Packages = append(x.Packages, ExportPackage{Name: pk.Name, Method: string(pk.Method), MethodLabel: pk.Method.Label(),
				Price: json.Number(pk.Price.Value), Winner: pk.Winner, WinPrice: json.Number(pk.WinPrice.Value), Date: day(pk.Date)})
		}
		out = append(out, x)
	}
	return out
}

// ProjectsJSON is the open-data export of the projects with their
// bidding packages.
func ProjectsJSON(abs func(string) string, items []*model.Project) ([]byte, error) {
	return json.Marshal(map[string]any{"du_an": exportProjects(abs, items)})
}

// ProjectCSVHeader is the header row of the CSV export of projects.
var ProjectCSVHeader = []string{"ten_du_an", "ma_du_an", "chu_dau_tu", "tong_muc_dau_tu_trieu_dong", "nguon_von", "dia_diem", "nam_bat_dau",
	"nam_hoan_thanh", "tinh_trang", "nhom_du_an", "linh_vuc", "quyet_dinh", "so_goi_thau", "url"}

// ProjectsCSV is the open-data export of the projects, one row each
// (their packages are in goi-thau.csv). Amounts are written for machines
// (1234567.5).
func ProjectsCSV(abs func(string) string, items []*model.Project) ([]byte, error) {
	var rows [][]string
	for _, x := range exportProjects(abs, items) {
		decision := ""
		if x.Decision != nil {
			decision = x.Decision.Number
		}
		rows = append(rows, []string{csvSafe(x.Title), csvSafe(x.Code), csvSafe(x.Investor), string(x.Total), csvSafe(x.Funding), csvSafe(x.Location),
			fmt.Sprint(x.Start), fmt.Sprint(x.End), x.StatusLabel, x.Group, x.Field, csvSafe(decision), fmt.Sprint(len(x.Packages)), x.URL})
	}
	return csvFile(ProjectCSVHeader, rows)
}

// PackageCSVHeader is the header row of the CSV export of bidding packages.
var PackageCSVHeader = []string{"ten_du_an", "chu_dau_tu", "ten_goi_thau", "hinh_thuc_lua_chon_nha_thau", "gia_goi_thau_trieu_dong",
	"nha_thau_trung_thau", "gia_trung_thau_trieu_dong", "ngay_phe_duyet_ket_qua", "url_du_an"}

// PackagesCSV is the open-data export of every bidding package, one row
// each, with its project.
func PackagesCSV(abs func(string) string, items []*model.Project) ([]byte, error) {
	var rows [][]string
	for _, x := range exportProjects(abs, items) {
		for _, pk := range x.Packages {
			rows = append(rows, []string{csvSafe(x.Title), csvSafe(x.Investor), csvSafe(pk.Name), pk.MethodLabel, string(pk.Price), csvSafe(pk.Winner),
				string(pk.WinPrice), pk.Date, x.URL})
		}
	}
	return csvFile(PackageCSVHeader, rows)
}
