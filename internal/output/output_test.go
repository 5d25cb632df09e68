package output_test

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"minhbach/internal/output"
)

func TestCheckPath(t *testing.T) {
	for _, p := range []string{"", ".", "../x", "a/../../x", "/etc/passwd", "a\x00b", `a\b`, "a//b", strings.Repeat("a", 201), "x/" + strings.Repeat("a", 201) + "/index.html", strings.Repeat("a/", 600) + "x"} {
		if output.CheckPath(p) == nil {
			t.Errorf("CheckPath(%q) = nil, want an error", p)
		}
	}
	for _, p := range []string{"index.html", "tin-tuc/2024/03/hoi-nghi/index.html", "assets/css/app.1a2b3c4d.css", "x/" + strings.Repeat("a", 200) + "/index.html"} {
		if err := output.CheckPath(p); err != nil {
			t.Errorf("CheckPath(%q) = %v", p, err)
		}
	}
}

func TestDirCommitAndAbort(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	write := func(text string, gz bool) *output.Dir {
		d, err := output.NewDir(dest, gz)
		if err != nil {
			t.Fatal(err)
		}
		if err := d.Put("a/index.html", []byte(text)); err != nil {
			t.Fatal(err)
		}
		if err := d.Put("a/index.html", []byte(text)); err == nil {
			t.Error("second Put of the same path succeeded")
		}
		if err := d.Put("../escape.html", []byte("x")); err == nil {
			t.Error("Put outside the folder succeeded")
		}
		return d
	}
	d := write(strings.Repeat("một ", 100), true)
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dest, "a/index.html.gz")); err != nil {
		t.Errorf("no .gz twin: %v", err)
	}
	d = write("hai", false)
	if err := d.Abort(); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(filepath.Join(dest, "a/index.html"))
	if string(got) != strings.Repeat("một ", 100) {
		t.Errorf("after Abort, destination = %q, want the committed build", got)
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 1 {
		t.Errorf("parent holds %d entries, want only public/", len(entries))
	}
	if _, err := os.Stat(filepath.Join(parent, "escape.html")); err == nil {
		t.Error("a file escaped the output folder")
	}
}

func TestFingerprint(t *testing.T) {
	a := output.Fingerprint("css/app.css", []byte("x"))
	if !strings.HasPrefix(a, "css/app.") || !strings.HasSuffix(a, ".css") || len(a) != len("css/app.12345678.css") {
		t.Errorf("Fingerprint = %q", a)
	}
	if a == output.Fingerprint("css/app.css", []byte("y")) {
		t.Error("different content, same fingerprint")
	}
}

// TestDirRefusesLinks plants symbolic links inside the unfinished build, as
// another process could, and checks that no write follows them out.
func TestDirRefusesLinks(t *testing.T) {
	parent := t.TempDir()
	outside := filepath.Join(t.TempDir(), "victim.txt")
	if err := os.WriteFile(outside, []byte("giữ nguyên"), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := output.NewDir(filepath.Join(parent, "public"), false)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	if err := d.Put("a/index.html", []byte("x")); err != nil {
		t.Fatal(err)
	}
	tmps, _ := filepath.Glob(filepath.Join(parent, "public.tmp-*"))
	if len(tmps) != 1 {
		t.Fatalf("temporary folders: %v", tmps)
	}
	if err := os.Symlink(outside, filepath.Join(tmps[0], "a", "link.html")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := d.Put("a/link.html", []byte("ghi đè")); err == nil {
		t.Error("Put through a link to a file outside succeeded")
	}
	if err := os.Symlink(filepath.Dir(outside), filepath.Join(tmps[0], "b")); err != nil {
		t.Fatal(err)
	}
	if err := d.Put("b/victim.txt", []byte("ghi đè")); err == nil {
		t.Error("Put through a link to a folder outside succeeded")
	}
	if got, _ := os.ReadFile(outside); string(got) != "giữ nguyên" {
		t.Errorf("file outside = %q: a write followed a link", got)
	}
}

// TestDirConcurrentFolders writes from many goroutines into folders they
// share, as a build's page workers do: every file lands, each folder is made
// once, and a file where a folder is wanted (or the reverse) is an error.
func TestDirConcurrentFolders(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	d, err := output.NewDir(dest, false)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8*60)
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 60; i++ {
				p := fmt.Sprintf("tin-tuc/%d/%02d/bai-%d-%d/index.html", 2020+i%3, 1+i%12, w, i)
				errs <- d.Put(p, []byte(p))
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := d.Put("tin-tuc/2020/01/bai-0-0/index.html/x.html", []byte("x")); err == nil {
		t.Error("a folder was made where a file is")
	}
	if err := d.Put("tin-tuc/2020/01", []byte("x")); err == nil {
		t.Error("a file was written where a folder is")
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	n := 0
	filepath.WalkDir(dest, func(p string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			got, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dest, p)
			if string(got) != filepath.ToSlash(rel) {
				t.Errorf("%s holds %q", rel, got)
			}
			n++
		}
		return nil
	})
	if n != 8*60 {
		t.Errorf("%d files written, want %d", n, 8*60)
	}
}

// gzipDir returns a Dir that writes .gz twins, aborted when t ends, and a
// page long enough to be compressed.
func gzipDir(t *testing.T) (*output.Dir, []byte) {
	t.Helper()
	d, err := output.NewDir(filepath.Join(t.TempDir(), "public"), true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = d.Abort() })
	return d, []byte(strings.Repeat("<p>trang đầu</p>", 40))
}

// TestDirWrittenTwice: a path written a second time, by Put, PutExact or
// as a .gz twin, is refused and the first file kept.
func TestDirWrittenTwice(t *testing.T) {
	d, page := gzipDir(t)
	if err := d.Put("tin-tuc/a/index.html", page); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"tin-tuc/a/index.html", "tin-tuc/a/index.html.gz"} {
		if err := d.Put(p, []byte("lần hai")); err == nil || !strings.Contains(err.Error(), "written twice") {
			t.Errorf("Put %s again: %v, want written twice", p, err)
		}
		if err := d.PutExact(p, []byte("lần hai")); err == nil || !strings.Contains(err.Error(), "written twice") {
			t.Errorf("PutExact %s again: %v, want written twice", p, err)
		}
	}
	if st := d.Stats(); st.Files != 2 {
		t.Errorf("%d files written, want the page and its .gz", st.Files)
	}
}

// TestDirSums: Sums lists every file written, .gz twins included, with
// its size and SHA-256, sorted by path.
func TestDirSums(t *testing.T) {
	d, page := gzipDir(t)
	files := map[string][]byte{"b/index.html": page, "a.css": []byte("p{}"), "z.json": []byte(`{"proof":1}`)}
	for _, p := range []string{"b/index.html", "a.css"} {
		if err := d.Put(p, files[p]); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.PutExact("z.json", files["z.json"]); err != nil {
		t.Fatal(err)
	}
	gz, err := output.Gzip(page)
	if err != nil {
		t.Fatal(err)
	}
	files["b/index.html.gz"] = gz
	want := []string{"a.css", "b/index.html", "b/index.html.gz", "z.json"}
	got := d.Sums()
	if len(got) != len(want) {
		t.Fatalf("Sums = %d files, want %v", len(got), want)
	}
	for i, s := range got {
		if s.Path != want[i] || s.Size != int64(len(files[s.Path])) || s.SHA256 != sha256.Sum256(files[s.Path]) {
			t.Errorf("Sums[%d] = %s, %d bytes; want %s, %d bytes, and its hash", i, s.Path, s.Size, want[i], len(files[want[i]]))
		}
	}
	if st := d.Stats(); st.Files != 4 || st.Bytes != int64(len(page)+len(gz)+3+11) {
		t.Errorf("Stats = %+v", st)
	}
}

// TestCommitRemovesPrevious commits a build over an earlier one that holds
// many folders and a link to a file outside: the earlier build is gone,
// the new one is in place, and the file outside is untouched.
func TestCommitRemovesPrevious(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	outside := filepath.Join(t.TempDir(), "giu-nguyen.txt")
	if err := os.WriteFile(outside, []byte("giữ nguyên"), 0o644); err != nil {
		t.Fatal(err)
	}
	build := func(n int, text string) {
		d, err := output.NewDir(dest, false)
		if err != nil {
			t.Fatal(err)
		}
		for i := range n {
			if err := d.Put(fmt.Sprintf("van-ban/%d/%d/index.html", i%7, i), []byte(text)); err != nil {
				t.Fatal(err)
			}
		}
		if err := d.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	build(300, "cũ")
	if err := os.Symlink(outside, filepath.Join(dest, "van-ban", "lien-ket")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	build(5, "mới")
	entries, _ := os.ReadDir(parent)
	if len(entries) != 1 {
		t.Errorf("parent holds %d entries, want only public/", len(entries))
	}
	n := 0
	filepath.WalkDir(dest, func(p string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			if got, _ := os.ReadFile(p); string(got) != "mới" {
				t.Errorf("%s holds %q", p, got)
			}
			n++
		}
		return nil
	})
	if n != 5 {
		t.Errorf("%d files after the second build, want 5", n)
	}
	if got, _ := os.ReadFile(outside); string(got) != "giữ nguyên" {
		t.Errorf("the file outside = %q", got)
	}
}

// TestGzipSameAsNewWriter: Gzip, whose writers are reused, gives the bytes
// of a new writer at gzip.BestCompression, one input after another and
// from several goroutines at once, and they decompress to the input.
func TestGzipSameAsNewWriter(t *testing.T) {
	var inputs [][]byte
	for i := range 6 {
		inputs = append(inputs, []byte(strings.Repeat(fmt.Sprintf("<li>văn bản số %d/QĐ-UBND</li>", i*7919), 1+i*i*300)))
	}
	inputs = append(inputs, nil)
	want := make([][]byte, len(inputs))
	for i, in := range inputs {
		var b bytes.Buffer
		w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
		w.Write(in)
		w.Close()
		want[i] = b.Bytes()
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for round := range 3 {
				for i, in := range inputs {
					got, err := output.Gzip(in)
					if err != nil || !bytes.Equal(got, want[i]) {
						t.Errorf("round %d, input %d: Gzip differs from a new writer's (%v)", round, i, err)
						continue
					}
					r, err := gzip.NewReader(bytes.NewReader(got))
					if err != nil {
						t.Fatal(err)
					}
					back, err := io.ReadAll(r)
					if err != nil || !bytes.Equal(back, in) {
						t.Errorf("input %d does not decompress to itself (%v)", i, err)
					}
				}
			}
		})
	}
	wg.Wait()
}
