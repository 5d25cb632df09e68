package search

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"runtime"
)

// spillMin is the fewest bytes of postings a term must hold in memory to
// be spilled: the many terms of one or two documents stay, their
// postings being smaller than a segment's header.
const spillMin = 64

// spill keeps the postings of a large site's index in a temporary file
// while the index is built (Options.SpillBytes): the site's postings
// are hundreds of megabytes at 250 000 documents, and only one term's are
// needed at a time once every document is counted. A term's spilled
// postings are segments chained backwards in the file, each a header
// (the offset + 1 of the term's segment before, 0 for none; the length)
// and the bytes, in document order. Not safe for concurrent use.
type spill struct {
	f        *os.File
	unlinked bool
	w        *bufio.Writer
	end      int64
	err      error
}

const segmentHeader = 12

func newSpill() (*spill, error) {
	f, err := os.CreateTemp("", "minhbach-postings-*")
	if err != nil {
		return nil, fmt.Errorf("search: temporary file for the postings: %w", err)
	}
	s := &spill{f: f, w: bufio.NewWriterSize(f, 1<<20)}
	if runtime.GOOS != "windows" {
		// The open file stays usable; a killed build leaves none.
		s.unlinked = os.Remove(f.Name()) == nil
	}
	return s, nil
}

// spilled is called for each segment put (a test counts them).
var spilled = func() {}

// put appends a segment of data after the segment at prev (offset + 1;
// 0 for none) and returns its own offset + 1.
func (s *spill) put(prev int64, data []byte) int64 {
	var h [segmentHeader]byte
	binary.LittleEndian.PutUint64(h[:8], uint64(prev))
	binary.LittleEndian.PutUint32(h[8:], uint32(len(data)))
	spilled()
	at := s.end
	if _, err := s.w.Write(h[:]); err != nil && s.err == nil {
		s.err = err
	}
	if _, err := s.w.Write(data); err != nil && s.err == nil {
		s.err = err
	}
	s.end += segmentHeader + int64(len(data))
	return at + 1
}

// flush makes what put wrote readable.
func (s *spill) flush() {
	if err := s.w.Flush(); err != nil && s.err == nil {
		s.err = err
	}
}

// read returns the postings of the segments chained from last (offset +
// 1), in document order, followed by tail.
func (s *spill) read(last int64, tail []byte) []byte {
	type segment struct {
		off int64
		n   int
	}
	var segs []segment
	total := len(tail)
	var h [segmentHeader]byte
	for at := last; at != 0; {
		if _, err := s.f.ReadAt(h[:], at-1); err != nil {
			if s.err == nil {
				s.err = err
			}
			return tail
		}
		n := int(binary.LittleEndian.Uint32(h[8:]))
		segs = append(segs, segment{at - 1 + segmentHeader, n})
		total += n
		at = int64(binary.LittleEndian.Uint64(h[:8]))
	}
	out := make([]byte, 0, total)
	for i := len(segs) - 1; i >= 0; i-- {
		g := segs[i]
		out = out[:len(out)+g.n]
		if _, err := s.f.ReadAt(out[len(out)-g.n:], g.off); err != nil && s.err == nil {
			s.err = err
		}
	}
	return append(out, tail...)
}

// close removes the file and returns the first error of a write or read;
// once closed, it does nothing (Build closes it once its postings are
// read, and again, deferred, on every way out).
func (s *spill) close() error {
	if s == nil || s.f == nil {
		return nil
	}
	f := s.f
	s.f = nil
	err := f.Close()
	if !s.unlinked {
		err = errors.Join(err, os.Remove(f.Name()))
	}
	if s.err != nil {
		return fmt.Errorf("search: temporary file of the postings: %w", s.err)
	}
	return err
}
