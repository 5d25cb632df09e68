package diag

// Vietnamese for the messages of strict legal data (empty required values,
// document numbers that name no document, the order of documents in an
// issue) and of the scaffolds made by `minhbach new`.
func init() {
	for k, v := range map[string]string{
		"%s is empty: fill it in, it is required":                                                                  "mục %s đang để trống: hãy điền vào, đây là thông tin bắt buộc",
		"order %d: want the document's place in the issue, from 1":                                                 "order %d: điền thứ tự của văn bản trong số công báo, bắt đầu từ 1",
		"order %d is also the order of %s (%s) in gazette issue %s: give each document its own place in the issue": "order %d trùng với thứ tự của văn bản %s (%s) trong số công báo %s: mỗi văn bản cần một thứ tự riêng",
		"%s %q is marked external (outside the site) but the site has %s: check the number":                        "%s %q được ghi là văn bản ngoài cổng (external) nhưng trên cổng có văn bản %s: kiểm tra lại số hiệu",
		"%s %q names no document in the gazette: did you mean %s?":                                                 "%s %q không khớp văn bản nào trong công báo: có phải là %s? Sửa lại số hiệu cho đúng",
		"%s %q names no document in the site: did you mean %s?":                                                    "%s %q không khớp văn bản nào trên cổng: có phải là %s? Sửa lại số hiệu cho đúng",
		// The command line (cmd/minhbach): usage and `new`.
		"minhbach: a static site generator for the portal of a provincial People's Committee Office.\n\nUsage:\n  minhbach build    build the site into public/\n  minhbach check    check the content and report every problem; write nothing\n  minhbach serve    preview the site at http://127.0.0.1:1313/, rebuilt on every save\n  minhbach new      create a news item, page, gazette issue, document or procedure:\n                    minhbach new news \"Tiêu đề\", minhbach new issue 2026/50,\n                    minhbach new document \"62/2026/QĐ-UBND\", minhbach new procedure 1.000894\n  minhbach deploy   publish public/ to an S3 bucket or a folder (run build first)\n  minhbach key new  make the key pair that signs the manifest of every build\n  minhbach verify   check a published site (URL or folder) against its signed manifest\n  minhbach log append  record in the publication log that the build was published\n  minhbach version  print the version\n  minhbach help CMD show the options of a command\n\nMessages are in Vietnamese; MINHBACH_LANG=en shows them in English.\nExit status: 0 on success (warnings allowed), 1 when the content has errors, 2 on bad usage.\n": "minhbach: trình tạo trang tĩnh cho cổng thông tin điện tử của Văn phòng UBND tỉnh.\n\nCách dùng:\n  minhbach build    dựng toàn bộ trang vào thư mục public/\n  minhbach check    kiểm tra nội dung và báo mọi lỗi; không ghi gì\n  minhbach serve    xem trước trang tại http://127.0.0.1:1313/, tự dựng lại mỗi khi lưu tệp\n  minhbach new      tạo bài tin, trang, số công báo, văn bản hoặc thủ tục mới:\n                    minhbach new news \"Tiêu đề\", minhbach new issue 2026/50,\n                    minhbach new document \"62/2026/QĐ-UBND\", minhbach new procedure 1.000894\n  minhbach deploy   đưa thư mục public/ lên kho lưu trữ S3 hoặc một thư mục máy chủ (chạy build trước)\n  minhbach key new  tạo cặp khóa để ký bản kê của mỗi lần dựng trang\n  minhbach verify   kiểm tra một cổng đã đăng (địa chỉ web hoặc thư mục) với bản kê đã ký\n  minhbach log append  ghi vào nhật ký cập nhật rằng bản dựng đã được đăng\n  minhbach version  cho biết phiên bản\n  minhbach help LỆNH xem các tùy chọn của một lệnh\n\nThông báo bằng tiếng Việt; đặt MINHBACH_LANG=en để xem bằng tiếng Anh.\nMã thoát: 0 khi thành công (có thể có cảnh báo), 1 khi nội dung có lỗi, 2 khi gõ lệnh sai.\n",
		"minhbach new: create a content file with every key of its kind, each explained in Vietnamese.\n  minhbach new news \"Tiêu đề\" [--category NAME]\n  minhbach new page \"Tiêu đề\"\n  minhbach new issue 2026/50 [--date dd/mm/yyyy]\n  minhbach new document \"62/2026/QĐ-UBND\" [--issue 2026/50] [--type \"Quyết định\"] [--field dat-dai]\n  minhbach new procedure 1.000894 [--field dat-dai]\n  minhbach new consultation \"Tên dự thảo\" [--type \"Quyết định\"] [--field xay-dung]\n  minhbach new budget 2026 [--stage du_toan] [--quarter 3]\n  minhbach new project \"Tên dự án\" [--field giao-thong]\nA news item starts as a draft: preview it with --drafts, then remove the draft line to publish.\nAn issue, document, procedure, draft, budget disclosure or project fails \"minhbach check\" until its required values are filled in.\nAn existing file is never overwritten.":                                                                                                                                                                                                                                                                                                                "minhbach new: tạo tệp nội dung mới có đủ các mục của loại nội dung đó, mỗi mục có một dòng giải thích.\n  minhbach new news \"Tiêu đề\" [--category CHUYÊN-MỤC]\n  minhbach new page \"Tiêu đề\"\n  minhbach new issue 2026/50 [--date dd/mm/yyyy]\n  minhbach new document \"62/2026/QĐ-UBND\" [--issue 2026/50] [--type \"Quyết định\"] [--field dat-dai]\n  minhbach new procedure 1.000894 [--field dat-dai]\n  minhbach new consultation \"Tên dự thảo\" [--type \"Quyết định\"] [--field xay-dung]\n  minhbach new budget 2026 [--stage du_toan] [--quarter 3]\n  minhbach new project \"Tên dự án\" [--field giao-thong]\nBài tin mới là bản nháp: xem trước với --drafts, rồi xóa dòng draft để đăng.\nSố công báo, văn bản, thủ tục, dự thảo, công khai ngân sách và dự án mới sẽ không qua được \"minhbach check\" cho đến khi điền đủ các mục bắt buộc.\nTệp đã có không bao giờ bị ghi đè.",
		"title":                "tiêu đề",
		"issue as YEAR/NUMBER": "số công báo dạng NĂM/SỐ",
		"document number":      "số hiệu văn bản",
		"procedure code":       "mã thủ tục",
		"release date of a gazette issue (dd/mm/yyyy or yyyy-mm-dd)":                "ngày phát hành số công báo (dd/mm/yyyy hoặc yyyy-mm-dd)",
		"gazette issue of a document, as YEAR/NUMBER (2026/50)":                     "số công báo đăng văn bản, dạng NĂM/SỐ (2026/50)",
		"type of a document (\"Quyết định\", \"Nghị quyết\", …)":                    "loại văn bản (\"Quyết định\", \"Nghị quyết\", …)",
		"field (lĩnh vực) of a document or procedure: a code of site.yaml's fields": "lĩnh vực của văn bản hoặc thủ tục: một mã trong danh mục fields của site.yaml",
		"minhbach new: there is no kind %q (did you mean %q?); the kinds are: %s":   "minhbach new: không có loại nội dung %q (có phải là %q?); các loại tạo được: %s",
		"minhbach new: there is no kind %q; the kinds are: %s":                      "minhbach new: không có loại nội dung %q; các loại tạo được: %s",
		"minhbach new %s: give one %s, for example: minhbach new %s %s":             "minhbach new %s: cần ghi một %s, ví dụ: minhbach new %s %s",
		"minhbach new %s: the option --%s is not for this kind":                     "minhbach new %s: tùy chọn --%s không dùng cho loại nội dung này",
		"minhbach new %s: %s": "minhbach new %s: %s",
		"minhbach new: %v":    "minhbach new: %v",
		"minhbach new: %s already exists and is never overwritten: edit that file, or choose another name": "minhbach new: tệp %s đã có và không bị ghi đè: sửa tệp đó, hoặc chọn tên khác",
		"minhbach new: write %s: %v": "minhbach new: không ghi được %s: %v",
		"fill in the values marked \"CHƯA ĐIỀN\" in the file, then run: minhbach check":   "điền các mục ghi \"CHƯA ĐIỀN\" trong tệp, rồi chạy: minhbach check",
		"cannot make a URL slug from %q: give a title with letters or digits":             "không tạo được địa chỉ trang từ %q: tiêu đề cần có chữ hoặc số",
		"issue %q: write the year first, then the number: %d/%s":                          "số công báo %q: viết năm trước, số sau: %d/%s",
		"issue %q: write YEAR/NUMBER, for example 2026/50 (a combined issue: 2026/27+28)": "số công báo %q: viết NĂM/SỐ, ví dụ 2026/50 (số ghép: 2026/27+28)",
		"number %q has no letters or digits":                                              "số hiệu %q không có chữ hoặc số",
		"--type %q is not a document type (allowed: %s)":                                  "--type %q không phải là loại văn bản (các loại: %s)",
		"--field %q: site.yaml lists no fields (add a fields: registry)":                  "--field %q: site.yaml chưa có danh mục lĩnh vực (thêm mục fields:)",
		"--field %q is not a field of site.yaml (allowed: %s)":                            "--field %q không có trong danh mục lĩnh vực của site.yaml (các lĩnh vực: %s)",
	} {
		vi[k] = v
	}
}
