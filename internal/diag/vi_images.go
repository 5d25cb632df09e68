package diag

// The Vietnamese texts of the messages about pictures (branch images).
func init() {
	for k, v := range map[string]string{
		"image %q is %d×%d px, too large to make smaller copies of (over %d megapixels): phones download the whole picture; resize it to at most %d px wide before adding it": "ảnh %q có kích thước %d×%d điểm ảnh, quá lớn để tạo bản thu nhỏ (trên %d triệu điểm ảnh): điện thoại sẽ phải tải cả ảnh gốc; hãy thu nhỏ ảnh còn chiều ngang tối đa %d điểm ảnh rồi đưa lại vào trang",
		"image %q is %d×%d px and %.1f MB, more than any page shows: resize it to at most %d px wide, or save it with more compression, before adding it":                     "ảnh %q có kích thước %d×%d điểm ảnh, nặng %.1f MB, lớn hơn mức trang web cần: hãy thu nhỏ ảnh còn chiều ngang tối đa %d điểm ảnh, hoặc lưu lại với chất lượng nén thấp hơn, rồi đưa lại vào trang",

		// The progress line of a long build (cmd/minhbach/progress.go).
		"minhbach: %s (%d s)":                                        "minhbach: %s (%d giây)",
		"reading the content files":                                  "đang đọc các tệp nội dung",
		"checking and linking the content":                           "đang kiểm tra và liên kết nội dung",
		"turning the texts into pages":                               "đang chuyển nội dung bài viết thành trang",
		"indexing for search":                                        "đang lập chỉ mục tìm kiếm",
		"building the site":                                          "đang dựng trang",
		"minhbach: writing files %d/%d (%d s)":                       "minhbach: đang tạo tệp %d/%d (%d giây)",
		"minhbach: writing files %d/%d, photos resized %d/%d (%d s)": "minhbach: đang tạo tệp %d/%d, đã thu nhỏ %d/%d ảnh (%d giây)",
		"minhbach: cannot use the folder of photo copies (%v): photos are resized again on every build": "minhbach: không dùng được thư mục lưu ảnh thu nhỏ (%v): ảnh sẽ được thu nhỏ lại ở mỗi lần dựng",
	} {
		vi[k] = v
	}
}
