package diag

// Vietnamese texts of the digital-signature checks of gazette PDFs
// (internal/graph/signatures.go) and of the demo's signing tool.
func init() {
	for k, v := range map[string]string{
		"%s %q was changed after it was signed: its digital signature no longer matches the file (publish the file exactly as the signer sent it)": "%s %q đã bị sửa sau khi ký số: chữ ký số không còn khớp với nội dung tệp (hãy đăng đúng tệp người ký đã gửi, không mở ra sửa hay lưu lại)",
		"%s %q: %v (ask the signer for the signed file again)":                                                                                                              "%s %q: chữ ký số không hợp lệ hoặc tệp bị hỏng: %v (hãy xin lại người ký tệp đã ký số)",
		"%s %q has %d bytes added after its last digital signature, which no signature covers: check that this is the file as signed":                                       "%s %q có %d byte được thêm vào sau chữ ký số cuối cùng, không chữ ký nào bảo đảm phần này: hãy kiểm tra đây đúng là tệp như khi ký",
		"pdf %q has no digital signature: a gazette issue from 2025 on is published as a digitally signed PDF (Thông tư 02/2025/TT-VPCP); put the signed file in its place": "pdf %q chưa được ký số: từ năm 2025, số công báo điện tử được đăng dưới dạng tệp PDF đã ký số (Thông tư 02/2025/TT-VPCP); hãy thay bằng tệp đã ký số",
		"the certificate's subject common name (the signer shown on pages)":                                                                                                 "tên (CN) ghi trong chứng thư số, là tên người ký hiện trên trang",
	} {
		vi[k] = v
	}
}
