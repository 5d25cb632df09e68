package build_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"minhbach"
	"minhbach/internal/build"
	"minhbach/internal/output"
	"minhbach/internal/sitetest"
)

// copyDemo copies the demo site (the repository root) into a temporary
// folder with a few generated news items, and returns the folder.
func copyDemo(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"site.yaml", "content", "layouts", "assets", "i18n"} {
		if err := os.CopyFS(filepath.Join(dir, name), os.DirFS(filepath.Join("../..", name))); err != nil {
			if name == "site.yaml" {
				data, err := os.ReadFile("../../site.yaml")
				if err == nil {
					err = os.WriteFile(filepath.Join(dir, name), data, 0o644)
				}
				if err == nil {
					continue
				}
			}
			t.Fatal(err)
		}
	}
	gen := sitetest.Corpus(12, 7)
	for name, f := range gen {
		if strings.HasPrefix(name, "content/news/") {
			p := filepath.Join(dir, "content/news/gen", path.Base(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

func fullBuild(t testing.TB, opt build.Options) (map[string][]byte, []string) {
	t.Helper()
	mem := output.NewMemory()
	res, err := build.Build(context.Background(), opt, mem)
	if err != nil {
		t.Fatal(err)
	}
	return mem.Files, diagStrings(res)
}

func diagStrings(res *build.Result) []string {
	var out []string
	for _, d := range res.Diags.Sorted() {
		out = append(out, d.String())
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// compareSites reports every file that differs between want and got.
func compareSites(t *testing.T, step string, want, got map[string][]byte) {
	t.Helper()
	n := 0
	for p, w := range want {
		g, ok := got[p]
		switch {
		case !ok:
			t.Errorf("%s: %s missing from the incremental build", step, p)
		case !bytes.Equal(w, g):
			t.Errorf("%s: %s differs from the full build:\n%s", step, p, firstDiff(w, g))
		default:
			continue
		}
		if n++; n > 5 {
			t.Fatalf("%s: too many differences", step)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("%s: %s is in the incremental build only", step, p)
		}
	}
}

func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-80)
	return fmt.Sprintf("  full: …%s…\n  incr: …%s…", a[lo:min(len(a), i+80)], b[lo:min(len(b), i+80)])
}

// editor makes random edits of the kinds staff make, on a site folder.
type editor struct {
	t    *testing.T
	dir  string
	r    *rand.Rand
	n    int
	cats []string
	// custom is set once a layout or partial is the site's own: the
	// session then renders every page that uses it on every build.
	custom bool
}

func (e *editor) news() []string {
	var out []string
	_ = filepath.WalkDir(filepath.Join(e.dir, "content/news"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			rel, _ := filepath.Rel(e.dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	slices.Sort(out)
	return out
}

func (e *editor) read(rel string) string {
	data, err := os.ReadFile(filepath.Join(e.dir, rel))
	if err != nil {
		e.t.Fatal(err)
	}
	return string(data)
}

func (e *editor) write(rel, s string) {
	p := filepath.Join(e.dir, rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		e.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		e.t.Fatal(err)
	}
}

func (e *editor) setKey(rel, key, value string) {
	re := regexp.MustCompile(`(?m)^` + key + `: .*$`)
	s := e.read(rel)
	if re.MatchString(s) {
		s = re.ReplaceAllLiteralString(s, key+": "+value)
	} else {
		s = strings.Replace(s, "---\n", "---\n"+key+": "+value+"\n", 1)
	}
	e.write(rel, s)
}

// edit makes one random edit and returns what it did and the paths it
// changed.
func (e *editor) edit() (string, []string) {
	e.n++
	news := e.news()
	pick := news[e.r.IntN(len(news))]
	k := e.r.IntN(14 + len(kindEdits))
	if k >= 14 {
		return kindEdits[k-14].do(e)
	}
	switch k {
	case 0, 1:
		e.setKey(pick, "title", fmt.Sprintf("%q", fmt.Sprintf("Tiêu đề đã sửa lần %d", e.n)))
		return "title of " + pick, []string{pick}
	case 2:
		e.setKey(pick, "date", fmt.Sprintf("20%02d-%02d-%02dT08:00:00+07:00", 19+e.r.IntN(8), 1+e.r.IntN(12), 1+e.r.IntN(28)))
		return "date of " + pick, []string{pick}
	case 3:
		e.setKey(pick, "category", fmt.Sprintf("%q", e.cats[e.r.IntN(len(e.cats))]))
		return "category of " + pick, []string{pick}
	case 4, 5:
		s := e.read(pick)
		lines := strings.Split(s, "\n")
		i := len(lines) - 1 - e.r.IntN(min(5, len(lines)-1))
		lines[i] += fmt.Sprintf(" Câu thêm số %d.", e.n)
		e.write(pick, strings.Join(lines, "\n"))
		return "body of " + pick, []string{pick}
	case 13:
		// The first paragraph: the summary of an item without one.
		s := e.read(pick)
		head, body, _ := strings.Cut(strings.TrimPrefix(s, "---\n"), "\n---\n")
		lines := strings.Split(body, "\n")
		for i, l := range lines {
			if strings.TrimSpace(l) != "" {
				lines[i] = fmt.Sprintf("Mở đầu đã sửa lần %d. %s", e.n, l)
				break
			}
		}
		body = strings.Join(lines, "\n")
		e.write(pick, "---\n"+head+"\n---\n"+body)
		return "body of " + pick + " (lead)", []string{pick}
	case 6:
		rel := fmt.Sprintf("content/news/2026/2026-0%d-1%d-tin-moi-%d.md", 1+e.r.IntN(9), e.r.IntN(9), e.n)
		if e.r.IntN(3) == 0 {
			rel = fmt.Sprintf("content/news/moi-%d/sau/2025-05-05-tin-long-nhau-%d.md", e.n, e.n)
		}
		e.write(rel, strings.Replace(e.read(pick), "title: ", fmt.Sprintf("title: Tin mới %d — ", e.n), 1))
		return "new " + rel, []string{rel}
	case 7:
		if len(news) < 10 || strings.Contains(pick, "2025-01-08") {
			return "nothing", []string{}
		}
		if err := os.Remove(filepath.Join(e.dir, pick)); err != nil {
			e.t.Fatal(err)
		}
		return "delete " + pick, []string{pick}
	case 8:
		rel := "layouts/news/single.html"
		s := e.read(rel)
		re := regexp.MustCompile(`data-rev="\d+"`)
		if re.MatchString(s) {
			s = re.ReplaceAllString(s, fmt.Sprintf(`data-rev="%d"`, e.n))
		} else {
			s = strings.Replace(s, "<article ", fmt.Sprintf(`<article data-rev="%d" `, e.n), 1)
		}
		e.write(rel, s)
		e.custom = true
		return "layout " + rel, []string{rel}
	case 9:
		rel := "layouts/partials/footer.html"
		e.write(rel, e.read(rel)+fmt.Sprintf("<p>Phiên bản %d</p>\n", e.n))
		e.custom = true
		return "partial " + rel, []string{rel}
	case 10:
		rel := "assets/css/app.css"
		e.write(rel, e.read(rel)+fmt.Sprintf("\n.rev-%d{color:#123}\n", e.n))
		return "css", []string{rel}
	case 11:
		tags := []string{`["hội nghị"]`, `["chuyển đổi số", "một cửa"]`, `[]`, `["Hội Nghị"]`}
		e.setKey(pick, "tags", tags[e.r.IntN(len(tags))])
		return "tags of " + pick, []string{pick}
	default:
		s := e.read("site.yaml")
		e.write("site.yaml", regexp.MustCompile(`(?m)^title: .*$`).ReplaceAllString(s, fmt.Sprintf("title: Cổng thông tin %d", e.n)))
		return "site.yaml", []string{"site.yaml"}
	}
}

// TestSessionEqualsBuild makes random edits to the demo site and checks
// after each that the session's incremental build equals a full build,
// file for file, and reports the same problems.
func TestSessionEqualsBuild(t *testing.T) {
	steps := 25
	if testing.Short() {
		steps = 10
	}
	if *sessionSteps > 0 {
		steps = *sessionSteps
	}
	for _, seed := range []uint64{1, 2} {
		t.Run(fmt.Sprint("seed=", seed), func(t *testing.T) {
			dir := copyDemo(t)
			opt := build.Options{Source: os.DirFS(dir), Theme: minhbach.Theme, Now: sitetest.DefaultNow}
			s := build.NewSession(opt)
			res, err := s.Build(context.Background(), nil)
			if err != nil || res.Diags.HasErrors() {
				t.Fatalf("first build: %v %s", err, res.Diags.Format(10))
			}
			want, _ := fullBuild(t, opt)
			compareSites(t, "first build", want, s.Files())
			e := &editor{t: t, dir: dir, r: rand.New(rand.NewPCG(seed, 99)),
				cats: []string{"Tin hoạt động", "Chỉ đạo điều hành", "Cải cách hành chính", "Chuyển đổi số", "Tin mới lập"}}
			bodies, patched, prevOK := 0, 0, true
			for i := range steps {
				what, changed := e.edit()
				step := fmt.Sprintf("step %d (%s)", i, what)
				res, err := s.Build(context.Background(), changed)
				if err != nil {
					t.Fatalf("%s: %v", step, err)
				}
				want, wantDiags := fullBuild(t, opt)
				if got := diagStrings(res); !slices.Equal(got, wantDiags) {
					t.Fatalf("%s: diagnostics\n%s\nwant\n%s", step, strings.Join(got, "\n"), strings.Join(wantDiags, "\n"))
				}
				if res.Diags.HasErrors() {
					prevOK = false
					continue
				}
				compareSites(t, step, want, s.Files())
				if t.Failed() {
					t.FailNow()
				}
				// An edit of one body re-renders its page and the few
				// that show it, not the site (with the theme's layouts).
				// Nor does it look at the data of every file again.
				if strings.HasPrefix(what, "body of") && !e.custom && res.Rendered*5 > len(want) {
					t.Errorf("%s: rendered %d files of %d", step, res.Rendered, len(want))
				}
				if strings.HasPrefix(what, "body of") && !e.custom && res.Fingerprinted*5 > len(want) {
					t.Errorf("%s: looked at the data of %d files of %d", step, res.Fingerprinted, len(want))
				}
				// After a good build, it patches the site in place of
				// building it again.
				if strings.HasPrefix(what, "body of") && prevOK && !res.Patched {
					t.Errorf("%s: the site was built again, not patched", step)
				}
				patched += bool2int(res.Patched)
				bodies += strings.Count(what, "body of")
				t.Logf("%s: rendered %d files, looked at the data of %d, patched %v", step, res.Rendered, res.Fingerprinted, res.Patched)
				prevOK = true
			}
			if bodies == 0 || patched == 0 {
				t.Errorf("%d body edits among the %d steps, %d patched: choose another seed", bodies, steps, patched)
			}
		})
	}
}

// sessionSteps makes TestSessionEqualsBuild longer: go test
// ./internal/build -run TestSessionEqualsBuild -session.steps=500.
var sessionSteps = flag.Int("session.steps", 0, "the number of random edits TestSessionEqualsBuild makes for each seed (0: 25, or 10 with -short)")

// TestSessionEveryEdit makes an edit of every kind a session must follow,
// news, pages, gazette issues and documents (adding and removing each
// relation kind), procedures in Markdown, CSV and JSON, forms, pictures,
// layouts, partials, assets, site.yaml, files added, deleted and moved,
// and undoes those that toggle; after each, the session's site equals a
// full build byte for byte, with the same problems.
func TestSessionEveryEdit(t *testing.T) {
	dir := copyDemo(t)
	opt := build.Options{Source: os.DirFS(dir), Theme: minhbach.Theme, Now: sitetest.DefaultNow}
	s := build.NewSession(opt)
	if res, err := s.Build(context.Background(), nil); err != nil || res.Diags.HasErrors() {
		t.Fatalf("first build: %v %s", err, res.Diags.Format(10))
	}
	e := &editor{t: t, dir: dir}
	news := "content/news/2025/2025-01-08-tong-ket-cong-tac-van-phong-nam-2024.md"
	edits := []kindEdit{
		{"news title", func(e *editor) (string, []string) {
			e.setKey(news, "title", fmt.Sprintf("%q", fmt.Sprintf("Tổng kết (sửa lần %d)", e.n)))
			return "title of " + news, []string{news}
		}, false},
		{"news body", func(e *editor) (string, []string) {
			e.appendBody(news)
			return "body of " + news, []string{news}
		}, false},
	}
	// Every edit, then again those that toggle, to undo them; the
	// layouts last, as a site's own are rendered on every build: the
	// layout of documents (made the theme's own again), then a partial.
	var layouts []kindEdit
	for _, k := range kindEdits {
		if strings.HasPrefix(k.name, "layout") || strings.HasPrefix(k.name, "partial") {
			layouts = append(layouts, k)
		} else {
			edits = append(edits, k)
		}
	}
	for _, k := range kindEdits {
		if k.toggle && !strings.HasPrefix(k.name, "layout") {
			edits = append(edits, k)
		}
	}
	edits = append(edits, layouts[0], layouts[0], layouts[1])
	for _, k := range edits {
		e.n++
		what, changed := k.do(e)
		res, err := s.Build(context.Background(), changed)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		want, wantDiags := fullBuild(t, opt)
		if got := diagStrings(res); !slices.Equal(got, wantDiags) {
			t.Fatalf("%s: diagnostics\n%s\nwant\n%s", what, strings.Join(got, "\n"), strings.Join(wantDiags, "\n"))
		}
		if res.Diags.HasErrors() {
			t.Fatalf("%s: the edit made the demo site invalid, so it proves nothing: %s", what, res.Diags.Format(5))
		}
		compareSites(t, what, want, s.Files())
		if t.Failed() {
			t.FailNow()
		}
		t.Logf("%s: rendered %d files, looked at the data of %d, patched %v", what, res.Rendered, res.Fingerprinted, res.Patched)
	}
}

// TestSessionCustomLayoutNotStale gives the site layouts of its own that
// show what the theme's never do, and which no fingerprint covers: the
// lead of each related news item, and the titles of each category's
// items. After an edit of what they show, the session serves what a full
// build gives.
func TestSessionCustomLayoutNotStale(t *testing.T) {
	dir := copyDemo(t)
	e := &editor{t: t, dir: dir}
	single := e.read("layouts/news/single.html")
	related := `<ul>{{range .}}{{item "news-link" .}}{{end}}</ul>`
	if !strings.Contains(single, related) {
		t.Fatal("layouts/news/single.html no longer lists related news as this test expects")
	}
	e.write("layouts/news/single.html", strings.Replace(single, related,
		`<ul>{{range .}}<li><a href="{{relURL .URL}}">{{.Title}}</a><span class="rel-lead">{{.Content.Lead}}</span></li>{{end}}</ul>`, 1))
	terms := e.read("layouts/news/terms.html")
	count := `<span class="count">({{T "news.terms.count" (len .Items)}})</span>`
	if !strings.Contains(terms, count) {
		t.Fatal("layouts/news/terms.html no longer counts items as this test expects")
	}
	e.write("layouts/news/terms.html", strings.Replace(terms, count, count+`{{range .Items}}<span class="item">{{.Title}}</span>{{end}}`, 1))

	opt := build.Options{Source: os.DirFS(dir), Theme: minhbach.Theme, Now: sitetest.DefaultNow}
	s := build.NewSession(opt)
	res, err := s.Build(context.Background(), nil)
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("first build: %v %s", err, res.Diags.Format(10))
	}
	var page, rel string
	for _, n := range res.Site.News {
		if len(n.Related) > 0 {
			page, rel = n.URL, n.Related[0].Path
			break
		}
	}
	if rel == "" {
		t.Fatal("no news item of the demo has related news")
	}
	out := strings.TrimPrefix(page, "/") + "index.html"
	// With a summary of its own, the item's lead is in its body only.
	e.setKey(rel, "summary", `"Tóm tắt riêng của tin liên quan."`)
	if _, err := s.Build(context.Background(), []string{rel}); err != nil {
		t.Fatal(err)
	}

	// The related item's lead: its body's first paragraph.
	head, body, _ := strings.Cut(strings.TrimPrefix(e.read(rel), "---\n"), "\n---\n")
	body = strings.TrimLeft(body, "\n")
	lead := "Đoạn mở đầu mới của tin liên quan."
	e.write(rel, "---\n"+head+"\n---\n\n"+lead+"\n\n"+body)
	if _, err := s.Build(context.Background(), []string{rel}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(s.Files()[out], []byte(lead)) {
		t.Errorf("%s does not show the new lead of its related item %s", out, rel)
	}
	want, _ := fullBuild(t, opt)
	compareSites(t, "after an edit of a related item's lead", want, s.Files())

	// A category item's title.
	title := "Tiêu đề mới của một tin trong chuyên mục"
	e.setKey(rel, "title", fmt.Sprintf("%q", title))
	if _, err := s.Build(context.Background(), []string{rel}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(s.Files()["tin-tuc/chuyen-muc/index.html"], []byte(title)) {
		t.Errorf("the category page does not show the new title of %s", rel)
	}
	want, _ = fullBuild(t, opt)
	compareSites(t, "after an edit of a category item's title", want, s.Files())
}

// TestSessionErrorThenFix breaks a news item's front matter, checks the
// session reports it at its line and keeps the last good site, then fixes
// it.
func TestSessionErrorThenFix(t *testing.T) {
	dir := copyDemo(t)
	opt := build.Options{Source: os.DirFS(dir), Theme: minhbach.Theme, Now: sitetest.DefaultNow}
	s := build.NewSession(opt)
	if res, err := s.Build(context.Background(), nil); err != nil || res.Diags.HasErrors() {
		t.Fatalf("first build: %v %s", err, res.Diags.Format(10))
	}
	good := s.Files()
	e := &editor{t: t, dir: dir}
	rel := "content/news/2025/2025-01-08-tong-ket-cong-tac-van-phong-nam-2024.md"
	orig := e.read(rel)
	e.write(rel, strings.Replace(orig, "date: ", "date: [", 1))
	res, err := s.Build(context.Background(), []string{rel})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Diags.HasErrors() || !strings.Contains(res.Diags.Format(10), rel+":") {
		t.Fatalf("broken front matter: got %q, want an error at a line of %s", res.Diags.Format(10), rel)
	}
	if fmt.Sprint(s.Files()) != fmt.Sprint(good) {
		t.Error("a failed build changed the files served")
	}
	e.write(rel, orig)
	if res, err := s.Build(context.Background(), []string{rel}); err != nil || res.Diags.HasErrors() {
		t.Fatalf("after the fix: %v %s", err, res.Diags.Format(10))
	}
	want, _ := fullBuild(t, opt)
	compareSites(t, "after the fix", want, s.Files())
}

// TestSessionDeferSearch checks that a deferred search index catches up.
func TestSessionDeferSearch(t *testing.T) {
	dir := copyDemo(t)
	opt := build.Options{Source: os.DirFS(dir), Theme: minhbach.Theme, Now: sitetest.DefaultNow}
	s := build.NewSession(opt)
	s.DeferSearch = true
	if _, err := s.Build(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	e := &editor{t: t, dir: dir}
	rel := "content/news/2025/2025-01-08-tong-ket-cong-tac-van-phong-nam-2024.md"
	e.setKey(rel, "title", "Tiêu đề mới để tìm kiếm")
	if _, err := s.Build(context.Background(), []string{rel}); err != nil {
		t.Fatal(err)
	}
	if !s.SearchPending() {
		t.Fatal("a new title did not leave the search index pending")
	}
	if _, err := s.IndexSearch(context.Background()); err != nil {
		t.Fatal(err)
	}
	if s.SearchPending() {
		t.Fatal("IndexSearch left the index pending")
	}
	want, _ := fullBuild(t, opt)
	compareSites(t, "after IndexSearch", want, s.Files())

	// A body edit patches the site and leaves the index pending too.
	e.write(rel, e.read(rel)+"\nMột câu mới về chuyển đổi số.\n")
	res, err := s.Build(context.Background(), []string{rel})
	if err != nil || !res.Patched {
		t.Fatalf("a body edit: %v, patched %v", err, res.Patched)
	}
	if !s.SearchPending() {
		t.Fatal("a new body did not leave the search index pending")
	}
	if _, err := s.IndexSearch(context.Background()); err != nil {
		t.Fatal(err)
	}
	want, _ = fullBuild(t, opt)
	compareSites(t, "after a body edit and IndexSearch", want, s.Files())
}

// BenchmarkSessionEdit times a session's rebuild after an edit of one
// news item, on a generated corpus on disk: a line added to its body
// (patched), the same with the patch shortcut off (built again, reusing
// what the session kept), and its title changed. -v logs the stages of
// the last rebuild.
func BenchmarkSessionEdit(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		for _, kind := range []string{"body", "body-nopatch", "title"} {
			b.Run(fmt.Sprintf("pages=%d/edit=%s", n, kind), func(b *testing.B) {
				if n > 1000 && testing.Short() {
					b.Skip("skipped in -short mode")
				}
				dir := b.TempDir()
				if err := sitetest.WriteCorpus(dir, n, 1); err != nil {
					b.Fatal(err)
				}
				opt := build.Options{Source: os.DirFS(dir), Theme: minhbach.Theme, Now: sitetest.DefaultNow}
				s := build.NewSession(opt)
				s.DeferSearch = true
				build.NoPatch(s, kind == "body-nopatch")
				if res, err := s.Build(context.Background(), nil); err != nil || res.Diags.HasErrors() {
					b.Fatalf("first build: %v %s", err, res.Diags.Format(10))
				}
				var news []string
				for p := range sitetest.Corpus(n, 1) {
					if strings.HasPrefix(p, "content/news/") {
						news = append(news, p)
					}
				}
				slices.Sort(news)
				rel := news[len(news)/2]
				orig, err := os.ReadFile(filepath.Join(dir, rel))
				if err != nil {
					b.Fatal(err)
				}
				rendered, i := 0, 0
				for b.Loop() {
					i++
					var edited []byte
					if kind == "title" {
						edited = regexp.MustCompile(`(?m)^title: .*$`).ReplaceAll(orig, fmt.Appendf(nil, "title: \"Tiêu đề sửa lần %d\"", i))
					} else {
						edited = append(bytes.Clone(orig), fmt.Sprintf("\nDòng sửa số %d.\n", i)...)
					}
					if err := os.WriteFile(filepath.Join(dir, rel), edited, 0o644); err != nil {
						b.Fatal(err)
					}
					res, err := s.Build(context.Background(), []string{rel})
					if err != nil || res.Diags.HasErrors() {
						b.Fatalf("rebuild: %v %s", err, res.Diags.Format(10))
					}
					if kind == "body" && !res.Patched || kind != "body" && res.Patched {
						b.Fatalf("%s edit: patched %v", kind, res.Patched)
					}
					rendered += res.Rendered
				}
				if testing.Verbose() {
					b.Logf("stages of the last rebuild: %v", s.Stages())
				}
				b.ReportMetric(float64(rendered)/float64(i), "rendered/op")
			})
		}
	}
}

func bool2int(b bool) int {
	if b {
		return 1
	}
	return 0
}
