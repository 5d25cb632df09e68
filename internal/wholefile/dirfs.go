package wholefile

import (
	"io/fs"
	"os"
	"path/filepath"
)

// DirFS is os.DirFS(dir) whose ReadFile, and ReadFileInto, read through
// ReadInto: a build reads every content file whole, once or twice. Names
// are checked as os.DirFS checks them (fs.ValidPath); everything else is
// os.DirFS's own.
func DirFS(dir string) fs.FS { return dirFS{FS: os.DirFS(dir), dir: dir} }

type dirFS struct {
	fs.FS // os.DirFS(dir)
	dir   string
}

// ReadFile reads the named file whole (fs.ReadFileFS).
func (d dirFS) ReadFile(name string) ([]byte, error) { return d.ReadFileInto(name, nil) }

// ReadFileInto reads the named file whole into buf, reused when it has
// the room.
func (d dirFS) ReadFileInto(name string, buf []byte) ([]byte, error) {
	// As os.DirFS joins a name to its folder.
	local, err := filepath.Localize(name)
	if err != nil || d.dir == "" {
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: fs.ErrInvalid}
	}
	if !os.IsPathSeparator(d.dir[len(d.dir)-1]) {
		local = string(os.PathSeparator) + local
	}
	return ReadInto(d.dir+local, buf)
}

// ReadDir is os.DirFS's (fs.ReadDirFS).
func (d dirFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(d.FS, name) }

// Stat is os.DirFS's (fs.StatFS).
func (d dirFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(d.FS, name) }

// Lstat is os.DirFS's (fs.ReadLinkFS).
func (d dirFS) Lstat(name string) (fs.FileInfo, error) { return fs.Lstat(d.FS, name) }

// ReadLink is os.DirFS's (fs.ReadLinkFS).
func (d dirFS) ReadLink(name string) (string, error) { return fs.ReadLink(d.FS, name) }
