package serve

import (
	"context"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watched are the folders of a site watched recursively; site.yaml at the
// root is watched too.
var Watched = []string{"content", "layouts", "assets", "i18n"}

// configFile is the site's configuration, at its root.
const configFile = "site.yaml"

// Ignored reports whether a file name is an editor's or a system's
// by-product rather than content: vim's swap and backup files and its
// 4913 write test, emacs' lock and autosave files, backups ending in ~,
// macOS .DS_Store and other hidden files.
func Ignored(name string) bool {
	switch {
	case name == "4913", strings.HasPrefix(name, "."), strings.HasSuffix(name, "~"),
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"):
		return true
	}
	switch path.Ext(name) {
	case ".swp", ".swo", ".swx", ".tmp":
		return true
	}
	return false
}

// watcher turns the file system events under a site's root into batches of
// changed paths, relative to the root with forward slashes.
type watcher struct {
	root     string
	fw       *fsnotify.Watcher
	dirs     map[string]bool // relative folder → watched
	debounce time.Duration
}

// watch starts watching root and returns the batches: each holds the
// paths changed in a burst of events that ended debounce ago. The channel
// is closed when ctx is done.
func watch(ctx context.Context, root string, debounce time.Duration, errs func(error)) (<-chan []string, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{root: root, fw: fw, dirs: map[string]bool{}, debounce: debounce}
	if err := fw.Add(root); err != nil {
		fw.Close()
		return nil, err
	}
	for _, d := range Watched {
		w.addTree(d)
	}
	out := make(chan []string)
	go w.loop(ctx, out, errs)
	return out, nil
}

// addTree watches folder rel and every folder under it, and returns the
// folders it added.
func (w *watcher) addTree(rel string) []string {
	var added []string
	_ = filepath.WalkDir(filepath.Join(w.root, filepath.FromSlash(rel)), func(p string, e fs.DirEntry, err error) error {
		if err != nil || !e.IsDir() {
			return nil
		}
		r, err := filepath.Rel(w.root, p)
		if err != nil {
			return nil
		}
		r = filepath.ToSlash(r)
		if r != rel && Ignored(e.Name()) {
			return fs.SkipDir
		}
		if !w.dirs[r] && w.fw.Add(p) == nil {
			w.dirs[r] = true
			added = append(added, r)
		}
		return nil
	})
	return added
}

// drop forgets folder rel and the folders under it.
func (w *watcher) drop(rel string) {
	for d := range w.dirs {
		if d == rel || strings.HasPrefix(d, rel+"/") {
			_ = w.fw.Remove(filepath.Join(w.root, filepath.FromSlash(d)))
			delete(w.dirs, d)
		}
	}
}

// relevant returns the path of an event relative to the root, and whether
// the site cares about it.
func (w *watcher) relevant(name string) (string, bool) {
	r, err := filepath.Rel(w.root, name)
	if err != nil {
		return "", false
	}
	r = filepath.ToSlash(r)
	if r == configFile {
		return r, true
	}
	top, _, _ := strings.Cut(r, "/")
	if !slices.Contains(Watched, top) {
		return "", false
	}
	for _, part := range strings.Split(r, "/") {
		if Ignored(part) {
			return "", false
		}
	}
	return r, true
}

func (w *watcher) loop(ctx context.Context, out chan<- []string, errs func(error)) {
	defer close(out)
	defer w.fw.Close()
	pending := map[string]bool{}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	var first time.Time
	for {
		select {
		case <-ctx.Done():
			return
		case err, ok := <-w.fw.Errors:
			if !ok {
				return
			}
			if errs != nil {
				errs(err)
			}
		case ev, ok := <-w.fw.Events:
			if !ok {
				return
			}
			if ev.Op == fsnotify.Chmod {
				continue
			}
			rel, ok := w.relevant(ev.Name)
			if !ok {
				continue
			}
			if ev.Op.Has(fsnotify.Remove) || ev.Op.Has(fsnotify.Rename) {
				w.drop(rel)
			}
			if ev.Op.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					// Files made in the folder before its watch began
					// raised no event: the folder stands for them.
					w.addTree(rel)
				}
			}
			if len(pending) == 0 {
				first = time.Now()
			}
			pending[rel] = true
			// Wait for the burst to end, but not forever.
			wait := w.debounce
			if time.Since(first) > 10*w.debounce {
				wait = 0
			}
			timer.Reset(wait)
		case <-timer.C:
			batch := make([]string, 0, len(pending))
			for p := range pending {
				batch = append(batch, p)
			}
			slices.Sort(batch)
			clear(pending)
			select {
			case out <- batch:
			case <-ctx.Done():
				return
			}
		}
	}
}
