// Package urls says where each section of the built site lives: the one
// place its URL roots are defined. graph gives records their URLs under
// them and render links the section pages; both import these. Every root
// begins and ends with '/'.
package urls

import "slices"

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

// The English edition (site.yaml languages: [vi, en]) lives under /en/,
// its sections under English names. A page exists in English only where a
// translation does: /en/news/2026/11/<slug>/, /en/documents/<slug>/,
// /en/procedures/<code>/, /en/<page-slug>/.
const (
	// EnHome is the English home page.
	EnHome = "/en/"
	// EnNews, EnDocument and EnProcedure are the English sections of
	// news, gazette documents and procedures (their lists and items).
	EnNews      = "/en/news/"
	EnDocument  = "/en/documents/"
	EnProcedure = "/en/procedures/"
	// EnSearch is the English search page.
	EnSearch = "/en/search/"
)

// sections maps a Vietnamese section root to its counterpart in another
// language: the sections that language has.
var sections = map[string]map[string]string{
	"en": {"/": EnHome, News: EnNews, Document: EnDocument, Procedure: EnProcedure, Search: EnSearch},
}

// Home returns the home page of a language: "/" for Vietnamese ("" or
// "vi"), "/en/" for English.
func Home(lang string) string {
	if lang == "" || lang == "vi" {
		return "/"
	}
	return "/" + lang + "/"
}

// Section returns the URL in lang of the Vietnamese section root u ("/",
// News, Document, Procedure, Search), and whether that language has the
// section. For Vietnamese it returns u.
func Section(lang, u string) (string, bool) {
	if lang == "" || lang == "vi" {
		return u, true
	}
	s, ok := sections[lang][u]
	return s, ok
}

// ReservedIn are the top-level slugs of a language's sections, which an
// English page's slug must not take.
func ReservedIn(lang string) []string {
	var out []string
	for _, s := range sections[lang] {
		if s != Home(lang) {
			out = append(out, s[len(Home(lang)):len(s)-1])
		}
	}
	slices.Sort(out)
	return out
}
