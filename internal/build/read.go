package build

import (
	"io"
	"io/fs"
	"slices"
	"sync"

	"minhbach/internal/model"
	"minhbach/internal/source"
)

// fileBufs holds the buffers a build reads content files into. A
// Markdown file's bytes are its record's body until stowMarkdown moves
// the body into the store; its buffer is then free for the next file.
var fileBufs = sync.Pool{New: func() any { return new([]byte) }}

// maxPooledFile is the largest buffer put back into fileBufs.
const maxPooledFile = 1 << 20

// readFile reads the file at p of fsys into buf, as fs.ReadFile does into
// a new slice.
func readFile(fsys fs.FS, p string, buf []byte) ([]byte, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	size := 0
	if info, err := f.Stat(); err == nil && info.Size() < 1<<30 {
		size = int(info.Size())
	}
	buf = slices.Grow(buf[:0], size+1) // one byte more, to see the end at once
	for {
		if len(buf) == cap(buf) {
			buf = slices.Grow(buf, 4096)
		}
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// reusable tells whether the bytes of the content file at p, decoded to
// e and moved into the store (stowMarkdown), are held by nothing any
// more: a Markdown file's are its body alone, which the store now has,
// but for a translation, which keeps its body. Sheets and catalogues
// are not reused.
func reusable(p string, e *model.Entries) bool {
	return !source.IsSheet(p) && !source.IsCatalogue(p) && len(e.Translations) == 0 && len(e.Statistics) == 0
}
