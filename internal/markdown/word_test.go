package markdown_test

import (
	"strings"
	"testing"

	"minhbach/internal/diag"
	"minhbach/internal/markdown"
)

// TestWordBullets: a line that begins with a bullet Word pasted becomes a
// list item, as "- " would; code is left as written.
func TestWordBullets(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // substrings of the HTML; "!" negates
	}{
		{"after a line of text", "Các nội dung:\n• Một\n• Hai\n",
			[]string{"<p>Các nội dung:</p>\n<ul>\n<li>Một</li>\n<li>Hai</li>\n</ul>"}},
		{"tab after the bullet", "•\tMột\n•\tHai\n", []string{"<ul>\n<li>Một</li>\n<li>Hai</li>\n</ul>"}},
		{"en dash", "– Đối tượng áp dụng\n– Phạm vi\n", []string{"<li>Đối tượng áp dụng</li>", "<li>Phạm vi</li>"}},
		{"symbol font bullet", "\uF0B7\tMột\n", []string{"<li>Một</li>"}},
		{"different bullets stay apart", "• Một\n• Hai\n\n– Ba\n", []string{"<ul>\n<li>Một</li>\n<li>Hai</li>\n</ul>\n<ul>\n<li>Ba</li>\n</ul>"}},
		{"middle dot", "· Một\n", []string{"<li>Một</li>"}},
		{"inline stays", "Một *đậm* • và\n• **Hai** [liên kết](https://a.vn)\n", []string{"<li><strong>Hai</strong> <a href=\"https://a.vn\">liên kết</a></li>"}},
		{"in a quote", "> • Một\n> • Hai\n", []string{"<blockquote>\n<ul>\n<li>Một</li>"}},
		{"nested", "• Một\n  • Hai\n", []string{"<li>Một\n<ul>\n<li>Hai</li>"}},
		{"en dash in a sentence", "Từ 2020 – 2025 và\nnăm – sau\n", []string{"<p>Từ 2020 – 2025 và\nnăm – sau</p>", "!<li>"}},
		{"bullet alone", "•\n", []string{"<p>•</p>"}},
		{"code block", "```\n• Một\n```\n", []string{"<code>• Một\n</code>", "!<li>"}},
		{"indented code", "    • Một\n", []string{"<code>• Một\n</code>", "!<li>"}},
		{"code span", "`a\n• b`\n", []string{"<code>a • b</code>", "!<li>"}},
		{"heading", "# • Một\n", []string{"<h1 id=\"mot\">• Một</h1>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, errs := convert(t, markdown.Options{}, tt.src, nil)
			if errs != "" {
				t.Errorf("diagnostics:\n%s", errs)
			}
			html := string(res.HTML)
			for _, w := range tt.want {
				if neg, ok := strings.CutPrefix(w, "!"); ok {
					if strings.Contains(html, neg) {
						t.Errorf("HTML has %q:\n%s", neg, html)
					}
				} else if !strings.Contains(html, w) {
					t.Errorf("HTML lacks %q:\n%s", w, html)
				}
			}
		})
	}
}

// TestWordWarnings: bullets run together on one line and cells separated
// by tabs are warnings at their place in the file (the body starts on
// line 5), also on lines whose bullet was replaced.
func TestWordWarnings(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"bullets on one line", "Mở đầu.\n\n• Một • Hai • Ba\n",
			"content/news/a.md:7:7: warning: bullets \"•\" run together on one line: put each item on its own line, beginning with \"- \"\n"},
		{"run together without a first bullet", "Gồm: ▪ Một ▪ Hai\n",
			"content/news/a.md:5:6: warning: bullets \"▪\" run together on one line: put each item on its own line, beginning with \"- \"\n"},
		{"after a replaced bullet", "• Một\n• Hai • Ba\n",
			"content/news/a.md:6:7: warning: bullets \"•\" run together on one line: put each item on its own line, beginning with \"- \"\n"},
		{"one separator is punctuation", "Hà Nội • 12/3\n\nTừ 2020 – 2025 – 2030\n\nA · B · C\n", ""},
		{"word table", "Danh sách:\n\nHọ tên\tChức vụ\nNguyễn Văn A\tGiám đốc\n\nHết.\n\nMột\tHai\n",
			"content/news/a.md:7:7: warning: text separated by tabs, as in a table pasted from Word, shows as one paragraph: write it as a table, one row a line with cells between \"|\", and a line \"| --- | --- |\" under the first row\n" +
				"content/news/a.md:12:4: warning: text separated by tabs, as in a table pasted from Word, shows as one paragraph: write it as a table, one row a line with cells between \"|\", and a line \"| --- | --- |\" under the first row\n"},
		{"tab in code", "```\na\tb\n```\n\n`a\tb`\n", ""},
		{"trailing tab", "Một\t\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := convert(t, markdown.Options{}, tt.src, nil)
			if errs != tt.want {
				t.Errorf("diagnostics =\n%s\nwant\n%s", errs, tt.want)
			}
		})
	}
}

// TestWordBulletsKeepPositions: after bullets are replaced, the problems
// of pictures are reported once, at their place in the file as written.
func TestWordBulletsKeepPositions(t *testing.T) {
	calls := 0
	resolve := func(dest string, _ diag.Pos) (markdown.Picture, diag.Message) {
		calls++
		return markdown.Picture{}, diag.Msgf("file does not exist")
	}
	src := "•  Một ![](a.png)\n•\tHai\n\nCuối ![ảnh](b.png)\n"
	res, errs := convert(t, markdown.Options{}, src, resolve)
	want := "content/news/a.md:5:8: image \"a.png\": file does not exist\n" +
		"content/news/a.md:5:8: warning: image \"a.png\" has no alt text: say what it shows between the brackets, ![Quang cảnh hội nghị](a.png)\n" +
		"content/news/a.md:8:6: image \"b.png\": file does not exist\n"
	if errs != want {
		t.Errorf("diagnostics =\n%s\nwant\n%s", errs, want)
	}
	if calls != 2 {
		t.Errorf("resolver called %d times, want 2", calls)
	}
	if !strings.Contains(string(res.HTML), "<li>Hai</li>") || res.Text != "Một Hai Cuối ảnh" {
		t.Errorf("HTML %s, text %q", res.HTML, res.Text)
	}
}
