package model

import (
	"fmt"
	"time"

	"minhbach/internal/diag"
)

// This file holds the kinds of information the law on access to
// information (Luật Tiếp cận thông tin 104/2016/QH13, Điều 17 and 19)
// asks a portal to publish besides the gazette and procedures: drafts
// open for comment, budget disclosures and public investment projects.

// ConsultationState is where a draft stands in its comment period, on
// the build date.
type ConsultationState string

// The states of a consultation.
const (
	ConsultUpcoming ConsultationState = "upcoming"
	ConsultOpen     ConsultationState = "open"
	ConsultClosed   ConsultationState = "closed"
)

// ConsultationStates lists the states in the order lists show them:
// open consultations first.
var ConsultationStates = []ConsultationState{ConsultOpen, ConsultUpcoming, ConsultClosed}

// Label returns the state's Vietnamese label.
func (s ConsultationState) Label() string {
	switch s {
	case ConsultUpcoming:
		return "Chưa đến thời hạn góp ý"
	case ConsultOpen:
		return "Đang lấy ý kiến"
	case ConsultClosed:
		return "Đã hết thời hạn góp ý"
	}
	return string(s)
}

// Slug returns the state's URL segment.
func (s ConsultationState) Slug() string {
	switch s {
	case ConsultUpcoming:
		return "sap-lay-y-kien"
	case ConsultOpen:
		return "dang-lay-y-kien"
	case ConsultClosed:
		return "het-han-gop-y"
	}
	return string(s)
}

// FileRole says what a file published with a consultation is.
type FileRole string

// The roles of a consultation's files.
const (
	RoleDraft    FileRole = "du_thao"
	RoleReport   FileRole = "to_trinh"
	RoleResponse FileRole = "tong_hop"
	RoleOther    FileRole = "khac"
)

// FileRoles lists the roles in the order pages show them.
var FileRoles = []FileRole{RoleDraft, RoleReport, RoleResponse, RoleOther}

// Label returns the role's Vietnamese label.
func (r FileRole) Label() string {
	switch r {
	case RoleDraft:
		return "Dự thảo văn bản"
	case RoleReport:
		return "Tờ trình, báo cáo thuyết minh"
	case RoleResponse:
		return "Báo cáo tổng hợp, tiếp thu, giải trình ý kiến góp ý"
	case RoleOther:
		return "Tài liệu khác"
	}
	return string(r)
}

// RoleFile is a file published with a consultation, with its role.
type RoleFile struct {
	Role FileRole
	*Attachment
}

// Consultation is a dự thảo lấy ý kiến: a draft document or policy
// published for the public's comments between two dates.
type Consultation struct {
	Source
	Title string
	// Agency is the cơ quan chủ trì soạn thảo.
	Agency  string
	DocType string
	Field   Code
	Summary string
	// Opens and Closes are the first and the last day of comments.
	Opens, Closes time.Time
	// Files keep the order written.
	Files []RoleFile
	// How to comment: an email address, a postal address and the
	// address of a form on another site (each may be empty).
	Email, Address, FormURL string
	// IssuedAs is the gazette document finally issued from the draft.
	IssuedAs *Citation
	Slug     string
	SlugPos  diag.Pos

	// Set by graph.

	// URL always begins and ends with '/'.
	URL string `fingerprint:"link"`
	// State is the state on AsOf, the build date; DaysLeft the days from
	// AsOf to Closes while open (0 on the last day).
	State    ConsultationState
	DaysLeft int
	AsOf     time.Time
	Content  Converted `fingerprint:"body"`
}

// StateText says the state in a sentence: "Đang lấy ý kiến, còn 5
// ngày", "Đang lấy ý kiến, hôm nay là ngày cuối".
func (c *Consultation) StateText() string {
	if c.State != ConsultOpen {
		return c.State.Label()
	}
	if c.DaysLeft == 0 {
		return c.State.Label() + ", hôm nay là ngày cuối"
	}
	return fmt.Sprintf("%s, còn %d ngày", c.State.Label(), c.DaysLeft)
}

// FilesOf returns the consultation's files of one role.
func (c *Consultation) FilesOf(r FileRole) []RoleFile {
	var out []RoleFile
	for _, f := range c.Files {
		if f.Role == r {
			out = append(out, f)
		}
	}
	return out
}

// Consultations is the part of the site with drafts for comment.
type Consultations struct {
	// Items are open consultations first (closing soonest first), then
	// those not yet open, then the closed ones (latest closed first).
	Items    []*Consultation `fingerprint:"records"`
	Open     []*Consultation `fingerprint:"records"`
	Years    []*Facet[*Consultation]
	Agencies []*Facet[*Consultation]
	States   []*Facet[*Consultation]
	Lists    []*List[*Consultation]
	AsOf     time.Time
	// Next is the first day after AsOf on which a consultation opens or
	// closes (the day after its last day), with those that change then;
	// zero when none will.
	Next      time.Time
	NextItems []*Consultation `fingerprint:"records"`
}

// BudgetStage is the step of the budget cycle a disclosure belongs to.
type BudgetStage string

// The stages of the content contract.
const (
	StageEstimate BudgetStage = "du_toan"
	StageQuarter  BudgetStage = "thuc_hien_quy"
	StageHalf     BudgetStage = "thuc_hien_6_thang"
	StageYear     BudgetStage = "thuc_hien_nam"
	StageSettled  BudgetStage = "quyet_toan"
)

// BudgetStages lists the stages in the order of the budget cycle.
var BudgetStages = []BudgetStage{StageEstimate, StageQuarter, StageHalf, StageYear, StageSettled}

// Label returns the stage's Vietnamese label.
func (s BudgetStage) Label() string {
	switch s {
	case StageEstimate:
		return "Dự toán"
	case StageQuarter:
		return "Tình hình thực hiện quý"
	case StageHalf:
		return "Tình hình thực hiện 6 tháng"
	case StageYear:
		return "Tình hình thực hiện năm"
	case StageSettled:
		return "Quyết toán"
	}
	return string(s)
}

// Slug returns the stage's URL segment.
func (s BudgetStage) Slug() string {
	switch s {
	case StageEstimate:
		return "du-toan"
	case StageQuarter:
		return "thuc-hien-quy"
	case StageHalf:
		return "thuc-hien-6-thang"
	case StageYear:
		return "thuc-hien-nam"
	case StageSettled:
		return "quyet-toan"
	}
	return string(s)
}

// FromPeriodEnd reports whether the stage's deadline counts from the end
// of the period reported on rather than from the deciding document.
func (s BudgetStage) FromPeriodEnd() bool { return s == StageQuarter || s == StageHalf }

// Cell is one cell of a table: its text as pages show it and, for an
// amount, its value for machines ("1234567.5").
type Cell struct {
	Text   string
	Value  string
	Amount bool
}

// Table is a table of figures published with a budget disclosure, read
// from a CSV file beside it.
type Table struct {
	Title string
	// Unit is the unit of the amounts ("triệu đồng").
	Unit string
	// File is the CSV file, published for download too.
	File *Attachment
	// Head is the header row; Rows the others. In each row the cells
	// before Label are text, the one at Label names the row.
	Head  []string
	Rows  [][]Cell
	Label int
	Pos   diag.Pos
}

// Budget is a công khai ngân sách: one disclosure of the budget of a
// fiscal year at one stage, with its tables.
type Budget struct {
	Source
	Title string
	Year  int
	Stage BudgetStage
	// Period is the quarter (1–4) of a quarterly report, else 0.
	Period int
	// Agency is the office that discloses (cơ quan công khai).
	Agency string
	// Decision is the document that decides (or reports) what is disclosed.
	Decision *Citation
	// Decided is the decision's date: its issued date when it is in the
	// gazette, else the decided key.
	Decided    time.Time
	DecidedPos diag.Pos
	// Published is the day it was published on the portal.
	Published    time.Time
	PublishedPos diag.Pos
	Tables       []*Table
	Attachments  []*Attachment
	Slug         string
	SlugPos      diag.Pos

	// Set by graph.

	// URL always begins and ends with '/'.
	URL string `fingerprint:"link"`
	// Deadline is the last day the law allows for publishing (zero when
	// unknown); Late is set when Published is after it.
	Deadline time.Time
	Late     bool
	Content  Converted `fingerprint:"body"`
}

// PeriodLabel names the period reported on: "quý III năm 2026", "6 tháng
// đầu năm 2026", "năm 2026".
func (b *Budget) PeriodLabel() string {
	switch {
	case b.Stage == StageQuarter && b.Period > 0:
		return fmt.Sprintf("quý %s năm %d", [...]string{"", "I", "II", "III", "IV"}[b.Period], b.Year)
	case b.Stage == StageHalf:
		return fmt.Sprintf("6 tháng đầu năm %d", b.Year)
	}
	return fmt.Sprintf("năm %d", b.Year)
}

// PeriodEnd is the last day of the period a report covers: the quarter's
// or the half year's; the zero time for other stages.
func (b *Budget) PeriodEnd() time.Time {
	switch {
	case b.Stage == StageQuarter && b.Period > 0:
		return time.Date(b.Year, time.Month(3*b.Period)+1, 0, 0, 0, 0, 0, Zone)
	case b.Stage == StageHalf:
		return time.Date(b.Year, time.June, 30, 0, 0, 0, 0, Zone)
	}
	return time.Time{}
}

// Budgets is the budget part of the site.
type Budgets struct {
	// Items are newest fiscal year first, then in the order of the cycle.
	Items    []*Budget `fingerprint:"records"`
	Years    []*Facet[*Budget]
	Agencies []*Facet[*Budget]
	Stages   []*Facet[*Budget]
	Lists    []*List[*Budget]
}

// ProjectStatus is where a public investment project stands.
type ProjectStatus string

// The project statuses of the content contract.
const (
	ProjectPreparing ProjectStatus = "chuan_bi"
	ProjectOngoing   ProjectStatus = "thuc_hien"
	ProjectDone      ProjectStatus = "hoan_thanh"
	ProjectPaused    ProjectStatus = "tam_dung"
)

// ProjectStatuses lists the statuses in the order lists show them.
var ProjectStatuses = []ProjectStatus{ProjectOngoing, ProjectPreparing, ProjectPaused, ProjectDone}

// Label returns the status's Vietnamese label.
func (s ProjectStatus) Label() string {
	switch s {
	case ProjectPreparing:
		return "Chuẩn bị đầu tư"
	case ProjectOngoing:
		return "Đang thực hiện"
	case ProjectDone:
		return "Đã hoàn thành"
	case ProjectPaused:
		return "Tạm dừng"
	}
	return string(s)
}

// Slug returns the status's URL segment.
func (s ProjectStatus) Slug() string {
	switch s {
	case ProjectPreparing:
		return "chuan-bi-dau-tu"
	case ProjectOngoing:
		return "dang-thuc-hien"
	case ProjectDone:
		return "da-hoan-thanh"
	case ProjectPaused:
		return "tam-dung"
	}
	return string(s)
}

// BidMethod is a hình thức lựa chọn nhà thầu (Luật Đấu thầu).
type BidMethod string

// The bidding methods of the content contract.
const (
	BidOpen        BidMethod = "dau_thau_rong_rai"
	BidLimited     BidMethod = "dau_thau_han_che"
	BidDirect      BidMethod = "chi_dinh_thau"
	BidQuotation   BidMethod = "chao_hang_canh_tranh"
	BidPurchase    BidMethod = "mua_sam_truc_tiep"
	BidSelf        BidMethod = "tu_thuc_hien"
	BidCommunity   BidMethod = "cong_dong"
	BidSpecialCase BidMethod = "truong_hop_dac_biet"
)

// BidMethods lists every bidding method.
var BidMethods = []BidMethod{BidOpen, BidLimited, BidDirect, BidQuotation, BidPurchase, BidSelf, BidCommunity, BidSpecialCase}

// Label returns the method's Vietnamese label.
func (m BidMethod) Label() string {
	switch m {
	case BidOpen:
		return "Đấu thầu rộng rãi"
	case BidLimited:
		return "Đấu thầu hạn chế"
	case BidDirect:
		return "Chỉ định thầu"
	case BidQuotation:
		return "Chào hàng cạnh tranh"
	case BidPurchase:
		return "Mua sắm trực tiếp"
	case BidSelf:
		return "Tự thực hiện"
	case BidCommunity:
		return "Tham gia thực hiện của cộng đồng"
	case BidSpecialCase:
		return "Lựa chọn nhà thầu trong trường hợp đặc biệt"
	}
	return string(m)
}

// Package is a gói thầu of a project, with its result once chosen.
type Package struct {
	Name   string
	Method BidMethod
	// Price is the giá gói thầu, in triệu đồng (Display and Value as in Cell).
	Price Cell
	// Winner, WinPrice and Date are the result: the nhà thầu trúng thầu,
	// the giá trúng thầu and the day the result was approved; empty
	// while none is chosen.
	Winner   string
	WinPrice Cell
	Date     time.Time
	Pos      diag.Pos
}

// Project is a dự án đầu tư công with its bidding packages.
type Project struct {
	Source
	Title string
	Code  string
	// Investor is the chủ đầu tư.
	Investor string
	// Total is the tổng mức đầu tư, in triệu đồng.
	Total    Cell
	Funding  string
	Location string
	// Start and End are the years of the period of implementation.
	Start, End int
	Status     ProjectStatus
	Group      string
	Field      Code
	// Decision is the decision that approved the project, when cited.
	Decision *Citation
	Packages []Package
	Slug     string
	SlugPos  diag.Pos

	// Set by graph.

	// URL always begins and ends with '/'.
	URL string `fingerprint:"link"`
	// Updated is the latest date known of the project: a package result
	// or its decision; 1 January of its first year when none.
	Updated time.Time
	Content Converted `fingerprint:"body"`
}

// Projects is the public investment part of the site.
type Projects struct {
	// Items are ongoing projects first, then by status and title.
	Items     []*Project `fingerprint:"records"`
	Years     []*Facet[*Project]
	Investors []*Facet[*Project]
	Statuses  []*Facet[*Project]
	Lists     []*List[*Project]
}
