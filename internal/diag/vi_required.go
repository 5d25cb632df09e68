package diag

// Vietnamese texts of the messages of the report of the pages the law
// requires in English (internal/required) and of the page keys it reads.
func init() {
	for k, v := range map[string]string{
		"the organisational structure":     "cơ cấu tổ chức",
		"the functions, duties and powers": "chức năng, nhiệm vụ, quyền hạn",
		"the officials' contacts":          "liên hệ của cán bộ",
		"language %s: no page declares required_en: %s (%s), which must be in every declared language: add it to the Vietnamese page that holds this information and translate that page":                     "ngôn ngữ %s: chưa trang nào khai báo required_en: %s (%s), thông tin phải có ở mọi ngôn ngữ đã khai báo: thêm khóa này vào trang tiếng Việt chứa thông tin đó và dịch trang",
		"this page (%s) has no %s translation, which the site must have: create %s":                                                                                                                           "trang này (%s) chưa có bản dịch %s, bản bắt buộc phải có: tạo %s",
		"this %s translation has no date (updated) while its original %s was updated on %s: check that it says the same and write updated":                                                                    "bản dịch %s này không có ngày (updated) trong khi bản gốc %s cập nhật ngày %s: kiểm tra bản dịch đã theo kịp bản gốc chưa rồi ghi updated",
		"this %s translation (updated %s) is older than its original %s (updated %s): bring it up to date and change its updated":                                                                             "bản dịch %s này (cập nhật ngày %s) cũ hơn bản gốc %s (cập nhật ngày %s): dịch lại phần đã sửa rồi sửa updated của bản dịch",
		"required_en %q is not one of %s: write to-chuc for the organisational structure, chuc-nang for the functions, duties and powers (of the agency or of one unit), lien-he for the officials' contacts": "required_en %q không thuộc các giá trị %s: ghi to-chuc cho cơ cấu tổ chức, chuc-nang cho chức năng, nhiệm vụ, quyền hạn (của cơ quan hoặc một đơn vị), lien-he cho liên hệ của cán bộ",
	} {
		vi[k] = v
	}
}

func init() {
	for k, v := range map[string]string{
		"translations the law requires (%s): %d pages declare required_en, all translated and up to date":                                                                                                                 "bản dịch bắt buộc (%s): %d trang khai báo required_en, đều đã dịch và cập nhật kịp bản tiếng Việt",
		"translations the law requires (%s): %d missing or out of date: %d kinds of information no page declares, %d pages without translation, %d translations older than their original (the warnings above list them)": "bản dịch bắt buộc (%s): %d chỗ thiếu hoặc cũ: %d loại thông tin chưa trang nào khai báo, %d trang chưa có bản dịch, %d bản dịch cũ hơn bản gốc (các cảnh báo ở trên liệt kê từng trang)",
	} {
		vi[k] = v
	}
}
