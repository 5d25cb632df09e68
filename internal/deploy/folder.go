package deploy

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
	"sync"
	"time"

	"minhbach/internal/diag"
)

// stateFile is the state a target keeps, under StateDir.
const stateFile = StateDir + "/deploy-state.json"

// Folder is a target that is a folder on this machine (or mounted on it),
// served by a web server such as nginx. It keeps no headers: the server
// sets them (docs/trien-khai.md). Each file is written beside its place
// and renamed into it, so a visitor sees the old file or the new one,
// never half of one.
type Folder struct {
	dir  string
	root *os.Root

	mu      sync.Mutex
	state   map[string]folderEntry
	retired map[string]time.Time
}

// folderEntry is what the state file remembers of a file: its stamp, and
// the size and time it had when written, to tell whether it was changed
// since (then its content is hashed again).
type folderEntry struct {
	Stamp string `json:"stamp"`
	Size  int64  `json:"size"`
	MTime int64  `json:"mtime"`
}

// OpenFolder opens the folder dir as a target. The folder is made if its
// parent exists (a parent that does not exist is more likely a mistyped
// path or a share that is not mounted).
func OpenFolder(dir string) (*Folder, error) {
	if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return nil, &Error{Msg: diag.Msgf("cannot use the folder %s (%v): check the path of the target, and that its parent folder exists and is mounted", dir, err), Err: err}
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, &Error{Msg: diag.Msgf("cannot use the folder %s (%v): check the path of the target, and that its parent folder exists and is mounted", dir, err), Err: err}
	}
	return &Folder{dir: dir, root: root, state: map[string]folderEntry{}}, nil
}

// Close releases the folder.
func (t *Folder) Close() error { return t.root.Close() }

func (t *Folder) String() string     { return "file://" + t.dir }
func (t *Folder) KeepsHeaders() bool { return false }

// List walks the folder. A file whose size and time are those the state
// remembers keeps its stamp; any other is read and hashed.
func (t *Folder) List(ctx context.Context) (map[string]string, error) {
	var saved struct {
		Objects map[string]folderEntry `json:"objects"`
		Retired map[string]time.Time   `json:"retired"`
	}
	if data, err := t.root.ReadFile(stateFile); err == nil {
		_ = json.Unmarshal(data, &saved) // a damaged state only costs hashing
	}
	out := map[string]string{}
	state := map[string]folderEntry{}
	err := fs.WalkDir(t.root.FS(), ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if e.IsDir() {
			if p == StateDir {
				return fs.SkipDir
			}
			return nil
		}
		if !e.Type().IsRegular() || isTemp(p) {
			return nil
		}
		info, err := e.Info()
		if err != nil {
			return err
		}
		ent, ok := saved.Objects[p]
		if !ok || ent.Size != info.Size() || ent.MTime != info.ModTime().UnixNano() {
			sum, err := t.hash(p)
			if err != nil {
				return err
			}
			ent = folderEntry{Stamp: sum, Size: info.Size(), MTime: info.ModTime().UnixNano()}
		}
		state[p], out[p] = ent, ent.Stamp
		return nil
	})
	if err != nil {
		return nil, &Error{Msg: diag.Msgf("cannot read the folder %s: %v", t.dir, err), Err: err}
	}
	t.mu.Lock()
	t.state, t.retired = state, saved.Retired
	t.mu.Unlock()
	return out, nil
}

func (t *Folder) hash(p string) (string, error) {
	f, err := t.root.Open(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// tempSuffix ends the name of a file being written.
const tempSuffix = ".minhbach-tmp"

func isTemp(p string) bool { return strings.HasSuffix(p, tempSuffix) }

// Put writes data beside f.Path and renames it into place.
func (t *Folder) Put(ctx context.Context, f *File, data []byte) error {
	if !cleanKey(f.Path) || strings.HasPrefix(f.Path, StateDir+"/") {
		return errors.New("bad path " + f.Path)
	}
	if dir := path.Dir(f.Path); dir != "." {
		if err := t.root.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	tmp := f.Path + tempSuffix
	if err := t.root.WriteFile(tmp, data, 0o644); err != nil {
		_ = t.root.Remove(tmp)
		return err
	}
	if err := t.root.Rename(tmp, f.Path); err != nil {
		_ = t.root.Remove(tmp)
		return err
	}
	info, err := t.root.Stat(f.Path)
	if err != nil {
		return err
	}
	t.mu.Lock()
	t.state[f.Path] = folderEntry{Stamp: f.Stamp(false), Size: info.Size(), MTime: info.ModTime().UnixNano()}
	t.mu.Unlock()
	return nil
}

// Delete removes the file at p, then the folders it leaves empty.
func (t *Folder) Delete(ctx context.Context, p string) error {
	if !cleanKey(p) {
		return errors.New("bad path " + p)
	}
	if err := t.root.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	t.mu.Lock()
	delete(t.state, p)
	t.mu.Unlock()
	for dir := path.Dir(p); dir != "."; dir = path.Dir(dir) {
		if t.root.Remove(dir) != nil { // not empty
			break
		}
	}
	return nil
}

// Save writes the state file.
func (t *Folder) Save(ctx context.Context) error {
	t.mu.Lock()
	data, err := json.Marshal(map[string]any{"version": 1, "objects": t.state, "retired": t.retired})
	t.mu.Unlock()
	if err != nil {
		return err
	}
	if err := t.root.MkdirAll(StateDir, 0o755); err != nil {
		return err
	}
	if err := t.root.WriteFile(stateFile+tempSuffix, data, 0o644); err != nil {
		return err
	}
	return t.root.Rename(stateFile+tempSuffix, stateFile)
}

// Retired returns the record of superseded files kept, read by List.
func (t *Folder) Retired() map[string]time.Time {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.retired
}

// SetRetired replaces the record of superseded files kept; Save keeps it.
func (t *Folder) SetRetired(r map[string]time.Time) {
	t.mu.Lock()
	t.retired = r
	t.mu.Unlock()
}
