package diag

func init() {
	for k, v := range map[string]string{
		"online_service_url: want an absolute http(s) URL like %q, got %q":                  "online_service_url (địa chỉ nộp hồ sơ trực tuyến) phải là địa chỉ web đầy đủ, bắt đầu bằng https://, ví dụ %q; đang ghi %q",
		"online_service_url: want {code} where the procedure's code goes, as in %q, got %q": "online_service_url (địa chỉ nộp hồ sơ trực tuyến) phải có {code} ở chỗ đặt mã thủ tục, ví dụ %q; đang ghi %q",
	} {
		vi[k] = v
	}
}
