package schema

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"minhbach/internal/config"
	"minhbach/internal/diag"
	"minhbach/internal/meta"
	"minhbach/internal/model"
	"minhbach/internal/source"
	"minhbach/internal/vnfold"
	"minhbach/internal/vnnum"
)

// ConsultationKeys are the front-matter keys of a draft for comment
// (content/consultations/**/*.md).
var ConsultationKeys = []string{"title", "agency", "doc_type", "field", "summary", "opens", "closes", "attachments",
	"email", "address", "form_url", "issued_as", "slug"}

// ConsultationFileKeys are the keys of one item of a consultation's
// attachments.
var ConsultationFileKeys = []string{"file", "title", "role"}

// BudgetKeys are the front-matter keys of a budget disclosure
// (content/budget/**/*.md).
var BudgetKeys = []string{"title", "year", "stage", "quarter", "agency", "decision", "decided", "published", "tables",
	"attachments", "slug"}

// TableKeys are the keys of one item of a budget disclosure's tables.
var TableKeys = []string{"file", "title", "unit"}

// ProjectKeys are the keys of a public investment project, in front
// matter, as CSV columns and as JSON object keys (content/projects/).
var ProjectKeys = []string{"title", "code", "investor", "total_investment", "funding", "location", "period", "status",
	"group", "field", "decision", "packages", "slug"}

// PackageKeys are the keys of one bidding package (gói thầu) of a project.
var PackageKeys = []string{"name", "method", "price", "winner", "winning_price", "date"}

// ProjectCells says how the CSV cells of a project catalogue become
// values: packages are ";"-separated, each "name | method | price |
// winner | winning_price | date"; the decision is "number", or "number |
// title" for one outside the site.
var ProjectCells = map[string]source.Cell{
	"packages": {List: true, Parts: PackageKeys},
	"decision": {Parts: []string{"number", "title"}, Flag: "external"},
}

// CatalogueCells returns how the CSV cells of a catalogue of the given
// kind become values.
func CatalogueCells(k source.Kind) map[string]source.Cell {
	if k == source.Project {
		return ProjectCells
	}
	return ProcedureCells
}

// DisclosureSegments are the URL segments of the browse pages of the
// disclosure sections (/du-thao/nam/2026/, /du-an/co-quan/…/): no entry
// may take one as its slug.
var DisclosureSegments = []string{"nam", "co-quan", "trang", "tinh-trang", "giai-doan"}

// ProjectGroups are the nhóm dự án of the Luật Đầu tư công.
var ProjectGroups = []string{"Quan trọng quốc gia", "Nhóm A", "Nhóm B", "Nhóm C"}

var emailShape = regexp.MustCompile(`^[^@\s<>"]+@[^@\s<>"]+\.[^@\s<>".]+$`)

func decodeConsultation(m *meta.Map, src model.Source, site *config.Site) *model.Consultation {
	m.CheckKeys(ConsultationKeys, diag.Error)
	c := &model.Consultation{
		Source:  src,
		Title:   m.String("title", true),
		Agency:  m.String("agency", true),
		Summary: m.String("summary", false),
		Opens:   m.Date("opens", true),
		Closes:  m.Date("closes", true),
		Address: m.String("address", false),
	}
	if t := m.String("doc_type", true); t != "" {
		c.DocType = enum(m, "doc_type", t, DocTypes)
	}
	if f := m.String("field", false); f != "" {
		c.Field = registry(m, "field", f, site.Fields)
	}
	if !c.Opens.IsZero() && !c.Closes.IsZero() && c.Closes.Before(c.Opens) {
		m.Diags().Errorf(m.Pos(m.Node("closes")), "closes %s is before opens %s: the last day of comments comes after the first",
			c.Closes.Format("02/01/2006"), c.Opens.Format("02/01/2006"))
	}
	if e := m.String("email", false); e != "" {
		if strings.HasPrefix(strings.ToLower(e), "mailto:") || !emailShape.MatchString(e) {
			m.Diags().Errorf(m.Pos(m.Node("email")), "email %q is not an email address: write it as name@example.gov.vn", e)
		} else {
			c.Email = e
		}
	}
	if u := m.String("form_url", false); u != "" {
		if p, err := url.Parse(u); err != nil || (p.Scheme != "https" && p.Scheme != "http") || p.Host == "" {
			m.Diags().Errorf(m.Pos(m.Node("form_url")), "form_url %q is not a web address: write the whole address of the form, beginning with https://", u)
		} else {
			c.FormURL = u
		}
	}
	if !m.Has("email") && !m.Has("address") && !m.Has("form_url") {
		m.Diags().Errorf(src.Start, "say how to comment: give at least one of email, address and form_url")
	}
	hasDraft := false
	for _, a := range m.List("attachments") {
		a.CheckKeys(ConsultationFileKeys, diag.Error)
		role := model.RoleOther
		if v := a.String("role", false); v != "" {
			role = choice(a, "role", v, model.FileRoles, model.FileRole.Label)
		}
		file := a.String("file", true)
		if file == "" {
			continue
		}
		if at := attachment(m, src.Path, file, a.String("title", false), a.Pos(a.Node("file")), "attachment"); at != nil {
			if a.String("title", false) == "" {
				at.Title = role.Label()
			}
			c.Files = append(c.Files, model.RoleFile{Role: role, Attachment: at})
			hasDraft = hasDraft || role == model.RoleDraft
		}
	}
	if !hasDraft {
		m.Diags().Errorf(m.KeyPos("attachments"), "publish the draft itself: add an attachment with role: du_thao (the full text of the draft)")
	}
	if m.Has("issued_as") {
		if v := m.Node("issued_as"); v.Kind == yaml.SequenceNode {
			m.Diags().Errorf(m.Pos(v), "issued_as: want one document number, got a list")
		} else if cs := citations(m, "issued_as", CitationKeys, nil); len(cs) == 1 {
			c.IssuedAs = &cs[0]
		}
	}
	c.Slug, c.SlugPos = disclosureSlug(m, src.Path, "")
	return c
}

// disclosureSlug returns the slug of an entry: the slug key, or one made
// from the file name (Markdown) or from title (a catalogue row), refusing
// the segments of the section's browse pages.
func disclosureSlug(m *meta.Map, p, title string) (string, diag.Pos) {
	pos := m.KeyPos("slug")
	var s string
	if title != "" && !m.Has("slug") {
		s = vnfold.Slug(title)
		pos = m.Pos(m.Node("title"))
	} else {
		s = slug(m, p)
		if !m.Has("slug") {
			pos = diag.Pos{Path: p}
		}
	}
	for _, r := range DisclosureSegments {
		if s == r {
			m.Diags().Errorf(pos, "slug %q is taken by a list page of the section (reserved: %s): choose another", s, strings.Join(DisclosureSegments, ", "))
			return "", pos
		}
	}
	return s, pos
}

func decodeBudget(m *meta.Map, src model.Source, site *config.Site) *model.Budget {
	m.CheckKeys(BudgetKeys, diag.Error)
	b := &model.Budget{
		Source:       src,
		Title:        m.String("title", false),
		Agency:       m.String("agency", true),
		Year:         m.Int("year", 0),
		Published:    m.Date("published", true),
		PublishedPos: m.Pos(m.Node("published")),
	}
	if !m.Has("year") {
		m.Diags().Errorf(src.Start, "missing required key %q", "year")
	} else if b.Year < 1945 || b.Year > 9999 {
		m.Diags().Errorf(m.Pos(m.Node("year")), "year: want a year like 2026, got %d", b.Year)
		b.Year = 0
	}
	if v := m.String("stage", true); v != "" {
		b.Stage = choice(m, "stage", v, model.BudgetStages, model.BudgetStage.Label)
	}
	if m.Has("quarter") {
		b.Period = m.Int("quarter", 0)
		switch {
		case b.Stage != model.StageQuarter && b.Stage != "":
			m.Diags().Errorf(m.KeyPos("quarter"), "quarter: only a quarterly report (stage: thuc_hien_quy) has a quarter: remove it")
			b.Period = 0
		case b.Period < 1 || b.Period > 4:
			m.Diags().Errorf(m.Pos(m.Node("quarter")), "quarter: want 1, 2, 3 or 4, got %d", b.Period)
			b.Period = 0
		}
	} else if b.Stage == model.StageQuarter {
		m.Diags().Errorf(src.Start, "missing required key %q: a quarterly report names its quarter (1, 2, 3 or 4)", "quarter")
	}
	switch v := m.Node("decision"); {
	case v == nil || v.Kind == yaml.ScalarNode && strings.TrimSpace(v.Value) == "":
		m.String("decision", true) // reports it missing or empty
	case v.Kind == yaml.SequenceNode:
		m.Diags().Errorf(m.Pos(v), "decision: want one document number, got a list")
	default:
		if cs := citations(m, "decision", CitationKeys, nil); len(cs) == 1 {
			b.Decision = &cs[0]
		}
	}
	b.Decided = m.Date("decided", false)
	b.DecidedPos = m.Pos(m.Node("decided"))
	if b.Decision != nil && b.Decision.External && b.Decided.IsZero() && !m.Has("decided") {
		m.Diags().Errorf(m.KeyPos("decision"), "decision %s is outside the site: give its date in decided, so that the publication deadline can be checked", b.Decision.Number)
	}
	for _, t := range m.List("tables") {
		t.CheckKeys(TableKeys, diag.Error)
		file := t.String("file", true)
		if file == "" {
			continue
		}
		tb := &model.Table{Title: t.String("title", true), Unit: t.String("unit", false), Pos: t.Pos(t.Node("file"))}
		if tb.Unit == "" {
			tb.Unit = "triệu đồng"
		}
		if !strings.EqualFold(strings.TrimSpace(file[max(0, len(file)-4):]), ".csv") {
			t.Diags().Errorf(tb.Pos, "table %q: want a .csv file (save the sheet as \"CSV UTF-8 (comma delimited)\")", file)
			continue
		}
		if at := attachment(m, src.Path, file, tb.Title, tb.Pos, "table"); at != nil {
			tb.File = at
			b.Tables = append(b.Tables, tb)
		}
	}
	for _, a := range m.List("attachments") {
		a.CheckKeys(AttachmentKeys, diag.Error)
		if file := a.String("file", true); file != "" {
			if at := attachment(m, src.Path, file, a.String("title", false), a.Pos(a.Node("file")), "attachment"); at != nil {
				b.Attachments = append(b.Attachments, at)
			}
		}
	}
	if items(m, "tables")+items(m, "attachments") == 0 {
		m.Diags().Errorf(src.Start, "a budget disclosure publishes its figures: give tables (CSV files) or attachments (the signed documents)")
	}
	if b.Title == "" && b.Stage != "" && b.Year != 0 {
		b.Title = BudgetTitle(b)
	}
	b.Slug, b.SlugPos = disclosureSlug(m, src.Path, "")
	return b
}

var periodShape = regexp.MustCompile(`^(\d{4})(?:\s*[-–—]\s*(\d{4}))?$`)

func decodeProject(m *meta.Map, src model.Source, site *config.Site, keysChecked bool) *model.Project {
	if !keysChecked {
		m.CheckKeys(ProjectKeys, diag.Error)
	}
	p := &model.Project{
		Source:   src,
		Title:    m.String("title", true),
		Code:     m.String("code", false),
		Investor: m.String("investor", true),
		Funding:  m.String("funding", false),
		Location: m.String("location", true),
		Status:   model.ProjectPreparing,
	}
	p.Total = amount(m, "total_investment", true)
	if v := m.String("period", true); v != "" {
		if g := periodShape.FindStringSubmatch(v); g == nil {
			m.Diags().Errorf(m.Pos(m.Node("period")), "period %q: want the years of the project, as 2025-2028 (or one year, 2026)", v)
		} else {
			p.Start, _ = strconv.Atoi(g[1])
			p.End = p.Start
			if g[2] != "" {
				p.End, _ = strconv.Atoi(g[2])
			}
			if p.End < p.Start {
				m.Diags().Errorf(m.Pos(m.Node("period")), "period %q ends before it begins: write the first year first", v)
			}
		}
	}
	if v := m.String("status", true); v != "" {
		p.Status = choice(m, "status", v, model.ProjectStatuses, model.ProjectStatus.Label)
	}
	if v := m.String("group", false); v != "" {
		p.Group = enum(m, "group", v, ProjectGroups)
	}
	if f := m.String("field", false); f != "" {
		p.Field = registry(m, "field", f, site.Fields)
	}
	if m.Has("decision") {
		if v := m.Node("decision"); v.Kind == yaml.SequenceNode {
			m.Diags().Errorf(m.Pos(v), "decision: want one document number, got a list")
		} else if cs := citations(m, "decision", CitationKeys, nil); len(cs) == 1 {
			p.Decision = &cs[0]
		}
	}
	for _, it := range m.List("packages") {
		it.CheckKeys(PackageKeys, diag.Error)
		pk := model.Package{Name: it.String("name", true), Winner: it.String("winner", false), Date: it.Date("date", false), Pos: it.Pos(nil)}
		if v := it.String("method", true); v != "" {
			pk.Method = choice(it, "method", v, model.BidMethods, model.BidMethod.Label)
		}
		pk.Price = amount(it, "price", true)
		pk.WinPrice = amount(it, "winning_price", false)
		if it.Has("winner") || it.Has("winning_price") || it.Has("date") {
			for _, k := range []string{"winner", "winning_price", "date"} {
				if !it.Has(k) {
					it.Diags().Errorf(it.Pos(nil), "package %q has a result but no %s: give the winner, winning_price and date together", pk.Name, k)
				}
			}
		}
		if pk.Name != "" {
			p.Packages = append(p.Packages, pk)
		}
	}
	p.Slug, p.SlugPos = disclosureSlug(m, src.Path, catalogueTitle(src.Path, p.Title))
	return p
}

// catalogueTitle is the title a catalogue row's slug is made from; ""
// for a Markdown file, whose slug comes from its name.
func catalogueTitle(p, title string) string {
	if strings.HasSuffix(p, ".md") {
		return ""
	}
	if title == "" {
		return "-"
	}
	return title
}

// amount reads an amount in Vietnamese format (1.234.567,5).
func amount(m *meta.Map, key string, required bool) model.Cell {
	v := m.String(key, required)
	if v == "" {
		return model.Cell{}
	}
	a, ok := vnnum.Parse(v)
	if !ok {
		m.Diags().Errorf(m.Pos(m.Node(key)), "%s %q is not an amount: write it as 1.234.567 (a dot between thousands, a comma before decimals), in triệu đồng", key, v)
		return model.Cell{}
	}
	return model.Cell{Text: a.String(), Value: a.Plain(), Amount: true}
}

// BudgetTitle is the title of a budget disclosure that gives none:
// "Công khai dự toán ngân sách năm 2026", "Công khai tình hình thực hiện
// dự toán ngân sách quý III năm 2026".
func BudgetTitle(b *model.Budget) string {
	switch b.Stage {
	case model.StageEstimate:
		return "Công khai dự toán ngân sách " + b.PeriodLabel()
	case model.StageSettled:
		return "Công khai quyết toán ngân sách " + b.PeriodLabel()
	}
	return "Công khai tình hình thực hiện dự toán ngân sách " + b.PeriodLabel()
}

// items counts the items written under a list key (0 when absent, empty
// or not a list).
func items(m *meta.Map, key string) int {
	if v := m.Node(key); v != nil && v.Kind == yaml.SequenceNode {
		return len(v.Content)
	}
	return 0
}
