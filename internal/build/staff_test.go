package build_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"minhbach"
	"minhbach/internal/build"
	"minhbach/internal/model"
	"minhbach/internal/sitetest"
)

// TestSessionPlaceholderThenWritten: in serve, replacing the placeholder
// body of `minhbach new` takes its warning away, also when the rebuild
// only patches the site; the count of drafts left out stays right.
func TestSessionPlaceholderThenWritten(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"site.yaml":                   "title: Thử\n",
		"content/news/a.md":           "---\ntitle: A\ndate: 02/11/2026\ncategory: Tin hoạt động\n---\n\nNội dung bài viết.\n",
		"content/news/b.md":           "---\ntitle: B\ndate: 03/11/2026\ncategory: Tin hoạt động\n---\nĐã viết.\n",
		"content/news/nhap.md":        "---\ntitle: Nháp\ndate: 03/11/2026\ncategory: Tin hoạt động\ndraft: true\n---\nNội dung bài viết.\n",
		"content/pages/gioi-thieu.md": "---\ntitle: Giới thiệu\n---\nGiới thiệu.\n",
	}
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	opt := build.Options{Source: os.DirFS(dir), Theme: minhbach.Theme, Now: sitetest.DefaultNow}
	s := build.NewSession(opt)
	res, err := s.Build(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := "content/news/a.md:7:1: warning: the text \"Nội dung bài viết.\" that minhbach new writes is still here: replace it with the text to publish\n"
	if got := res.Diags.Format(0); got != want {
		t.Errorf("first build:\n%s\nwant\n%s", got, want)
	}
	if res.Withheld != (model.Withheld{Drafts: 1}) {
		t.Errorf("first build left out %+v, want 1 draft", res.Withheld)
	}
	text := strings.Replace(files["content/news/a.md"], "Nội dung bài viết.", "Hội nghị đã diễn ra.", 1)
	if err := os.WriteFile(filepath.Join(dir, "content/news/a.md"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err = s.Build(context.Background(), []string{"content/news/a.md"})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Patched {
		t.Errorf("a body edit did not patch the site")
	}
	if got := res.Diags.Format(0); got != "" {
		t.Errorf("after the body is written:\n%s", got)
	}
	if res.Withheld != (model.Withheld{Drafts: 1}) {
		t.Errorf("patched build left out %+v, want 1 draft", res.Withheld)
	}
}
