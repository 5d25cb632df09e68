// Package config reads site.yaml into a typed Site with defaults applied.
// Unknown keys are warnings naming the closest known key; bad values are
// errors at their line. It reads nothing but the bytes it is given.
package config

import (
	"crypto/ed25519"
	"crypto/x509"
	"encoding/base64"
	"net/url"
	"strings"
	"time"

	"minhbach/internal/diag"
	"minhbach/internal/meta"
	"minhbach/internal/vnfold"
)

// File is the name of the site configuration at the site root.
const File = "site.yaml"

// Site is the configuration of one portal, read from site.yaml.
type Site struct {
	// Title is the portal's name, shown in the header and the <title>.
	Title string
	// BaseURL is the absolute URL the site is served from, ending in '/'.
	BaseURL string
	// Language is the BCP 47 language of the content ("vi").
	Language string
	// Agency is the name of the office responsible for the portal.
	Agency string
	// Description is a one-sentence description for search engines.
	Description string
	// Area is the territory the office serves ("Tỉnh Sơn Hà"), the
	// areaServed of procedures.
	Area string
	// Contact holds the office's address, phone, fax and email.
	Contact Contact
	// Responsible names the person responsible for the portal's content.
	Responsible string
	// License is the licence or permit line shown in the footer.
	License string
	// Menus maps a menu name ("main", "footer") to its items.
	Menus map[string][]MenuItem
	// Levels are the administrative levels in force (code → label).
	Levels []Code
	// Fields is the lĩnh vực registry (code → label).
	Fields []Code
	// Agencies is the optional registry of agencies (code → name).
	Agencies []Code
	// Paginate is the number of items a list page shows.
	Paginate int
	// UnsafeHTML passes raw HTML in Markdown through to pages.
	UnsafeHTML bool
	// OnlineServiceURL (key online_service_url) is where a procedure done
	// online (online: full or partial) is submitted: an absolute URL in
	// which "{code}" stands for the procedure's code, escaped for a URL.
	// The default, DefaultOnlineServiceURL, is the national public-service
	// portal; a province may point to its own portal.
	OnlineServiceURL string
	// Holidays (key holidays) are the days off besides Saturdays and
	// Sundays: legal deadlines in working days are counted without them.
	Holidays []time.Time
	// Notice (key notice) is the site-wide notice banner; nil when none.
	Notice *Notice
	// Deploy is where `minhbach deploy` sends the site, and its headers.
	Deploy Deploy
	// SigningKey (key signing_public_key) is the Ed25519 public key that
	// checks the signature of the build's manifest (/xac-thuc/): the
	// base64 of its SubjectPublicKeyInfo, as `minhbach key new` prints
	// it; "" when the site has none. SigningKeyDER is its decoded form.
	SigningKey    string
	SigningKeyDER []byte
	// BudgetDeadlines (key budget_deadlines) are the days allowed to
	// publish a budget disclosure, by stage code; 0 turns a stage's check
	// off. Defaults: DefaultBudgetDeadlines.
	BudgetDeadlines map[string]int
	// Languages (key languages) are the site's languages, Vietnamese
	// first; nil when the key is absent. See Multilingual.
	Languages []string
	// Texts (key translations) is the site text per language other
	// than Vietnamese; In applies it.
	Texts map[string]Text
	// langs are the per-language copies In returns.
	langs map[string]*Site
}

// DefaultOnlineServiceURL is the national public-service portal (Cổng
// Dịch vụ công quốc gia, dichvucong.gov.vn): its list of online services,
// searched for the procedure's code. The portal's own page of a procedure
// (dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=…) is addressed by
// an internal number that is not the procedure's code, so the search is
// the page a code can reach.
const DefaultOnlineServiceURL = "https://dichvucong.gov.vn/p/home/dvc-dich-vu-cong-truc-tuyen-ds.html?pkeyWord={code}"

// OnlineURL returns the address where the procedure of the given code is
// submitted online: OnlineServiceURL with "{code}" replaced.
func (s *Site) OnlineURL(code string) string {
	return strings.ReplaceAll(s.OnlineServiceURL, "{code}", url.QueryEscape(code))
}

// Contact is how citizens reach the office.
type Contact struct {
	Address, Phone, Fax, Email, Hours string
}

// MenuItem is one link of a menu.
type MenuItem struct {
	// Name is the Vietnamese label; Names the labels of other languages
	// (name: {vi: Tin tức, en: News}). An item with no label in a
	// language is left out of that language's menu.
	Name   string
	Names  map[string]string
	URL    string
	Weight int
}

// Code is an entry of a registry: a stable code and its Vietnamese label.
type Code struct {
	Code, Label string
	// Labels are the labels in languages other than Vietnamese
	// (dat-dai: {vi: Đất đai, en: Land}); nil when none.
	Labels map[string]string
}

// Keys are the top-level keys of site.yaml (docs/noi-dung.md documents
// each; a test there keeps the two in step).
var Keys = []string{"title", "base_url", "language", "agency", "description", "area", "contact", "responsible", "license",
	"menus", "levels", "fields", "agencies", "paginate", "unsafe_html", "online_service_url",
	"signing_public_key", "deploy", "budget_deadlines", "holidays", "notice", "languages", "translations"}

// ContactKeys are the keys of site.yaml's contact mapping.
var ContactKeys = []string{"address", "phone", "fax", "email", "hours"}

// MenuItemKeys are the keys of one item of a menu in site.yaml.
var MenuItemKeys = []string{"name", "url", "weight"}

// Load decodes site.yaml from data. The returned Site is usable even when
// the list holds errors.
func Load(data []byte) (*Site, diag.List) {
	var d diag.List
	s := &Site{}
	data = []byte(vnfold.NFC(strings.ReplaceAll(strings.TrimPrefix(string(data), "\uFEFF"), "\r\n", "\n")))
	root, err := meta.Parse(data)
	if err != nil {
		d.Error(diag.Pos{Path: File, Line: err.Line}, err.Msg)
		s.setDefaults()
		return s, d
	}
	m := meta.New(File, 0, diag.Pos{Path: File, Line: 1}, root, &d)
	m.CheckKeys(Keys, diag.Warning)
	s.Title = m.String("title", true)
	s.BaseURL = m.String("base_url", false)
	if s.BaseURL != "" {
		u, err := url.Parse(s.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			d.Errorf(m.Pos(m.Node("base_url")), "base_url: want an absolute http(s) URL like \"https://vanphong.example.gov.vn/\", got %q", s.BaseURL)
		}
	}
	s.Language = m.String("language", false)
	s.Agency = m.String("agency", false)
	s.Description = m.String("description", false)
	s.Area = m.String("area", false)
	s.Responsible = m.String("responsible", false)
	s.License = m.String("license", false)
	if c := m.Sub("contact"); c != nil {
		c.CheckKeys(ContactKeys, diag.Warning)
		s.Contact = Contact{Address: c.String("address", false), Phone: c.String("phone", false),
			Fax: c.String("fax", false), Email: c.String("email", false), Hours: c.String("hours", false)}
	}
	if menus := m.Sub("menus"); menus != nil {
		s.Menus = map[string][]MenuItem{}
		for _, name := range menus.Keys() {
			for _, it := range menus.List(name) {
				it.CheckKeys(MenuItemKeys, diag.Warning)
				item := MenuItem{URL: it.String("url", true), Weight: it.Int("weight", 0)}
				item.Name, item.Names = labels(it, "name", true)
				s.Menus[name] = append(s.Menus[name], item)
			}
		}
	}
	loadLanguages(s, m, &d)
	loadTranslations(s, m)
	s.Levels = codes(m, "levels")
	s.Fields = codes(m, "fields")
	s.Agencies = codes(m, "agencies")
	s.Paginate = m.Int("paginate", 0)
	if m.Has("paginate") && s.Paginate < 1 {
		d.Errorf(m.Pos(m.Node("paginate")), "paginate: want a number of items of at least 1, got %d", s.Paginate)
	}
	s.UnsafeHTML = m.Bool("unsafe_html")
	s.Holidays = holidays(m)
	s.Notice = notice(m)
	s.OnlineServiceURL = m.String("online_service_url", false)
	if s.OnlineServiceURL != "" {
		u, err := url.Parse(strings.ReplaceAll(s.OnlineServiceURL, "{code}", "1.000001"))
		switch {
		case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
			d.Errorf(m.Pos(m.Node("online_service_url")), "online_service_url: want an absolute http(s) URL like %q, got %q", DefaultOnlineServiceURL, s.OnlineServiceURL)
		case !strings.Contains(s.OnlineServiceURL, "{code}"):
			d.Errorf(m.Pos(m.Node("online_service_url")), "online_service_url: want {code} where the procedure's code goes, as in %q, got %q", DefaultOnlineServiceURL, s.OnlineServiceURL)
		}
	}
	s.Deploy = loadDeploy(m, &d)
	if k := m.String("signing_public_key", false); k != "" {
		der, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(k), ""))
		var pub any
		if err == nil {
			pub, err = x509.ParsePKIXPublicKey(der)
		}
		if _, ok := pub.(ed25519.PublicKey); err != nil || !ok {
			d.Errorf(m.Pos(m.Node("signing_public_key")), "signing_public_key: want the Ed25519 public key that minhbach key new prints (base64, like \"MCowBQYDK2VwAyEA…\"), got %q", k)
		} else {
			s.SigningKey, s.SigningKeyDER = base64.StdEncoding.EncodeToString(der), der
		}
	}
	s.BudgetDeadlines = budgetDeadlines(m)
	s.setDefaults()
	return s, d
}

func codes(m *meta.Map, key string) []Code {
	sub := m.Sub(key)
	if sub == nil {
		return nil
	}
	var out []Code
	for _, k := range sub.Keys() {
		label, others := labels(sub, k, false)
		out = append(out, Code{Code: strings.TrimSpace(k), Label: label, Labels: others})
	}
	return out
}

// setDefaults fills every value the file left out.
func (s *Site) setDefaults() {
	if s.Language == "" {
		s.Language = "vi"
	}
	if s.BaseURL == "" {
		s.BaseURL = "http://localhost/"
	}
	if !strings.HasSuffix(s.BaseURL, "/") {
		s.BaseURL += "/"
	}
	if s.Agency == "" {
		s.Agency = s.Title
	}
	if len(s.Levels) == 0 {
		s.Levels = []Code{{Code: "tinh", Label: "Cấp tỉnh"}, {Code: "xa", Label: "Cấp xã"}}
	}
	if s.Paginate < 1 {
		s.Paginate = 20
	}
	if s.OnlineServiceURL == "" {
		s.OnlineServiceURL = DefaultOnlineServiceURL
	}
	if s.BudgetDeadlines == nil {
		s.BudgetDeadlines = DefaultBudgetDeadlines
	}
	s.makeLanguages()
}

// BasePath returns the path part of BaseURL, always ending in '/': "/" for
// a site at the host's root, "/portal/" for one below it.
func (s *Site) BasePath() string {
	u, err := url.Parse(s.BaseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	p := u.Path
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return p
}

// SetBaseURL replaces BaseURL (the --base-url flag), adding the final '/'.
func (s *Site) SetBaseURL(u string) {
	if u == "" {
		return
	}
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	s.BaseURL = u
	s.makeLanguages()
}
