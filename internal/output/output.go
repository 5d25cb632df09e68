// Package output is the only writer of the built site: it minifies,
// fingerprints and precompresses files and writes them into a fresh
// directory beside the destination, which replaces the destination only
// when the whole build succeeded. It knows nothing of content.
package output

import (
	"bytes"
	"compress/gzip"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"minhbach/internal/wholefile"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// MaxPathLen and MaxNameLen bound output paths, in bytes.
const (
	MaxPathLen = 1024
	MaxNameLen = 200
)

// CheckPath reports why p cannot be a path inside the output directory, or
// nil: it must be relative, clean, without "..", NUL or backslash, and of
// bounded length.
func CheckPath(p string) error {
	switch {
	case p == "" || p == ".":
		return errors.New("empty path")
	case strings.ContainsAny(p, "\x00\\"):
		return fmt.Errorf("path %q has a NUL or backslash", p)
	case strings.HasPrefix(p, "/") || filepath.IsAbs(p):
		return fmt.Errorf("path %q is absolute", p)
	case path.Clean(p) != p || p == ".." || strings.HasPrefix(p, "../"):
		return fmt.Errorf("path %q is not clean or leaves the output folder", p)
	case len(p) > MaxPathLen:
		return fmt.Errorf("path %q is longer than %d bytes", p[:40]+"…", MaxPathLen)
	}
	for rest := p; rest != ""; {
		seg, after, _ := strings.Cut(rest, "/")
		if len(seg) > MaxNameLen {
			return fmt.Errorf("path %q has a name longer than %d bytes", p, MaxNameLen)
		}
		rest = after
	}
	return nil
}

// Minifier minifies by media type. It is safe for concurrent use after
// NewMinifier returns.
type Minifier struct{ m *minify.M }

// NewMinifier configures minifiers for HTML, CSS, JS, SVG, XML and JSON.
func NewMinifier() *Minifier {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true})
	m.Add("text/css", newMemo(css.Minify))
	m.Add("application/javascript", newMemo(js.Minify))
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]json$`), json.Minify)
	return &Minifier{m: m}
}

// TypeOf returns the media type the minifier uses for the file name.
func TypeOf(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm":
		return "text/html"
	case ".css":
		return "text/css"
	case ".js", ".mjs":
		return "application/javascript"
	case ".svg":
		return "image/svg+xml"
	case ".xml":
		return "application/xml"
	case ".json", ".webmanifest":
		return "application/json"
	}
	return ""
}

// Minify returns data minified as the file name's type says; other files
// come back unchanged.
func (m *Minifier) Minify(name string, data []byte) ([]byte, error) {
	t := TypeOf(name)
	if t == "" || m == nil {
		return data, nil
	}
	out, err := m.m.Bytes(t, data)
	if err != nil {
		return nil, fmt.Errorf("minify %s: %w", name, err)
	}
	return out, nil
}

// MinifyTo writes in minified, as Minify would return it, to w.
func (m *Minifier) MinifyTo(w *bytes.Buffer, name string, in *bytes.Buffer) error {
	t := TypeOf(name)
	if t == "" || m == nil {
		_, err := w.Write(in.Bytes())
		return err
	}
	// The minifier reads in.Bytes() as they are (it reads nothing from in).
	if err := m.m.Minify(t, w, in); err != nil {
		return fmt.Errorf("minify %s: %w", name, err)
	}
	return nil
}

// Fingerprint returns name with a short content hash before its
// extension: "css/app.css" → "css/app.3f9a1c2b.css".
func Fingerprint(name string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
}

// Sink receives the files of a build. Put is safe for concurrent use.
type Sink interface {
	Put(p string, data []byte) error
}

// Forgetful is a Sink that keeps nothing of the bytes Put hands it once
// Put returns (it writes them out), so that its caller may reuse them for
// the next file. Dir is one; Memory is not.
type Forgetful interface {
	Sink
	Forgets()
}

// Forgets tells that Put keeps nothing of its data (Forgetful).
func (d *Dir) Forgets() {}

// Stats counts what a sink received.
type Stats struct {
	Files int64
	Bytes int64
}

// Dir writes a build into a temporary directory beside its destination
// and swaps it in on Commit. Put is safe for concurrent use.
//
// It keeps no record of the paths and folders it made (a large site's
// build writes half a million files, each in a folder of its own): the
// file system is the record. A file is created with O_EXCL, so a path
// written twice is refused, and a folder that already exists is used only
// when it is a folder, not a link.
type Dir struct {
	dest string
	tmp  string
	gzip bool

	mu sync.Mutex
	// sums are the files written, twins their .gz twins.
	sums, twins []fileSum

	files, bytes atomic.Int64
	folders      recentFolders
}

// NewDir prepares a build of dest (created on Commit if it does not exist).
// With gz, compressible files also get a .gz twin for nginx's gzip_static.
func NewDir(dest string, gz bool) (*Dir, error) {
	dest = filepath.Clean(dest)
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("create %s: %w", parent, err)
	}
	tmp := filepath.Join(parent, filepath.Base(dest)+".tmp-"+randomSuffix())
	if err := os.Mkdir(tmp, 0o755); err != nil {
		return nil, fmt.Errorf("create %s: %w", tmp, err)
	}
	return &Dir{dest: dest, tmp: tmp, gzip: gz}, nil
}

func randomSuffix() string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// Put writes one file.
func (d *Dir) Put(p string, data []byte) error {
	if err := CheckPath(p); err != nil {
		return err
	}
	if err := d.claim(p); err != nil {
		return err
	}
	if err := d.create(p, data); err != nil {
		return err
	}
	d.add(fileSum{path: p, size: int64(len(data)), sha: sha256.Sum256(data)}, false)
	if d.gzip && Compressible(p) && len(data) >= 256 {
		gz, err := Gzip(data)
		if err != nil {
			return fmt.Errorf("compress %s: %w", p, err)
		}
		if err := d.create(p+".gz", gz); err != nil {
			return err
		}
		d.add(fileSum{path: p, size: int64(len(gz)), sha: sha256.Sum256(gz)}, true)
	}
	return nil
}

// PutExact writes one file without a .gz twin, as the proof of a build
// is written: the manifest cannot list a compressed copy of itself.
func (d *Dir) PutExact(p string, data []byte) error {
	if err := CheckPath(p); err != nil {
		return err
	}
	if err := d.claim(p); err != nil {
		return err
	}
	if err := d.create(p, data); err != nil {
		return err
	}
	d.add(fileSum{path: p, size: int64(len(data)), sha: sha256.Sum256(data)}, false)
	return nil
}

// fileSum is the size and SHA-256 of a file written, or of its .gz twin:
// a twin's path is the file's, shared with the caller, its name made
// only by Sums (a large site writes half a million files).
type fileSum struct {
	path string
	size int64
	sha  [32]byte
}

// add records a file written, or its .gz twin.
func (d *Dir) add(s fileSum, twin bool) {
	d.mu.Lock()
	if twin {
		d.twins = append(d.twins, s)
	} else {
		d.sums = append(d.sums, s)
	}
	d.mu.Unlock()
	d.files.Add(1)
	d.bytes.Add(s.size)
}

// Sum is the size and SHA-256 of one file written, for the manifest of
// the build (package proof).
type Sum struct {
	Path   string
	Size   int64
	SHA256 [32]byte
}

// Sums returns the size and hash of every file written so far, .gz twins
// included, sorted by path.
func (d *Dir) Sums() []Sum {
	d.mu.Lock()
	out := make([]Sum, 0, len(d.sums)+len(d.twins))
	for _, s := range d.sums {
		out = append(out, Sum{Path: s.path, Size: s.size, SHA256: s.sha})
	}
	for _, s := range d.twins {
		out = append(out, Sum{Path: s.path + ".gz", Size: s.size, SHA256: s.sha})
	}
	d.mu.Unlock()
	slices.SortFunc(out, func(a, b Sum) int { return strings.Compare(a.Path, b.Path) })
	return out
}

// create makes the new file p (checked by CheckPath, its folder made by
// claim) in the temporary directory. It opens the joined path directly
// rather than segment by segment through an os.Root: the directory is
// fresh, made by NewDir with a random name, and holds only what this build
// made (folders, and files created with O_EXCL, which refuses any existing
// file or link at p), so no segment can be a symbolic link. One open
// instead of one per segment more than halves the system calls of a build
// that writes tens of thousands of files.
func (d *Dir) create(p string, data []byte) error {
	full := filepath.Join(d.tmp, filepath.FromSlash(p))
	err := wholefile.WriteNew(full, data, 0o644)
	if errors.Is(err, fs.ErrExist) {
		if fi, lerr := os.Lstat(full); lerr == nil && fi.Mode().IsRegular() {
			return fmt.Errorf("write %s: written twice", p)
		}
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", p, err)
	}
	return nil
}

// claim makes the folder of p; a second write of the same path is then
// refused by create, not a silent overwrite.
func (d *Dir) claim(p string) error { return d.folder(path.Dir(p)) }

// folder makes the folder dir (a clean relative path) and, when they are
// missing, its parents. A folder another writer made first is used when
// it is a folder (os.Lstat: not a link), so that writers of the same or
// different folders never wait for each other. Like create, it names the
// folder by its joined path: the directory is fresh and holds only what
// this build made, folders and regular files created with O_EXCL.
func (d *Dir) folder(dir string) error {
	if dir == "." || d.folders.has(dir) {
		return nil
	}
	full := filepath.Join(d.tmp, filepath.FromSlash(dir))
	err := os.Mkdir(full, 0o755)
	if errors.Is(err, fs.ErrNotExist) {
		if err := d.folder(path.Dir(dir)); err != nil {
			return err
		}
		err = os.Mkdir(full, 0o755)
	}
	if errors.Is(err, fs.ErrExist) {
		if fi, lerr := os.Lstat(full); lerr == nil && fi.IsDir() {
			err = nil
		}
	}
	if err != nil {
		return fmt.Errorf("create %s: %w", dir, err)
	}
	d.folders.add(dir)
	return nil
}

// recentFolders remembers folders made (or found to be folders) lately,
// so that the many files of one folder, such as the search index's, do
// not each cost a failed mkdir and an lstat. A folder stays what it was
// when remembered, as create also assumes: the directory is this build's
// own. It forgets all past maxRecentFolders: a large site makes a folder
// for every page.
type recentFolders struct {
	mu  sync.Mutex
	set map[string]struct{}
}

const maxRecentFolders = 4096

func (r *recentFolders) has(dir string) bool {
	r.mu.Lock()
	_, ok := r.set[dir]
	r.mu.Unlock()
	return ok
}

func (r *recentFolders) add(dir string) {
	r.mu.Lock()
	if r.set == nil || len(r.set) >= maxRecentFolders {
		r.set = make(map[string]struct{}, 256)
	}
	r.set[dir] = struct{}{}
	r.mu.Unlock()
}

// Stats returns what was written so far.
func (d *Dir) Stats() Stats { return Stats{Files: d.files.Load(), Bytes: d.bytes.Load()} }

// Commit replaces the destination with the new build.
func (d *Dir) Commit() error {
	old := ""
	if _, err := os.Lstat(d.dest); err == nil {
		old = filepath.Join(filepath.Dir(d.dest), filepath.Base(d.dest)+".old-"+randomSuffix())
		if err := os.Rename(d.dest, old); err != nil {
			return fmt.Errorf("move %s aside: %w", d.dest, err)
		}
	}
	if err := os.Rename(d.tmp, d.dest); err != nil {
		if old != "" {
			_ = os.Rename(old, d.dest)
		}
		return fmt.Errorf("move new build to %s: %w", d.dest, err)
	}
	if old != "" {
		if err := removeAll(old); err != nil {
			return fmt.Errorf("remove previous build %s: %w", old, err)
		}
	}
	return nil
}

// Abort removes the unfinished build, leaving the destination untouched.
func (d *Dir) Abort() error {
	return removeAll(d.tmp)
}

// removeWorkers is how many files removeAll removes at once.
const removeWorkers = 8

// removeAll removes dir and everything under it, as os.RemoveAll does but
// several files at a time: on a disk that waits on each removal (measured
// here: 123 000 files of a 50 000-page build took 157 s to remove one by
// one, in kernel time 8 s) the waits overlap. Links are removed, never
// followed.
func removeAll(dir string) error {
	var files, dirs []string
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case e.IsDir():
			dirs = append(dirs, p)
		default:
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return os.RemoveAll(dir)
	}
	var wg sync.WaitGroup
	var first atomic.Pointer[error]
	next := atomic.Int64{}
	for range min(removeWorkers, len(files)) {
		wg.Go(func() {
			for i := next.Add(1) - 1; i < int64(len(files)); i = next.Add(1) - 1 {
				if err := os.Remove(files[i]); err != nil && !errors.Is(err, fs.ErrNotExist) {
					first.CompareAndSwap(nil, &err)
				}
			}
		})
	}
	wg.Wait()
	if p := first.Load(); p != nil {
		return *p
	}
	// WalkDir lists a folder before what it holds: remove in reverse.
	for i := len(dirs) - 1; i >= 0; i-- {
		if err := os.Remove(dirs[i]); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}

// Compressible reports whether a file of this name is worth a .gz twin.
func Compressible(name string) bool {
	if TypeOf(name) != "" {
		return true
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".txt", ".csv", ".ics":
		return true
	}
	return false
}

// Gzip compresses data deterministically (no name, no time in the header).
// Its writers are reused: a new one allocates some 800 KB of compressor
// state, once per page of a build with .gz twins; a writer Reset writes
// the same bytes as a new one.
func Gzip(data []byte) ([]byte, error) {
	var b bytes.Buffer
	w, _ := gzipWriters.Get().(*gzip.Writer)
	if w == nil {
		var err error
		if w, err = gzip.NewWriterLevel(&b, gzip.BestCompression); err != nil {
			return nil, err
		}
	} else {
		w.Reset(&b)
	}
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	w.Reset(nil) // keeps nothing of b
	gzipWriters.Put(w)
	return b.Bytes(), nil
}

// gzipWriters holds the writers of Gzip, at gzip.BestCompression.
var gzipWriters sync.Pool

// Memory keeps a build in memory, for tests and previews. Put is safe for
// concurrent use.
type Memory struct {
	mu    sync.Mutex
	Files map[string][]byte
}

// NewMemory returns an empty in-memory sink.
func NewMemory() *Memory { return &Memory{Files: map[string][]byte{}} }

// Replace stores one file, in place of the one at p if any.
func (m *Memory) Replace(p string, data []byte) error {
	if err := CheckPath(p); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.Files[p] = data
	return nil
}

// Put stores one file.
func (m *Memory) Put(p string, data []byte) error {
	if err := CheckPath(p); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, dup := m.Files[p]; dup {
		return fmt.Errorf("write %s: written twice", p)
	}
	m.Files[p] = data
	return nil
}
