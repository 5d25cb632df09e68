package meta_test

import (
	"errors"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"minhbach/internal/diag"
	"minhbach/internal/meta"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // RFC 3339, or "" for an error
	}{
		// Day/month/year, the Vietnamese way, with one or two digits.
		{"02/12/2026", "2026-12-02T00:00:00+07:00"},
		{"2/12/2026", "2026-12-02T00:00:00+07:00"},
		{"2/3/2026", "2026-03-02T00:00:00+07:00"},
		{"12/02/2026", "2026-02-12T00:00:00+07:00"}, // always day first
		{"02-12-2026", "2026-12-02T00:00:00+07:00"},
		{"02.12.2026", "2026-12-02T00:00:00+07:00"},
		{"  02/12/2026  ", "2026-12-02T00:00:00+07:00"},
		{"29/02/2024", "2024-02-29T00:00:00+07:00"},
		// With a time.
		{"02/12/2026 14:30", "2026-12-02T14:30:00+07:00"},
		{"2/12/2026 8:05", "2026-12-02T08:05:00+07:00"},
		{"02/12/2026 14:30:15", "2026-12-02T14:30:15+07:00"},
		{"02/12/2026 14h30", "2026-12-02T14:30:00+07:00"},
		{"02/12/2026 14h", "2026-12-02T14:00:00+07:00"},
		// Year first: ISO 8601 and RFC 3339, as before, and with "/".
		{"2026-12-02", "2026-12-02T00:00:00+07:00"},
		{"2026/12/02", "2026-12-02T00:00:00+07:00"},
		{"2026-12-02 14:30", "2026-12-02T14:30:00+07:00"},
		{"2026-12-02T14:30:00", "2026-12-02T14:30:00+07:00"},
		{"2026-12-02T14:30:00+07:00", "2026-12-02T14:30:00+07:00"},
		{"2026-12-02T07:30:00Z", "2026-12-02T07:30:00Z"},
		{"2026-12-02T14:30:00.5+07:00", "2026-12-02T14:30:00.5+07:00"},
		// As a document's header writes it.
		{"ngày 08 tháng 8 năm 2018", "2018-08-08T00:00:00+07:00"},
		{"Ngày 8 tháng 8 năm 2018", "2018-08-08T00:00:00+07:00"},
		{"8 tháng 8 năm 2018", "2018-08-08T00:00:00+07:00"},
		// Refused.
		{"31/02/2026", ""},
		{"29/02/2026", ""},
		{"02/13/2026", ""},
		{"12/25/2026", ""},
		{"2/12/26", ""},
		{"02/12-2026", ""},
		{"2026-13-01", ""},
		{"2026-02-30", ""},
		{"02/12/2026 24:00", ""},
		{"02/12/2026 14:60", ""},
		{"02122026", ""},
		{"hôm qua", ""},
		{"", ""},
		{"ngày 31 tháng 4 năm 2026", ""},
	}
	for _, tt := range tests {
		got, err := meta.ParseDate(tt.in)
		if tt.want == "" {
			if err == nil {
				t.Errorf("ParseDate(%q) = %s, want an error", tt.in, got.Format(time.RFC3339Nano))
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseDate(%q): %v", tt.in, err)
			continue
		}
		if s := got.Format(time.RFC3339Nano); s != tt.want {
			t.Errorf("ParseDate(%q) = %s, want %s", tt.in, s, tt.want)
		}
	}
}

func TestParseDateKeepsVietnamZone(t *testing.T) {
	for _, in := range []string{"02/12/2026", "2026-12-02T14:30:00+07:00"} {
		got, err := meta.ParseDate(in)
		if err != nil {
			t.Fatal(err)
		}
		if got.Location() != meta.Zone {
			t.Errorf("ParseDate(%q) is in %v, want meta.Zone", in, got.Location())
		}
	}
}

func TestDateMessages(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"31/02/2026", `issued: date "31/02/2026" does not exist: month 2 of 2026 has 28 days (write day/month/year, as in 02/12/2026, or 2026-12-02)`},
		{"2026-13-01", `issued: date "2026-13-01" does not exist: there is no month 13 (write day/month/year, as in 02/12/2026, or 2026-12-02)`},
		{"02/13/2026", `issued: date "02/13/2026" does not exist: dates are day/month/year, did you mean "13/02/2026"?`},
		{"40/13/2026", `issued: date "40/13/2026" does not exist: there is no month 13 (write day/month/year, as in 02/12/2026, or 2026-12-02)`},
		{"12/25/2026", `issued: date "12/25/2026" does not exist: dates are day/month/year, did you mean "25/12/2026"?`},
		{"2/12/26", `issued: date "2/12/26" has a two-digit year: write the year in full, as in "02/12/2026"`},
		{"2/12/98", `issued: date "2/12/98" has a two-digit year: write the year in full, as in "02/12/1998"`},
		{"02/12/2026 25:10", `issued: time "25:10" in "02/12/2026 25:10" does not exist: write hours 0-23 and minutes 0-59, as in 02/12/2026 14:30`},
		{"Tháng 12", `issued: "Tháng 12" is not a date: write day/month/year, as in 02/12/2026 or 2/12/2026, or 2026-12-02; a time may follow, as in 02/12/2026 14:30`},
	}
	for _, tt := range tests {
		_, err := meta.ParseDate(tt.in)
		var de *meta.DateError
		if !errors.As(err, &de) {
			t.Fatalf("ParseDate(%q) error = %v, want a *DateError", tt.in, err)
		}
		var d diag.List
		m := meta.New("a.md", 1, diag.Pos{Path: "a.md", Line: 1}, node(t, "issued: "+quote(tt.in)+"\n"), &d)
		m.Date("issued", true)
		if len(d) != 1 || d[0].Msg != tt.want || d[0].Pos.Line != 2 || d[0].Pos.Col != 9 {
			t.Errorf("Date(%q) reports\n%s\nwant a.md:2:9: %s", tt.in, d.Format(0), tt.want)
		}
	}
}

func quote(s string) string { return `"` + s + `"` }

func node(t *testing.T, yaml string) *yaml.Node {
	t.Helper()
	n, err := meta.Parse([]byte(yaml))
	if err != nil {
		t.Fatalf("Parse(%q): %s", yaml, err.Msg)
	}
	return n
}
