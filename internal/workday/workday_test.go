package workday_test

import (
	"testing"
	"time"

	"minhbach/internal/workday"
)

func date(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// The 2026 holidays around 2 September (Quốc khánh: 1 and 2 September).
var cal = workday.New([]time.Time{date("2026-09-01"), date("2026-09-02")})

func TestIsWorkday(t *testing.T) {
	tests := []struct {
		day  string
		want bool
	}{
		{"2026-08-28", true},  // Friday
		{"2026-08-29", false}, // Saturday
		{"2026-08-30", false}, // Sunday
		{"2026-08-31", true},  // Monday
		{"2026-09-01", false}, // holiday
		{"2026-09-02", false}, // holiday
		{"2026-09-03", true},
	}
	for _, tt := range tests {
		if got := cal.IsWorkday(date(tt.day)); got != tt.want {
			t.Errorf("IsWorkday(%s) = %v, want %v", tt.day, got, tt.want)
		}
	}
	if (workday.Calendar{}).IsWorkday(date("2026-09-02")) != true {
		t.Error("the zero Calendar treats 2026-09-02 (a Wednesday) as a day off")
	}
}

func TestAdd(t *testing.T) {
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2026-08-24", 0, "2026-08-24"},
		{"2026-08-24", 5, "2026-08-31"}, // Monday + 5 working days: next Monday
		{"2026-08-27", 5, "2026-09-07"}, // Thursday: Fri, Mon, (holidays), Thu, Fri, Mon
		{"2026-08-29", 1, "2026-08-31"}, // from a Saturday
	}
	for _, tt := range tests {
		if got := cal.Add(date(tt.from), tt.n).Format("2006-01-02"); got != tt.want {
			t.Errorf("Add(%s, %d) = %s, want %s", tt.from, tt.n, got, tt.want)
		}
	}
}

func TestBetween(t *testing.T) {
	tests := []struct {
		from, to string
		want     int
	}{
		{"2026-08-24", "2026-08-31", 5},
		{"2026-08-24", "2026-08-24", 0},
		{"2026-08-31", "2026-08-24", 0},
		{"2026-08-28", "2026-09-03", 2}, // Mon 31, (1, 2 off), Thu 3
	}
	for _, tt := range tests {
		if got := cal.Between(date(tt.from), date(tt.to)); got != tt.want {
			t.Errorf("Between(%s, %s) = %d, want %d", tt.from, tt.to, got, tt.want)
		}
	}
	// Add and Between agree.
	for n := range 12 {
		from := date("2026-08-26")
		if got := cal.Between(from, cal.Add(from, n)); got != n {
			t.Errorf("Between(from, Add(from, %d)) = %d", n, got)
		}
	}
}
