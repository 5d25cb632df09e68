package main

import (
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"minhbach/internal/deploy"
	"minhbach/internal/publog"
	"minhbach/internal/s3fake"
)

// deploySite builds a small site with two news items into dir/public and
// returns dir.
func deploySite(t *testing.T, extraYAML string) string {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "site.yaml"), siteYAML+extraYAML)
	writeFile(t, filepath.Join(dir, "content/news/2026/hoi-nghi.md"), goodNews)
	writeFile(t, filepath.Join(dir, "content/news/2026/tiep-dan.md"), "---\ntitle: Tiếp công dân định kỳ\ndate: 2026-11-10\ncategory: Tin hoạt động\n---\nLịch tiếp công dân.\n")
	writeFile(t, filepath.Join(dir, "content/pages/gioi-thieu.md"), "---\ntitle: Giới thiệu\n---\nVăn phòng.\n")
	rebuild(t, dir)
	return dir
}

func rebuild(t *testing.T, dir string, extra ...string) {
	t.Helper()
	if code, _, errs := runCLI(t, append([]string{"build", "--source", dir, "--build-date", "2026-11-23"}, extra...)...); code != 0 {
		t.Fatalf("build exit %d: %s", code, errs)
	}
}

// deploySummary matches the last line of a deploy and returns its counts:
// uploaded, bytes, deleted, unchanged.
var deploySummary = regexp.MustCompile(`minhbach deploy: (\d+) files uploaded \((\d+) bytes\), (\d+) deleted, (\d+) unchanged in \d+\.\d\d s → `)

func deployCounts(t *testing.T, out string) [4]int {
	t.Helper()
	m := deploySummary.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no deploy summary in %q", out)
	}
	var c [4]int
	for i := range c {
		c[i], _ = strconv.Atoi(m[i+1])
	}
	return c
}

func TestDeployToFolder(t *testing.T) {
	dir := deploySite(t, "")
	www := filepath.Join(t.TempDir(), "www")
	target := "file://" + www

	code, out, errs := runCLI(t, "deploy", "--source", dir, "--target", target, "--dry-run")
	if code != 0 || !strings.Contains(out, "minhbach deploy (dry run): would upload ") || !strings.Contains(out, "\n+ index.html (") {
		t.Fatalf("dry run exit %d: %s%s", code, out, errs)
	}
	if _, err := os.Stat(www); err == nil {
		if entries, _ := os.ReadDir(www); len(entries) > 0 {
			t.Errorf("a dry run wrote %d entries", len(entries))
		}
	}

	code, out, errs = runCLI(t, "deploy", "--source", dir, "--target", target)
	if code != 0 {
		t.Fatalf("deploy exit %d: %s", code, errs)
	}
	first := deployCounts(t, out)
	// The deploy appended the build to the publication log; the dry run did not.
	if log, err := os.ReadFile(filepath.Join(dir, publog.File)); err != nil || strings.Count(string(log), "\n") != 1 {
		t.Errorf("publication log after the first deploy: %q, %v", log, err)
	}
	public := tree(t, filepath.Join(dir, "public"))
	if first[0] != len(public) || first[2] != 0 {
		t.Errorf("first deploy %v, public/ has %d files", first, len(public))
	}
	got := tree(t, www)
	for p, sum := range public {
		if got[p] != sum {
			t.Errorf("%s differs on the target", p)
		}
	}

	// One edited news item: its page, the lists and feeds that show its
	// title, and the search-index files it changed (new names) are sent;
	// nothing else.
	writeFile(t, filepath.Join(dir, "content/news/2026/tiep-dan.md"), "---\ntitle: Tiếp công dân định kỳ tháng 11\ndate: 2026-11-10\ncategory: Tin hoạt động\n---\nLịch tiếp công dân.\n")
	rebuild(t, dir)
	changed := 0
	for p, sum := range tree(t, filepath.Join(dir, "public")) {
		if public[p] != sum {
			changed++
		}
	}
	code, out, errs = runCLI(t, "deploy", "--source", dir, "--target", target)
	if code != 0 {
		t.Fatalf("deploy exit %d: %s", code, errs)
	}
	if c := deployCounts(t, out); c[0] != changed || c[0] == 0 || c[0] >= first[0] {
		t.Errorf("one edit uploaded %d files; %d files of public/ changed (of %d)", c[0], changed, first[0])
	}

	// A removed page is deleted; a dry run lists it first.
	os.Remove(filepath.Join(dir, "content/pages/gioi-thieu.md"))
	rebuild(t, dir)
	_, out, _ = runCLI(t, "deploy", "--source", dir, "--target", target, "--dry-run")
	if !strings.Contains(out, "\n- gioi-thieu/index.html\n") {
		t.Errorf("the dry run does not list the delete:\n%s", out)
	}
	code, _, errs = runCLI(t, "deploy", "--source", dir, "--target", target, "--max-deletes", "0")
	if code != 1 || !strings.Contains(errs, "more than --max-deletes 0: nothing was changed") {
		t.Errorf("--max-deletes 0: exit %d, %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(www, "gioi-thieu/index.html")); err != nil {
		t.Errorf("a refused deploy deleted the page: %v", err)
	}
	code, out, _ = runCLI(t, "deploy", "--source", dir, "--target", target)
	if c := deployCounts(t, out); code != 0 || c[2] < 1 {
		t.Errorf("deploy after removing a page: exit %d, %v", code, c)
	}
	if _, err := os.Stat(filepath.Join(www, "gioi-thieu")); !os.IsNotExist(err) {
		t.Errorf("the removed page's folder is still on the target: %v", err)
	}
}

func TestDeployTargetFromSiteYAMLAndErrors(t *testing.T) {
	www := filepath.Join(t.TempDir(), "www")
	dir := deploySite(t, "deploy:\n  target: file://"+www+"\n")
	if code, out, errs := runCLI(t, "deploy", "--source", dir); code != 0 || deployCounts(t, out)[0] == 0 {
		t.Fatalf("deploy to site.yaml's target: exit %d: %s", code, errs)
	}

	bare := t.TempDir()
	writeFile(t, filepath.Join(bare, "site.yaml"), siteYAML)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"deploy", "--source", bare}, 2, "no target: give --target URL, or write deploy.target in site.yaml"},
		{[]string{"deploy", "--source", bare, "--target", "ftp://x/"}, 2, `want a target like "s3://`},
		{[]string{"deploy", "--source", bare, "--target", "file://relative/path"}, 2, "is not a folder: write file:///full/path"},
		{[]string{"deploy", "--source", bare, "--target", "file://" + www}, 1, "holds no built site (no index.html): run minhbach build first"},
		{[]string{"deploy", "--source", dir, "--target", "file:///nonexistent-parent/www"}, 1, "check the path of the target, and that its parent folder exists"},
	} {
		code, _, errs := runCLI(t, c.args...)
		if code != c.code || !strings.Contains(errs, c.want) || strings.Count(strings.TrimSpace(errs), "\n") > 0 {
			t.Errorf("%v: exit %d, %q; want exit %d and one line with %q", c.args[2:], code, errs, c.code, c.want)
		}
	}
	writeFile(t, filepath.Join(bare, "site.yaml"), siteYAML+"deploy:\n  target: s3://\n  headers:\n    - match: \"*.pdf\"\n")
	code, _, errs := runCLI(t, "deploy", "--source", bare)
	if code != 1 || !strings.Contains(errs, "site.yaml:4:") || !strings.Contains(errs, "site.yaml:6:") {
		t.Errorf("bad deploy section: exit %d, %s", code, errs)
	}
}

func TestDeployToS3(t *testing.T) {
	srv := s3fake.Start(t, "portal")
	dir := deploySite(t, "deploy:\n  target: s3://portal/site?endpoint="+srv.URL+"\n  headers:\n    - match: \"**/*.xml\"\n      cache_control: \"public, max-age=60\"\n")
	awsEnv(t, s3fake.AccessKey, s3fake.SecretKey)
	code, out, errs := runCLI(t, "deploy", "--source", dir)
	if code != 0 {
		t.Fatalf("deploy exit %d: %s", code, errs)
	}
	if c := deployCounts(t, out); c[0] != len(tree(t, filepath.Join(dir, "public"))) {
		t.Errorf("first deploy to S3: %v", c)
	}
	resp, err := http.Get(srv.URL + "/portal/site/tin-tuc/atom.xml")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if cc := resp.Header.Get("Cache-Control"); cc != "public, max-age=60" || resp.Header.Get("Content-Type") != "application/atom+xml; charset=utf-8" {
		t.Errorf("atom.xml served with Cache-Control %q, Content-Type %q", cc, resp.Header.Get("Content-Type"))
	}

	// Wrong credentials, then an unreachable endpoint: one line, exit 1, nothing changed.
	os.Remove(filepath.Join(dir, "content/pages/gioi-thieu.md"))
	rebuild(t, dir)
	srv.ResetOps()
	awsEnv(t, s3fake.AccessKey, "not-the-secret")
	code, _, errs = runCLI(t, "deploy", "--source", dir)
	if code != 1 || !strings.Contains(errs, "refused the secret key: check AWS_SECRET_ACCESS_KEY") || strings.Count(errs, "\n") != 1 {
		t.Errorf("wrong secret: exit %d, %q", code, errs)
	}
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	closed := ln.Addr().String()
	ln.Close()
	awsEnv(t, s3fake.AccessKey, s3fake.SecretKey)
	code, _, errs = runCLI(t, "deploy", "--source", dir, "--target", "s3://portal/site?endpoint=http://"+closed)
	if code != 1 || !strings.Contains(errs, "cannot reach s3://portal/site/") || !strings.Contains(errs, "check the endpoint address") || strings.Count(errs, "\n") != 1 {
		t.Errorf("unreachable endpoint: exit %d, %q", code, errs)
	}
	if ops := srv.Ops(); len(ops) != 0 {
		t.Errorf("failed deploys changed the bucket: %v", ops)
	}

	// The dry run lists the delete; the deploy does it last.
	_, out, _ = runCLI(t, "deploy", "--source", dir, "--dry-run")
	if !strings.Contains(out, "\n- gioi-thieu/index.html\n") {
		t.Errorf("dry run:\n%s", out)
	}
	if len(srv.Ops()) != 0 {
		t.Errorf("the dry run changed the bucket: %v", srv.Ops())
	}
	if code, _, errs = runCLI(t, "deploy", "--source", dir); code != 0 {
		t.Fatalf("deploy exit %d: %s", code, errs)
	}
	ops := srv.Ops()
	firstDelete := slices.IndexFunc(ops, func(op string) bool { return strings.HasPrefix(op, "DELETE") })
	lastPut := -1
	for i, op := range ops {
		if strings.HasPrefix(op, "PUT") && !strings.Contains(op, "/.minhbach/") {
			lastPut = i
		}
	}
	if firstDelete < 0 || firstDelete < lastPut || !slices.Contains(ops, "DELETE /portal/site/gioi-thieu/index.html") {
		t.Errorf("the removed page is not deleted after every upload: %v", ops)
	}
}

// awsEnv gives the deploy these credentials and nothing else of AWS.
func awsEnv(t *testing.T, key, secret string) {
	t.Setenv("AWS_ACCESS_KEY_ID", key)
	t.Setenv("AWS_SECRET_ACCESS_KEY", secret)
	t.Setenv("AWS_SESSION_TOKEN", "")
	t.Setenv("AWS_PROFILE", "")
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(t.TempDir(), "none"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(t.TempDir(), "none"))
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
}

func TestDeployProgressText(t *testing.T) {
	var pr deploy.Progress
	if got := deployProgressText(&pr, 3*time.Second); got != "minhbach deploy: comparing public/ with the target (3 s)" {
		t.Errorf("before Run: %q", got)
	}
	pr.Running.Store(true)
	pr.TotalFiles.Store(40)
	pr.Files.Store(12)
	pr.TotalBytes.Store(5 << 20)
	pr.Bytes.Store(2 << 20)
	if got := deployProgressText(&pr, 5*time.Second); got != "minhbach deploy: uploading 12/40 files, 2/5 MB (5 s)" {
		t.Errorf("uploading: %q", got)
	}
	pr.Files.Store(40)
	pr.TotalDeletes.Store(3)
	pr.Deleted.Store(1)
	if got := deployProgressText(&pr, 6*time.Second); got != "minhbach deploy: deleting 1/3 files (6 s)" {
		t.Errorf("deleting: %q", got)
	}
}
