package build_test

import (
	"bytes"
	"context"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"minhbach"
	"minhbach/internal/build"
	"minhbach/internal/output"
	"minhbach/internal/sitetest"
)

// TestDirSameAsMemory builds sites into a folder (output.Dir forgets
// what it is handed, so pages are rendered and minified into reused
// buffers) and into memory (which keeps every file, so each page has its
// own bytes), minified and not: every file must be the same.
func TestDirSameAsMemory(t *testing.T) {
	sites := map[string]fs.FS{"demo": os.DirFS("../..")}
	for _, name := range []string{"languages", "gazette", "procedures", "news"} {
		a, err := txtar.ParseFile("testdata/sites/" + name + ".txtar")
		if err != nil {
			t.Fatal(err)
		}
		fsys := fstest.MapFS{}
		for _, f := range a.Files {
			fsys[f.Name] = &fstest.MapFile{Data: f.Data}
		}
		sites[name] = fsys
	}
	for name, fsys := range sites {
		for _, noMinify := range []bool{false, true} {
			opt := build.Options{Source: fsys, Theme: minhbach.Theme, Now: sitetest.DefaultNow, NoMinify: noMinify}
			mem := output.NewMemory()
			if res, err := build.Build(context.Background(), opt, mem); err != nil || res.Diags.HasErrors() {
				t.Fatalf("%s: %v %s", name, err, res.Diags.Format(5))
			}
			dest := filepath.Join(t.TempDir(), "public")
			dir, err := output.NewDir(dest, false)
			if err != nil {
				t.Fatal(err)
			}
			if res, err := build.Build(context.Background(), opt, dir); err != nil || res.Diags.HasErrors() {
				t.Fatalf("%s: %v %s", name, err, res.Diags.Format(5))
			}
			if err := dir.Commit(); err != nil {
				t.Fatal(err)
			}
			var paths []string
			err = filepath.WalkDir(dest, func(p string, e fs.DirEntry, err error) error {
				if err != nil || e.IsDir() {
					return err
				}
				rel, _ := filepath.Rel(dest, p)
				paths = append(paths, filepath.ToSlash(rel))
				data, err := os.ReadFile(p)
				if err == nil && !bytes.Equal(data, mem.Files[filepath.ToSlash(rel)]) {
					t.Errorf("%s (minify %v): %s differs between the folder and memory", name, !noMinify, rel)
				}
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			slices.Sort(paths)
			want := slices.Sorted(maps.Keys(mem.Files))
			if !slices.Equal(paths, want) {
				t.Errorf("%s (minify %v): %d files in the folder, %d in memory", name, !noMinify, len(paths), len(want))
			}
		}
	}
}
