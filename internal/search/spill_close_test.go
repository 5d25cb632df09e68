package search

import (
	"bytes"
	"os"
	"testing"
)

// TestSpillClosesOnce: Build closes its spill once the postings are read
// and again, deferred, on its way out; the second close must neither fail
// nor touch a file descriptor that may since belong to another file.
func TestSpillClosesOnce(t *testing.T) {
	s, err := newSpill()
	if err != nil {
		t.Fatal(err)
	}
	name := s.f.Name()
	at := s.put(0, []byte("abc"))
	at = s.put(at, []byte("de"))
	s.flush()
	if got := s.read(at, []byte("f")); !bytes.Equal(got, []byte("abcdef")) {
		t.Errorf("read = %q, want the segments in order and the tail: abcdef", got)
	}
	if err := s.close(); err != nil {
		t.Fatalf("first close: %v", err)
	}
	if err := s.close(); err != nil {
		t.Errorf("second close: %v, want nothing done", err)
	}
	if _, err := os.Stat(name); !os.IsNotExist(err) {
		t.Errorf("the spill's file %s is still there after close (%v)", name, err)
	}
}
