package build

import (
	"io/fs"
	"sync"

	"minhbach/internal/model"
	"minhbach/internal/source"
	"minhbach/internal/wholefile"
)

// fileBufs holds the buffers a build reads content files into, and the
// Markdown of a body read back from the store to be converted (unstow).
// A Markdown file's bytes are its record's body until stowMarkdown moves
// the body into the store; a body's Markdown is free once it is
// converted. The buffer is then put back for the next file or body.
var fileBufs = sync.Pool{New: func() any { return new([]byte) }}

// maxPooledFile is the largest buffer put back into fileBufs: the few
// very long files do not keep theirs.
const maxPooledFile = 1 << 20

// putFileBuf puts buf back into fileBufs, unless it is nil or too large
// to keep.
func putFileBuf(buf *[]byte) {
	if buf != nil && cap(*buf) <= maxPooledFile {
		fileBufs.Put(buf)
	}
}

// intoReader is a file system that reads a whole file into a buffer
// itself, as wholefile.DirFS does with fewer system calls than Open.
type intoReader interface {
	ReadFileInto(name string, buf []byte) ([]byte, error)
}

// readFile reads the file at p of fsys into buf, as fs.ReadFile does into
// a new slice.
func readFile(fsys fs.FS, p string, buf []byte) ([]byte, error) {
	if r, ok := fsys.(intoReader); ok {
		return r.ReadFileInto(p, buf)
	}
	f, err := fsys.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return wholefile.ReadAllInto(f, buf)
}

// reusable tells whether the bytes of the content file at p, decoded to
// e and moved into the store (stowMarkdown), are held by nothing any
// more: a Markdown file's are its body alone, which the store now has,
// but for a translation, which keeps its body. Sheets and catalogues
// are not reused.
func reusable(p string, e *model.Entries) bool {
	return !source.IsSheet(p) && !source.IsCatalogue(p) && len(e.Translations) == 0 && len(e.Statistics) == 0
}
