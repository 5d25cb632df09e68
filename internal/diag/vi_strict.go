package diag

// Vietnamese for the messages of strict legal data: empty required values,
// document numbers that name no document, the order of documents in an
// issue.
func init() {
	for k, v := range map[string]string{
		"%s is empty: fill it in, it is required":                                                                  "mục %s đang để trống: hãy điền vào, đây là thông tin bắt buộc",
		"order %d: want the document's place in the issue, from 1":                                                 "order %d: điền thứ tự của văn bản trong số công báo, bắt đầu từ 1",
		"order %d is also the order of %s (%s) in gazette issue %s: give each document its own place in the issue": "order %d trùng với thứ tự của văn bản %s (%s) trong số công báo %s: mỗi văn bản cần một thứ tự riêng",
		"%s %q is marked external (outside the site) but the site has %s: check the number":                        "%s %q được ghi là văn bản ngoài cổng (external) nhưng trên cổng có văn bản %s: kiểm tra lại số hiệu",
		"%s %q names no document in the gazette: did you mean %s?":                                                 "%s %q không khớp văn bản nào trong công báo: có phải là %s? Sửa lại số hiệu cho đúng",
		"%s %q names no document in the site: did you mean %s?":                                                    "%s %q không khớp văn bản nào trên cổng: có phải là %s? Sửa lại số hiệu cho đúng",
	} {
		vi[k] = v
	}
}
