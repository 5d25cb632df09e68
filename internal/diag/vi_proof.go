package diag

// Vietnamese texts of the messages about the signed manifest, the
// verification of a published site and the publication log (branch
// proof: cmd/minhbach/proof.go, verify.go, log.go; internal/config).
func init() {
	for k, v := range map[string]string{
		"the private key FILE that signs the manifest /xac-thuc/manifest.json (default: the file named by MINHBACH_SIGNING_KEY)":      "TỆP khóa bí mật dùng để ký bản kê /xac-thuc/manifest.json (mặc định: tệp ghi trong biến môi trường MINHBACH_SIGNING_KEY)",
		"minhbach build: warning: the private key %s is inside %s: move it out of the site, where it could be published or committed": "minhbach build: cảnh báo: khóa bí mật %s đang nằm trong %s: hãy chuyển ra ngoài thư mục trang, vì ở đó nó có thể bị đăng lên cổng hoặc đưa vào kho mã nguồn",
		"minhbach: nothing written (%s is unchanged)": "minhbach: chưa ghi gì (%s giữ nguyên)",
		"minhbach build: warning: no signing key (--signing-key or MINHBACH_SIGNING_KEY): the manifest %s is written unsigned, so no one can prove the files came from the office (see minhbach key new)": "minhbach build: cảnh báo: chưa có khóa ký (--signing-key hoặc MINHBACH_SIGNING_KEY): bản kê %s được ghi mà không có chữ ký số, nên không ai chứng minh được các tệp là do Văn phòng đăng (xem minhbach key new)",
		"minhbach build: cannot read the signing key: %v":                                         "minhbach build: không đọc được khóa ký: %v",
		"minhbach build: %s is not a private key made by minhbach key new (Ed25519, PEM PKCS #8)": "minhbach build: %s không phải là khóa bí mật do minhbach key new tạo (Ed25519, PEM PKCS #8)",
		"minhbach build: the signing key does not match site.yaml's signing_public_key: the signature could not be checked with the published key; sign with the key that minhbach key new made with this public key": "minhbach build: khóa ký không khớp với signing_public_key trong site.yaml: chữ ký sẽ không kiểm tra được bằng khóa công khai đã công bố; hãy ký bằng khóa bí mật được minhbach key new tạo cùng khóa công khai này",
		"minhbach key: want \"minhbach key new [--out FILE] [--source FOLDER] [--write-config]\"":                                                                                                                     "minhbach key: cần viết \"minhbach key new [--out TỆP] [--source THƯ_MỤC] [--write-config]\"",
		"minhbach key new: make the key pair that signs the manifest of every build (/xac-thuc/).\nThe private key goes to a file outside the site, readable by you only; the public key goes into site.yaml.":        "minhbach key new: tạo cặp khóa dùng để ký bản kê của mỗi lần dựng trang (/xac-thuc/).\nKhóa bí mật được ghi vào một tệp ngoài thư mục trang, chỉ bạn đọc được; khóa công khai được đưa vào site.yaml.",
		"the private key's FILE, outside the site and its repository (default: minhbach/khoa-ky.pem in your configuration folder)":                                                                                    "TỆP ghi khóa bí mật, ngoài thư mục trang và kho mã nguồn (mặc định: minhbach/khoa-ky.pem trong thư mục cấu hình của bạn)",
		"also add the public key to site.yaml (which must not have one yet)":                                                                                                                                          "đồng thời ghi khóa công khai vào site.yaml (site.yaml chưa được có khóa)",
		"minhbach key new: unexpected argument %q":                                       "minhbach key new: thừa tham số %q",
		"minhbach key new: no configuration folder (%v): name the key's file with --out": "minhbach key new: không tìm thấy thư mục cấu hình (%v): hãy ghi tên tệp khóa bằng --out",
		"minhbach key new: refusing to write the private key to %s: it is inside %s, from where it could be published or committed; choose a file outside the site, e.g. --out ~/.config/minhbach/khoa-ky.pem": "minhbach key new: không ghi khóa bí mật vào %s: tệp này nằm trong %s, từ đó khóa có thể bị đăng lên cổng hoặc đưa vào kho mã nguồn; hãy chọn một tệp ngoài thư mục trang, ví dụ --out ~/.config/minhbach/khoa-ky.pem",
		"minhbach key new: %v": "minhbach key new: %v",
		"minhbach key new: %s already exists: a key is never overwritten (choose another --out)":                                                                                                        "minhbach key new: %s đã có: khóa không bao giờ bị ghi đè (hãy chọn --out khác)",
		"minhbach key new: %s already has a signing_public_key: replacing a key is done by hand (remove the line first), since files signed with the old key can no longer be checked against the site": "minhbach key new: %s đã có signing_public_key: việc thay khóa phải làm bằng tay (xóa dòng đó trước), vì các tệp đã ký bằng khóa cũ sẽ không còn kiểm tra được với trang",
		"minhbach key new: private key written to %s (readable by you only): keep it secret and keep a copy in a safe place; never put it in the site or its repository":                                "minhbach key new: đã ghi khóa bí mật vào %s (chỉ bạn đọc được): hãy giữ bí mật và cất một bản sao ở nơi an toàn; không bao giờ để khóa trong thư mục trang hay kho mã nguồn",
		"fingerprint of the public key (SHA-256): %s":                             "dấu vân tay của khóa công khai (SHA-256): %s",
		"public key that checks the signature of the manifest (minhbach key new)": "khóa công khai dùng để kiểm tra chữ ký của bản kê (minhbach key new)",
		"public key added to %s":                                                  "đã ghi khóa công khai vào %s",
		"add this line to site.yaml:":                                             "hãy thêm dòng sau vào site.yaml:",
		"build with --signing-key %s (or set %s) to sign the manifest":            "khi dựng trang, thêm --signing-key %s (hoặc đặt biến môi trường %s) để ký bản kê",
		"signing_public_key: want the Ed25519 public key that minhbach key new prints (base64, like \"MCowBQYDK2VwAyEA…\"), got %q": "signing_public_key (khóa công khai để kiểm tra chữ ký) phải là khóa Ed25519 do minhbach key new in ra (dạng base64, ví dụ \"MCowBQYDK2VwAyEA…\"); đang ghi %q",
	} {
		vi[k] = v
	}
}
