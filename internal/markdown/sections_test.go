package markdown

import (
	"strings"
	"testing"
)

func TestSections(t *testing.T) {
	src := "Giới thiệu.\n\n## Trình tự thực hiện\n\n1. Nộp hồ sơ.\n\n```\n## không phải tiêu đề\n```\n\n## Lưu ý ##\nMột dòng.\n"
	got := Sections([]byte(src))
	want := []struct {
		title string
		line  int
		body  string
	}{
		{"", 0, "Giới thiệu.\n\n"},
		{"Trình tự thực hiện", 3, "\n1. Nộp hồ sơ.\n\n```\n## không phải tiêu đề\n```\n\n"},
		{"Lưu ý", 11, "Một dòng.\n"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d parts, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		if got[i].Title != w.title || got[i].Line != w.line || string(got[i].Body) != w.body {
			t.Errorf("part %d = {%q %d %q}, want {%q %d %q}", i, got[i].Title, got[i].Line, got[i].Body, w.title, w.line, w.body)
		}
	}
	// The parts' lines point at their text in the source.
	lines := strings.Split(src, "\n")
	if lines[got[2].Line] != "Một dòng." {
		t.Errorf("line %d of the source is %q", got[2].Line, lines[got[2].Line])
	}
	if p := Sections(nil); len(p) != 1 || len(p[0].Body) != 0 {
		t.Errorf("Sections(nil) = %+v, want one empty part", p)
	}
}
