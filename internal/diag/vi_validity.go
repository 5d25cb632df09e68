package diag

func init() {
	for k, v := range map[string]string{
		"date %s is before this document's effective date %s: a change takes effect with or after the document that makes it; check the date": "ngày %s (ngày thay đổi có hiệu lực) sớm hơn ngày hiệu lực %s của chính văn bản này: việc sửa đổi, thay thế, bãi bỏ thường có hiệu lực cùng lúc hoặc sau văn bản quy định nó; hãy kiểm tra lại ngày",
		"date: %s does not take effect on a date (only amends, replaces, repeals, suspends and corrects do): remove it":                       "date (ngày có hiệu lực): quan hệ %s không có ngày có hiệu lực (chỉ amends, replaces, repeals, suspends, corrects — sửa đổi, thay thế, bãi bỏ, ngưng hiệu lực, đính chính — mới có); hãy xóa dòng date",
		"next change of legal status: %s (%s): rebuild the site on that day":                                                                  "Hiệu lực thay đổi tiếp theo: ngày %s (%s) — hãy tạo lại trang vào ngày đó",
		"next change of legal status: none known after %s (no document takes effect, ends or is changed later)":                               "Hiệu lực thay đổi tiếp theo: chưa biết (không văn bản nào có hiệu lực, hết hiệu lực hay bị thay đổi sau ngày %s)",
		"and %d more changes":            "và %d thay đổi khác",
		"%s takes effect":                "%s có hiệu lực",
		"%s reaches the end of its term": "%s hết thời hạn hiệu lực",
		"%s of %s":                       "%s của %s",
		"%s is replaced by %s":           "%s bị thay thế bởi %s",
		"%s is suspended by %s":          "%s bị ngưng hiệu lực bởi %s",
		"%s is repealed by %s":           "%s bị bãi bỏ bởi %s",
	} {
		vi[k] = v
	}
}
