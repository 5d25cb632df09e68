package config_test

import (
	"testing"

	"minhbach/internal/config"
)

func TestLoad(t *testing.T) {
	s, d := config.Load([]byte("\uFEFFtitle: Cổng\r\nbase_url: https://example.gov.vn/portal\r\nfields:\r\n  dat-dai: Đất đai\r\n  ho-tich: Hộ tịch\r\nmenus:\r\n  main:\r\n    - {name: Tin tức, url: /tin-tuc/, weight: 2}\r\n"))
	if len(d) != 0 {
		t.Fatalf("diagnostics: %s", d.Format(0))
	}
	if s.Title != "Cổng" || s.BaseURL != "https://example.gov.vn/portal/" || s.BasePath() != "/portal/" {
		t.Errorf("Title, BaseURL, BasePath = %q, %q, %q", s.Title, s.BaseURL, s.BasePath())
	}
	if s.Paginate != 20 || s.Language != "vi" || s.Agency != "Cổng" || len(s.Levels) != 2 || s.Levels[0].Label != "Cấp tỉnh" {
		t.Errorf("defaults not applied: %+v", s)
	}
	if len(s.Fields) != 2 || s.Fields[1].Code != "ho-tich" || s.Fields[1].Label != "Hộ tịch" {
		t.Errorf("Fields = %v, want file order", s.Fields)
	}
	if m := s.Menus["main"]; len(m) != 1 || m[0].URL != "/tin-tuc/" || m[0].Weight != 2 {
		t.Errorf("Menus = %v", s.Menus)
	}
}

func TestOnlineURL(t *testing.T) {
	tests := []struct{ yaml, code, want string }{
		{"title: A\n", "1.004227", "https://dichvucong.gov.vn/p/home/dvc-dich-vu-cong-truc-tuyen-ds.html?pkeyWord=1.004227"},
		{"title: A\nonline_service_url: https://dichvucong.sonha.gov.vn/thu-tuc?ma={code}&nguon=cong\n", "2.000815 B", "https://dichvucong.sonha.gov.vn/thu-tuc?ma=2.000815+B&nguon=cong"},
	}
	for _, tt := range tests {
		s, d := config.Load([]byte(tt.yaml))
		if len(d) != 0 {
			t.Fatalf("Load(%q): %s", tt.yaml, d.Format(0))
		}
		if got := s.OnlineURL(tt.code); got != tt.want {
			t.Errorf("Load(%q).OnlineURL(%q) = %q, want %q", tt.yaml, tt.code, got, tt.want)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"base_url: ftp://x\n", "site.yaml:1: missing required key \"title\"\nsite.yaml:1:11: base_url: want an absolute http(s) URL like \"https://vanphong.example.gov.vn/\", got \"ftp://x\"\n"},
		{"title: A\ntitel: B\n", "site.yaml:2:1: warning: unknown key \"titel\" (did you mean \"title\"?)\n"},
		{"title: A\nmenus:\n  main:\n    - {nam: x, url: /}\n", "site.yaml:4:7: missing required key \"name\"\nsite.yaml:4:8: warning: unknown key \"nam\" (did you mean \"name\"?)\n"},
		{"title: [\n", "site.yaml:1: invalid YAML: did not find expected node content\n"},
		{"title: A\ntitle: B\n", "site.yaml:2:1: duplicate key \"title\"\n"},
		{"title: A\nunsafe_html: có\n", "site.yaml:2:14: unsafe_html: want true or false, got \"có\"\n"},
		{"title: A\nonline_service_url: dichvucong.gov.vn/{code}\n", "site.yaml:2:21: online_service_url: want an absolute http(s) URL like \"" + config.DefaultOnlineServiceURL + "\", got \"dichvucong.gov.vn/{code}\"\n"},
		{"title: A\nonline_service_url: https://dichvucong.sonha.gov.vn/\n", "site.yaml:2:21: online_service_url: want {code} where the procedure's code goes, as in \"" + config.DefaultOnlineServiceURL + "\", got \"https://dichvucong.sonha.gov.vn/\"\n"},
	}
	for _, tt := range tests {
		_, d := config.Load([]byte(tt.in))
		if got := d.Format(0); got != tt.want {
			t.Errorf("Load(%q) diagnostics =\n%s\nwant\n%s", tt.in, got, tt.want)
		}
	}
}
