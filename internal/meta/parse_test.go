package meta_test

import (
	"strings"
	"testing"

	"minhbach/internal/diag"
	"minhbach/internal/meta"
)

// TestCurlyQuotes: Word types “…” where staff type "…". A value wholly
// wrapped in them reads as the text inside; curly quotes elsewhere are text.
func TestCurlyQuotes(t *testing.T) {
	tests := []struct {
		name, yaml, key, want string
	}{
		{"wrapped", "image_alt: “Quang cảnh hội nghị”\n", "image_alt", "Quang cảnh hội nghị"},
		{"wrapped with colon", "image_caption: “Lãnh đạo tỉnh phát biểu. Ảnh: Thu Hà”\n", "image_caption", "Lãnh đạo tỉnh phát biểu. Ảnh: Thu Hà"},
		{"single", "title: ‘Hội nghị’\n", "title", "Hội nghị"},
		{"single with colon", "title: ‘Kết luận: đạt’\n", "title", "Kết luận: đạt"},
		{"colon and straight quote inside", "title: “Chủ đề: \"Xanh\" và \\ ”\n", "title", "Chủ đề: \"Xanh\" và \\ "},
		{"nested", "title: “Phong trào “Xanh” năm 2026”\n", "title", "Phong trào “Xanh” năm 2026"},
		{"nested with colon", "title: “Phát động: “Xanh” năm 2026”\n", "title", "Phát động: “Xanh” năm 2026"},
		{"two quotations are not wrapped", "title: “Xanh” và “Sạch”\n", "title", "“Xanh” và “Sạch”"},
		{"inside is text", "title: Phong trào “Xanh”\n", "title", "Phong trào “Xanh”"},
		{"straight quotes keep curly ones", "title: \"“Xanh”\"\n", "title", "“Xanh”"},
		{"single straight quotes keep curly ones", "title: '“Xanh”'\n", "title", "“Xanh”"},
		{"block text is untouched", "summary: |\n  “Một”\n", "summary", "“Một”\n"},
		{"after other keys", "title: A\nimage_caption: “Ảnh: Thu Hà”\ndate: 2026-12-02\n", "image_caption", "Ảnh: Thu Hà"},
		{"on its own line", "image_caption:\n  “Ảnh: Thu Hà”\n", "image_caption", "Ảnh: Thu Hà"},
		{"number stays text", "number: “14”\n", "number", "14"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, serr := meta.Parse([]byte(tt.yaml))
			if serr != nil {
				t.Fatalf("Parse(%q): line %d: %s", tt.yaml, serr.Line, serr.Msg.String())
			}
			var d diag.List
			m := meta.New("a.md", 1, diag.Pos{Path: "a.md", Line: 1}, n, &d)
			got := m.Node(tt.key).Value
			if got != tt.want || len(d) != 0 {
				t.Errorf("Parse(%q)[%s] = %q %s, want %q", tt.yaml, tt.key, got, d.Format(0), tt.want)
			}
		})
	}
}

func TestCurlyQuotesListItems(t *testing.T) {
	for _, in := range []string{
		"tags:\n  - “Chuyển đổi số: 2026”\n  - “Hội nghị”\n",
		"tags: [“Chuyển đổi số: 2026”, “Hội nghị”]\n",
		"tags: [“Chuyển đổi số: 2026”, ‘Hội nghị’]\n",
		"tags: [ “Chuyển đổi số: 2026” , \"Hội nghị\"]\n",
	} {
		n, serr := meta.Parse([]byte(in))
		if serr != nil {
			t.Fatalf("Parse(%q): %s", in, serr.Msg.String())
		}
		var d diag.List
		got := meta.New("a.md", 1, diag.Pos{}, n, &d).Strings("tags")
		if len(got) != 2 || got[0] != "Chuyển đổi số: 2026" || got[1] != "Hội nghị" || len(d) > 0 {
			t.Errorf("Parse(%q): tags = %q %s", in, got, d.Format(0))
		}
	}
}

// TestCurlyQuotesHint: when curly quotes do not wrap a whole value that
// holds ": ", the error says that curly quotes are not quotes.
func TestCurlyQuotesHint(t *testing.T) {
	tests := []struct {
		yaml string
		line int
		msg  string
	}{
		{"title: A\nimage_caption: “Lãnh đạo” phát biểu. Ảnh: Thu Hà\n", 2,
			`invalid YAML: mapping values are not allowed in this context (a value that contains ": " must be quoted, with straight quotes "…" around the whole value: curly quotes “ ” inside a value are text, not quotes)`},
		{"title: A\nimage_caption: Lãnh đạo phát biểu. Ảnh: Thu Hà\n", 2,
			`invalid YAML: mapping values are not allowed in this context (a value that contains ": " must be quoted: key: "…")`},
		// The first line is accepted; the second is still wrong.
		{"image_caption: “Ảnh: Thu Hà”\nimage_alt: Ảnh: “Hội nghị”\n", 2,
			`invalid YAML: mapping values are not allowed in this context (a value that contains ": " must be quoted, with straight quotes "…" around the whole value: curly quotes “ ” inside a value are text, not quotes)`},
	}
	for _, tt := range tests {
		_, serr := meta.Parse([]byte(tt.yaml))
		if serr == nil {
			t.Errorf("Parse(%q) = no error, want %s", tt.yaml, tt.msg)
			continue
		}
		if serr.Line != tt.line || serr.Msg.String() != tt.msg {
			t.Errorf("Parse(%q) = line %d: %s\nwant line %d: %s", tt.yaml, serr.Line, serr.Msg, tt.line, tt.msg)
		}
	}
}

// FuzzParse checks that no front matter makes Parse panic or loop, and
// that an error names a line of the input.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"title: “Hội nghị”\n", "image_caption: “Ảnh: Thu Hà”\n", "tags: [“a: b”, ‘c’]\n", "- “a: b”\n- ‘x: y’\n",
		"x: “a” b: c\n", "a:\n  “b: c”\n", "t: “A” và “B”: c\n", "summary: |\n  “a: b”\n", "date: 02/12/2026 14:30\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, serr := meta.Parse([]byte(s))
		if serr != nil && (serr.Line < 1 || serr.Line > strings.Count(s, "\n")+2) {
			t.Fatalf("error at line %d of %d lines: %s", serr.Line, strings.Count(s, "\n")+1, serr.Msg.String())
		}
	})
}

// FuzzParseDate checks that ParseDate never panics and that a date it
// accepts is one it accepts again written as yyyy-mm-dd hh:mm:ss.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"02/12/2026", "2/3/2026 8h", "2026-12-02T14:30:00+07:00", "ngày 8 tháng 8 năm 2018", "31/02/2026", "2/12/26", "12/25/2026"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := meta.ParseDate(s)
		if err != nil {
			return
		}
		again, err := meta.ParseDate(d.Format("2006-01-02 15:04:05.999999999-07:00"))
		if err != nil || !again.Equal(d) {
			t.Fatalf("ParseDate(%q) = %v, but its ISO form reads %v, %v", s, d, again, err)
		}
	})
}
