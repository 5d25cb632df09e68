package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"minhbach/internal/config"
	"minhbach/internal/diag"
	"minhbach/internal/meta"
	"minhbach/internal/model"
	"minhbach/internal/schema"
	"minhbach/internal/vnfold"
)

// newKinds are the kinds of content `new` makes, each with its argument
// and the flags that apply to it, in the order the help lists them.
var newKinds = []newKind{
	{"news", diag.Phrase("title"), `"Hội nghị tổng kết năm"`, []string{"category"}},
	{"page", diag.Phrase("title"), `"Giới thiệu"`, nil},
	{"issue", diag.Phrase("issue as YEAR/NUMBER"), "2026/50", []string{"date"}},
	{"document", diag.Phrase("document number"), `"62/2026/QĐ-UBND"`, []string{"issue", "type", "field"}},
	{"procedure", diag.Phrase("procedure code"), "1.000894", []string{"field"}},
	{"consultation", diag.Phrase("title"), `"Quyết định ban hành Quy định quản lý cây xanh đô thị"`, []string{"type", "field"}},
	{"budget", diag.Phrase("fiscal year"), "2026", []string{"stage", "quarter"}},
	{"project", diag.Phrase("title"), `"Nâng cấp đường tỉnh 712"`, []string{"field"}},
	{"statistics", diag.Phrase("period"), "2026-Q4", nil},
}

type newKind struct {
	name    string
	arg     diag.Phrase
	example string
	flags   []string
}

func cmdNew(args []string, stdout, stderr io.Writer, now func() time.Time) int {
	fl := newFlags("new", diag.Phrase(`minhbach new: create a content file with every key of its kind, each explained in Vietnamese.
  minhbach new news "Tiêu đề" [--category NAME]
  minhbach new page "Tiêu đề"
  minhbach new issue 2026/50 [--date dd/mm/yyyy]
  minhbach new document "62/2026/QĐ-UBND" [--issue 2026/50] [--type "Quyết định"] [--field dat-dai]
  minhbach new procedure 1.000894 [--field dat-dai]
  minhbach new consultation "Tên dự thảo" [--type "Quyết định"] [--field xay-dung]
  minhbach new budget 2026 [--stage du_toan] [--quarter 3]
  minhbach new project "Tên dự án" [--field giao-thong]
  minhbach new statistics 2026-Q4
A news item starts as a draft: preview it with --drafts, then remove the draft line to publish.
An issue, document, procedure, draft, budget disclosure or project fails "minhbach check" until its required values are filled in.
A statistics sheet has a row for each agency of the latest period, carried_over filled in from
its pending dossiers; it fails "minhbach check" until the figures are filled in.
An existing file is never overwritten.`), stderr)
	src := fl.String("source", ".", "the site's folder")
	category := fl.String("category", "Tin hoạt động", "category of a news item")
	date := fl.String("date", "", "release date of a gazette issue (dd/mm/yyyy or yyyy-mm-dd)")
	issue := fl.String("issue", "", "gazette issue of a document, as YEAR/NUMBER (2026/50)")
	docType := fl.String("type", "", `type of a document ("Quyết định", "Nghị quyết", …)`)
	field := fl.String("field", "", "field (lĩnh vực) of a document or procedure: a code of site.yaml's fields")
	stage := fl.String("stage", "", "stage of a budget disclosure (du_toan, thuc_hien_quy, thuc_hien_6_thang, thuc_hien_nam, quyet_toan)")
	quarter := fl.String("quarter", "", "quarter (1–4) of a quarterly budget report")
	// Accept flags before or after the positional arguments.
	var pos []string
	for len(args) > 0 {
		if code := parseFlags(fl, args, stderr); code >= 0 {
			return code
		}
		if fl.NArg() == 0 {
			break
		}
		pos = append(pos, fl.Arg(0))
		args = fl.Args()[1:]
	}
	if len(pos) == 0 {
		fl.Usage()
		return 2
	}
	kind := pos[0]
	k := slices.IndexFunc(newKinds, func(x newKind) bool { return x.name == kind })
	if k < 0 {
		var names []string
		for _, x := range newKinds {
			names = append(names, x.name)
		}
		if s := meta.Suggest(kind, names); s != "" {
			say(stderr, "minhbach new: there is no kind %q (did you mean %q?); the kinds are: %s", kind, s, strings.Join(names, ", "))
		} else {
			say(stderr, "minhbach new: there is no kind %q; the kinds are: %s", kind, strings.Join(names, ", "))
		}
		return 2
	}
	if len(pos) != 2 {
		say(stderr, "minhbach new %s: give one %s, for example: minhbach new %s %s", kind, newKinds[k].arg, kind, newKinds[k].example)
		return 2
	}
	misplaced := false
	fl.Visit(func(f *flag.Flag) {
		if f.Name != "source" && !slices.Contains(newKinds[k].flags, f.Name) {
			say(stderr, "minhbach new %s: the option --%s is not for this kind", kind, f.Name)
			misplaced = true
		}
	})
	if misplaced {
		return 2
	}

	// A helper returns a non-zero message when the arguments are wrong.
	var sc scaffold
	var bad diag.Message
	switch kind {
	case "news", "page":
		sc, bad = newPost(kind, pos[1], *category, now())
	case "issue":
		sc, bad = newIssue(pos[1], *date)
	case "document":
		sc, bad = newDocument(pos[1], *issue, *docType, *field, siteConfig(*src), now())
	case "procedure":
		sc, bad = newProcedure(pos[1], *field, siteConfig(*src))
	case "consultation":
		sc, bad = newConsultation(pos[1], *docType, *field, siteConfig(*src), now())
	case "budget":
		sc, bad = newBudget(pos[1], *stage, *quarter, now())
	case "project":
		sc, bad = newProject(pos[1], *field, siteConfig(*src))
	case "statistics":
		sc, bad = newStatistics(pos[1], *src)
	}
	if !bad.IsZero() {
		say(stderr, "minhbach new %s: %s", kind, bad)
		return 2
	}
	return writeNew(filepath.Join(*src, filepath.FromSlash(sc.rel)), sc, stdout, stderr)
}

// scaffold is a file `new` writes: its path under the site, its text, and
// whether required values are left for the writer to fill in.
type scaffold struct {
	rel, text string
	unfilled  bool
	// sheet tells a statistics sheet, whose figures are left empty.
	sheet bool
}

// writeNew creates the file, never replacing one that exists.
func writeNew(file string, sc scaffold, stdout, stderr io.Writer) int {
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		say(stderr, "minhbach new: %v", err)
		return 1
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			say(stderr, "minhbach new: %s already exists and is never overwritten: edit that file, or choose another name", sc.rel)
		} else {
			say(stderr, "minhbach new: %v", err)
		}
		return 1
	}
	if _, err := f.WriteString(sc.text); err != nil {
		f.Close()
		say(stderr, "minhbach new: write %s: %v", sc.rel, err)
		return 1
	}
	if err := f.Close(); err != nil {
		say(stderr, "minhbach new: write %s: %v", sc.rel, err)
		return 1
	}
	say(stdout, "created %s", sc.rel)
	if sc.sheet {
		say(stdout, "fill in received, on_time, late, pending (and online) on every row, then run: minhbach check")
	} else if sc.unfilled {
		say(stdout, `fill in the values marked "CHƯA ĐIỀN" in the file, then run: minhbach check`)
	}
	return 0
}

// siteConfig reads the site's registries for the comments of a scaffold;
// a site.yaml that is missing or wrong gives the defaults (check reports it).
func siteConfig(dir string) *config.Site {
	data, _ := os.ReadFile(filepath.Join(dir, config.File))
	s, _ := config.Load(data)
	return s
}

func newPost(kind, title, category string, now time.Time) (scaffold, diag.Message) {
	title = vnfold.NFC(title)
	slug := vnfold.Slug(title)
	if slug == "" {
		return scaffold{}, diag.Msgf("cannot make a URL slug from %q: give a title with letters or digits", title)
	}
	t := now.In(model.Zone)
	if kind == "page" {
		return scaffold{rel: "content/pages/" + slug + ".md", text: fmt.Sprintf("---\ntitle: %s\nweight: 10\n---\n\nNội dung trang.\n", strconv.Quote(title))}, diag.Message{}
	}
	text := fmt.Sprintf(`---
title: %s
date: %s
category: %s
tags: []
author: ""
summary: ""
# Ảnh đại diện (không bắt buộc): muốn dùng ảnh thì xóa dấu "# " ở đầu ba dòng image dưới đây.
# Đường dẫn ảnh: đặt ảnh cạnh tệp này (ví dụ anh/hoi-nghi.jpg) hoặc trong assets/.
# image: "anh/ten-anh.jpg"
# Mô tả ảnh cho người không nhìn thấy ảnh (bắt buộc khi có ảnh).
# image_alt: "Mô tả nội dung ảnh"
# Chú thích hiện dưới ảnh (không bắt buộc), ví dụ: Quang cảnh hội nghị. Ảnh: Thu Hà.
# image_caption: "Chú thích ảnh"
draft: true
---

Nội dung bài viết.
`, strconv.Quote(title), t.Format(time.RFC3339), strconv.Quote(vnfold.NFC(category)))
	return scaffold{rel: "content/news/" + strconv.Itoa(t.Year()) + "/" + t.Format("2006-01-02") + "-" + slug + ".md", text: text}, diag.Message{}
}

// parseIssue reads an issue argument, YEAR/NUMBER.
func parseIssue(s string) (year int, number string, bad diag.Message) {
	a, b, ok := strings.Cut(s, "/")
	a, b = strings.Join(strings.Fields(a), ""), strings.Join(strings.Fields(b), "")
	isYear := func(v string) (int, bool) {
		y, err := strconv.Atoi(v)
		return y, err == nil && y >= 1945 && y <= 9999
	}
	if y, yes := isYear(a); ok && yes && schema.IsIssueNumber(b) {
		return y, b, diag.Message{}
	}
	if y, yes := isYear(b); ok && yes && schema.IsIssueNumber(a) {
		return 0, "", diag.Msgf("issue %q: write the year first, then the number: %d/%s", s, y, a)
	}
	return 0, "", diag.Msgf("issue %q: write YEAR/NUMBER, for example 2026/50 (a combined issue: 2026/27+28)", s)
}

// flagDate reads a date given on the command line in any form a date key
// accepts (dd/mm/yyyy, d/m/yyyy, yyyy-mm-dd, …), and returns it as staff
// write it: dd/mm/yyyy.
func flagDate(s string) (string, diag.Message) {
	t, err := meta.ParseDate(s)
	if err != nil {
		return "", err.(*meta.DateError).Message("--date")
	}
	return t.Format("02/01/2006"), diag.Message{}
}

// line writes one key of a scaffold with its comment above it.
func line(b *strings.Builder, comment, key, value string) {
	fmt.Fprintf(b, "# %s\n%s:", comment, key)
	if value != "" {
		b.WriteString(" " + value)
	}
	b.WriteString("\n")
}

// Comment prefixes: a required key with its value given, one whose value
// the writer must fill in (left as "", which check rejects), and an
// optional one (left empty, which means absent).
const (
	required = "(bắt buộc)"
	unfilled = "(bắt buộc, CHƯA ĐIỀN)"
	optional = "(không bắt buộc)"
)

// mark returns the comment prefix of a required key and its value: the
// quoted value when given, "" to fill in otherwise.
func mark(v string) (prefix, value string) {
	if v == "" {
		return unfilled, `""`
	}
	return required, strconv.Quote(v)
}

const dateHint = "dạng ngày/tháng/năm, ví dụ 20/11/2026"

func newIssue(arg, date string) (scaffold, diag.Message) {
	year, number, bad := parseIssue(arg)
	if !bad.IsZero() {
		return scaffold{}, bad
	}
	if date != "" {
		if date, bad = flagDate(date); !bad.IsZero() {
			return scaffold{}, bad
		}
	}
	name := fmt.Sprintf("%d-so-%s", year, vnfold.Slug(number))
	var b strings.Builder
	b.WriteString("---\n")
	line(&b, required+" Số công báo, như in trên công báo; số ghép viết \"27+28\".", "number", strconv.Quote(number))
	line(&b, required+" Năm của số công báo.", "year", strconv.Itoa(year))
	if date == "" {
		line(&b, unfilled+" Ngày phát hành, "+dateHint+".", "date", `""`)
	} else {
		line(&b, required+" Ngày phát hành, "+dateHint+".", "date", date)
	}
	line(&b, optional+" Tệp PDF của số công báo (bản có chữ ký số), đặt cạnh tệp này, ví dụ pdf/"+name+".pdf.", "pdf", "")
	line(&b, optional+fmt.Sprintf(" Tiêu đề; để trống thì dùng \"Công báo số %s năm %d\".", number, year), "title", "")
	b.WriteString("# Lời giới thiệu ngắn của số công báo (không bắt buộc) viết dưới dòng --- sau đây.\n---\n")
	return scaffold{rel: "content/gazette/issues/" + name + ".md", text: b.String(), unfilled: date == ""}, diag.Message{}
}

// numberYear finds the year inside a document number: 62/2026/QĐ-UBND.
var numberYear = regexp.MustCompile(`/((?:19|20)\d\d)/`)

func newDocument(arg, issue, docType, field string, site *config.Site, now time.Time) (scaffold, diag.Message) {
	number := vnfold.Number(arg)
	slug := vnfold.Slug(number)
	if slug == "" {
		return scaffold{}, diag.Msgf("number %q has no letters or digits", arg)
	}
	year := now.In(model.Zone).Year()
	if issue != "" {
		y, n, bad := parseIssue(issue)
		if !bad.IsZero() {
			return scaffold{}, bad
		}
		year, issue = y, fmt.Sprintf("%d/%s", y, n)
	}
	if m := numberYear.FindStringSubmatch(number); m != nil {
		year, _ = strconv.Atoi(m[1])
	}
	if docType != "" {
		i := slices.IndexFunc(schema.DocTypes, func(t string) bool { return vnfold.Key(t) == vnfold.Key(docType) })
		if i < 0 {
			return scaffold{}, diag.Msgf("--type %q is not a document type (allowed: %s)", docType, strings.Join(schema.DocTypes, ", "))
		}
		docType = schema.DocTypes[i]
	}
	if field != "" {
		var bad diag.Message
		if field, bad = fieldCode(field, site); !bad.IsZero() {
			return scaffold{}, bad
		}
	}
	var b strings.Builder
	b.WriteString("---\n")
	line(&b, required+" Số, ký hiệu văn bản, đúng như trên văn bản.", "number", strconv.Quote(number))
	line(&b, unfilled+" Trích yếu nội dung văn bản.", "title", `""`)
	p, v := mark(docType)
	line(&b, p+" Loại văn bản: "+strings.Join(schema.DocTypes, ", ")+".", "doc_type", v)
	line(&b, unfilled+" Cơ quan ban hành, ví dụ \"Ủy ban nhân dân "+lowerFirst(site.Area)+"\".", "agency", `""`)
	line(&b, unfilled+" Người ký: họ tên — chức vụ.", "signer", `""`)
	line(&b, unfilled+" Ngày ban hành, "+dateHint+".", "issued", `""`)
	line(&b, optional+" Ngày đăng văn bản lên cổng; ghi cả ngày này thì lệnh minhbach check --cong-khai kiểm tra thời hạn công khai (5 ngày làm việc sau ngày ban hành).", "published", "")
	line(&b, optional+" Ngày có hiệu lực; để trống nếu văn bản có hiệu lực từ ngày ban hành.", "effective", "")
	line(&b, optional+" Ngày hết hiệu lực ghi trong văn bản, nếu có.", "expires", "")
	if issue != "" {
		line(&b, optional+" Số công báo đăng văn bản, dạng NĂM/SỐ.", "issue", strconv.Quote(issue))
	} else {
		line(&b, optional+" Số công báo đăng văn bản, dạng NĂM/SỐ, ví dụ \"2026/50\".", "issue", "")
	}
	line(&b, optional+" Thứ tự của văn bản trong số công báo: 1, 2, 3…, không trùng với văn bản khác cùng số.", "order", "")
	p, v = mark(field)
	line(&b, p+" Lĩnh vực, một mã trong site.yaml: "+codeList(site.Fields)+".", "field", v)
	line(&b, optional+" Tệp đính kèm, mỗi tệp một dòng: - {file: tep/"+slug+".pdf, title: Toàn văn}", "attachments", "[]")
	line(&b, optional+" Văn bản được sửa đổi, bổ sung: số hiệu, ví dụ [\"39/2025/QĐ-UBND\"].", "amends", "[]")
	line(&b, optional+" Văn bản bị thay thế.", "replaces", "[]")
	line(&b, optional+" Văn bản bị bãi bỏ.", "repeals", "[]")
	line(&b, optional+" Văn bản bị ngưng hiệu lực.", "suspends", "[]")
	line(&b, optional+" Văn bản được hướng dẫn thi hành.", "guides", "[]")
	line(&b, optional+" Văn bản được đính chính.", "corrects", "[]")
	line(&b, optional+" Căn cứ ban hành; văn bản không đăng trên cổng viết {number: \"92/2017/NĐ-CP\", external: true, title: \"…\"}.", "based_on", "[]")
	line(&b, optional+" Tình trạng hiệu lực ghi đè; để trống để tự tính: "+statusList()+".", "status", "")
	b.WriteString("# Toàn văn văn bản viết dưới dòng --- sau đây.\n---\n")
	return scaffold{rel: fmt.Sprintf("content/gazette/documents/%d/%s.md", year, slug), text: b.String(), unfilled: true}, diag.Message{}
}

func newProcedure(code, field string, site *config.Site) (scaffold, diag.Message) {
	code = strings.TrimSpace(code)
	if !schema.UsableCode(code) {
		return scaffold{}, diag.Msgf("code %q cannot be a web address: use letters, digits, '.', '-' (a national code looks like 1.004227)", code)
	}
	if field != "" {
		var bad diag.Message
		if field, bad = fieldCode(field, site); !bad.IsZero() {
			return scaffold{}, bad
		}
	}
	var b strings.Builder
	b.WriteString("---\n")
	line(&b, required+" Mã thủ tục trên Cơ sở dữ liệu quốc gia về thủ tục hành chính.", "code", strconv.Quote(code))
	line(&b, unfilled+" Tên thủ tục.", "title", `""`)
	p, v := mark(field)
	line(&b, p+" Lĩnh vực, một mã trong site.yaml: "+codeList(site.Fields)+".", "field", v)
	line(&b, unfilled+" Cấp thực hiện, một hoặc nhiều mã: "+codeList(site.Levels)+"; ví dụ [tinh].", "level", "[]")
	line(&b, unfilled+" Cơ quan thực hiện.", "agency", `""`)
	line(&b, optional+" Nơi tiếp nhận hồ sơ (địa chỉ).", "place", "")
	line(&b, optional+" Đối tượng thực hiện.", "target", "")
	line(&b, unfilled+" Thời hạn giải quyết, ví dụ \"05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ\".", "processing_time", `""`)
	line(&b, optional+" Phí, lệ phí, ví dụ \"Không\".", "fee", "")
	line(&b, optional+" Dịch vụ công trực tuyến: "+labelList(model.Onlines)+".", "online", "")
	line(&b, optional+" Cách thức thực hiện, ví dụ [Trực tiếp, Trực tuyến, Dịch vụ bưu chính].", "methods", "[]")
	line(&b, optional+" Trình tự thực hiện, mỗi bước một dòng: - \"Bước 1: …\"", "steps", "[]")
	line(&b, optional+" Thành phần hồ sơ, mỗi giấy tờ một dòng: - {name: Tờ khai, copies: 01 bản chính, form: mau/to-khai.docx}", "documents", "[]")
	line(&b, optional+" Yêu cầu, điều kiện thực hiện, mỗi yêu cầu một dòng.", "requirements", "[]")
	line(&b, optional+" Kết quả thực hiện.", "result", "")
	line(&b, optional+" Căn cứ pháp lý: số hiệu văn bản trên cổng; văn bản khác viết {number: \"…\", external: true, title: \"…\"}.", "legal_basis", "[]")
	line(&b, optional+" Quyết định công bố thủ tục: số hiệu văn bản trên cổng.", "published_by", "")
	line(&b, optional+" Tình trạng; để trống là đang thực hiện: "+labelList(model.ProcedureStatuses)+".", "status", "")
	b.WriteString("# Ghi chú thêm về thủ tục (không bắt buộc) viết dưới dòng --- sau đây.\n---\n")
	return scaffold{rel: "content/procedures/" + code + ".md", text: b.String(), unfilled: true}, diag.Message{}
}

// fieldCode returns the code of site.yaml's fields that v names by code
// or label.
func fieldCode(v string, site *config.Site) (string, diag.Message) {
	for _, c := range site.Fields {
		if vnfold.Key(c.Code) == vnfold.Key(v) || vnfold.Key(c.Label) == vnfold.Key(v) {
			return c.Code, diag.Message{}
		}
	}
	if len(site.Fields) == 0 {
		return "", diag.Msgf("--field %q: site.yaml lists no fields (add a fields: registry)", v)
	}
	return "", diag.Msgf("--field %q is not a field of site.yaml (allowed: %s)", v, codeList(site.Fields))
}

func codeList(codes []config.Code) string {
	if len(codes) == 0 {
		return "(site.yaml chưa có danh mục)"
	}
	var s []string
	for _, c := range codes {
		s = append(s, c.Code+" ("+c.Label+")")
	}
	return strings.Join(s, ", ")
}

func statusList() string {
	var s []string
	for _, st := range model.Statuses {
		s = append(s, st.Label())
	}
	return strings.Join(s, ", ")
}

// labelList names each value of a closed list with its label, for a
// scaffold's comment: "truc_tuyen (Trực tuyến), …".
func labelList[T interface {
	~string
	Label() string
}](values []T) string {
	s := make([]string, len(values))
	for i, v := range values {
		s[i] = string(v) + " (" + v.Label() + ")"
	}
	return strings.Join(s, ", ")
}

// lowerFirst turns "Tỉnh Sơn Hà" into "tỉnh Sơn Hà" for use inside a
// phrase; an empty area gives "tỉnh".
func lowerFirst(s string) string {
	if s == "" {
		return "tỉnh …"
	}
	r := []rune(s)
	return strings.ToLower(string(r[0])) + string(r[1:])
}
