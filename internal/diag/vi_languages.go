package diag

// Messages of the multilingual site (site.yaml languages, translations,
// translation files): issue 21.
func init() {
	for k, v := range map[string]string{
		"languages: %q is not a language minhbach knows (known: %s)":                                                   "languages (các ngôn ngữ của cổng): minhbach chưa hỗ trợ ngôn ngữ %q (hỗ trợ: %s)",
		"languages: the first language must be vi (Vietnamese, at the site's root), got %q: write languages: [vi, %s]": "languages (các ngôn ngữ của cổng): ngôn ngữ đầu tiên phải là vi (tiếng Việt, ở gốc trang), đang ghi %q: hãy viết languages: [vi, %s]",
		"languages: %q is listed twice": "languages (các ngôn ngữ của cổng): %q được ghi hai lần",
		"translations: %q is not a language of the site other than vi: add it to languages (languages: [vi, %s]) or remove the block":                                                                                                 "translations (nội dung cấu hình theo ngôn ngữ): %q không phải ngôn ngữ khác tiếng Việt của cổng: thêm vào languages (languages: [vi, %s]) hoặc bỏ khối này",
		"translation_key %q names no original: this translation must sit beside its original (X.%s.md next to X.md), mirror its path under content/%s/, or name it with translation_key (its path under content/ without .md, as %q)": "translation_key %q không trỏ tới bản gốc nào: bản dịch phải đặt cạnh bản gốc (X.%s.md bên cạnh X.md), hoặc theo đúng đường dẫn của bản gốc trong content/%s/, hoặc ghi translation_key là đường dẫn của bản gốc trong content/, bỏ đuôi .md (ví dụ %q)",
		"%s has two translations in %s: this file and %s; keep one":                                                                              "%s có hai bản dịch tiếng %s: tệp này và %s; chỉ giữ một bản",
		"this section cannot be translated yet: only news, pages, gazette documents and procedures have pages in %s; remove the file or move it": "mục này chưa dịch được: chỉ tin tức, trang giới thiệu, văn bản công báo và thủ tục hành chính có trang bằng tiếng %s; hãy xóa hoặc chuyển tệp",
		"%s is the original's: a translation takes it from its original and does not repeat it; remove it from this file":                        "%s là thông tin của bản gốc: bản dịch lấy từ bản gốc, không ghi lại; hãy xóa dòng này khỏi tệp bản dịch",
	} {
		vi[k] = v
	}
}
