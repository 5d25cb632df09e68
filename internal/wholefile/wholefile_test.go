package wholefile

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestWriteNewThenReadInto(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "index.html")
	data := bytes.Repeat([]byte("Thủ tục hành chính "), 5000) // larger than one page
	if err := WriteNew(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(p); err != nil || !bytes.Equal(got, data) {
		t.Fatalf("os.ReadFile after WriteNew: %d bytes, %v; want %d bytes", len(got), err, len(data))
	}
	if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != 0o644&^umask(t) {
		t.Errorf("mode %v, %v; want %v", fi.Mode().Perm(), err, 0o644&^umask(t))
	}
	buf := make([]byte, 0, 10)
	got, err := ReadInto(p, buf)
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("ReadInto: %d bytes, %v; want %d", len(got), err, len(data))
	}
	// A buffer with the room is reused.
	big := make([]byte, 0, len(data)+100)
	got, err = ReadInto(p, big)
	if err != nil || !bytes.Equal(got, data) || &got[0] != &big[:1][0] {
		t.Errorf("ReadInto into a large buffer: reused %v, %v", err == nil && &got[0] == &big[:1][0], err)
	}
}

func TestEmptyFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "empty")
	if err := WriteNew(p, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := ReadInto(p, nil)
	if err != nil || len(got) != 0 {
		t.Fatalf("ReadInto(empty) = %q, %v", got, err)
	}
}

func TestWriteNewRefusesAnExistingPath(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.html")
	if err := os.WriteFile(p, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteNew(p, []byte("new"), 0o644)
	if !errors.Is(err, fs.ErrExist) {
		t.Fatalf("WriteNew over a file: %v, want fs.ErrExist", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "old" {
		t.Errorf("the existing file was changed: %q", b)
	}
	// Nor through a link, even to a missing file.
	link := filepath.Join(dir, "link.html")
	if err := os.Symlink(filepath.Join(dir, "missing"), link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := WriteNew(link, []byte("x"), 0o644); !errors.Is(err, fs.ErrExist) {
		t.Errorf("WriteNew through a link: %v, want fs.ErrExist", err)
	}
	if _, err := os.Lstat(filepath.Join(dir, "missing")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the link's target was created")
	}
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	var pe *fs.PathError
	if err := WriteNew(filepath.Join(dir, "no", "such", "folder"), []byte("x"), 0o644); !errors.Is(err, fs.ErrNotExist) || !errors.As(err, &pe) {
		t.Errorf("WriteNew in a missing folder: %v, want a *fs.PathError that is fs.ErrNotExist", err)
	}
	if _, err := ReadInto(filepath.Join(dir, "missing"), nil); !errors.Is(err, fs.ErrNotExist) || !errors.As(err, &pe) {
		t.Errorf("ReadInto of a missing file: %v, want a *fs.PathError that is fs.ErrNotExist", err)
	}
	if _, err := ReadInto(dir, nil); err == nil {
		t.Errorf("ReadInto of a folder: no error")
	}
}

// umask returns the process's umask, which WriteNew's mode passes through.
func umask(t *testing.T) fs.FileMode {
	p := filepath.Join(t.TempDir(), "probe")
	if err := os.WriteFile(p, nil, 0o777); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return 0o777 &^ fi.Mode().Perm()
}

func TestDirFSIsOSDirFS(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"site.yaml":                      "title: Cổng thông tin\n",
		"content/tin-tuc/bai-viet.md":    "---\ntitle: Bài viết\n---\nThân bài.\n",
		"content/cong-bao/93-kh-ubnd.md": "",
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ours, theirs := DirFS(dir), os.DirFS(dir)
	for name, body := range files {
		got, err := fs.ReadFile(ours, name)
		if err != nil || string(got) != body {
			t.Errorf("ReadFile(%s) = %q, %v; want %q", name, got, err, body)
		}
		got, err = ours.(interface {
			ReadFileInto(string, []byte) ([]byte, error)
		}).ReadFileInto(name, make([]byte, 3, 64))
		if err != nil || string(got) != body {
			t.Errorf("ReadFileInto(%s) = %q, %v; want %q", name, got, err, body)
		}
	}
	// Names os.DirFS refuses, ours refuses; what is missing is missing.
	for _, name := range []string{"../etc/passwd", "/etc/passwd", "content/../site.yaml", "content/", "", "site.yaml\x00"} {
		if _, err := fs.ReadFile(ours, name); err == nil {
			t.Errorf("ReadFile(%q): no error", name)
		}
		if _, err := fs.ReadFile(theirs, name); err == nil {
			t.Errorf("os.DirFS ReadFile(%q): no error (the test's premise)", name)
		}
	}
	if _, err := fs.ReadFile(ours, "content/missing.md"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ReadFile of a missing file: %v, want fs.ErrNotExist", err)
	}
	if _, err := fs.ReadFile(ours, "content"); err == nil {
		t.Errorf("ReadFile of a folder: no error")
	}
	// Walking, listing and stat are os.DirFS's.
	var walked []string
	if err := fs.WalkDir(ours, ".", func(p string, d fs.DirEntry, err error) error {
		walked = append(walked, p)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	var want []string
	if err := fs.WalkDir(theirs, ".", func(p string, d fs.DirEntry, err error) error {
		want = append(want, p)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(walked, want) {
		t.Errorf("WalkDir: %v, want %v", walked, want)
	}
	if fi, err := fs.Stat(ours, "site.yaml"); err != nil || fi.Size() != int64(len(files["site.yaml"])) {
		t.Errorf("Stat(site.yaml) = %v, %v", fi, err)
	}
	sub, err := fs.Sub(ours, "content")
	if err != nil {
		t.Fatal(err)
	}
	if got, err := fs.ReadFile(sub, "tin-tuc/bai-viet.md"); err != nil || string(got) != files["content/tin-tuc/bai-viet.md"] {
		t.Errorf("ReadFile through fs.Sub = %q, %v", got, err)
	}
}
