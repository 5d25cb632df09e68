// Package deploy publishes a built site (the public/ folder that `minhbach
// build` wrote) to a target: an S3-compatible bucket or a folder. It sends
// only what changed, in an order that never shows a visitor a broken
// site, and deletes last.
//
// Every object carries a stamp, the SHA-256 of its content and of the
// headers it is served with; the target keeps the stamps (object metadata
// and a state file, .minhbach/deploy-state.json). Plan compares the local
// stamps with the target's, so a change of content or of a header rule
// uploads the object again, and a deploy stopped half-way and run again
// sends only what is still missing.
package deploy

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"minhbach/internal/diag"
)

// StateDir is the folder, at the target's root, of the deploy's own state.
// It is never uploaded from public/ nor deleted.
const StateDir = ".minhbach"

// File is one file of public/ to publish.
type File struct {
	// Path is the file's path in public/ and its key on the target, with '/'.
	Path string
	// Local is the file on disk whose bytes are sent (the .gz twin when
	// the target serves Content-Encoding: gzip).
	Local string
	// Size is the number of bytes sent.
	Size int64
	// Sum is the hex SHA-256 of the bytes sent.
	Sum string
	// Headers are the headers the object is served with.
	Headers Headers
	// Group is the upload group (GroupImmutable … GroupLast).
	Group int
}

// Stamp is what the target keeps to tell whether the object is up to
// date: the content's SHA-256, and with keepsHeaders the headers too.
func (f *File) Stamp(keepsHeaders bool) string {
	if !keepsHeaders {
		return f.Sum
	}
	h := sha256.Sum256([]byte(f.Sum + "\n" + f.Headers.String()))
	return hex.EncodeToString(h[:])
}

// ScanOptions say how public/ is read.
type ScanOptions struct {
	// Rules give each file its headers.
	Rules Rules
	// Twins sends each .gz twin that `build --gzip` wrote as a file of
	// its own (a folder served by nginx's gzip_static). Without Twins
	// the twins are left out, or with Gzip sent in place of the plain file.
	Twins bool
	// Gzip sends the .gz twin's bytes under the plain name with
	// Content-Encoding: gzip (an S3 target that site.yaml's deploy.gzip
	// allows).
	Gzip bool
}

// Scan reads the folder dir (public/) and returns its files sorted by
// path, each with its size, SHA-256 and headers.
func Scan(dir string, opt ScanOptions) ([]*File, error) {
	var paths []string
	all := map[string]bool{}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if e.IsDir() {
			if rel == StateDir {
				return filepath.SkipDir
			}
			return nil
		}
		if !e.Type().IsRegular() {
			return nil
		}
		all[rel] = true
		paths = append(paths, rel)
		return nil
	})
	if err != nil {
		return nil, err
	}
	var files []*File
	for _, p := range paths {
		if plain, ok := strings.CutSuffix(p, ".gz"); ok && all[plain] && !opt.Twins {
			continue
		}
		f := &File{Path: p, Local: filepath.Join(dir, filepath.FromSlash(p)), Headers: opt.Rules.For(p), Group: groupOf(p)}
		if opt.Gzip && all[p+".gz"] {
			f.Local += ".gz"
			f.Headers.ContentEncoding = "gzip"
		}
		files = append(files, f)
	}
	if err := hashAll(files); err != nil {
		return nil, err
	}
	return files, nil
}

// hashAll fills in the size and SHA-256 of every file, a few at a time.
func hashAll(files []*File) error {
	var (
		next  atomic.Int64
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
	)
	for range 4 {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(files) {
					return
				}
				f := files[i]
				data, err := os.ReadFile(f.Local)
				if err != nil {
					mu.Lock()
					first = cmpErr(first, err)
					mu.Unlock()
					return
				}
				sum := sha256.Sum256(data)
				f.Sum, f.Size = hex.EncodeToString(sum[:]), int64(len(data))
			}
		})
	}
	wg.Wait()
	return first
}

func cmpErr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// Plan is what a deploy does: the files to upload, in order, and the
// objects to delete afterwards.
type Plan struct {
	// Upload holds the new and changed files, by group then path.
	Upload []*File
	// Delete holds the target's objects that public/ no longer has.
	Delete []string
	// Superseded counts the deletes of immutable files (fingerprinted
	// assets, search-index files) that new ones of the same kind replace:
	// an edit gives new names to the index files it changes, and the old
	// ones go. They do not count against Options.MaxDeletes.
	Superseded int
	// Kept holds superseded files left on the target for now (Hold): a
	// visitor whose browser or CDN still has a page that names them
	// must find them.
	Kept []string
	// Unchanged counts the files already up to date.
	Unchanged int
	// UploadBytes is the sum of the sizes of Upload.
	UploadBytes int64

	superseded map[string]bool
}

// NewPlan compares the local files with the stamps the target holds
// (path → stamp, "" when unknown).
func NewPlan(local []*File, remote map[string]string, keepsHeaders bool) *Plan {
	p := &Plan{}
	seen := make(map[string]bool, len(local))
	for _, f := range local {
		seen[f.Path] = true
		if st, ok := remote[f.Path]; ok && st != "" && st == f.Stamp(keepsHeaders) {
			p.Unchanged++
			continue
		}
		p.Upload = append(p.Upload, f)
		p.UploadBytes += f.Size
	}
	slices.SortStableFunc(p.Upload, func(a, b *File) int {
		if a.Group != b.Group {
			return a.Group - b.Group
		}
		return strings.Compare(a.Path, b.Path)
	})
	kinds := map[string]bool{}
	for _, f := range local {
		if isImmutable(f.Path) {
			kinds[immutableKind(f.Path)] = true
		}
	}
	for k := range remote {
		if !seen[k] && k != StateDir && !strings.HasPrefix(k, StateDir+"/") {
			p.Delete = append(p.Delete, k)
			if isImmutable(k) && kinds[immutableKind(k)] {
				p.Superseded++
				if p.superseded == nil {
					p.superseded = map[string]bool{}
				}
				p.superseded[k] = true
			}
		}
	}
	slices.Sort(p.Delete)
	return p
}

// Counted returns the number of deletes that count against MaxDeletes.
func (p *Plan) Counted() int { return len(p.Delete) - p.Superseded }

// KeepOld is how long a superseded file stays on the target: longer than
// a page is cached (Short, five minutes), so that a page fetched before
// the deploy still finds the old search index and assets it names.
const KeepOld = time.Hour

// Hold keeps on the target, for now, the superseded files that were first
// left for deletion less than keep before now (retired says since when;
// a file not in it is left from now). It returns the record to keep for
// the next deploy: the files still held, with their times.
func (p *Plan) Hold(retired map[string]time.Time, now time.Time, keep time.Duration) map[string]time.Time {
	next := map[string]time.Time{}
	del := p.Delete[:0]
	for _, k := range p.Delete {
		if !p.superseded[k] {
			del = append(del, k)
			continue
		}
		since, ok := retired[k]
		if !ok {
			since = now
		}
		if now.Sub(since) >= keep {
			del = append(del, k)
			continue
		}
		next[k] = since
		p.Kept = append(p.Kept, k)
		p.Superseded--
	}
	p.Delete = del
	return next
}

// Error is a failure with a message for the user that says what to fix.
type Error struct {
	Msg diag.Message
	Err error
}

func (e *Error) Error() string { return e.Msg.String() }
func (e *Error) Unwrap() error { return e.Err }

// ErrTooManyDeletes is returned (wrapped in an *Error) when a plan would
// delete more objects than allowed.
var ErrTooManyDeletes = errors.New("too many deletes")

// cleanKey reports whether p is a clean relative path that stays inside
// the target.
func cleanKey(p string) bool {
	return p != "" && path.Clean(p) == p && !strings.HasPrefix(p, "/") && p != ".." && !strings.HasPrefix(p, "../") &&
		!strings.ContainsAny(p, "\\\x00")
}
