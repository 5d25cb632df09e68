package serve

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"minhbach"
	"minhbach/internal/sitetest"
)

var now = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

// site writes a small generated site into a temporary folder and returns
// the folder and its news files (relative paths).
func site(t *testing.T, n int) (string, []string) {
	t.Helper()
	dir := t.TempDir()
	if err := sitetest.WriteCorpus(dir, n, 3); err != nil {
		t.Fatal(err)
	}
	var news []string
	for p := range sitetest.Corpus(n, 3) {
		if strings.HasPrefix(p, "content/news/") {
			news = append(news, p)
		}
	}
	slices.Sort(news)
	return dir, news
}

// start runs a preview of dir on a free port until the test ends.
func start(t *testing.T, dir string) (string, *Server) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	type up struct {
		url string
		s   *Server
	}
	ready := make(chan up, 1)
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, Options{Dir: dir, Theme: minhbach.Theme, Port: -1, Now: now}, func(url string, s *Server) { ready <- up{url, s} })
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	select {
	case u := <-ready:
		return strings.TrimSuffix(u.url, "/"), u.s
	case err := <-done:
		t.Fatalf("Run: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("the preview did not start")
	}
	return "", nil
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

// waitFor polls url until the page's status and body satisfy ok, or fails
// after a deadline.
func waitFor(t *testing.T, url, what string, ok func(status int, body string) bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		status, body := get(t, url)
		if ok(status, body) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: still %d after 20 s:\n%.400s", what, status, body)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func has(s string) func(int, string) bool {
	return func(status int, body string) bool { return status == 200 && strings.Contains(body, s) }
}

func write(t *testing.T, dir, rel, s string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, dir, rel string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

var titleLine = regexp.MustCompile(`(?m)^title: .*$`)

func setTitle(s, title string) string { return titleLine.ReplaceAllString(s, "title: "+title) }

var dateLine = regexp.MustCompile(`(?m)^date: .*$`)

// setDate sets the date of a news item, which makes the year and month
// of its URL.
func setDate(s, date string) string {
	return dateLine.ReplaceAllString(s, "date: "+date+"T08:00:00+07:00")
}

// newsURL is the URL of a corpus news item: /tin-tuc/YYYY/MM/<slug>/.
func newsURL(rel string) string {
	base := filepath.Base(rel)
	return fmt.Sprintf("/tin-tuc/%s/%s/%s/", base[:4], base[5:7], strings.TrimSuffix(base[11:], ".md"))
}

// TestWatch edits, saves over, creates and removes files and folders on
// disk and checks that the served site follows.
func TestWatch(t *testing.T) {
	dir, news := site(t, 6)
	base, _ := start(t, dir)
	rel := news[2]
	page := base + newsURL(rel)
	waitFor(t, page, "first build", func(s int, _ string) bool { return s == 200 })
	orig := read(t, dir, rel)

	// Edit in place.
	write(t, dir, rel, setTitle(orig, "Tiêu đề sửa tại chỗ"))
	waitFor(t, page, "edit in place", has("Tiêu đề sửa tại chỗ"))

	// Save as editors do: a temporary file renamed over the original,
	// with vim's by-products around it.
	write(t, dir, filepath.Dir(rel)+"/4913", "")
	write(t, dir, rel+".swp", "rác")
	write(t, dir, filepath.Dir(rel)+"/.tam.md", setTitle(orig, "Tiêu đề lưu kiểu đổi tên"))
	if err := os.Rename(filepath.Join(dir, filepath.Dir(rel), ".tam.md"), filepath.Join(dir, rel)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, page, "rename over", has("Tiêu đề lưu kiểu đổi tên"))

	// A news item in new nested folders.
	nested := "content/news/moi/a/b/2026-03-04-tin-trong-thu-muc-moi.md"
	write(t, dir, nested, setDate(setTitle(orig, "Tin trong thư mục mới"), "2026-03-04"))
	waitFor(t, base+"/tin-tuc/2026/03/tin-trong-thu-muc-moi/", "new nested folder", has("Tin trong thư mục mới"))
	// And another in a folder made after it: the watch must cover it.
	nested2 := "content/news/moi/a/b/c/2026-03-05-tin-sau.md"
	write(t, dir, nested2, setDate(setTitle(orig, "Tin trong thư mục con"), "2026-03-05"))
	waitFor(t, base+"/tin-tuc/2026/03/tin-sau/", "folder inside the new folder", has("Tin trong thư mục con"))

	// Remove a file, then a whole folder.
	if err := os.Remove(filepath.Join(dir, nested2)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, base+"/tin-tuc/2026/03/tin-sau/", "removed file", func(s int, _ string) bool { return s == 404 })
	if err := os.RemoveAll(filepath.Join(dir, "content/news/moi")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, base+"/tin-tuc/2026/03/tin-trong-thu-muc-moi/", "removed folder", func(s int, _ string) bool { return s == 404 })
	// A folder made again where one was removed is watched again.
	write(t, dir, "content/news/moi/2026-03-06-tin-lai.md", setDate(setTitle(orig, "Tin trong thư mục làm lại"), "2026-03-06"))
	waitFor(t, base+"/tin-tuc/2026/03/tin-lai/", "folder made again", has("Tin trong thư mục làm lại"))

	// A layout the site did not have overrides the theme's.
	footer, err := minhbach.Theme.Open("layouts/partials/footer.html")
	if err != nil {
		t.Fatal(err)
	}
	data, _ := io.ReadAll(footer)
	footer.Close()
	write(t, dir, "layouts/partials/footer.html", strings.Replace(string(data), "</footer>", `<p class="dau-hieu">Chân trang riêng</p></footer>`, 1))
	waitFor(t, page, "new layout", has("Chân trang riêng"))
	// site.yaml rebuilds everything.
	write(t, dir, "site.yaml", setTitle(read(t, dir, "site.yaml"), "Cổng thử nghiệm xem trước"))
	waitFor(t, base+"/", "site.yaml", has("Cổng thử nghiệm xem trước"))
}

// TestOverlay breaks a news item's front matter and checks that pages show
// every error with its file and line, that other files keep being served,
// and that fixing the file brings the site back.
func TestOverlay(t *testing.T) {
	dir, news := site(t, 3)
	base, _ := start(t, dir)
	rel := news[0]
	page := base + newsURL(rel)
	waitFor(t, page, "first build", func(s int, _ string) bool { return s == 200 })
	orig := read(t, dir, rel)
	write(t, dir, rel, strings.Replace(orig, "date: ", "date: [", 1))
	waitFor(t, page, "broken front matter", func(s int, body string) bool {
		return s == 500 && strings.Contains(body, "Không dựng được trang") && regexp.MustCompile(regexp.QuoteMeta(rel)+`:\d+`).MatchString(body)
	})
	if status, body := get(t, base+"/"); status != 500 || !strings.Contains(body, EventsPath) {
		t.Errorf("home page during the error: %d, want the overlay with the reload script", status)
	}
	if status, _ := get(t, base+"/robots.txt"); status != 200 {
		t.Errorf("robots.txt during the error: %d, want the last good file", status)
	}
	write(t, dir, rel, orig)
	waitFor(t, page, "fixed", func(s int, body string) bool {
		return s == 200 && !strings.Contains(body, "Không dựng được trang")
	})
}

// TestOverlayEscapes checks the overlay escapes messages.
func TestOverlayEscapes(t *testing.T) {
	dir, news := site(t, 2)
	base, s := start(t, dir)
	write(t, dir, news[0], "---\ntitle: <script>alert(1)</script>\ncategory: [\n---\n")
	if _, err := s.Rebuild(context.Background(), []string{news[0]}); err != nil {
		t.Fatal(err)
	}
	_, body := get(t, base+"/")
	if strings.Contains(body, "<script>alert(1)") {
		t.Error("the overlay shows content unescaped")
	}
}

// TestNoEscape asks for paths outside the site.
func TestNoEscape(t *testing.T) {
	dir, _ := site(t, 2)
	base, _ := start(t, dir)
	write(t, dir, "bi-mat.txt", "bí mật")
	for _, p := range []string{"/../bi-mat.txt", "/..%2fbi-mat.txt", "/%2e%2e/bi-mat.txt", "/content/../../bi-mat.txt", "/site.yaml"} {
		req, err := http.NewRequest("GET", base+"/", nil)
		if err != nil {
			t.Fatal(err)
		}
		req.URL.Opaque = p // sent as written, without cleaning
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if strings.Contains(string(body), "bí mật") || strings.Contains(string(body), "base_url") {
			t.Errorf("GET %s served a file outside the site", p)
		}
	}
}

// TestEvents checks that a rebuild sends "reload", and a stylesheet-only
// change sends "css" with the old and new URLs.
func TestEvents(t *testing.T) {
	dir, news := site(t, 2)
	base, s := start(t, dir)
	resp, err := http.Get(base + EventsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	events := make(chan string, 100)
	go func() {
		defer close(events)
		lines := bufio.NewReader(resp.Body)
		for {
			line, err := lines.ReadString('\n')
			if err != nil {
				return
			}
			if strings.HasPrefix(line, "event: ") {
				data, _ := lines.ReadString('\n')
				events <- strings.TrimSpace(line[7:]) + " " + strings.TrimSpace(strings.TrimPrefix(data, "data: "))
			}
		}
	}()
	// next returns the next event, or "" when none comes within wait.
	next := func(wait time.Duration) string {
		select {
		case e := <-events:
			return e
		case <-time.After(wait):
			return ""
		}
	}
	for s.hub.listeners() == 0 {
		time.Sleep(5 * time.Millisecond)
	}
	write(t, dir, news[0], setTitle(read(t, dir, news[0]), "Tin mới"))
	if _, err := s.Rebuild(context.Background(), []string{news[0]}); err != nil {
		t.Fatal(err)
	}
	if got := next(10 * time.Second); !strings.HasPrefix(got, "reload ") {
		t.Errorf("after an edit: event %q, want reload", got)
	}
	// The watcher sees the write too and rebuilds after its debounce:
	// let it, so that its rebuild does not take the stylesheet's change
	// along with the news item's.
	for next(500*time.Millisecond) != "" {
	}
	css, err := minhbach.Theme.Open("assets/css/app.css")
	if err != nil {
		t.Fatal(err)
	}
	data, _ := io.ReadAll(css)
	css.Close()
	write(t, dir, "assets/css/app.css", string(data)+"\n.moi{color:#123456}\n")
	if _, err := s.Rebuild(context.Background(), []string{"assets/css/app.css"}); err != nil {
		t.Fatal(err)
	}
	// The watcher sees the writes too: skip the reloads it causes.
	got := next(10 * time.Second)
	for strings.HasPrefix(got, "reload ") {
		got = next(10 * time.Second)
	}
	if !regexp.MustCompile(`^css \{"/assets/css/app\.[0-9a-f]{8}\.css":"/assets/css/app\.[0-9a-f]{8}\.css"\}$`).MatchString(got) {
		t.Fatalf("after a stylesheet edit: event %q, want css with old and new URLs", got)
	}
	newURL := regexp.MustCompile(`:"([^"]+)"`).FindStringSubmatch(got)[1]
	if status, body := get(t, base+newURL); status != 200 || !strings.Contains(body, "#123456") {
		t.Errorf("GET %s: %d, want the new stylesheet", newURL, status)
	}
}

// TestIgnored lists the names the watcher leaves alone.
func TestIgnored(t *testing.T) {
	for name, want := range map[string]bool{"4913": true, "a.md.swp": true, ".a.md.swx": true, "a.md~": true, ".DS_Store": true,
		".#a.md": true, "#a.md#": true, "a.md": false, "app.css": false, "2026-01-01-tin.md": false} {
		if got := Ignored(name); got != want {
			t.Errorf("Ignored(%q) = %v, want %v", name, got, want)
		}
	}
}

func openFDs(t *testing.T) int {
	es, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skip("no /proc/self/fd")
	}
	return len(es)
}

// TestNoLeak rebuilds 1 000 times with a page listening, then stops the
// preview, and checks that no goroutine or file descriptor is left.
func TestNoLeak(t *testing.T) {
	dir, news := site(t, 2)
	http.DefaultClient.CloseIdleConnections()
	g0, f0 := runtime.NumGoroutine(), openFDs(t)

	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan *Server, 1)
	var base string
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, Options{Dir: dir, Theme: minhbach.Theme, Port: -1, Now: now}, func(url string, s *Server) {
			base = url
			ready <- s
		})
	}()
	s := <-ready
	resp, err := http.Get(base + strings.TrimPrefix(EventsPath, "/"))
	if err != nil {
		t.Fatal(err)
	}
	orig := read(t, dir, news[0])
	for i := range 1000 {
		// Every 50th rebuild follows an edit; the others find nothing
		// changed, which keeps the test fast.
		changed := []string{}
		if i%50 == 0 {
			write(t, dir, news[0], setTitle(orig, fmt.Sprintf("Lần %d", i)))
			changed = []string{news[0]}
		}
		if _, err := s.Rebuild(ctx, changed); err != nil {
			t.Fatal(err)
		}
		if i%100 == 0 {
			get(t, base)
		}
	}
	// A few through the watcher too.
	write(t, dir, "content/news/moi/2026-01-02-tin-moi.md", setDate(orig, "2026-01-02"))
	waitFor(t, base+"tin-tuc/2026/01/tin-moi/", "watched file", func(s int, _ string) bool { return s == 200 })
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	http.DefaultClient.CloseIdleConnections()

	deadline := time.Now().Add(5 * time.Second)
	for {
		g, f := runtime.NumGoroutine(), openFDs(t)
		if g <= g0 && f <= f0 {
			return
		}
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			n := runtime.Stack(buf, true)
			t.Fatalf("after 1000 rebuilds and shutdown: %d goroutines (before %d), %d open files (before %d)\n%s", g, g0, f, f0, buf[:n])
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestLanguage404 checks that a missing path under a language's folder
// gets that language's 404 page, and any other the site's.
func TestLanguage404(t *testing.T) {
	dir, _ := site(t, 2)
	data, err := os.ReadFile(filepath.Join(dir, "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, dir, "site.yaml", string(data)+"\nlanguages: [vi, en]\n")
	base, _ := start(t, dir)
	for p, want := range map[string]string{"/en/khong-co/": `<html lang="en">`, "/khong-co/": `<html lang="vi">`, "/tin-tuc/khong-co/": `<html lang="vi">`} {
		resp, err := http.Get(base + p)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotFound || !strings.Contains(string(body), want) {
			t.Errorf("GET %s: %d, want 404 with %s", p, resp.StatusCode, want)
		}
	}
}
