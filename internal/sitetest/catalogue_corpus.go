package sitetest

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing/fstest"
)

var (
	procActions  = pool("Cấp|Cấp lại|Cấp đổi|Điều chỉnh|Đăng ký|Đăng ký thay đổi|Gia hạn|Thu hồi|Xác nhận|Công nhận|Thẩm định|Phê duyệt|Chấp thuận|Đính chính|Chuyển nhượng|Dừng thực hiện")
	procObjects  = pool("giấy chứng nhận quyền sử dụng đất|giấy phép xây dựng|giấy phép lái xe|giấy khai sinh|giấy phép hoạt động khám bệnh, chữa bệnh|chứng chỉ hành nghề|giấy phép kinh doanh vận tải|dự án đầu tư|trường mầm non tư thục|hộ kinh doanh|văn bằng, chứng chỉ|tổ chức tôn giáo|hợp tác xã|sổ hộ nghèo|giấy phép môi trường|hồ sơ người có công")
	procAgencies = pool("Sở Tư pháp|Sở Nông nghiệp và Môi trường|Sở Xây dựng|Sở Y tế|Sở Giáo dục và Đào tạo|Sở Tài chính|Sở Nội vụ|Ủy ban nhân dân cấp xã|Văn phòng đăng ký đất đai|Ủy ban nhân dân tỉnh")
	procTimes    = pool("Trong ngày làm việc|03 ngày làm việc|05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ|10 ngày làm việc|15 ngày làm việc|20 ngày|30 ngày kể từ ngày nhận đủ hồ sơ hợp lệ")
	procFees     = pool("Miễn lệ phí|Không|Lệ phí: 8.000 đồng/bản|50.000 đồng/hồ sơ|Phí thẩm định: 1.500.000 đồng|100.000 đồng/lần|Theo Nghị quyết của Hội đồng nhân dân tỉnh")
	procPapers   = pool("Đơn đề nghị theo mẫu|Tờ khai theo mẫu|Bản sao giấy tờ tùy thân|Giấy chứng nhận đã cấp|Văn bản ủy quyền (nếu có)|Sơ đồ vị trí|Báo cáo đánh giá|Quyết định thành lập|Danh sách thành viên|Giấy xác nhận của Ủy ban nhân dân cấp xã")
	procCopies   = pool("01 bản chính|01 bản sao có chứng thực|02 bản chính|01 bản chụp kèm bản chính để đối chiếu")
	procLaws     = []string{"31/2024/QH15 | Luật Đất đai", "60/2014/QH13 | Luật Hộ tịch", "50/2014/QH13 | Luật Xây dựng", "61/2020/QH14 | Luật Đầu tư",
		"15/2023/QH15 | Luật Khám bệnh, chữa bệnh", "63/2010/NĐ-CP | Nghị định về kiểm soát thủ tục hành chính"}
)

// AddCatalogue adds a CSV catalogue of n procedures to a corpus that has a
// gazette (AddGazette): content/procedures/danh-muc.csv, with 20 forms
// under content/procedures/mau/. Every procedure cites a document of the
// gazette and one law outside it, and is published by a gazette decision;
// one in 25 is abolished. It adds the levels registry to site.yaml.
func AddCatalogue(fsys fstest.MapFS, n int, seed int64) {
	r := rand.New(rand.NewPCG(uint64(seed), 0x74687574756300))
	site := string(fsys["site.yaml"].Data) + "levels:\n  tinh: Cấp tỉnh\n  xa: Cấp xã\n  huyen: Cấp huyện\n"
	fsys["site.yaml"] = &fstest.MapFile{Data: []byte(site), Mode: 0o644}

	var numbers []string
	for name, f := range fsys {
		if !strings.HasPrefix(name, "content/gazette/documents/") {
			continue
		}
		for line := range strings.Lines(string(f.Data)) {
			if v, ok := strings.CutPrefix(line, "number: "); ok {
				numbers = append(numbers, strings.TrimSpace(v))
				break
			}
		}
	}
	slices.Sort(numbers)
	for i := range 20 {
		fsys[fmt.Sprintf("content/procedures/mau/mau-%02d.pdf", i+1)] = &fstest.MapFile{Data: fmt.Appendf(nil, "%%PDF-1.4\n%% Mẫu số %02d\n", i+1), Mode: 0o644}
	}

	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write([]string{"code", "title", "field", "level", "agency", "place", "target", "processing_time", "fee", "online", "methods",
		"steps", "documents", "requirements", "result", "legal_basis", "published_by", "status"})
	for i := range n {
		object := pick(r, procObjects)
		title := pick(r, procActions) + " " + object
		level := pick(r, pool("tinh|xa|tinh;xa|huyen"))
		var papers []string
		for j := range 2 + r.IntN(4) {
			p := pick(r, procPapers) + " | " + pick(r, procCopies)
			if j == 0 && r.IntN(3) == 0 {
				p += fmt.Sprintf(" | mau/mau-%02d.pdf", 1+r.IntN(20))
			}
			papers = append(papers, p)
		}
		basis := []string{pick(r, procLaws)}
		var published string
		if len(numbers) > 0 {
			basis = append(basis, numbers[r.IntN(len(numbers))])
			published = numbers[r.IntN(len(numbers))]
		}
		status := ""
		if i%25 == 24 {
			status = "abolished"
		}
		_ = w.Write([]string{
			fmt.Sprintf("%d.%06d", 1+i%3, 1000+i), title, strings.SplitN(pick(r, fieldCodes), ":", 2)[0], level,
			pick(r, procAgencies), "Bộ phận Một cửa, Trung tâm Phục vụ hành chính công tỉnh Sơn Hà", "Công dân Việt Nam, tổ chức, doanh nghiệp",
			pick(r, procTimes), pick(r, procFees), pick(r, pool("full|partial|none")), "Trực tiếp;Trực tuyến;Dịch vụ bưu chính",
			"Bước 1: Chuẩn bị hồ sơ theo quy định;Bước 2: Nộp hồ sơ tại Bộ phận Một cửa hoặc trên Cổng Dịch vụ công;Bước 3: Cơ quan có thẩm quyền thẩm định, giải quyết;Bước 4: Nhận kết quả",
			strings.Join(papers, ";"), "Hồ sơ đầy đủ, hợp lệ theo quy định", "Kết quả giải quyết: " + object,
			strings.Join(basis, ";"), published, status,
		})
	}
	w.Flush()
	fsys["content/procedures/danh-muc.csv"] = &fstest.MapFile{Data: b.Bytes(), Mode: 0o644}
}
