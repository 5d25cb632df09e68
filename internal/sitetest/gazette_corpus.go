package sitetest

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing/fstest"
	"time"
)

var (
	fieldCodes = pool("dat-dai: Đất đai|ho-tich: Hộ tịch|dau-tu: Đầu tư|xay-dung: Xây dựng|giao-thong: Giao thông vận tải|giao-duc: Giáo dục và Đào tạo|y-te: Y tế|tai-chinh: Tài chính|noi-vu: Nội vụ|tu-phap: Tư pháp|moi-truong: Nông nghiệp và Môi trường|lao-dong: Lao động, Thương binh và Xã hội")
	docKinds   = []struct{ docType, suffix string }{
		{"Quyết định", "QĐ-UBND"}, {"Quyết định", "QĐ-UBND"}, {"Quyết định", "QĐ-UBND"}, {"Nghị quyết", "NQ-HĐND"},
		{"Kế hoạch", "KH-UBND"}, {"Chỉ thị", "CT-UBND"}, {"Thông báo", "TB-UBND"}, {"Chương trình", "CTr-UBND"},
	}
	docSubjects = pool("Ban hành Quy định về|Phê duyệt Kế hoạch|Sửa đổi, bổ sung một số điều của Quy định về|Công bố danh mục thủ tục hành chính về|Triển khai thực hiện|Tăng cường|Quy định chức năng, nhiệm vụ trong")
	signers     = pool("Nguyễn Văn An — Chủ tịch|Trần Thị Thu Hà — Phó Chủ tịch|Lê Quang Vinh — Phó Chủ tịch|Hoàng Minh Đức — Chủ tịch HĐND")
	externals   = pool("31/2024/QH15|92/2017/NĐ-CP|61/2018/NĐ-CP|107/2021/NĐ-CP|42/2022/NĐ-CP|30/2020/NĐ-CP")
)

// AddGazette adds a deterministic gazette to a corpus: issues numbered
// within each year from 2019 to 2026 and docs documents spread over them,
// with realistic numbers, relations between documents (amends, replaces,
// repeals, guides), external bases and Markdown bodies. It adds the fields
// registry to site.yaml.
func AddGazette(fsys fstest.MapFS, docs, issues int, seed int64) {
	r := rand.New(rand.NewPCG(uint64(seed), 0x636f6e67626130))
	site := string(fsys["site.yaml"].Data)
	site += "fields:\n"
	for _, f := range fieldCodes {
		site += "  " + f + "\n"
	}
	fsys["site.yaml"] = &fstest.MapFile{Data: []byte(site), Mode: 0o644}
	add := func(name, s string) { fsys[name] = &fstest.MapFile{Data: []byte(s), Mode: 0o644} }

	zone := time.FixedZone("", 7*3600)
	type issue struct {
		key  string
		date time.Time
	}
	var iss []issue
	perYear := max(1, (issues+7)/8)
	for i := range issues {
		year := 2019 + min(7, i/perYear)
		n := i%perYear + 1
		date := time.Date(year, 1, 5, 0, 0, 0, 0, zone).AddDate(0, 0, (n-1)*350/perYear)
		iss = append(iss, issue{fmt.Sprintf("%d/%d", year, n), date})
		add(fmt.Sprintf("content/gazette/issues/%d-so-%d.md", year, n),
			fmt.Sprintf("---\nnumber: \"%d\"\nyear: %d\ndate: %s\n---\n", n, year, date.Format("2006-01-02")))
	}
	var numbers []string
	for i := range docs {
		is := iss[i*len(iss)/max(1, docs)]
		issued := is.date.AddDate(0, 0, -3-r.IntN(20))
		k := docKinds[r.IntN(len(docKinds))]
		var number string
		if k.docType == "Quyết định" && r.IntN(2) == 0 || k.docType == "Nghị quyết" {
			number = fmt.Sprintf("%d/%d/%s", i+1, issued.Year(), k.suffix)
		} else {
			number = fmt.Sprintf("%d/%s", 1000+i, k.suffix)
		}
		var fm strings.Builder
		fmt.Fprintf(&fm, "---\nnumber: %s\ntitle: %q\ndoc_type: %s\nagency: Ủy ban nhân dân tỉnh Sơn Hà\nsigner: %s\nissued: %s\nissue: %s\norder: %d\nfield: %s\n",
			number, pick(r, docSubjects)+" "+pick(r, topics)+" trên địa bàn tỉnh Sơn Hà", k.docType, pick(r, signers),
			issued.Format("2006-01-02"), is.key, i%50+1, strings.SplitN(pick(r, fieldCodes), ":", 2)[0])
		if len(numbers) > 10 {
			switch x := r.IntN(20); {
			case x < 3:
				fmt.Fprintf(&fm, "amends: [%s]\n", numbers[r.IntN(len(numbers))])
			case x == 3:
				fmt.Fprintf(&fm, "replaces: [%s]\n", numbers[r.IntN(len(numbers))])
			case x == 4:
				fmt.Fprintf(&fm, "repeals: [%s]\n", numbers[r.IntN(len(numbers))])
			case x == 5:
				fmt.Fprintf(&fm, "guides: [%s]\n", numbers[r.IntN(len(numbers))])
			}
		}
		fmt.Fprintf(&fm, "based_on:\n  - {number: %s, external: true, title: Văn bản của Trung ương}\n", pick(r, externals))
		numbers = append(numbers, number)
		add(fmt.Sprintf("content/gazette/documents/%d/%s.md", issued.Year(), slugify(number, 0)),
			fm.String()+"---\n\n"+body(r, issued.Year(), 200+r.IntN(300), "Căn cứ Luật Tổ chức chính quyền địa phương;\n\n"))
	}
}

// WriteFS writes every file of fsys into dir, creating folders as needed.
func WriteFS(dir string, fsys fstest.MapFS) error {
	for name, f := range fsys {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
