package sitetest

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing/fstest"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Word and sentence pools of the corpus: the vocabulary of a provincial
// People's Committee Office's news.
var (
	categories  = pool("Tin hoạt động|Chỉ đạo điều hành|Cải cách hành chính|Chuyển đổi số|Kinh tế - Xã hội|Công báo|Tiếp công dân|Văn hóa - Xã hội")
	tags        = pool("hội nghị|một cửa|dịch vụ công trực tuyến|chữ ký số|văn thư lưu trữ|đầu tư công|ngân sách|đất đai|hộ tịch|giáo dục|y tế|giao thông|nông thôn mới|giảm nghèo|phòng chống thiên tai|thanh tra|khiếu nại tố cáo|công báo|văn bản quy phạm pháp luật|sắp xếp đơn vị hành chính|chính quyền hai cấp|chỉ số PAR INDEX|chỉ số SIPAS|chỉ số PCI|du lịch|xây dựng|môi trường|chuyển đổi số|an ninh trật tự|thi đua khen thưởng")
	topics      = pool("cải cách hành chính|chuyển đổi số|giải ngân vốn đầu tư công|xây dựng nông thôn mới|phòng, chống thiên tai|bảo đảm trật tự an toàn giao thông|quản lý đất đai|thu ngân sách nhà nước|giảm nghèo bền vững|kiểm soát thủ tục hành chính|văn thư, lưu trữ|tiếp công dân, giải quyết khiếu nại, tố cáo|phát triển du lịch|bảo vệ môi trường|thi đua, khen thưởng|phổ biến, giáo dục pháp luật")
	periods     = pool("6 tháng đầu|9 tháng đầu|quý I|quý II|quý III|tháng 10|6 tháng cuối")
	agencies    = pool("Văn phòng Chính phủ|Bộ Nội vụ|Bộ Tài chính|Bộ Khoa học và Công nghệ|Bộ Tư pháp|Bộ Xây dựng|Thanh tra Chính phủ")
	communes    = pool("Tân Phú|Hòa Bình|Đông Thành|Phú Lộc|Thạnh Mỹ|An Khánh|Long Hưng|Quảng Điền|Ea Súp|Bản Lầu")
	people      = pool("Trần Thị Thu Hà|Nguyễn Văn Minh|Lê Hoàng Nam|Phạm Thị Lan Anh|Võ Quốc Hưng|Đặng Minh Đức")
	authors     = pool("Minh Tâm|N.H|Thu Trang|Quốc Việt|Hoàng Yến|Tô Dân")
	subjects    = pool("Ủy ban nhân dân tỉnh|Văn phòng UBND tỉnh|Sở Nội vụ|Sở Tài chính|Sở Tư pháp|Trung tâm Phục vụ hành chính công tỉnh|Các sở, ban, ngành|Ủy ban nhân dân các xã, phường|Sở Khoa học và Công nghệ|Công an tỉnh|Thanh tra tỉnh|Sở Xây dựng")
	verbs       = pool("đã chủ động triển khai|tiếp tục đẩy mạnh|tập trung thực hiện|đã cơ bản hoàn thành|tham mưu ban hành|chỉ đạo rà soát|phối hợp chặt chẽ trong việc thực hiện|cần tăng cường|được giao chủ trì|kịp thời tháo gỡ khó khăn trong")
	objects     = pool("các nhiệm vụ về {t}|kế hoạch {t} năm {y}|các giải pháp nâng cao hiệu quả {t}|chương trình công tác {t}|việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính|các chỉ tiêu, nhiệm vụ được giao trong năm {y}|công tác kiểm tra, giám sát việc thực hiện {t}|việc cung cấp dịch vụ công trực tuyến toàn trình")
	complements = pool("theo đúng tiến độ đề ra|bảo đảm chất lượng, hiệu quả|trên địa bàn tỉnh|trong thời gian tới|góp phần thúc đẩy phát triển kinh tế - xã hội của địa phương|đáp ứng yêu cầu của người dân và doanh nghiệp|theo chỉ đạo của Chủ tịch UBND tỉnh|ngay từ những tháng đầu năm")
	figures     = pool("Tỷ lệ hồ sơ giải quyết trước và đúng hạn đạt 9%[1]d,%[2]d%%.|Toàn tỉnh đã tiếp nhận %[3]s hồ sơ, trong đó %[4]d%% hồ sơ được nộp trực tuyến.|Tổng vốn đầu tư công đã giải ngân đạt %[3]s triệu đồng, bằng %[4]d,%[2]d%% kế hoạch vốn được giao.|Trong kỳ, có %[5]d văn bản quy phạm pháp luật được ban hành và %[6]d văn bản được rà soát.")
	headings    = pool("Kết quả đạt được|Tồn tại, hạn chế|Nguyên nhân của hạn chế|Nhiệm vụ, giải pháp trọng tâm|Ý kiến chỉ đạo|Kết luận của hội nghị|Phương hướng thời gian tới|Một số chỉ tiêu chủ yếu|Những việc cần làm ngay")
	indicators  = pool("Hồ sơ tiếp nhận|Hồ sơ nộp trực tuyến|Văn bản đến được xử lý|Văn bản đi phát hành|Vốn giải ngân (triệu đồng)|Lượt tiếp công dân|Đơn thư được giải quyết")
	events      = pool("hội nghị|buổi làm việc|phiên họp|hội thảo|lễ phát động")
)

// titles are headline templates, each with the index of its category:
// %[1]s topic, %[2]s period, %[3]d year, %[4]d month, %[5]s agency,
// %[6]d a number, %[7]d next year, %[8]s commune.
var titles = []struct {
	cat int
	f   string
}{
	{0, "Hội nghị sơ kết công tác %[1]s %[2]s năm %[3]d"},
	{0, "Văn phòng UBND tỉnh tổng kết công tác năm %[3]d, triển khai nhiệm vụ năm %[7]d"},
	{1, "UBND tỉnh ban hành kế hoạch %[1]s năm %[3]d"},
	{1, "Phiên họp thường kỳ UBND tỉnh tháng %[4]d năm %[3]d"},
	{2, "Hội nghị sơ kết công tác cải cách hành chính %[2]s năm %[3]d"},
	{2, "Kết quả giải quyết hồ sơ thủ tục hành chính %[2]s năm %[3]d"},
	{3, "Đẩy mạnh chuyển đổi số trong %[1]s tại xã %[8]s"},
	{3, "Triển khai Nghị quyết số %[6]d/NQ-HĐND về chuyển đổi số và %[1]s"},
	{4, "Tình hình kinh tế - xã hội %[2]s năm %[3]d"},
	{4, "Đoàn công tác %[5]s làm việc với tỉnh về %[1]s"},
	{5, "Phát hành Công báo tỉnh số %[6]d năm %[3]d"},
	{5, "Hướng dẫn gửi văn bản đăng Công báo về %[1]s"},
	{6, "Chủ tịch UBND tỉnh tiếp công dân định kỳ tháng %[4]d/%[3]d"},
	{6, "Kết quả tiếp công dân, giải quyết khiếu nại, tố cáo %[2]s năm %[3]d"},
	{7, "Tăng cường %[1]s tại xã %[8]s"},
	{7, "Phát động phong trào thi đua về %[1]s năm %[3]d"},
}

func pool(s string) []string { return strings.Split(s, "|") }

// Corpus returns a deterministic site of n news items and three plain
// pages in realistic Vietnamese administrative text, for benchmarks: the
// same n and seed always give the same files, and the first n items of a
// larger corpus are those of a smaller one with the same seed. News dates
// are spread over 2019–2026 (+07:00), each item has one of 8 categories
// and 1 to 4 of 30 tags, bodies run 300–700 words with headings, a list
// and sometimes a table, and lists show 20 items a page.
func Corpus(n int, seed int64) fstest.MapFS {
	r := rand.New(rand.NewPCG(uint64(seed), 0x6d696e6862616368))
	fsys := fstest.MapFS{}
	add := func(name, s string) { fsys[name] = &fstest.MapFile{Data: []byte(s), Mode: 0o644} }
	add("site.yaml", `title: Cổng thông tin điện tử Văn phòng UBND tỉnh Sơn Hà
base_url: https://vanphong.sonha.gov.vn/
language: vi
agency: Văn phòng Ủy ban nhân dân tỉnh Sơn Hà
description: Thông tin chỉ đạo, điều hành của Ủy ban nhân dân tỉnh Sơn Hà.
responsible: Chánh Văn phòng UBND tỉnh Sơn Hà
contact:
  address: Số 12 đường Trần Hưng Đạo, phường Đông Thành, thành phố Sơn Hà
  phone: 0208 3851 234
  email: vanphong@sonha.gov.vn
menus:
  main:
    - {name: Trang chủ, url: /, weight: 1}
    - {name: Tin tức, url: /tin-tuc/, weight: 2}
paginate: 20
`)
	for i, p := range pool("Giới thiệu|Cơ cấu tổ chức|Liên hệ") {
		add("content/pages/"+slugify(p, 0)+".md", fmt.Sprintf("---\ntitle: %q\nweight: %d\nmenu: main\n---\n\n%s", p, i+1, body(r, 2026, 150, "")))
	}
	start := time.Date(2019, 1, 1, 0, 0, 0, 0, time.FixedZone("", 7*3600))
	days := int(time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC).Sub(time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)).Hours() / 24)
	for i := range n {
		date := start.AddDate(0, 0, r.IntN(days+1)).Add(time.Duration(7*60+r.IntN(40)*15) * time.Minute)
		t := titles[r.IntN(len(titles))]
		title := fmt.Sprintf(t.f, pick(r, topics), pick(r, periods), date.Year(), int(date.Month()), pick(r, agencies),
			1+r.IntN(60), date.Year()+1, pick(r, communes))
		var tg []string
		for _, k := range r.Perm(len(tags))[:1+r.IntN(4)] {
			tg = append(tg, strconv.Quote(tags[k]))
		}
		var fm strings.Builder
		fmt.Fprintf(&fm, "---\ntitle: %q\ndate: %s\ncategory: %q\ntags: [%s]\n", title, date.Format(time.RFC3339),
			categories[t.cat], strings.Join(tg, ", "))
		if r.IntN(2) == 0 {
			fmt.Fprintf(&fm, "author: %q\n", pick(r, authors))
		}
		name := fmt.Sprintf("content/news/%d/%s-%s-%d.md", date.Year(), date.Format("2006-01-02"), slugify(title, 60), i+1)
		add(name, fm.String()+"---\n\n"+body(r, date.Year(), 300+r.IntN(360), lead(r, date)))
	}
	return fsys
}

// WriteCorpus writes Corpus(n, seed) into dir, creating it when needed.
func WriteCorpus(dir string, n int, seed int64) error {
	for name, f := range Corpus(n, seed) {
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

func pick(r *rand.Rand, p []string) string { return p[r.IntN(len(p))] }

// lead is the opening paragraph of a news item: when, who, what.
func lead(r *rand.Rand, date time.Time) string {
	return fmt.Sprintf("Ngày %d/%d/%d, %s tổ chức %s về %s. Đồng chí %s, Phó Chủ tịch UBND tỉnh dự và chỉ đạo. %s\n\n",
		date.Day(), int(date.Month()), date.Year(), pick(r, subjects[:6]),
		pick(r, events), pick(r, topics), pick(r, people), sentence(r, date.Year()))
}

// sentence is one sentence of report prose, sometimes with figures.
func sentence(r *rand.Rand, year int) string {
	if r.IntN(5) == 0 {
		return fmt.Sprintf(pick(r, figures), 5+r.IntN(5), r.IntN(10), number(1000+r.IntN(90000)), 40+r.IntN(60),
			3+r.IntN(30), 10+r.IntN(200))
	}
	s := pick(r, subjects) + " " + pick(r, verbs) + " " + object(r, year)
	if r.IntN(3) > 0 {
		s += ", " + pick(r, complements)
	}
	return s + "."
}

// object is what a sentence or a list item is about.
func object(r *rand.Rand, year int) string {
	o := strings.ReplaceAll(pick(r, objects), "{t}", pick(r, topics))
	return strings.ReplaceAll(o, "{y}", strconv.Itoa(year))
}

// body is Markdown: first, then at least two sections under "##"
// headings, the first with a list and, in one body of four, the second
// with a table. It stops at the sentence that brings it to target words.
func body(r *rand.Rand, year, target int, first string) string {
	var b strings.Builder
	words := 0
	write := func(s string) { b.WriteString(s); words += countWords(s) }
	para := func() {
		s := sentence(r, year)
		for range 1 + r.IntN(3) {
			if words+countWords(s) >= target {
				break
			}
			s += " " + sentence(r, year)
		}
		write(s + "\n\n")
	}
	write(first)
	table := r.IntN(4) == 0
	heads := r.Perm(len(headings))
	for h := 0; h < len(heads) && (h < 2 || words < target); h++ {
		write("## " + headings[heads[h]] + "\n\n")
		para()
		switch {
		case h == 0:
			ordered := r.IntN(2) == 0
			for k := range 3 + r.IntN(3) {
				item := "- "
				if ordered {
					item = strconv.Itoa(k+1) + ". "
				}
				write(item + upper(pick(r, verbs)+" "+object(r, year)) + ";\n")
			}
			write("\n")
		case h == 1 && table:
			write("| Chỉ tiêu | Kế hoạch | Thực hiện | Tỷ lệ |\n|---|---:|---:|---:|\n")
			for _, k := range r.Perm(len(indicators))[:3+r.IntN(2)] {
				plan := 500 + r.IntN(20000)
				done := plan * (70 + r.IntN(40)) / 100
				write(fmt.Sprintf("| %s | %s | %s | %d%% |\n", indicators[k], number(plan), number(done), done*100/plan))
			}
			write("\n")
		}
		for words < target && (h > 0 || words < target/2) && r.IntN(4) > 0 {
			para()
		}
	}
	return b.String()
}

// countWords counts the words of s, separated by spaces and newlines.
func countWords(s string) int {
	n := 0
	for i := range len(s) {
		if s[i] != ' ' && s[i] != '\n' && (i == 0 || s[i-1] == ' ' || s[i-1] == '\n') {
			n++
		}
	}
	return n
}

// number formats n the Vietnamese way: 15240 → "15.240".
func number(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}

// upper capitalizes the first letter of s.
func upper(s string) string {
	c, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(c)) + s[size:]
}

// slugify folds s to [a-z0-9-], cut at a word boundary to at most limit
// bytes when limit is not 0: "Hội nghị sơ kết" → "hoi-nghi-so-ket".
func slugify(s string, limit int) string {
	var b strings.Builder
	for _, c := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case c == 'đ':
			b.WriteByte('d')
		case c < utf8.RuneSelf && (unicode.IsLetter(c) || unicode.IsDigit(c)):
			b.WriteRune(c)
		case unicode.Is(unicode.Mn, c):
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	out := strings.TrimSuffix(b.String(), "-")
	if limit > 0 && len(out) > limit {
		if i := strings.LastIndexByte(out[:limit+1], '-'); i > 0 {
			out = out[:i]
		} else {
			out = out[:limit]
		}
	}
	return out
}
