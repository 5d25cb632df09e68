package render_test

import (
	"fmt"
	"testing"
	"time"

	"minhbach/internal/model"
	"minhbach/internal/render"
)

func TestDates(t *testing.T) {
	d := time.Date(2022, 8, 2, 9, 5, 0, 0, model.Zone)
	if got := render.DayDate(d); got != "Thứ Ba, ngày 02/8/2022" {
		t.Errorf("DayDate = %q", got)
	}
	if got := render.LongDate(time.Date(2018, 8, 8, 0, 0, 0, 0, time.UTC)); got != "ngày 08 tháng 8 năm 2018" {
		t.Errorf("LongDate = %q", got)
	}
}

func TestPagerLinks(t *testing.T) {
	urls := make([]string, 50)
	for i := range urls {
		urls[i] = fmt.Sprint(i + 1)
	}
	tests := []struct {
		number int
		want   string
	}{
		{1, "1 2 3 … 50"},
		{10, "1 … 8 9 10 11 12 … 50"},
		{49, "1 … 47 48 49 50"},
	}
	for _, tt := range tests {
		var got string
		for i, l := range render.PagerLinks(model.Pager{Number: tt.number, Total: 50, Pages: urls}) {
			if i > 0 {
				got += " "
			}
			if l.Number == 0 {
				got += "…"
			} else {
				got += fmt.Sprint(l.Number)
			}
		}
		if got != tt.want {
			t.Errorf("PagerLinks(page %d of 50) = %s, want %s", tt.number, got, tt.want)
		}
	}
}

func TestFileSize(t *testing.T) {
	for n, want := range map[int64]string{512: "512 byte", 1536: "1,5 KB", 3 << 20: "3,0 MB"} {
		if got := render.FileSize(n); got != want {
			t.Errorf("FileSize(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestTruncate cuts summaries by letters, not bytes, at a word boundary.
func TestTruncate(t *testing.T) {
	for _, tt := range []struct {
		n        int
		in, want string
	}{
		{10, "Đất đai", "Đất đai"},               // fewer bytes than n
		{7, "Đất đai", "Đất đai"},                // 7 letters, 11 bytes
		{6, "Đất đai", "Đất…"},                   // cut at the space
		{9, "Thủ tục hành chính", "Thủ tục…"},    // word boundary
		{5, "Ủyban", "Ủyban"},                    // exactly n letters
		{4, "Ủybannhândân", "Ủyba…"},             // no space: cut inside
		{12, "Kế hoạch, thực hiện", "Kế hoạch…"}, // trailing comma dropped
		{3, "đđđđđđđđđđđđđđđđđđđđđ", "đđđ…"},     // two-byte letters
		{300, "ngắn", "ngắn"},
	} {
		if got := render.Truncate(tt.n, tt.in); got != tt.want {
			t.Errorf("truncate(%d, %q) = %q, want %q", tt.n, tt.in, got, tt.want)
		}
	}
}
