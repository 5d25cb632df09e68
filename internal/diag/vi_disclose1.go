package diag

// The Vietnamese texts of the messages of the disclosure kinds: drafts
// for comment, budget disclosures and public investment projects.
func init() {
	for k, v := range map[string]string{
		// cmd/minhbach: the line after a build.
		"comments on %q open":        "bắt đầu lấy ý kiến dự thảo %q",
		"comments on %q have closed": "hết thời hạn góp ý dự thảo %q",
		"and %d more drafts":         "và %d dự thảo khác",
		"next change of a draft for comment: %s (%s): rebuild the site on that day": "Dự thảo lấy ý kiến thay đổi tiếp theo: ngày %s (%s) — hãy tạo lại trang vào ngày đó",
		// minhbach new
		"fiscal year": "năm ngân sách",
		"stage of a budget disclosure (du_toan, thuc_hien_quy, thuc_hien_6_thang, thuc_hien_nam, quyet_toan)": "nội dung công khai ngân sách (du_toan, thuc_hien_quy, thuc_hien_6_thang, thuc_hien_nam, quyet_toan)",
		"quarter (1–4) of a quarterly budget report":                                                          "quý (1–4) của báo cáo ngân sách quý",
		"%q is not a fiscal year: write the year, for example 2026":                                           "%q không phải năm ngân sách: hãy ghi năm, ví dụ 2026",
		"--stage %q is not a stage (allowed: %s)":                                                             "--stage %q không phải nội dung công khai (dùng được: %s)",
		"--quarter %q: want 1, 2, 3 or 4":                                                                     "--quarter %q: cần 1, 2, 3 hoặc 4",
		"--quarter is only for a quarterly report (--stage thuc_hien_quy)":                                    "--quarter chỉ dùng cho báo cáo quý (--stage thuc_hien_quy)",
		// site.yaml
		"budget_deadlines.%s: want a number of days, 0 or more, got %d": "budget_deadlines.%s (thời hạn công khai ngân sách): cần một số ngày, từ 0 trở lên, nhưng đang là %d",
		// Drafts for comment.
		"closes %s is before opens %s: the last day of comments comes after the first":                                                                           "closes (ngày kết thúc lấy ý kiến) %s sớm hơn opens (ngày bắt đầu) %s: ngày cuối cùng nhận góp ý phải sau ngày bắt đầu",
		"email %q is not an email address: write it as name@example.gov.vn":                                                                                      "email %q không phải địa chỉ thư điện tử: hãy viết dạng ten@example.gov.vn",
		"form_url %q is not a web address: write the whole address of the form, beginning with https://":                                                         "form_url %q không phải địa chỉ trang web: hãy ghi đầy đủ địa chỉ của mẫu góp ý, bắt đầu bằng https://",
		"say how to comment: give at least one of email, address and form_url":                                                                                   "chưa nói cách gửi góp ý: hãy ghi ít nhất một trong các khóa email (thư điện tử), address (địa chỉ nhận văn bản) và form_url (mẫu góp ý trực tuyến)",
		"publish the draft itself: add an attachment with role: du_thao (the full text of the draft)":                                                            "chưa đăng toàn văn dự thảo: hãy thêm một tệp đính kèm có role: du_thao (toàn văn dự thảo)",
		"issued_as: want one document number, got a list":                                                                                                        "issued_as (văn bản đã ban hành): cần một số ký hiệu văn bản, nhưng đang là một danh sách",
		"issued_as %s was issued on %s, before comments closed on %s: check the number":                                                                          "issued_as: văn bản %s ban hành ngày %s, trước ngày kết thúc lấy ý kiến %s: hãy kiểm tra lại số ký hiệu",
		"the document is issued but the report on the comments is not published: add an attachment with role: tong_hop (báo cáo tổng hợp, tiếp thu, giải trình)": "văn bản đã ban hành nhưng chưa đăng báo cáo tổng hợp ý kiến góp ý: hãy thêm tệp đính kèm có role: tong_hop (báo cáo tổng hợp, tiếp thu, giải trình)",
		"slug %q is taken by a list page of the section (reserved: %s): choose another":                                                                          "slug %q trùng với địa chỉ một trang danh sách của chuyên mục (đã dành riêng: %s): hãy chọn slug khác",
		// Budget disclosures.
		"year: want a year like 2026, got %d":                                                                        "year (năm ngân sách): cần một năm như 2026, nhưng đang là %d",
		"quarter: only a quarterly report (stage: thuc_hien_quy) has a quarter: remove it":                           "quarter (quý): chỉ báo cáo tình hình thực hiện quý (stage: thuc_hien_quy) mới có quý: hãy xóa dòng này",
		"quarter: want 1, 2, 3 or 4, got %d":                                                                         "quarter (quý): cần 1, 2, 3 hoặc 4, nhưng đang là %d",
		"missing required key %q: a quarterly report names its quarter (1, 2, 3 or 4)":                               "thiếu mục bắt buộc %q: báo cáo quý phải ghi quý (1, 2, 3 hoặc 4)",
		"decision: want one document number, got a list":                                                             "decision (văn bản quyết định): cần một số ký hiệu văn bản, nhưng đang là một danh sách",
		"decision %s is outside the site: give its date in decided, so that the publication deadline can be checked": "văn bản %s không có trên cổng: hãy ghi ngày ban hành của nó ở khóa decided để kiểm tra được thời hạn công khai",
		"table %q: want a .csv file (save the sheet as \"CSV UTF-8 (comma delimited)\")":                             "bảng %q: cần tệp .csv (lưu bảng tính dạng \"CSV UTF-8 (comma delimited)\")",
		"a budget disclosure publishes its figures: give tables (CSV files) or attachments (the signed documents)":   "công khai ngân sách phải đăng số liệu: hãy ghi tables (các tệp CSV) hoặc attachments (các văn bản đã ký)",
		"decided %s differs from the date %s of %s in the gazette: the gazette's date is used":                       "decided (ngày quyết định) %s khác ngày %s của văn bản %s trên công báo: dùng ngày trên công báo",
		"published %s, %d days after %s (%s): the deadline for %s is %d days, until %s (site.yaml budget_deadlines)": "công khai ngày %[1]s, sau %[3]s (%[4]s) %[2]d ngày: thời hạn công khai của %[5]s là %[6]d ngày, đến hết ngày %[7]s (site.yaml budget_deadlines)",
		"published %s, before the decision of %s: check both dates":                                                  "ngày công khai %s sớm hơn ngày quyết định %s: hãy kiểm tra lại hai ngày này",
		"the decision":          "ngày quyết định",
		"the end of the period": "ngày kết thúc kỳ báo cáo",
		"table %q: %v":          "bảng %q: %v",
		"invalid UTF-8: save the sheet as \"CSV UTF-8 (comma delimited)\"":                                                                   "tệp không phải UTF-8: hãy lưu bảng tính dạng \"CSV UTF-8 (comma delimited)\"",
		"empty table: write a header row, then one row a line":                                                                               "bảng trống: hãy viết một dòng tiêu đề cột, rồi mỗi dòng số liệu một dòng",
		"table has %d column: want a column naming the rows and at least one column of amounts":                                              "bảng chỉ có %d cột: cần một cột tên dòng và ít nhất một cột số liệu",
		"column %d has no name in the header row: name it or delete it":                                                                      "cột thứ %d chưa có tên ở dòng tiêu đề: hãy đặt tên hoặc xóa cột",
		"row has no name in column %q: say what the row's figures are":                                                                       "dòng chưa có tên ở cột %q: hãy ghi số liệu của dòng là gì",
		"cell %q in column %q is not an amount: write it as 1.234.567 (a dot between thousands, a comma before decimals), or leave it empty": "ô %q ở cột %q không phải số tiền: hãy viết dạng 1.234.567 (dấu chấm phân cách hàng nghìn, dấu phẩy trước phần thập phân), hoặc để trống",
		"table has a header row but no rows of figures":                                                                                      "bảng có dòng tiêu đề nhưng chưa có dòng số liệu nào",
		// Projects.
		"period %q: want the years of the project, as 2025-2028 (or one year, 2026)":                                      "period (thời gian thực hiện) %q: cần các năm của dự án, dạng 2025-2028 (hoặc một năm, 2026)",
		"period %q ends before it begins: write the first year first":                                                     "period (thời gian thực hiện) %q kết thúc trước khi bắt đầu: hãy ghi năm bắt đầu trước",
		"package %q has a result but no %s: give the winner, winning_price and date together":                             "gói thầu %q đã có kết quả nhưng thiếu %s: hãy ghi đủ winner (nhà thầu trúng thầu), winning_price (giá trúng thầu) và date (ngày phê duyệt kết quả)",
		"%s %q is not an amount: write it as 1.234.567 (a dot between thousands, a comma before decimals), in triệu đồng": "%s %q không phải số tiền: hãy viết dạng 1.234.567 (dấu chấm phân cách hàng nghìn, dấu phẩy trước phần thập phân), đơn vị triệu đồng",
	} {
		vi[k] = v
	}
}
