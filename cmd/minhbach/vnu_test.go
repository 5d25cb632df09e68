package main

// HTML validity: the Nu Html Checker (vnu, the W3C validator's engine)
// run over pages of every kind of the demo site and over every page of
// the site of hard cases in testdata/reflow, as built (minified), with
// the style sheets and SVG pictures. Any error fails the test, reported
// as page:line: message.
//
// Run it with: go test ./cmd/minhbach/ -run TestHTMLValid -v
// It needs Java (Debian default-jre-headless) and the npm package vnu-jar:
// .ci/run installs it with npm into /usr/local/lib/minhbach-test;
// MINHBACH_VNU may name another vnu.jar. Without them the test skips,
// except under CI=true, where it fails.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"minhbach"
	"minhbach/internal/build"
	"minhbach/internal/output"
)

// vnuDefault is where .ci/run installs vnu-jar.
const vnuDefault = "/usr/local/lib/minhbach-test/node_modules/vnu-jar/build/dist/vnu.jar"

// needVNU returns the path of java and of vnu.jar, or skips the test
// (fails it under CI=true) when either is missing.
func needVNU(t *testing.T) (java, jar string) {
	t.Helper()
	missing := func(msg string) {
		t.Helper()
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true: the HTML check cannot run: %s", msg)
		}
		t.Skip(msg)
	}
	java, err := exec.LookPath("java")
	if err != nil {
		missing("java not found: install Debian package default-jre-headless to check the HTML with vnu")
	}
	jar = vnuDefault
	if f := os.Getenv("MINHBACH_VNU"); f != "" {
		jar = f
	}
	if _, err := os.Stat(jar); err != nil {
		missing(fmt.Sprintf("vnu.jar not found (%v): run npm install --prefix /usr/local/lib/minhbach-test vnu-jar, or set MINHBACH_VNU to a vnu.jar", err))
	}
	return java, jar
}

// pageKinds names, for each kind of page, output paths of that kind; the
// test checks the first path (in sorted order) matching each pattern.
var pageKinds = []struct{ kind, pattern string }{
	{"home", `^index\.html$`},
	{"404", `^404\.html$`},
	{"news", `^tin-tuc/\d{4}/\d{2}/[^/]+/index\.html$`},
	{"news list", `^tin-tuc/index\.html$`},
	{"news list, page 2", `^tin-tuc/(\d{4}/)?trang/2/index\.html$`},
	{"news list by year", `^tin-tuc/\d{4}/index\.html$`},
	{"news category", `^tin-tuc/chuyen-muc/[^/]+/index\.html$`},
	{"news tags", `^tin-tuc/the/index\.html$`},
	{"plain page", `^(gioi-thieu|lien-he|bang-rong)/index\.html$`},
	{"gazette", `^cong-bao/index\.html$`},
	{"gazette issue", `^cong-bao/\d{4}/so-[^/]+/index\.html$`},
	{"document", `^van-ban/[^/]*\d[^/]*/index\.html$`},
	{"document list", `^van-ban/index\.html$`},
	{"document list by type", `^van-ban/loai/[^/]+/index\.html$`},
	{"procedure", `^thu-tuc/\d[\d.]*/index\.html$`},
	{"procedure catalogue", `^thu-tuc/index\.html$`},
	{"procedures by field", `^thu-tuc/linh-vuc/[^/]+/index\.html$`},
	{"search", `^tim-kiem/index\.html$`},
	{"proof", `^xac-thuc/index\.html$`},
	{"draft for comment", `^du-thao/[a-z0-9-]+/index\.html$`},
	{"drafts for comment", `^du-thao/index\.html$`},
	{"budget disclosure", `^ngan-sach/[a-z0-9-]+/index\.html$`},
	{"budget disclosures by year", `^ngan-sach/nam/\d{4}/index\.html$`},
	{"public investment project", `^du-an/[a-z0-9-]+/index\.html$`},
	{"public investment projects", `^du-an/index\.html$`},
	{"publication log", `^nhat-ky-cap-nhat/index\.html$`},
	{"statistics", `^thong-ke/index\.html$`},
	{"statistics of a period", `^thong-ke/\d{4}-quy-\d/index\.html$`},
	{"statistics of an agency", `^thong-ke/co-quan/[^/]+/index\.html$`},
	{"disclosure catalogue", `^danh-muc-cong-khai/index\.html$`},
	// The English edition (issue 21).
	{"English home", `^en/index\.html$`},
	{"English 404", `^en/404\.html$`},
	{"English news", `^en/news/\d{4}/\d{2}/[^/]+/index\.html$`},
	{"English news list", `^en/news/index\.html$`},
	{"English page", `^en/(about|contact|organisational-structure)/index\.html$`},
	{"English search", `^en/search/index\.html$`},
}

// buildSite builds the site in the folder source in memory, minified, as
// of 2026-11-23.
func buildSite(t *testing.T, source string) map[string][]byte {
	t.Helper()
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	mem := output.NewMemory()
	res, err := build.Build(context.Background(), build.Options{Source: os.DirFS(source), Theme: minhbach.Theme, Now: now}, mem)
	if err != nil {
		t.Fatal(err)
	}
	if res.Diags.HasErrors() {
		t.Fatalf("build %s: errors:\n%s", source, res.Diags.Format(20))
	}
	return mem.Files
}

// vnuMessage is one message of vnu's JSON output.
type vnuMessage struct {
	Type    string `json:"type"`
	SubType string `json:"subType"`
	URL     string `json:"url"`
	Line    int    `json:"lastLine"`
	Message string `json:"message"`
	Extract string `json:"extract"`
}

func TestHTMLValid(t *testing.T) {
	java, jar := needVNU(t)
	dir := t.TempDir()
	var files []string
	write := func(site, p string, data []byte) {
		t.Helper()
		f := filepath.Join(dir, site, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, data, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	// The demo site: pages of every kind, the style sheets and the SVG.
	demo := buildSite(t, "../..")
	paths := make([]string, 0, len(demo))
	for p := range demo {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, k := range pageKinds {
		re := regexp.MustCompile(k.pattern)
		i := slices.IndexFunc(paths, re.MatchString)
		if i < 0 {
			t.Errorf("demo site: no page of kind %q (%s)", k.kind, k.pattern)
			continue
		}
		write("demo", paths[i], demo[paths[i]])
		t.Logf("demo %s: %s", k.kind, paths[i])
	}
	for _, p := range paths {
		if ext := path.Ext(p); ext == ".css" || ext == ".svg" && strings.HasPrefix(p, "assets/") {
			write("demo", p, demo[p])
		}
	}
	// The site of hard cases: every page.
	n := 0
	for p, data := range buildSite(t, "testdata/reflow") {
		if path.Ext(p) == ".html" {
			write("reflow", p, data)
			n++
		}
	}
	t.Logf("checking %d files (%d pages of testdata/reflow) with %s", len(files), n, jar)

	slices.Sort(files)
	args := append([]string{"-jar", jar, "--errors-only", "--format", "json", "--stdout", "--also-check-css", "--also-check-svg"}, files...)
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(java, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run() // exit status 1 when it found errors
	var out struct {
		Messages []vnuMessage `json:"messages"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatalf("vnu did not report (%v, %v): %s %s", runErr, err, stdout.String(), stderr.String())
	}
	for _, m := range out.Messages {
		name := m.URL
		if u, err := url.Parse(m.URL); err == nil && u.Path != "" {
			if rel, err := filepath.Rel(dir, u.Path); err == nil {
				name = filepath.ToSlash(rel)
			}
		}
		t.Errorf("%s:%d: vnu %s: %s (in %q)", name, m.Line, m.Type, m.Message, strings.TrimSpace(m.Extract))
	}
	if runErr != nil && len(out.Messages) == 0 {
		t.Errorf("vnu failed without a message: %v: %s", runErr, stderr.String())
	}
}
