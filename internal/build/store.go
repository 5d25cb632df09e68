package build

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"unsafe"

	"minhbach/internal/model"
)

// store holds the converted bodies of a build out of memory: their HTML
// and plain text, written to a temporary file once converted and read
// back when a page renders (render.Page's body) or the search index
// counts a document's words (search.Doc.Read). A large site's bodies
// are then never all in memory at once; the file's pages are the
// kernel's, which it writes out or drops as it needs. A preview session
// keeps its bodies in memory instead, to rebuild fast.
//
// Puts are gathered in a buffer of storeChunk bytes and written to the
// file a chunk at a time: a build puts hundreds of thousands of short
// strings, and one system call each cost more than the copy.
type store struct {
	f *os.File
	// unlinked tells that the file's name was removed as soon as it was
	// created (on Unix: the open file stays readable and writable), so
	// that a build killed before close leaves no file behind.
	unlinked bool
	// written is how much of the file is written: what lies below it is
	// read from the file, what lies above it from pending.
	written atomic.Int64
	mu      sync.Mutex
	pending []byte // the bytes put at written and after, not yet written
	err     error  // the first write or read that failed
}

// storeChunk is how many bytes the store gathers before it writes them.
const storeChunk = 1 << 20

// newStore creates the store's file in the system's temporary folder
// and, where an open file can lose its name (not on Windows), removes
// its name at once: the kernel frees the file when the build ends,
// however it ends.
func newStore() (*store, error) {
	f, err := os.CreateTemp("", "minhbach-bodies-*")
	if err != nil {
		return nil, fmt.Errorf("temporary file for the converted bodies: %w", err)
	}
	st := &store{f: f}
	if runtime.GOOS != "windows" {
		st.unlinked = os.Remove(f.Name()) == nil
	}
	return st, nil
}

// put writes s and returns where it is; "" is not written (the zero
// Stored). Safe for concurrent use.
func (st *store) put(s string) model.Stored {
	if s == "" {
		return model.Stored{}
	}
	// The store only copies the bytes of s: no copy of them is needed.
	return st.putBytes(unsafe.Slice(unsafe.StringData(s), len(s)))
}

// Put is put, for render's memo of list items (model.Stash).
func (st *store) Put(s string) model.Stored { return st.put(s) }

// putBytes is put for bytes, which it copies: the caller may reuse b.
func (st *store) putBytes(b []byte) model.Stored {
	if len(b) == 0 {
		return model.Stored{}
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	at := model.Stored{Store: st, Off: st.written.Load() + int64(len(st.pending)), Len: len(b)}
	long := len(b) > storeChunk/2
	if long || len(st.pending)+len(b) > storeChunk {
		st.flush()
	}
	if long {
		st.write(b) // after what was pending: b goes at once, whole
		return at
	}
	if st.pending == nil {
		st.pending = make([]byte, 0, storeChunk)
	}
	st.pending = append(st.pending, b...)
	return at
}

// flush writes pending. The caller holds st.mu.
func (st *store) flush() {
	st.write(st.pending)
	st.pending = st.pending[:0]
}

// write writes b at the end of what is written. The caller holds st.mu
// and has flushed pending.
func (st *store) write(b []byte) {
	off := st.written.Load()
	if _, err := st.f.WriteAt(b, off); err != nil && st.err == nil {
		st.err = err
	}
	st.written.Store(off + int64(len(b)))
}

// bytes reads back what at names, as a new slice (nil when it cannot be
// read: the error is kept for close).
func (st *store) bytes(at model.Stored) []byte { return st.bytesInto(nil, at) }

// bytesInto is bytes, read into buf when it has the room. Safe for
// concurrent use with put.
func (st *store) bytesInto(buf []byte, at model.Stored) []byte {
	buf = slices.Grow(buf[:0], at.Len)[:at.Len]
	if at.Off+int64(at.Len) > st.written.Load() {
		st.mu.Lock()
		if w := st.written.Load(); at.Off >= w {
			copy(buf, st.pending[at.Off-w:])
			st.mu.Unlock()
			return buf
		}
		st.mu.Unlock() // written since: a put is pending or in the file, whole
	}
	if _, err := st.f.ReadAt(buf, at.Off); err != nil {
		st.fail(err)
		return nil
	}
	return buf
}

// Load reads back a string put before; "" when the file cannot be read
// (the error is kept for close). Safe for concurrent use.
func (st *store) Load(at model.Stored) string {
	buf := st.bytes(at)
	return unsafe.String(unsafe.SliceData(buf), len(buf)) // buf is never written again
}

func (st *store) fail(err error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.err == nil {
		st.err = err
	}
}

// close removes the file and returns the first error of a write or read,
// which means that a page or the search index may have missed a body.
// The store reads nothing more after it.
func (st *store) close() error {
	if st == nil {
		return nil
	}
	st.mu.Lock()
	st.pending = nil
	st.mu.Unlock()
	err := st.f.Close()
	if !st.unlinked {
		err = errors.Join(err, os.Remove(st.f.Name()))
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.err != nil {
		return fmt.Errorf("temporary file of the converted bodies: %w", st.err)
	}
	return err
}

// stow moves the record's converted body, its HTML and plain text, into
// st (a build does so once the body is converted).
func (r record) stow(st *store) {
	if f := reflect.ValueOf(r.ptr).Elem().FieldByName("Content"); f.IsValid() {
		stowIn(f, st)
	}
}

// stowIn moves the HTML and Text of every model.Converted, and the Text
// of every model.ProcedureContent, in v into st.
func stowIn(v reflect.Value, st *store) {
	switch v.Kind() {
	case reflect.Struct:
		switch v.Type() {
		case reflect.TypeFor[model.Converted]():
			c := v.Addr().Interface().(*model.Converted)
			c.MarkupAt, c.Markup = st.put(c.Markup), ""
			c.TextAt, c.Text = st.put(c.Text), ""
			return
		case reflect.TypeFor[model.ProcedureContent]():
			c := v.Addr().Interface().(*model.ProcedureContent)
			c.TextAt, c.Text = st.put(c.Text), ""
		}
		for i := range v.NumField() {
			stowIn(v.Field(i), st)
		}
	case reflect.Slice:
		for i := range v.Len() {
			stowIn(v.Index(i), st)
		}
	}
}

// stowMarkdown moves the Markdown of the records a file decoded to into
// st, from when the file is read until the body is converted (unstow):
// the translations keep theirs, which the graph reads.
func stowMarkdown(e *model.Entries, st *store) {
	var srcs []*model.Source
	for _, x := range e.News {
		srcs = append(srcs, &x.Source)
	}
	for _, x := range e.Pages {
		srcs = append(srcs, &x.Source)
	}
	for _, x := range e.Issues {
		srcs = append(srcs, &x.Source)
	}
	for _, x := range e.Documents {
		srcs = append(srcs, &x.Source)
	}
	for _, x := range e.Procedures {
		srcs = append(srcs, &x.Source)
	}
	for _, x := range e.Consultations {
		srcs = append(srcs, &x.Source)
	}
	for _, x := range e.Budgets {
		srcs = append(srcs, &x.Source)
	}
	for _, x := range e.Projects {
		srcs = append(srcs, &x.Source)
	}
	for _, src := range srcs {
		src.MarkdownAt, src.Markdown = st.putBytes(src.Markdown), nil
	}
}

// unstow reads the record's Markdown back from its store, to convert it,
// into a buffer of fileBufs, which it returns (nil when it read
// nothing): the caller puts it back once the record is converted and
// released, when nothing holds a part of the Markdown any more.
func (r record) unstow() *[]byte {
	if f := reflect.ValueOf(r.ptr).Elem().FieldByName("Source"); f.IsValid() {
		src := f.Addr().Interface().(*model.Source)
		if at := src.MarkdownAt; at.Store != nil {
			buf := fileBufs.Get().(*[]byte)
			src.Markdown, src.MarkdownAt = at.Store.(*store).bytesInto(*buf, at), model.Stored{}
			*buf = src.Markdown
			return buf
		}
	}
	return nil
}
