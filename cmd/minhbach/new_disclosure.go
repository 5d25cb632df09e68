package main

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"minhbach/internal/config"
	"minhbach/internal/diag"
	"minhbach/internal/model"
	"minhbach/internal/schema"
	"minhbach/internal/vnfold"
)

// The scaffolds of the disclosure kinds: a draft for comment, a budget
// disclosure and a public investment project (docs/noi-dung.md, sections
// 11–13).

func newConsultation(title, docType, field string, site *config.Site, now time.Time) (scaffold, diag.Message) {
	title = vnfold.NFC(title)
	slug := vnfold.Slug(title)
	if slug == "" {
		return scaffold{}, diag.Msgf("cannot make a URL slug from %q: give a title with letters or digits", title)
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
	t := now.In(model.Zone)
	var b strings.Builder
	b.WriteString("---\n")
	line(&b, required+" Tên dự thảo (không cần chữ \"Dự thảo\" ở đầu).", "title", strconv.Quote(title))
	line(&b, unfilled+" Cơ quan chủ trì soạn thảo, ví dụ \"Sở Tư pháp\".", "agency", `""`)
	p, v := mark(docType)
	line(&b, p+" Loại văn bản: "+strings.Join(schema.DocTypes, ", ")+".", "doc_type", v)
	if field != "" {
		line(&b, optional+" Lĩnh vực, một mã trong site.yaml: "+codeList(site.Fields)+".", "field", strconv.Quote(field))
	} else {
		line(&b, optional+" Lĩnh vực, một mã trong site.yaml: "+codeList(site.Fields)+".", "field", "")
	}
	line(&b, optional+" Tóm tắt một câu, hiện ở danh sách dự thảo.", "summary", "")
	line(&b, required+" Ngày bắt đầu nhận góp ý, "+dateHint+".", "opens", t.Format("02/01/2006"))
	line(&b, unfilled+" Ngày cuối cùng nhận góp ý, "+dateHint+".", "closes", `""`)
	b.WriteString("# Ví dụ một tệp: - {file: tep/" + slug + "-du-thao.pdf, role: du_thao}\n")
	line(&b, "(bắt buộc, CHƯA ĐIỀN) Hồ sơ dự thảo, mỗi tệp một dòng; phải có toàn văn dự thảo (role: du_thao). Vai trò: "+labelList(model.FileRoles)+".", "attachments", "[]")
	b.WriteString("# Cách gửi góp ý: ghi ít nhất một trong ba dòng email, address, form_url.\n")
	line(&b, optional+" Thư điện tử nhận góp ý.", "email", "")
	line(&b, optional+" Địa chỉ nhận góp ý bằng văn bản.", "address", "")
	line(&b, optional+" Địa chỉ mẫu góp ý trực tuyến, bắt đầu bằng https://.", "form_url", "")
	line(&b, optional+" Khi văn bản đã ban hành: số ký hiệu văn bản trên công báo, ví dụ \"62/2026/QĐ-UBND\"; nhớ đăng báo cáo tổng hợp (role: tong_hop).", "issued_as", "")
	line(&b, optional+" Phần cuối địa chỉ trang; để trống thì lấy theo tên tệp (bỏ ngày ở đầu).", "slug", "")
	b.WriteString("# Giới thiệu, nội dung chính của dự thảo viết dưới dòng --- sau đây.\n---\n")
	rel := fmt.Sprintf("content/consultations/%d/%s-%s.md", t.Year(), t.Format("2006-01-02"), slug)
	return scaffold{rel: rel, text: b.String(), unfilled: true}, diag.Message{}
}

func newBudget(arg, stage, quarter string, now time.Time) (scaffold, diag.Message) {
	year, err := strconv.Atoi(strings.TrimSpace(arg))
	if err != nil || year < 1945 || year > 9999 {
		return scaffold{}, diag.Msgf("%q is not a fiscal year: write the year, for example 2026", arg)
	}
	var st model.BudgetStage
	if stage != "" {
		i := slices.IndexFunc(model.BudgetStages, func(s model.BudgetStage) bool {
			return vnfold.Key(string(s)) == vnfold.Key(stage) || vnfold.Key(s.Label()) == vnfold.Key(stage)
		})
		if i < 0 {
			return scaffold{}, diag.Msgf("--stage %q is not a stage (allowed: %s)", stage, labelList(model.BudgetStages))
		}
		st = model.BudgetStages[i]
	}
	q := 0
	if quarter != "" {
		q, err = strconv.Atoi(quarter)
		if err != nil || q < 1 || q > 4 {
			return scaffold{}, diag.Msgf("--quarter %q: want 1, 2, 3 or 4", quarter)
		}
		if st == "" {
			st = model.StageQuarter
		} else if st != model.StageQuarter {
			return scaffold{}, diag.Msgf("--quarter is only for a quarterly report (--stage thuc_hien_quy)")
		}
	}
	name := fmt.Sprint(year)
	switch {
	case st == "":
		name = "cong-khai-" + name
	case q > 0:
		name = fmt.Sprintf("thuc-hien-quy-%d-%d", q, year)
	default:
		name = st.Slug() + "-" + name
	}
	var b strings.Builder
	b.WriteString("---\n")
	line(&b, optional+" Tiêu đề; để trống thì tự đặt, ví dụ \"Công khai dự toán ngân sách năm "+fmt.Sprint(year)+"\".", "title", "")
	line(&b, required+" Năm ngân sách.", "year", strconv.Itoa(year))
	if st == "" {
		line(&b, unfilled+" Nội dung công khai: "+labelList(model.BudgetStages)+".", "stage", `""`)
	} else {
		line(&b, required+" Nội dung công khai: "+labelList(model.BudgetStages)+".", "stage", string(st))
	}
	switch {
	case q > 0:
		line(&b, required+" Quý báo cáo (1, 2, 3, 4).", "quarter", strconv.Itoa(q))
	case st == "" || st == model.StageQuarter:
		line(&b, "(bắt buộc với báo cáo quý) Quý báo cáo (1, 2, 3, 4).", "quarter", "")
	}
	line(&b, unfilled+" Cơ quan công khai, ví dụ \"Ủy ban nhân dân tỉnh\".", "agency", `""`)
	line(&b, unfilled+" Văn bản quyết định (hoặc báo cáo) được công khai: số ký hiệu trên công báo; văn bản không đăng công báo viết {number: \"…\", external: true, title: \"…\"} và ghi thêm decided.", "decision", `""`)
	line(&b, optional+" Ngày của văn bản không đăng trên công báo, "+dateHint+".", "decided", "")
	line(&b, required+" Ngày công khai trên cổng, "+dateHint+"; quá thời hạn (site.yaml budget_deadlines) thì check cảnh báo.", "published", now.In(model.Zone).Format("02/01/2006"))
	b.WriteString("# Ví dụ một bảng: - {file: " + name + ".csv, title: \"Cân đối ngân sách địa phương\", unit: triệu đồng}\n")
	line(&b, "(bắt buộc: tables hoặc attachments) Bảng số liệu, mỗi bảng là tệp CSV đặt cạnh tệp này, số viết 1.234.567.", "tables", "[]")
	line(&b, optional+" Tệp đính kèm (quyết định công bố, biểu mẫu đã ký): - {file: tep/quyet-dinh.pdf, title: Quyết định công bố}", "attachments", "[]")
	line(&b, optional+" Phần cuối địa chỉ trang; để trống thì lấy theo tên tệp.", "slug", "")
	b.WriteString("# Thuyết minh ngắn (không bắt buộc) viết dưới dòng --- sau đây.\n---\n")
	return scaffold{rel: fmt.Sprintf("content/budget/%d/%s.md", year, name), text: b.String(), unfilled: true}, diag.Message{}
}

func newProject(title, field string, site *config.Site) (scaffold, diag.Message) {
	title = vnfold.NFC(title)
	slug := vnfold.Slug(title)
	if slug == "" {
		return scaffold{}, diag.Msgf("cannot make a URL slug from %q: give a title with letters or digits", title)
	}
	if field != "" {
		var bad diag.Message
		if field, bad = fieldCode(field, site); !bad.IsZero() {
			return scaffold{}, bad
		}
	}
	var b strings.Builder
	b.WriteString("---\n")
	line(&b, required+" Tên dự án.", "title", strconv.Quote(title))
	line(&b, optional+" Mã dự án.", "code", "")
	line(&b, unfilled+" Chủ đầu tư.", "investor", `""`)
	line(&b, unfilled+" Tổng mức đầu tư, triệu đồng, viết 1.234.567.", "total_investment", `""`)
	line(&b, optional+" Nguồn vốn, ví dụ \"Ngân sách tỉnh\".", "funding", "")
	line(&b, unfilled+" Địa điểm.", "location", `""`)
	line(&b, unfilled+" Thời gian thực hiện, ví dụ 2026-2028.", "period", `""`)
	line(&b, unfilled+" Tình trạng: "+labelList(model.ProjectStatuses)+".", "status", `""`)
	line(&b, optional+" Nhóm dự án: "+strings.Join(schema.ProjectGroups, ", ")+".", "group", "")
	if field != "" {
		line(&b, optional+" Lĩnh vực, một mã trong site.yaml: "+codeList(site.Fields)+".", "field", strconv.Quote(field))
	} else {
		line(&b, optional+" Lĩnh vực, một mã trong site.yaml: "+codeList(site.Fields)+".", "field", "")
	}
	line(&b, optional+" Quyết định phê duyệt dự án: số ký hiệu trên công báo.", "decision", "")
	b.WriteString("# Ví dụ một gói thầu: - {name: Thi công xây dựng, method: dau_thau_rong_rai, price: \"12.500\", winner: Công ty …, winning_price: \"12.300\", date: 15/03/2026}\n")
	line(&b, optional+" Gói thầu, mỗi gói một dòng; kết quả (winner, winning_price, date) ghi khi đã có. Hình thức: "+labelList(model.BidMethods)+".", "packages", "[]")
	line(&b, optional+" Phần cuối địa chỉ trang; để trống thì lấy theo tên tệp.", "slug", "")
	b.WriteString("# Mục tiêu, quy mô, tiến độ của dự án (không bắt buộc) viết dưới dòng --- sau đây.\n---\n")
	return scaffold{rel: "content/projects/" + slug + ".md", text: b.String(), unfilled: true}, diag.Message{}
}
