package diag

// Vietnamese texts of the messages about dates, Word habits and
// publishing (branch staff).
func init() {
	for k, v := range map[string]string{
		"%s: date %q does not exist: there is no month %d (write day/month/year, as in 02/12/2026, or 2026-12-02)":                                                                                       "%s: ngày %q không có thật: không có tháng %d (hãy viết ngày/tháng/năm, ví dụ 02/12/2026, hoặc 2026-12-02)",
		"%s: date %q does not exist: month %d of %d has %d days (write day/month/year, as in 02/12/2026, or 2026-12-02)":                                                                                 "%s: ngày %q không có thật: tháng %d năm %d chỉ có %d ngày (hãy viết ngày/tháng/năm, ví dụ 02/12/2026, hoặc 2026-12-02)",
		"%s: date %q does not exist: dates are day/month/year, did you mean %q?":                                                                                                                         "%s: ngày %q không có thật: ngày phải viết theo thứ tự ngày/tháng/năm, có phải là %q?",
		"%s: date %q has a two-digit year: write the year in full, as in %q":                                                                                                                             "%s: ngày %q ghi năm bằng hai chữ số: hãy ghi năm đủ bốn chữ số, ví dụ %q",
		"%s: time %q in %q does not exist: write hours 0-23 and minutes 0-59, as in 02/12/2026 14:30":                                                                                                    "%s: giờ %q trong %q không có thật: giờ từ 0 đến 23, phút từ 0 đến 59, ví dụ 02/12/2026 14:30",
		"%s: %q is not a date: write day/month/year, as in 02/12/2026 or 2/12/2026, or 2026-12-02; a time may follow, as in 02/12/2026 14:30":                                                            "%s: %q không phải là ngày: hãy viết ngày/tháng/năm, ví dụ 02/12/2026 hoặc 2/12/2026, hoặc 2026-12-02; có thể ghi thêm giờ phía sau, ví dụ 02/12/2026 14:30",
		"bullets %q run together on one line: put each item on its own line, beginning with \"- \"":                                                                                                      "các dấu đầu dòng %q nằm liền nhau trên một dòng: hãy đưa mỗi mục xuống một dòng riêng, bắt đầu bằng \"- \"",
		"text separated by tabs, as in a table pasted from Word, shows as one paragraph: write it as a table, one row a line with cells between \"|\", and a line \"| --- | --- |\" under the first row": "chữ ngăn cách bằng phím Tab (như một bảng dán từ Word) sẽ hiện thành một đoạn liền: hãy viết thành bảng, mỗi hàng một dòng, các ô ngăn cách bằng \"|\", và thêm một dòng \"| --- | --- |\" dưới hàng đầu tiên",
		"the text %q that minhbach new writes is still here: replace it with the text to publish":                                                                                                        "dòng chữ mẫu %q do lệnh minhbach new tạo ra vẫn còn: hãy thay bằng nội dung cần đăng",
		"minhbach %s: %s":     "minhbach %s: %s",
		"a date (dd/mm/yyyy)": "một ngày (dd/mm/yyyy)",
		"minhbach check: %d pages, 0 errors, %d warnings%s in %.2f s":                "minhbach check: %d trang, 0 lỗi, %d cảnh báo%s, trong %.2f giây",
		"minhbach build: %d pages, %d files, %d bytes, %d warnings%s in %.2f s → %s": "minhbach build: %d trang, %d tệp, %d byte, %d cảnh báo%s, trong %.2f giây → %s",
		" (left out: drafts %d, scheduled %d, expired %d)":                           " (không đăng: %d bản nháp, %d bài hẹn giờ chưa đến ngày đăng, %d bài đã hết hạn)",
		`invalid YAML: %s (a value that contains ": " must be quoted, with straight quotes "…" around the whole value: curly quotes “ ” inside a value are text, not quotes)`: `phần khai báo đầu tệp (giữa hai dòng ---) viết sai: %s. Giá trị có chứa ": " phải đặt trong dấu nháy kép thẳng "…" bao quanh toàn bộ giá trị: dấu nháy cong “ ” nằm bên trong giá trị chỉ là chữ, không phải dấu nháy`,
		`invalid YAML: %s (curly quotes “ ” inside a value are text, not quotes: put straight quotes "…" around the whole value)`:                                             `phần khai báo đầu tệp (giữa hai dòng ---) viết sai: %s. Dấu nháy cong “ ” nằm bên trong giá trị chỉ là chữ, không phải dấu nháy: hãy đặt dấu nháy kép thẳng "…" bao quanh toàn bộ giá trị`,
	} {
		vi[k] = v
	}
}
