package source_test

import (
	"strings"
	"testing"

	"minhbach/internal/source"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		bodyLine int
		body     string
		errs     string
	}{
		{"plain", "---\ntitle: A\n---\nBody\n", 4, "Body\n", ""},
		{"bom crlf", "\uFEFF---\r\ntitle: A\r\n---\r\nBody\r\n", 4, "Body\n", ""},
		{"leading blank lines", "\n\n---\ntitle: A\n---\n\nBody", 6, "\nBody", ""},
		{"no front matter", "# Tiêu đề\n", 0, "", "a.md:1: missing front matter: begin the file with a line \"---\", then the keys (title: …), then a line \"---\"\n"},
		{"unclosed", "---\ntitle: A\nBody\n", 0, "", "a.md:1: front matter is not closed: add a line \"---\" after the last key\n"},
		{"bad yaml", "---\ntitle: A\n  x: [\n---\n", 0, "", "a.md:3: invalid YAML: mapping values are not allowed in this context (a value that contains \": \" must be quoted: key: \"…\")\n"},
		{"invalid utf8", "---\ntitle: A\xff\n---\n", 0, "", "a.md:2:9: invalid UTF-8: save the file as UTF-8\n"},
		{"nfd becomes nfc", "---\ntitle: A\n---\nThu\u0309\n", 4, "Thủ\n", ""},
		{"no line end after the closing line", "---\ntitle: A\n---", 3, "", ""},
		{"front matter line longer than the reader's buffer", "---\ntitle: " + strings.Repeat("ả", 3000) + "\n---\nBody\n", 4, "Body\n", ""},
		{"closing line in the body", "---\ntitle: A\n---\nx\n---\ny\n", 4, "x\n---\ny\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, d := source.Parse("a.md", []byte(tt.in))
			if got := d.Format(0); got != tt.errs {
				t.Fatalf("Parse diagnostics =\n%s\nwant\n%s", got, tt.errs)
			}
			if tt.errs != "" {
				return
			}
			if doc.BodyLine != tt.bodyLine || string(doc.Body) != tt.body {
				t.Errorf("Parse body = line %d %q, want line %d %q", doc.BodyLine, doc.Body, tt.bodyLine, tt.body)
			}
		})
	}
}

// TestParseKeepsBody checks that a clean file's body and head are parts of
// the bytes given, not copies: a large site's bodies are held twice
// otherwise until they are stored.
func TestParseKeepsBody(t *testing.T) {
	data := []byte("---\ntitle: Hội nghị\n---\nNội dung\n")
	doc, d := source.Parse("a.md", data)
	if d.HasErrors() {
		t.Fatal(d.Format(0))
	}
	if string(doc.Head)+string(doc.Body) != string(data) {
		t.Fatalf("head %q + body %q is not the file", doc.Head, doc.Body)
	}
	if &doc.Head[0] != &data[0] || &doc.Body[0] != &data[len(doc.Head)] {
		t.Errorf("head and body are copies of the file, want parts of it")
	}
	if title := doc.Meta.Content[0].Content[1].Value; title != "Hội nghị" {
		t.Errorf("title = %q", title)
	}
}

func TestKeyLines(t *testing.T) {
	doc, d := source.Parse("a.md", []byte("\n---\ntitle: A\ndate: 2024-01-02\n---\n"))
	if d.HasErrors() {
		t.Fatal(d.Format(0))
	}
	m := doc.Meta.Content[0]
	if got := m.Content[2].Line + doc.LineOff; got != 4 {
		t.Errorf("line of key date = %d, want 4", got)
	}
}

func FuzzSplitFrontMatter(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: Hội nghị\ndate: 2024-03-05\ntags: [a, b]\n---\nNội dung\n",
		"---\n---\n", "---", "", "\n\n---\na: b\n", "---\na: [\n---\n", "\uFEFF---\r\na: 1\r\n---\r\n",
		"---\ntitle: A\n---\n---\nmore\n---\n",
		"---\nimage_caption: “Ảnh: Thu Hà”\ntags:\n  - “a: b”\n  - ‘c’\n---\n", "---\nx: “a” b: c\n---\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, d := source.Parse("content/news/a.md", data)
		for _, x := range d {
			if x.Pos.Line < 0 || x.Pos.Line > strings.Count(string(data), "\n")+1 {
				t.Fatalf("diagnostic line %d outside the input: %s", x.Pos.Line, x)
			}
		}
		if !d.HasErrors() && doc.BodyLine < 1 {
			t.Fatalf("BodyLine = %d without errors", doc.BodyLine)
		}
	})
}
