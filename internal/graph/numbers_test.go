package graph

import (
	"slices"
	"testing"

	"minhbach/internal/model"
)

func TestNear(t *testing.T) {
	var docs []*model.Document
	for _, n := range []string{"52/2025/QĐ-UBND", "39/2025/QĐ-UBND", "38/2025/QĐ-UBND", "07/2025/QĐ-UBND", "09/2025/QĐ-UBND",
		"2218/QĐ-UBND", "1835/QĐ-UBND", "46/2025/NQ-HĐND", "18-NQ/TW"} {
		docs = append(docs, &model.Document{Number: n})
	}
	known := numberIndex(docs)
	tests := []struct {
		typed string
		want  []string
	}{
		{"52/2025/QĐ-UBDN", []string{"52/2025/QĐ-UBND"}},                                       // letters swapped
		{"52/2025/QĐ\u2013UBDN", []string{"52/2025/QĐ-UBND"}},                                  // and a Word dash
		{"93/2025/QĐ-UBND", []string{"39/2025/QĐ-UBND"}},                                       // digits swapped
		{"39/2024/QĐ-UBND", []string{"39/2025/QĐ-UBND"}},                                       // wrong year
		{"7/2025/QĐ-UBND", []string{"07/2025/QĐ-UBND"}},                                        // leading zero dropped
		{"2281/QĐ-UBND", []string{"2218/QĐ-UBND"}},                                             // digits swapped
		{"46/2025/NQ-HĐNN", []string{"46/2025/NQ-HĐND"}},                                       // last letter
		{"37/2025/QĐ-UBND", []string{"07/2025/QĐ-UBND", "38/2025/QĐ-UBND", "39/2025/QĐ-UBND"}}, // one digit: all named
		{"52/2024/QĐ-UBDN", []string{"52/2025/QĐ-UBND"}},                                       // two edits, one number that close
		{"10/2025/QĐ-UBND", nil},                                                               // two edits from several numbers: none named
		{"39/QĐ-UBND", nil},                                                                    // year left out: too far
		{"92/2017/NĐ-CP", nil},                                                                 // another document altogether
		{"18-NQ/TU", []string{"18-NQ/TW"}},                                                     // short number, one edit
		{"19-NQ/TU", nil},                                                                      // short number, two edits
	}
	for _, tt := range tests {
		if got := known.near(tt.typed); !slices.Equal(got, tt.want) {
			t.Errorf("near(%q) = %q, want %q", tt.typed, got, tt.want)
		}
	}
}
