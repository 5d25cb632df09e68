package diag

// The Vietnamese texts of the messages about dossier statistics, the
// disclosure catalogue and its check, and the site notice.
func init() {
	for k, v := range map[string]string{
		"%s, %s: already counted at %s: give each period and agency or field one row":                                                                              "%s, %s: đã có số liệu ở %s: mỗi kỳ và mỗi cơ quan (hoặc lĩnh vực) chỉ ghi một dòng",
		"period %q: write a year (2026), a quarter (2026-Q3), a half year (2026-H1) or a month (2026-09 or 09/2026)":                                               "period (kỳ) %q: hãy ghi năm (2026), quý (2026-Q3), 6 tháng (2026-H1) hoặc tháng (2026-09 hay 09/2026)",
		"name the agency (agency) or the field (field) the row counts":                                                                                             "hãy ghi cơ quan (agency) hoặc lĩnh vực (field) của dòng số liệu",
		"a row counts one agency or one field, not both: move the field's figures to a row of their own":                                                           "mỗi dòng chỉ ghi một cơ quan hoặc một lĩnh vực, không ghi cả hai: chuyển số liệu theo lĩnh vực sang dòng riêng",
		"%s: want a whole number of dossiers (0, 25, 1.234), got %q":                                                                                               "%s: cần một số nguyên hồ sơ (0, 25, 1.234), nhưng đang ghi %q",
		"the figures do not add up: received %d + carried_over %d = %d, but on_time %d + late %d + pending %d = %d (%d dossiers unaccounted for): correct the row": "số liệu không cộng đúng: tiếp nhận mới %d + kỳ trước chuyển sang %d = %d, nhưng đúng hạn %d + trễ hạn %d + đang giải quyết %d = %d (thiếu %d hồ sơ): hãy sửa lại dòng này",
		"the figures do not add up: received %d + carried_over %d = %d, but on_time %d + late %d + pending %d = %d (%d dossiers too many): correct the row":        "số liệu không cộng đúng: tiếp nhận mới %d + kỳ trước chuyển sang %d = %d, nhưng đúng hạn %d + trễ hạn %d + đang giải quyết %d = %d (thừa %d hồ sơ): hãy sửa lại dòng này",
		"online: %d dossiers received online is more than the %d received":                                                                                         "online: %d hồ sơ tiếp nhận trực tuyến nhiều hơn %d hồ sơ tiếp nhận mới",
		"empty sheet: write a header row of keys (period,agency,received,…) and one row a period":                                                                  "bảng số liệu trống: hãy ghi dòng tiêu đề là tên các cột (period,agency,received,…) rồi mỗi kỳ một dòng",
	} {
		vi[k] = v
	}
}
