package pdfsig

import (
	"testing"
	"time"
)

func TestPDFDate(t *testing.T) {
	ict := time.FixedZone("", 7*3600)
	for _, tt := range []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"D:20260624083015+07'00'", time.Date(2026, 6, 24, 8, 30, 15, 0, ict), true},
		{"D:20260624083015+07'00", time.Date(2026, 6, 24, 8, 30, 15, 0, ict), true},
		{"D:20260624013015Z", time.Date(2026, 6, 24, 1, 30, 15, 0, time.UTC), true},
		{"D:20260624013015Z00'00'", time.Date(2026, 6, 24, 1, 30, 15, 0, time.UTC), true},
		{"D:202606240130", time.Date(2026, 6, 24, 1, 30, 0, 0, time.UTC), true},
		{"D:2026", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), true},
		{"20260624083015-05'30'", time.Date(2026, 6, 24, 8, 30, 15, 0, time.FixedZone("", -5*3600-30*60)), true},
		{"", time.Time{}, false},
		{"D:2026062", time.Time{}, false},
		{"D:20261324083015Z", time.Time{}, false},
		{"D:20260624083015+25'00'", time.Time{}, false},
		{"hôm qua", time.Time{}, false},
	} {
		got, ok := pdfDate(tt.in)
		if ok != tt.ok || !got.Equal(tt.want) {
			t.Errorf("pdfDate(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
