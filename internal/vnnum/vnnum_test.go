package vnnum_test

import (
	"testing"

	"minhbach/internal/vnnum"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in, vn, plain string
		ok            bool
	}{
		{"1.234.567", "1.234.567", "1234567", true},
		{"1234567", "1.234.567", "1234567", true},
		{" 12.500,75 ", "12.500,75", "12500.75", true},
		{"-3.000", "-3.000", "-3000", true},
		{"−42", "-42", "-42", true},
		{"0,250", "0,250", "0.250", true},
		{"108,0", "108,0", "108.0", true},
		{"007", "7", "7", true},
		{"-0", "0", "0", true},
		{"999", "999", "999", true},
		{"1,234,567", "", "", false},
		{"1.5", "", "", false},
		{"12.34.567", "", "", false},
		{"1.234.567,", "", "", false},
		{"abc", "", "", false},
		{"", "", "", false},
		{"1 234", "", "", false},
	}
	for _, tt := range tests {
		a, ok := vnnum.Parse(tt.in)
		if ok != tt.ok {
			t.Errorf("Parse(%q) ok = %v, want %v", tt.in, ok, tt.ok)
			continue
		}
		if a.String() != tt.vn || a.Plain() != tt.plain {
			t.Errorf("Parse(%q) = %q / %q, want %q / %q", tt.in, a.String(), a.Plain(), tt.vn, tt.plain)
		}
	}
}
