// Package sitetest runs whole-site tests from txtar archives: each archive
// holds a site's input files and, under want/, what the build must produce.
// It is imported by tests only.
//
// Archive grammar:
//
//	comment lines "now: 2024-06-01" and "drafts: true" set build options;
//	-- want/errors --                  the exact diagnostics, one a line;
//	-- want/public/PATH --             the output file, compared exactly (unminified);
//	-- want/contains/public/PATH --    one substring a line; "!" negates, "#" comments;
//	-- want/absent --                  output paths that must not exist, one a line;
//	-- want/disclosure --              what the disclosure check finds (minhbach check
//	                                   --cong-khai), one a line; compared when present.
//
// Run with -update to rewrite want/errors and want/public/ from the output.
package sitetest

import (
	"bytes"
	"context"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/tools/txtar"

	"minhbach"
	"minhbach/internal/build"
	"minhbach/internal/meta"
	"minhbach/internal/output"
)

var update = flag.Bool("update", false, "rewrite want/ sections of txtar site tests from the output")

// DefaultNow is the build date of a test archive that sets none.
var DefaultNow = time.Date(2026, 11, 23, 12, 0, 0, 0, meta.Zone)

// Site is a built test site.
type Site struct {
	Files  map[string][]byte
	Errors string
	// Disclosure is what the disclosure check found, formatted.
	Disclosure string
	Result     *build.Result
}

// Build builds the input files of an archive in memory.
func Build(t testing.TB, a *txtar.Archive) *Site {
	t.Helper()
	opt := build.Options{Source: Input(a), Theme: minhbach.Theme, Now: DefaultNow, NoMinify: true}
	for _, line := range strings.Split(string(a.Comment), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		switch strings.TrimSpace(k) {
		case "now":
			now, err := meta.ParseDate(v)
			if err != nil {
				t.Fatalf("archive comment: %v", err)
			}
			opt.Now = now
		case "drafts":
			opt.Drafts = v == "true"
		case "minify":
			opt.NoMinify = v != "true"
		case "base_url":
			opt.BaseURL = v
		}
	}
	return buildWith(t, opt)
}

// Input returns the input files of an archive: all but want/.
func Input(a *txtar.Archive) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range a.Files {
		if !strings.HasPrefix(f.Name, "want/") {
			fsys[f.Name] = &fstest.MapFile{Data: f.Data}
		}
	}
	return fsys
}

// BuildFS builds a site's files in memory as Build builds an archive
// without options.
func BuildFS(t testing.TB, fsys fs.FS) *Site {
	t.Helper()
	return buildWith(t, build.Options{Source: fsys, Theme: minhbach.Theme, Now: DefaultNow, NoMinify: true})
}

func buildWith(t testing.TB, opt build.Options) *Site {
	t.Helper()
	mem := output.NewMemory()
	res, err := build.Build(context.Background(), opt, mem)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	site := &Site{Files: mem.Files, Errors: res.Diags.Format(0), Result: res}
	if res.Disclosure != nil {
		site.Disclosure = res.Disclosure.Diags.Format(0)
	}
	return site
}

// Run runs every archive matching pattern as a subtest.
func Run(t *testing.T, pattern string) {
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) == 0 {
		t.Fatalf("no archives match %s", pattern)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			a, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			s := Build(t, a)
			if *update {
				rewrite(t, file, a, s)
				return
			}
			Check(t, a, s)
		})
	}
}

// Check compares a built site with the archive's want/ sections.
func Check(t *testing.T, a *txtar.Archive, s *Site) {
	t.Helper()
	wantErrors := ""
	for _, f := range a.Files {
		if f.Name == "want/errors" {
			wantErrors = string(f.Data)
		}
	}
	if s.Errors != wantErrors {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", s.Errors, wantErrors)
	}
	for _, f := range a.Files {
		switch {
		case strings.HasPrefix(f.Name, "want/public/"):
			p := strings.TrimPrefix(f.Name, "want/public/")
			got, ok := s.Files[p]
			if !ok {
				t.Errorf("%s: not written (written: %s)", p, strings.Join(s.Paths(), " "))
			} else if !bytes.Equal(got, f.Data) {
				t.Errorf("%s differs from the golden (go test -update rewrites it):\n--- got ---\n%s\n--- want ---\n%s", p, got, f.Data)
			}
		case strings.HasPrefix(f.Name, "want/contains/public/"):
			p := strings.TrimPrefix(f.Name, "want/contains/public/")
			got, ok := s.Files[p]
			if !ok {
				t.Errorf("%s: not written (written: %s)", p, strings.Join(s.Paths(), " "))
				continue
			}
			for _, line := range strings.Split(string(f.Data), "\n") {
				line = strings.TrimSpace(line)
				if line == "" || strings.HasPrefix(line, "#") {
					continue
				}
				if neg, ok := strings.CutPrefix(line, "!"); ok {
					if bytes.Contains(got, []byte(neg)) {
						t.Errorf("%s contains %q, want it absent", p, neg)
					}
				} else if !bytes.Contains(got, []byte(line)) {
					t.Errorf("%s lacks %q:\n%s", p, line, got)
				}
			}
		case f.Name == "want/disclosure":
			if s.Disclosure != string(f.Data) {
				t.Errorf("disclosure check:\n%s\nwant:\n%s", s.Disclosure, f.Data)
			}
		case f.Name == "want/absent":
			for _, p := range strings.Fields(string(f.Data)) {
				if _, ok := s.Files[p]; ok {
					t.Errorf("%s was written, want it absent", p)
				}
			}
		}
	}
}

// Paths returns the output paths, sorted.
func (s *Site) Paths() []string {
	var out []string
	for p := range s.Files {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

func rewrite(t *testing.T, file string, a *txtar.Archive, s *Site) {
	hasErrors := false
	for i, f := range a.Files {
		switch {
		case f.Name == "want/errors":
			a.Files[i].Data = []byte(s.Errors)
			hasErrors = true
		case f.Name == "want/disclosure":
			a.Files[i].Data = []byte(s.Disclosure)
		case strings.HasPrefix(f.Name, "want/public/"):
			a.Files[i].Data = s.Files[strings.TrimPrefix(f.Name, "want/public/")]
		}
	}
	if !hasErrors && s.Errors != "" {
		a.Files = append(a.Files, txtar.File{Name: "want/errors", Data: []byte(s.Errors)})
	}
	if err := os.WriteFile(file, txtar.Format(a), 0o644); err != nil {
		t.Fatal(err)
	}
}
