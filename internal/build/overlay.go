package build

import (
	"errors"
	"io/fs"
	"slices"
)

// overlay is a read-only union of file systems: a name is looked up in
// each layer in turn, so a site's own layouts/x.html hides the theme's.
// Directory listings are the union of the layers'.
type overlay []fs.FS

func (o overlay) Open(name string) (fs.File, error) {
	var firstErr error
	for _, l := range o {
		if l == nil {
			continue
		}
		f, err := l.Open(name)
		if err == nil {
			return f, nil
		}
		if firstErr == nil || !errors.Is(err, fs.ErrNotExist) {
			firstErr = err
		}
	}
	if firstErr == nil {
		firstErr = &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return nil, firstErr
}

func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	seen := map[string]bool{}
	var out []fs.DirEntry
	found := false
	for _, l := range o {
		if l == nil {
			continue
		}
		es, err := fs.ReadDir(l, name)
		if err != nil {
			continue
		}
		found = true
		for _, e := range es {
			if !seen[e.Name()] {
				seen[e.Name()] = true
				out = append(out, e)
			}
		}
	}
	if !found {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int {
		if a.Name() < b.Name() {
			return -1
		}
		if a.Name() > b.Name() {
			return 1
		}
		return 0
	})
	return out, nil
}

// sub returns the folder dir of fsys, or nil when fsys is nil or has no
// such folder.
func sub(fsys fs.FS, dir string) fs.FS {
	if fsys == nil {
		return nil
	}
	if st, err := fs.Stat(fsys, dir); err != nil || !st.IsDir() {
		return nil
	}
	s, err := fs.Sub(fsys, dir)
	if err != nil {
		return nil
	}
	return s
}
