package deploy

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"minhbach/internal/config"
	"minhbach/internal/s3fake"
)

// site writes a small built site into a new folder: one file of each
// upload group, and a .gz twin.
func site(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"index.html":                       "<!doctype html><title>Trang chủ</title>",
		"404.html":                         "<!doctype html><title>Không tìm thấy</title>",
		"tin-tuc/2026/01/mot/index.html":   "<!doctype html><title>Tin một</title>",
		"tin-tuc/2026/02/hai/index.html":   "<!doctype html><title>Tin hai</title>",
		"tin-tuc/atom.xml":                 "<feed/>",
		"sitemap.xml":                      "<urlset/>",
		"robots.txt":                       "User-agent: *",
		"assets/css/app.77c7caf3.css":      "body{}",
		"assets/anh/hop.8834b80c-320.jpg":  "JPEG",
		"tim-kiem/index/44136fa355b3.json": "{}",
		"tim-kiem/index/2cbf4484f78a.json": `{"n":1}`,
		"van-ban/1/tep/quyet-dinh.pdf":     "%PDF-1.7",
		"du-lieu/van-ban.csv":              "so,ngay",
		"index.html.gz":                    "GZ-of-index",
	}
	for p, s := range files {
		write(t, dir, p, s)
	}
	return dir
}

func write(t *testing.T, dir, p, s string) {
	t.Helper()
	f := filepath.Join(dir, filepath.FromSlash(p))
	if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(f, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// memTarget is a target in memory that keeps headers and records every
// operation in order; fail, when set, makes the put of a path fail.
type memTarget struct {
	mu      sync.Mutex
	objects map[string]memObject
	ops     []string
	fail    func(p string) error
	retired map[string]time.Time
}

type memObject struct {
	data    string
	headers Headers
	stamp   string
}

func newMem() *memTarget { return &memTarget{objects: map[string]memObject{}} }

func (m *memTarget) String() string     { return "mem://" }
func (m *memTarget) KeepsHeaders() bool { return true }
func (m *memTarget) List(context.Context) (map[string]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := map[string]string{}
	for k, o := range m.objects {
		out[k] = o.stamp
	}
	return out, nil
}
func (m *memTarget) Put(_ context.Context, f *File, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		if err := m.fail(f.Path); err != nil {
			return err
		}
	}
	m.objects[f.Path] = memObject{string(data), f.Headers, f.Stamp(true)}
	m.ops = append(m.ops, "put "+f.Path)
	return nil
}
func (m *memTarget) Delete(_ context.Context, p string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.objects, p)
	m.ops = append(m.ops, "delete "+p)
	return nil
}
func (m *memTarget) Save(context.Context) error        { return nil }
func (m *memTarget) Retired() map[string]time.Time     { return m.retired }
func (m *memTarget) SetRetired(r map[string]time.Time) { m.retired = r }

// deploy scans dir and deploys it to t as `minhbach deploy` does.
func deploy(t *testing.T, dir string, tg Target, scan ScanOptions, opt Options) (*Plan, Summary, error) {
	t.Helper()
	files, err := Scan(dir, scan)
	if err != nil {
		t.Fatal(err)
	}
	remote, err := tg.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	plan := NewPlan(files, remote, tg.KeepsHeaders())
	if opt.MaxDeletes == 0 {
		opt.MaxDeletes = 256
	}
	sum, err := Run(context.Background(), tg, plan, opt)
	return plan, sum, err
}

func TestOrderAndOnlyChanges(t *testing.T) {
	dir := site(t)
	m := newMem()
	plan, sum, err := deploy(t, dir, m, ScanOptions{}, Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Uploaded != 13 || len(plan.Upload) != 13 {
		t.Fatalf("first deploy uploaded %d files, want 13 (the .gz twin left out): %v", sum.Uploaded, m.ops)
	}
	if _, ok := m.objects["index.html.gz"]; ok {
		t.Error("the .gz twin was uploaded to a target that cannot serve it")
	}
	// The groups come in order: immutable, files, pages, feeds, last.
	var groupsSeen []int
	for _, op := range m.ops {
		groupsSeen = append(groupsSeen, groupOf(strings.TrimPrefix(op, "put ")))
	}
	if !slices.IsSorted(groupsSeen) {
		t.Errorf("uploads out of order: %v", m.ops)
	}
	if m.ops[len(m.ops)-1] != "put sitemap.xml" && m.ops[len(m.ops)-1] != "put robots.txt" {
		t.Errorf("the last upload is %s, want the sitemap or robots.txt", m.ops[len(m.ops)-1])
	}

	// One edited news item, one removed, one added: two uploads, then one delete.
	write(t, dir, "tin-tuc/2026/01/mot/index.html", "<!doctype html><title>Tin một (sửa)</title>")
	write(t, dir, "tin-tuc/2026/03/ba/index.html", "<!doctype html><title>Tin ba</title>")
	os.Remove(filepath.Join(dir, "tin-tuc/2026/02/hai/index.html"))
	m.ops = nil
	plan, sum, err = deploy(t, dir, m, ScanOptions{}, Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"put tin-tuc/2026/01/mot/index.html", "put tin-tuc/2026/03/ba/index.html", "delete tin-tuc/2026/02/hai/index.html"}
	if !slices.Equal(m.ops, want) || sum.Uploaded != 2 || sum.Deleted != 1 || plan.Unchanged != 11 {
		t.Errorf("second deploy did %v (%+v, %d unchanged), want %v", m.ops, sum, plan.Unchanged, want)
	}
	// Nothing changed: nothing to do.
	m.ops = nil
	if _, sum, _ = deploy(t, dir, m, ScanOptions{}, Options{}); sum.Uploaded != 0 || len(m.ops) != 0 {
		t.Errorf("a deploy with no change did %v", m.ops)
	}
}

func TestHeaderRuleChangeUploadsAgain(t *testing.T) {
	dir := site(t)
	m := newMem()
	if _, _, err := deploy(t, dir, m, ScanOptions{}, Options{}); err != nil {
		t.Fatal(err)
	}
	if got := m.objects["van-ban/1/tep/quyet-dinh.pdf"].headers.CacheControl; got != Medium {
		t.Errorf("PDF Cache-Control %q, want %q", got, Medium)
	}
	m.ops = nil
	rules := NewRules([]config.HeaderRule{{Match: "van-ban/**/*.pdf", CacheControl: "public, max-age=60"}})
	_, sum, err := deploy(t, dir, m, ScanOptions{Rules: rules}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Uploaded != 1 || m.objects["van-ban/1/tep/quyet-dinh.pdf"].headers.CacheControl != "public, max-age=60" {
		t.Errorf("after a header rule changed: %v, PDF headers %+v", m.ops, m.objects["van-ban/1/tep/quyet-dinh.pdf"].headers)
	}
}

func TestGzipTwinsInPlace(t *testing.T) {
	dir := site(t)
	m := newMem()
	if _, _, err := deploy(t, dir, m, ScanOptions{Gzip: true}, Options{}); err != nil {
		t.Fatal(err)
	}
	o := m.objects["index.html"]
	if o.data != "GZ-of-index" || o.headers.ContentEncoding != "gzip" || o.headers.ContentType != "text/html; charset=utf-8" {
		t.Errorf("index.html with deploy.gzip: %+v", o)
	}
	if o := m.objects["404.html"]; o.headers.ContentEncoding != "" {
		t.Errorf("404.html has no twin but Content-Encoding %q", o.headers.ContentEncoding)
	}
}

func TestMaxDeletesRefuses(t *testing.T) {
	for _, force := range []bool{false, true} {
		t.Run(fmt.Sprint("force=", force), func(t *testing.T) {
			dir := site(t)
			m := newMem()
			if _, _, err := deploy(t, dir, m, ScanOptions{}, Options{}); err != nil {
				t.Fatal(err)
			}
			os.RemoveAll(filepath.Join(dir, "tin-tuc"))
			write(t, dir, "gioi-thieu/index.html", "mới")
			m.ops = nil
			_, sum, err := deploy(t, dir, m, ScanOptions{}, Options{MaxDeletes: 2, Force: force})
			if !force {
				if !errors.Is(err, ErrTooManyDeletes) || len(m.ops) != 0 {
					t.Fatalf("3 deletes with MaxDeletes 2: err %v, did %v", err, m.ops)
				}
				if !strings.Contains(err.Error(), "would delete 3 files") {
					t.Errorf("message: %v", err)
				}
				return
			}
			if err != nil || sum.Deleted != 3 || len(m.ops) != 4 {
				t.Errorf("with Force: err %v, %+v, did %v", err, sum, m.ops)
			}
		})
	}
}

func TestInterruptedThenRerun(t *testing.T) {
	dir := site(t)
	m := newMem()
	if _, _, err := deploy(t, dir, m, ScanOptions{}, Options{}); err != nil {
		t.Fatal(err)
	}
	// A new build changes every page and removes one; the deploy fails at its 3rd upload.
	for _, p := range []string{"index.html", "404.html", "tin-tuc/2026/01/mot/index.html"} {
		write(t, dir, p, "<!doctype html><title>mới</title>")
	}
	os.Remove(filepath.Join(dir, "tin-tuc/2026/02/hai/index.html"))
	n := 0
	m.fail = func(string) error {
		if n++; n >= 3 {
			return errors.New("connection reset")
		}
		return nil
	}
	m.ops = nil
	_, sum, err := deploy(t, dir, m, ScanOptions{}, Options{Workers: 1})
	if err == nil || sum.Uploaded != 2 || sum.Deleted != 0 {
		t.Fatalf("interrupted deploy: err %v, %+v, did %v", err, sum, m.ops)
	}
	if _, ok := m.objects["tin-tuc/2026/02/hai/index.html"]; !ok {
		t.Error("an interrupted deploy deleted a file")
	}
	m.fail, m.ops = nil, nil
	_, sum, err = deploy(t, dir, m, ScanOptions{}, Options{})
	if err != nil || sum.Uploaded != 1 || sum.Deleted != 1 {
		t.Errorf("rerun: err %v, %+v, did %v; want the one upload left and the delete", err, sum, m.ops)
	}
}

func TestFolderTarget(t *testing.T) {
	dir := site(t)
	out := filepath.Join(t.TempDir(), "www")
	open := func() *Folder {
		f, err := OpenFolder(out)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		return f
	}
	_, sum, err := deploy(t, dir, open(), ScanOptions{Twins: true}, Options{})
	if err != nil || sum.Uploaded != 14 {
		t.Fatalf("first deploy to a folder: err %v, %+v (want 14 files with the .gz twin)", err, sum)
	}
	for _, p := range []string{"index.html", "index.html.gz", "tim-kiem/index/2cbf4484f78a.json", StateDir + "/deploy-state.json"} {
		if _, err := os.Stat(filepath.Join(out, p)); err != nil {
			t.Error(err)
		}
	}
	got, _ := os.ReadFile(filepath.Join(out, "tin-tuc/2026/01/mot/index.html"))
	if string(got) != "<!doctype html><title>Tin một</title>" {
		t.Errorf("copied page holds %q", got)
	}

	// One edit and one removed page; the removed page's empty folders go too.
	write(t, dir, "tin-tuc/2026/01/mot/index.html", "sửa")
	os.Remove(filepath.Join(dir, "tin-tuc/2026/02/hai/index.html"))
	_, sum, err = deploy(t, dir, open(), ScanOptions{Twins: true}, Options{})
	if err != nil || sum.Uploaded != 1 || sum.Deleted != 1 {
		t.Fatalf("second deploy: err %v, %+v", err, sum)
	}
	if _, err := os.Stat(filepath.Join(out, "tin-tuc/2026/02")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the removed page's folder is left: %v", err)
	}

	// A file changed on the server by hand is found and put back.
	write(t, out, "robots.txt", "User-agent: * (sửa tay)")
	_, sum, err = deploy(t, dir, open(), ScanOptions{Twins: true}, Options{})
	if err != nil || sum.Uploaded != 1 {
		t.Errorf("a file edited on the server: err %v, %+v, want it uploaded again", err, sum)
	}

	// --max-deletes refuses and leaves every file.
	os.RemoveAll(filepath.Join(dir, "tin-tuc"))
	if _, _, err := deploy(t, dir, open(), ScanOptions{Twins: true}, Options{MaxDeletes: 1}); !errors.Is(err, ErrTooManyDeletes) {
		t.Errorf("max-deletes: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "tin-tuc/atom.xml")); err != nil {
		t.Errorf("a refused deploy deleted: %v", err)
	}
}

func TestFolderInterrupted(t *testing.T) {
	dir := site(t)
	out := filepath.Join(t.TempDir(), "www")
	f, err := OpenFolder(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ft := &failing{Target: f, after: 5}
	_, sum, err := deploy(t, dir, ft, ScanOptions{}, Options{Workers: 1})
	if err == nil || sum.Uploaded != 5 {
		t.Fatalf("interrupted: err %v, %+v", err, sum)
	}
	f2, _ := OpenFolder(out)
	defer f2.Close()
	plan, sum, err := deploy(t, dir, f2, ScanOptions{}, Options{})
	if err != nil || sum.Uploaded != 8 || plan.Unchanged != 5 {
		t.Errorf("rerun: err %v, %+v, %d unchanged; want the 8 files left", err, sum, plan.Unchanged)
	}
}

// failing fails every put after the first `after`.
type failing struct {
	Target
	mu    sync.Mutex
	after int
}

func (f *failing) Put(ctx context.Context, file *File, data []byte) error {
	f.mu.Lock()
	f.after--
	n := f.after
	f.mu.Unlock()
	if n < 0 {
		return errors.New("disk full")
	}
	return f.Target.Put(ctx, file, data)
}

func TestDefaultHeaders(t *testing.T) {
	var r Rules
	for _, c := range []struct{ path, ctype, cache string }{
		{"index.html", "text/html; charset=utf-8", Short},
		{"assets/css/app.77c7caf3.css", "text/css; charset=utf-8", Immutable},
		{"assets/js/search.85f95c36.js", "text/javascript; charset=utf-8", Immutable},
		{"assets/anh/hop.8834b80c-320.jpg", "image/jpeg", Immutable},
		{"assets/img/logo.png", "image/png", Medium},
		{"tim-kiem/index/2cbf4484f78a.json", "application/json; charset=utf-8", Immutable},
		{"tin-tuc/atom.xml", "application/atom+xml; charset=utf-8", Short},
		{"sitemap.xml", "application/xml; charset=utf-8", Short},
		{"xac-thuc/manifest.json", "application/json; charset=utf-8", Short},
		{"van-ban/1/tep/a.pdf", "application/pdf", Medium},
		{"du-lieu/van-ban.csv", "text/csv; charset=utf-8", Medium},
		{"x/unknown.bin", "application/octet-stream", Medium},
	} {
		h := r.For(c.path)
		if h.ContentType != c.ctype || h.CacheControl != c.cache {
			t.Errorf("%s: %+v, want %q and %q", c.path, h, c.ctype, c.cache)
		}
	}
	if g := groupOf("xac-thuc/manifest.sig"); g != GroupLast {
		t.Errorf("manifest.sig in group %d", g)
	}
}

func TestGlob(t *testing.T) {
	for _, c := range []struct {
		glob, path string
		want       bool
	}{
		{"*.html", "index.html", true},
		{"*.html", "tin-tuc/index.html", false},
		{"**/*.html", "index.html", true},
		{"**/*.html", "tin-tuc/a/index.html", true},
		{"van-ban/**", "van-ban/1/tep/a.pdf", true},
		{"van-ban/*", "van-ban/1/tep/a.pdf", false},
		{"a?c.txt", "abc.txt", true},
		{"a.(b).txt", "a.(b).txt", true},
		{"a.txt", "aXtxt", false},
	} {
		if got := Glob(c.glob).MatchString(c.path); got != c.want {
			t.Errorf("Glob(%q) on %q = %v", c.glob, c.path, got)
		}
	}
}

// An edit gives new names to the search-index files it changes: the old
// ones are superseded, and do not count against MaxDeletes, while the
// files it did not change stay; a public/ without any search index is
// another matter. (Folders of the older format, named by one hash of the
// whole index, are superseded the same way.)
func TestSupersededIndexNotCounted(t *testing.T) {
	dir := site(t)
	for i := range 5 {
		write(t, dir, fmt.Sprintf("tim-kiem/index/0a1b2c3d4e5f/%d.json", i), "[]")
	}
	write(t, dir, "tim-kiem/index/2cbf4484f78b/manifest.json", `{"n":0}`)
	m := newMem()
	if _, _, err := deploy(t, dir, m, ScanOptions{}, Options{}); err != nil {
		t.Fatal(err)
	}
	// The edit changed the manifest and the row folder, not the shard.
	os.RemoveAll(filepath.Join(dir, "tim-kiem/index/0a1b2c3d4e5f"))
	os.RemoveAll(filepath.Join(dir, "tim-kiem/index/2cbf4484f78b"))
	os.Remove(filepath.Join(dir, "tim-kiem/index/2cbf4484f78a.json"))
	write(t, dir, "tim-kiem/index/99aa00bb11cc.json", `{"n":2}`)
	write(t, dir, "tim-kiem/index/5f4e3d2c1b0a/0.json", `[1]`)
	plan, sum, err := deploy(t, dir, m, ScanOptions{}, Options{MaxDeletes: 1})
	if err != nil || sum.Deleted != 7 || plan.Superseded != 7 || plan.Counted() != 0 || sum.Uploaded != 2 {
		t.Errorf("new index files: err %v, %+v, %d superseded; want 2 uploaded, 7 deleted", err, sum, plan.Superseded)
	}
	if _, ok := m.objects["tim-kiem/index/44136fa355b3.json"]; !ok {
		t.Error("the index file the edit did not change was deleted")
	}
	os.RemoveAll(filepath.Join(dir, "tim-kiem"))
	os.Remove(filepath.Join(dir, "404.html"))
	if _, _, err := deploy(t, dir, m, ScanOptions{}, Options{MaxDeletes: 1}); !errors.Is(err, ErrTooManyDeletes) {
		t.Errorf("public/ without a search index: err %v, want the deletes refused", err)
	}
}

// A superseded search index stays an hour after the deploy that replaced
// it, for pages cached before; the record of since when is kept by the
// target between deploys.
func TestHoldSupersededForAnHour(t *testing.T) {
	credentials(t, s3fake.AccessKey, s3fake.SecretKey)
	srv := s3fake.Start(t, "portal")
	out := filepath.Join(t.TempDir(), "www")
	targets := map[string]func() Target{
		"folder": func() Target {
			f, err := OpenFolder(out)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { f.Close() })
			return f
		},
		"bucket": func() Target { return openBucket(t, "s3://portal?endpoint="+srv.URL) },
	}
	for name, open := range targets {
		t.Run(name, func(t *testing.T) {
			dir := site(t)
			t0 := time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)
			at := func(now time.Time) (*Plan, Summary) {
				tg := open()
				files, err := Scan(dir, ScanOptions{})
				if err != nil {
					t.Fatal(err)
				}
				remote, err := tg.List(context.Background())
				if err != nil {
					t.Fatal(err)
				}
				plan := NewPlan(files, remote, tg.KeepsHeaders())
				tg.SetRetired(plan.Hold(tg.Retired(), now, KeepOld))
				sum, err := Run(context.Background(), tg, plan, Options{MaxDeletes: 256})
				if err != nil {
					t.Fatal(err)
				}
				return plan, sum
			}
			at(t0)
			os.Remove(filepath.Join(dir, "tim-kiem/index/2cbf4484f78a.json"))
			os.Remove(filepath.Join(dir, "tim-kiem/index/44136fa355b3.json"))
			write(t, dir, "tim-kiem/index/99aa00bb11cc.json", `{"n":2}`)
			os.Remove(filepath.Join(dir, "404.html"))
			plan, sum := at(t0.Add(time.Minute))
			if sum.Deleted != 1 || len(plan.Kept) != 2 {
				t.Errorf("deploy that replaced the index: deleted %d, kept %v; want the removed page deleted and the 2 old index files kept", sum.Deleted, plan.Kept)
			}
			plan, sum = at(t0.Add(30 * time.Minute))
			if sum.Deleted != 0 || len(plan.Kept) != 2 {
				t.Errorf("half an hour later: deleted %d, kept %v", sum.Deleted, plan.Kept)
			}
			plan, sum = at(t0.Add(time.Minute + KeepOld))
			if sum.Deleted != 2 || len(plan.Kept) != 0 {
				t.Errorf("an hour later: deleted %d, kept %v; want the old index deleted", sum.Deleted, plan.Kept)
			}
		})
	}
}
