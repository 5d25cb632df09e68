// Package wholefile writes a new file, or reads one, whole, with as few
// system calls as the platform allows.
//
// An os.File is made ready for Go's poller when it opens: on Linux that is
// two fcntl calls to make it non-blocking, an epoll_ctl that fails for a
// regular file, and two more fcntl calls to make it blocking again. A build
// writes tens of thousands of small files and reads as many, once each, so
// those calls were as many as the opens, writes and closes themselves. On
// Unix this package opens, reads or writes, and closes through package
// syscall; elsewhere it uses package os.
package wholefile

import (
	"io"
	"io/fs"
	"slices"
)

// maxSizeHint bounds the size a file's stat may make ReadInto reserve.
const maxSizeHint = 1 << 30

// grow returns buf emptied, with room for size bytes and one more, so that
// the end of a file of that size is seen at once.
func grow(buf []byte, size int64) []byte {
	if size < 0 || size >= maxSizeHint {
		size = 0
	}
	return slices.Grow(buf[:0], int(size)+1)
}

// ReadAllInto reads the open file f to its end into buf (reused when it
// has the room), making room first for the size its Stat gives and one
// byte more, to see the end at once.
func ReadAllInto(f fs.File, buf []byte) ([]byte, error) {
	size := int64(0)
	if info, err := f.Stat(); err == nil {
		size = info.Size()
	}
	buf = grow(buf, size)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
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
