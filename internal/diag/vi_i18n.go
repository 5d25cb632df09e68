package diag

// Vietnamese texts of the messages about the UI string tables i18n/*.yaml
// (internal/i18n, internal/render/strings.go).
func init() {
	for k, v := range map[string]string{
		"string %q: the text must hold the same placeholders as the theme's (%s), in the same order: %q": "chuỗi %q: nội dung phải có đúng các chỗ điền giá trị như bảng của giao diện mặc định (%s), cùng thứ tự; đang ghi %q",
		"want a mapping of keys to texts (header.search.label: \"Tìm kiếm\")":                            "cần danh sách khóa và nội dung, mỗi dòng một khóa (ví dụ header.search.label: \"Tìm kiếm\")",
		"string %q: want a text, got nothing or a list":                                                  "chuỗi %q: cần một nội dung chữ, đang để trống hoặc ghi danh sách",
		"string %q used by this layout has no %s text: add it to %s (tables read: %s)":                   "chuỗi %q mà mẫu giao diện này dùng chưa có nội dung cho ngôn ngữ %s: thêm khóa này vào %s (các bảng đã đọc: %s)",
		"none": "không có",
		"string %q is a key of no layout and not of the theme's table (did you mean %q?): its text never shows": "chuỗi %q không được mẫu giao diện nào dùng và không có trong bảng của giao diện mặc định (có phải định viết %q?): nội dung này sẽ không hiện ra",
		"string %q is a key of no layout and not of the theme's table: its text never shows":                    "chuỗi %q không được mẫu giao diện nào dùng và không có trong bảng của giao diện mặc định: nội dung này sẽ không hiện ra",
	} {
		vi[k] = v
	}
}
