package diag

// Vietnamese for `minhbach deploy` (cmd/minhbach/deploy.go,
// internal/deploy) and site.yaml's deploy section.
func init() {
	for k, v := range map[string]string{
		"minhbach deploy: publish the built site (public/) to the target, an S3-compatible bucket or a folder.\nRun minhbach build first: deploy sends what build wrote. Only new and changed files are sent,\nassets first and pages after them; files no longer in public/ are deleted last.": "minhbach deploy: đưa trang đã dựng (thư mục public/) lên nơi xuất bản: kho lưu trữ tương thích S3 hoặc một thư mục.\nHãy chạy minhbach build trước: deploy gửi đúng những gì build đã ghi. Chỉ gửi tệp mới và tệp đã thay đổi,\ngửi tài nguyên trước rồi mới đến các trang; tệp không còn trong public/ được xóa sau cùng.",
		"the built FOLDER to publish (default: public/ inside --source)":                                                                  "THƯ_MỤC chứa trang đã dựng cần xuất bản (mặc định: public/ trong --source)",
		"where to publish, a URL: s3://bucket/prefix?endpoint=…&region=… or file:///path/to/folder (default: deploy.target in site.yaml)": "nơi xuất bản, là một ĐỊA_CHỈ: s3://bucket/tien-to?endpoint=…&region=… hoặc file:///duong/dan/thu-muc (mặc định: deploy.target trong site.yaml)",
		"print what would be uploaded and deleted, and change nothing":                                                                    "chỉ in ra những tệp sẽ được tải lên và sẽ bị xóa, không thay đổi gì",
		"refuse a deploy that would delete more than N files":                                                                             "từ chối lần xuất bản nào phải xóa nhiều hơn N tệp",
		"delete even more files than --max-deletes allows":                                                                                "vẫn xóa dù số tệp phải xóa vượt quá --max-deletes",
		"minhbach deploy: unexpected argument %q":                                                                                         "minhbach deploy: thừa đối số %q",
		"minhbach deploy: cannot read %s: %v":                                                                                             "minhbach deploy: không đọc được %s: %v",
		"minhbach deploy: no target: give --target URL, or write deploy.target in site.yaml":                                              "minhbach deploy: chưa có nơi xuất bản: hãy thêm --target ĐỊA_CHỈ, hoặc ghi deploy.target trong site.yaml",
		"minhbach deploy: %s": "minhbach deploy: %s",
		"minhbach deploy: %v": "minhbach deploy: %v",
		"minhbach deploy: %s holds no built site (no index.html): run minhbach build first":                                                                         "minhbach deploy: thư mục %s chưa có trang đã dựng (không có index.html): hãy chạy minhbach build trước",
		"minhbach deploy: stopped after %d of %d files (%d bytes); nothing was deleted. Run the same command again to finish":                                       "minhbach deploy: đã dừng sau %d trên %d tệp (%d byte); chưa xóa tệp nào. Hãy chạy lại đúng lệnh này để hoàn tất",
		"minhbach deploy: %d files uploaded (%d bytes), %d deleted, %d unchanged in %.2f s → %s":                                                                    "minhbach deploy: đã tải lên %d tệp (%d byte), xóa %d tệp, %d tệp không đổi, trong %.2f giây → %s",
		"minhbach deploy: interrupted; nothing was deleted. Run the same command again to finish":                                                                   "minhbach deploy: đã bị ngắt; chưa xóa tệp nào. Hãy chạy lại đúng lệnh này để hoàn tất",
		"minhbach deploy (dry run): would upload %d files (%d bytes) and delete %d; %d unchanged → %s":                                                              "minhbach deploy (chạy thử): sẽ tải lên %d tệp (%d byte) và xóa %d tệp; %d tệp không đổi → %s",
		"minhbach deploy (dry run): %d deletes are more than --max-deletes %d: the deploy would be refused without --force":                                         "minhbach deploy (chạy thử): %d tệp phải xóa, nhiều hơn --max-deletes %d: nếu không có --force, lần xuất bản này sẽ bị từ chối",
		"minhbach deploy: comparing public/ with the target (%d s)":                                                                                                 "minhbach deploy: đang so sánh public/ với nơi xuất bản (%d giây)",
		"minhbach deploy: %d superseded files (an old search index, old assets) stay for an hour, for pages cached before this deploy; a later deploy deletes them": "minhbach deploy: giữ lại %d tệp đã được thay (chỉ mục tìm kiếm cũ, tài nguyên cũ) thêm một giờ cho các trang đã lưu đệm trước lần xuất bản này; một lần xuất bản sau đó sẽ xóa chúng",
		"minhbach deploy: deleting %d/%d files (%d s)":                                                                                                              "minhbach deploy: đang xóa %d/%d tệp (%d giây)",
		"minhbach deploy: uploading %d/%d files, %d/%d MB (%d s)":                                                                                                   "minhbach deploy: đang tải lên %d/%d tệp, %d/%d MB (%d giây)",
		// internal/deploy
		"this deploy would delete %d files from %s, more than --max-deletes %d: nothing was changed. Check that public/ is the whole site (run minhbach build), or allow it with --force": "lần xuất bản này phải xóa %d tệp khỏi %s, nhiều hơn --max-deletes %d: chưa thay đổi gì. Hãy kiểm tra public/ có đủ toàn bộ trang (chạy minhbach build), hoặc cho phép bằng --force",
		"%s changed while it was being deployed: run minhbach build, then deploy again":                                                                                                   "%s bị thay đổi trong lúc đang xuất bản: hãy chạy minhbach build rồi xuất bản lại",
		"cannot use the folder %s (%v): check the path of the target, and that its parent folder exists and is mounted":                                                                   "không dùng được thư mục %s (%v): hãy kiểm tra đường dẫn nơi xuất bản, và thư mục cha của nó có tồn tại, đã được gắn (mount) chưa",
		"cannot read the folder %s: %v":                                                                   "không đọc được thư mục %s: %v",
		"cannot read the AWS settings (%v): check AWS_PROFILE and ~/.aws/config":                          "không đọc được cấu hình AWS (%v): hãy kiểm tra AWS_PROFILE và tệp ~/.aws/config",
		"no credentials for %s: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE":          "chưa có khóa truy cập cho %s: hãy đặt biến môi trường AWS_ACCESS_KEY_ID và AWS_SECRET_ACCESS_KEY, hoặc AWS_PROFILE",
		"%s does not know the access key: check AWS_ACCESS_KEY_ID (or the profile in AWS_PROFILE)":        "%s không nhận ra khóa truy cập: hãy kiểm tra AWS_ACCESS_KEY_ID (hoặc hồ sơ trong AWS_PROFILE)",
		"%s refused the secret key: check AWS_SECRET_ACCESS_KEY (or the profile in AWS_PROFILE)":          "%s từ chối khóa bí mật: hãy kiểm tra AWS_SECRET_ACCESS_KEY (hoặc hồ sơ trong AWS_PROFILE)",
		"%s refused access: the key needs the right to list, read, write and delete objects in bucket %q": "%s từ chối truy cập: khóa cần có quyền liệt kê, đọc, ghi và xóa đối tượng trong bucket %q",
		"there is no bucket %q at %s: check the target's bucket name and endpoint":                        "không có bucket %q tại %s: hãy kiểm tra tên bucket và endpoint của nơi xuất bản",
		"%q is not a valid bucket name: check the target":                                                 "%q không phải tên bucket hợp lệ: hãy kiểm tra nơi xuất bản",
		"%s answered %s: %s": "%s trả lời lỗi %s: %s",
		"cannot reach %s (%v): check the endpoint address in the target, and the network": "không kết nối được tới %s (%v): hãy kiểm tra địa chỉ endpoint của nơi xuất bản và đường mạng",
		// internal/config: site.yaml's deploy section
		"deploy.target: %s": "deploy.target: %s",
		"deploy.headers: the rule for %q sets no header: give cache_control or content_type": "deploy.headers: quy tắc cho %q không đặt tiêu đề nào: hãy ghi cache_control hoặc content_type",
		"want a target like %q or %q, got %q":                                                "nơi xuất bản phải có dạng %q hoặc %q, nhưng đang là %q",
		"the target %q names no bucket: write s3://BUCKET/prefix":                            "nơi xuất bản %q không có tên bucket: hãy viết s3://TEN-BUCKET/tien-to",
		"the endpoint %q of the target is not an http(s) address like %q":                    "endpoint %q của nơi xuất bản không phải địa chỉ http(s) như %q",
		"the target %q is not a folder: write file:///full/path/to/folder (three slashes)":   "nơi xuất bản %q không phải một thư mục: hãy viết file:///duong/dan/day/du (ba dấu gạch chéo)",
	} {
		vi[k] = v
	}
}
