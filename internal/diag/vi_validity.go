package diag

func init() {
	for k, v := range map[string]string{
		"date %s is before this document's effective date %s: a change takes effect with or after the document that makes it; check the date": "ngày %s (ngày thay đổi có hiệu lực) sớm hơn ngày hiệu lực %s của chính văn bản này: việc sửa đổi, thay thế, bãi bỏ thường có hiệu lực cùng lúc hoặc sau văn bản quy định nó; hãy kiểm tra lại ngày",
		"date: %s does not take effect on a date (only amends, replaces, repeals, suspends and corrects do): remove it":                       "date (ngày có hiệu lực): quan hệ %s không có ngày có hiệu lực (chỉ amends, replaces, repeals, suspends, corrects — sửa đổi, thay thế, bãi bỏ, ngưng hiệu lực, đính chính — mới có); hãy xóa dòng date",
	} {
		vi[k] = v
	}
}
