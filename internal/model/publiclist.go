package model

import (
	"time"

	"minhbach/internal/diag"
)

// PublicList is the Danh mục thông tin phải công khai (Luật Tiếp cận
// thông tin 104/2016/QH13, Điều 19 khoản 1 điểm g): for each category of
// information the office must publish, where on the site it is, in what
// form, when it was last updated and how long it stays published. It is
// made from content/cong-khai.yaml and the site as built.
type PublicList struct {
	// AsOf is the date the list holds on (the build date).
	AsOf time.Time
	// Within is the number of working days after its creation within
	// which information is published when no other deadline applies.
	Within     int
	Categories []*PublicCategory
}

// PublicCategory is one category of information of the list.
type PublicCategory struct {
	// Pos is the category's place in content/cong-khai.yaml.
	Pos diag.Pos
	// Title names the information; Legal gives its legal basis;
	// Retention says how long items stay published; Interval how often
	// new items are expected ("" when not periodic), as written.
	Title, Legal, Retention, Interval string
	// Required marks information the site must hold; a category that is
	// not required shows on the list without being checked.
	Required bool
	// Places are where on the site the information is.
	Places []PublicPlace
	// Forms are the forms it is published in, every place's together.
	Forms []string
	// Count is the number of items, every place's together; Known tells
	// whether any place can count (a plain page cannot).
	Count int
	Known bool
	// Updated is the date of the newest item (zero when unknown).
	Updated time.Time
	// Due is the date by which something new is expected (Updated plus
	// the interval; zero without an interval or an item).
	Due time.Time
}

// PublicPlace is one place on the site where a category's information is:
// a section of a content kind, or a page.
type PublicPlace struct {
	Label, URL string
	Forms      []string
	// Count and Updated are the kind's, when Kind is set.
	Kind    string
	Count   int
	Updated time.Time
}
