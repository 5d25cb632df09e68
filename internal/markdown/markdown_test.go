package markdown_test

import (
	"strings"
	"testing"

	"minhbach/internal/diag"
	"minhbach/internal/markdown"
)

func convert(t *testing.T, opt markdown.Options, src string, resolve markdown.Resolver) (markdown.Result, string) {
	t.Helper()
	res, d := markdown.New(opt).Convert("content/news/a.md", 5, []byte(src), resolve)
	return res, d.Format(0)
}

func TestConvert(t *testing.T) {
	src := "## Điều 1. Phạm vi điều chỉnh\n\nĐoạn *đầu* tiên.\n\n## Điều 1. Phạm vi điều chỉnh\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~cũ~~ https://dichvucong.gov.vn\n\nChú thích[^1].\n\n[^1]: Ghi chú.\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))\n"
	res, errs := convert(t, markdown.Options{}, src, nil)
	if errs != "" {
		t.Fatal(errs)
	}
	html := string(res.HTML)
	for _, want := range []string{
		`<h2 id="dieu-1-pham-vi-dieu-chinh">`, `<h2 id="dieu-1-pham-vi-dieu-chinh-1">`, "<table>", "<del>cũ</del>",
		`<a href="https://dichvucong.gov.vn">`, `class="footnote-ref"`, "<!-- raw HTML omitted -->", `<a href="">x</a>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML lacks %q:\n%s", want, html)
		}
	}
	if strings.Contains(html, "<script>") {
		t.Errorf("raw HTML passed through:\n%s", html)
	}
	if res.Lead != "Đoạn đầu tiên." {
		t.Errorf("Lead = %q", res.Lead)
	}
	unsafe, _ := convert(t, markdown.Options{Unsafe: true}, src, nil)
	if !strings.Contains(string(unsafe.HTML), "<script>alert(1)</script>") {
		t.Errorf("unsafe_html: raw HTML dropped")
	}
}

func TestPictures(t *testing.T) {
	var at []string
	resolve := func(dest string, pos diag.Pos) (markdown.Picture, diag.Message) {
		at = append(at, dest+" "+pos.String())
		if dest == "anh/a.jpg" {
			return markdown.Picture{URL: "/tin-tuc/2024/01/a/anh/a.jpg", Width: 800, Height: 450,
				Srcset: "/assets/anh/a.1-320.jpg 320w, /tin-tuc/2024/01/a/anh/a.jpg 800w", Sizes: "(min-width: 48rem) 46rem, 100vw"}, diag.Message{}
		}
		return markdown.Picture{}, diag.Msgf("file does not exist")
	}
	src := "Mở đầu.\n\n![Quang cảnh](anh/a.jpg \"Quang cảnh <hội nghị>\")\n\nTrong câu ![x](anh/b.png) đây.\n"
	res, errs := convert(t, markdown.Options{}, src, resolve)
	if want := "content/news/a.md:9:11: image \"anh/b.png\": file does not exist\n"; errs != want {
		t.Errorf("diagnostics = %q, want %q", errs, want)
	}
	if want := []string{"anh/a.jpg content/news/a.md:7:1", "anh/b.png content/news/a.md:9:11"}; strings.Join(at, "|") != strings.Join(want, "|") {
		t.Errorf("resolver called with %q, want %q", at, want)
	}
	html := string(res.HTML)
	want := `<figure><img src="/tin-tuc/2024/01/a/anh/a.jpg" alt="Quang cảnh" width="800" height="450" srcset="/assets/anh/a.1-320.jpg 320w, /tin-tuc/2024/01/a/anh/a.jpg 800w" sizes="(min-width: 48rem) 46rem, 100vw" loading="lazy" decoding="async"><figcaption>Quang cảnh &lt;hội nghị&gt;</figcaption></figure>`
	if !strings.Contains(html, want) {
		t.Errorf("HTML lacks\n%s\nin\n%s", want, html)
	}
}

func TestPictureAlt(t *testing.T) {
	resolve := func(dest string, _ diag.Pos) (markdown.Picture, diag.Message) {
		return markdown.Picture{URL: "/" + dest}, diag.Message{}
	}
	src := "Mở đầu.\n\n![](anh/a.jpg)\n\nCó mô tả ![Biểu đồ](anh/b.png), rỗng ![ ](anh/c.png) và ![*nhấn*](anh/d.png).\n"
	_, errs := convert(t, markdown.Options{}, src, resolve)
	want := "content/news/a.md:7:1: warning: image \"anh/a.jpg\" has no alt text: say what it shows between the brackets, ![Quang cảnh hội nghị](anh/a.jpg)\n" +
		"content/news/a.md:9:38: warning: image \"anh/c.png\" has no alt text: say what it shows between the brackets, ![Quang cảnh hội nghị](anh/c.png)\n"
	if errs != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", errs, want)
	}
}

func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{
		"## Điều 1\n\nĐoạn *một*.\n\n![a](anh/a.jpg \"b\")\n",
		"| a |\n|---|\n| b |\n", "[^1]\n\n[^1]: x", "<script>x</script>", "![](", "~~x~~ https://a.vn",
		"Gồm:\n• Một • Hai\n–\tBa ![](x.png)\n> · Bốn\n", "A\tB\nC\tD\n", "•  \n• `•\n• x`",
	} {
		f.Add(s)
	}
	conv := markdown.New(markdown.Options{})
	f.Fuzz(func(t *testing.T, src string) {
		resolve := func(dest string, _ diag.Pos) (markdown.Picture, diag.Message) {
			if strings.HasPrefix(dest, "x") {
				return markdown.Picture{}, diag.Msgf("missing")
			}
			return markdown.Picture{URL: "/a/" + dest, Width: 1, Height: 1}, diag.Message{}
		}
		lines := strings.Count(src, "\n") + 1
		_, d := conv.Convert("a.md", 3, []byte(src), resolve)
		for _, x := range d {
			if x.Pos.Line < 3 || x.Pos.Line > lines+2 {
				t.Fatalf("diagnostic line %d outside the body (lines 3..%d): %s", x.Pos.Line, lines+2, x)
			}
		}
	})
}

func TestTableBox(t *testing.T) {
	src := "| a | b |\n|---|---|\n| 1 | 2 |\n\n## Số liệu <năm> 2024\n\n| c |\n|---|\n| 3 |\n"
	res, errs := convert(t, markdown.Options{}, src, nil)
	if errs != "" {
		t.Fatal(errs)
	}
	html := string(res.HTML)
	for _, want := range []string{
		"<div class=\"table-box\" role=\"region\" tabindex=\"0\" aria-label=\"Bảng 1\">\n<table>",
		"<div class=\"table-box\" role=\"region\" tabindex=\"0\" aria-label=\"Bảng 2 – Số liệu &lt;năm&gt; 2024\">\n<table>",
		"</table>\n</div>",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML lacks %q:\n%s", want, html)
		}
	}
	if res.Text == "" || !strings.Contains(res.Text, "3") {
		t.Errorf("the text of the tables is lost for search: %q", res.Text)
	}
}

// TestDiagnosticsOwnTheirText: a build reads bodies into buffers it uses
// again once they are converted, so what a diagnostic keeps to show later
// (in Vietnamese) must not be a part of the body.
func TestDiagnosticsOwnTheirText(t *testing.T) {
	src := []byte("Đoạn đầu.\n\n![](anh-hoi-nghi.jpg)\n\nMột • Hai • Ba\n")
	_, d := markdown.New(markdown.Options{}).Convert("content/news/a.md", 5, src, nil)
	before := d.FormatIn(diag.Vietnamese, 0)
	if !strings.Contains(before, "anh-hoi-nghi.jpg") {
		t.Fatalf("no warning naming the picture:\n%s", before)
	}
	for i := range src {
		src[i] = 'x'
	}
	if after := d.FormatIn(diag.Vietnamese, 0); after != before {
		t.Errorf("the diagnostics changed with the body's bytes:\n%s\nwas\n%s", after, before)
	}
}
