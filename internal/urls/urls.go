// Package urls says where each section of the built site lives: the one
// place its URL roots are defined. graph gives records their URLs under
// them and render links the section pages; both import these. Every root
// begins and ends with '/'.
package urls

// The roots of the sections.
const (
	// News is the news section (tin tức).
	News = "/tin-tuc/"
	// Gazette lists the official gazette's issues (công báo).
	Gazette = "/cong-bao/"
	// Document holds the gazette's documents (văn bản).
	Document = "/van-ban/"
	// Procedure is the administrative-procedure catalogue (thủ tục).
	Procedure = "/thu-tuc/"
	// Form holds the forms (biểu mẫu) that dossier items name, once
	// each however many procedures share them.
	Form = Procedure + "bieu-mau/"
	// Statistics is the dossier statistics section (thống kê).
	Statistics = "/thong-ke/"
	// Consultation, Budget and Project are the disclosure sections (dự
	// thảo, ngân sách, dự án).
	Consultation = "/du-thao/"
	Budget       = "/ngan-sach/"
	Project      = "/du-an/"
	// Proof is the page that proves the published files (xác thực).
	Proof = "/xac-thuc/"
	// Log is the publication log (nhật ký cập nhật).
	Log = "/nhat-ky-cap-nhat/"
	// PublicList is the Danh mục thông tin phải công khai (disclosure
	// catalogue).
	PublicList = "/danh-muc-cong-khai/"
	// Search is the search page (tìm kiếm).
	Search = "/tim-kiem/"
)
