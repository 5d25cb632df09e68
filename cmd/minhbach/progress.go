package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"golang.org/x/term"

	"minhbach/internal/build"
	"minhbach/internal/diag"
	"minhbach/internal/images"
	"minhbach/internal/output"
)

// progressDelay is how long a build runs before its progress is shown:
// a quick build prints nothing more than before.
const progressDelay = 2 * time.Second

// progressTick is how often the progress line is rewritten.
const progressTick = 250 * time.Millisecond

// isTerminal reports whether w is a terminal (not a file, a pipe or a
// test's buffer).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// progressLine shows, on a terminal, how a build that has run for longer
// than its delay is going: one line, rewritten in place, cleared when the
// build ends. Other output to the same terminal goes through Write, which
// clears the line first, so that a preview's log lines never run into it.
type progressLine struct {
	p     *build.Progress
	w     io.Writer
	delay time.Duration

	mu      sync.Mutex
	shown   bool
	stop    chan struct{}
	done    chan struct{}
	stopped sync.Once
}

// startProgress follows the builds of p on w when w is a terminal, and
// returns the writer for the command's other output to w (w itself when
// it is not a terminal) and a function that stops it. Without a terminal
// it returns a nil *build.Progress: the build then keeps no count.
func startProgress(w io.Writer) (*build.Progress, io.Writer, func()) {
	if !isTerminal(w) {
		return nil, w, func() {}
	}
	l := newProgressLine(w, &build.Progress{}, progressDelay, progressTick)
	return l.p, l, l.close
}

func newProgressLine(w io.Writer, p *build.Progress, delay, tick time.Duration) *progressLine {
	l := &progressLine{p: p, w: w, delay: delay, stop: make(chan struct{}), done: make(chan struct{})}
	go l.loop(tick)
	return l
}

func (l *progressLine) loop(tick time.Duration) {
	defer close(l.done)
	t := time.NewTicker(tick)
	defer t.Stop()
	for {
		select {
		case <-l.stop:
			return
		case <-t.C:
		}
		s := l.p.Snapshot()
		l.mu.Lock()
		switch {
		case s.Running && time.Since(s.Start) >= l.delay:
			fmt.Fprintf(l.w, "\r\x1b[K%s", progressText(s, time.Since(s.Start)))
			l.shown = true
		case !s.Running:
			l.clear()
		}
		l.mu.Unlock()
	}
}

// clear erases the line shown. Called with l.mu held.
func (l *progressLine) clear() {
	if l.shown {
		fmt.Fprint(l.w, "\r\x1b[K")
		l.shown = false
	}
}

// Write writes p on the terminal, below nothing: the progress line is
// cleared first and drawn again at the next tick.
func (l *progressLine) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.clear()
	return l.w.Write(p)
}

// close stops the line and clears it. It may be called more than once.
func (l *progressLine) close() {
	l.stopped.Do(func() {
		close(l.stop)
		<-l.done
		l.mu.Lock()
		l.clear()
		l.mu.Unlock()
	})
}

// progressText is the progress line: the stage, what is done of it, and
// the time since the build began, in the user's language.
func progressText(s build.ProgressState, since time.Duration) string {
	secs := int(since.Seconds())
	switch s.Stage {
	case "read":
		return lang.Sprintf("minhbach: %s (%d s)", diag.Phrase("reading the content files"), secs)
	case "graph":
		return lang.Sprintf("minhbach: %s (%d s)", diag.Phrase("checking and linking the content"), secs)
	case "markdown":
		return lang.Sprintf("minhbach: %s (%d s)", diag.Phrase("turning the texts into pages"), secs)
	case "search":
		return lang.Sprintf("minhbach: %s (%d s)", diag.Phrase("indexing for search"), secs)
	case "render":
		if s.PictureTotal > 0 {
			return lang.Sprintf("minhbach: writing files %d/%d, photos resized %d/%d (%d s)", s.Done, s.Total, s.Pictures, s.PictureTotal, secs)
		}
		return lang.Sprintf("minhbach: writing files %d/%d (%d s)", s.Done, s.Total, secs)
	}
	return lang.Sprintf("minhbach: %s (%d s)", diag.Phrase("building the site"), secs)
}

// openPictures opens the cache of photo copies of the site at src
// (output.CacheDir/anh). When it cannot, the build goes on without it and
// says why on stderr. With readOnly (check, which writes nothing) it uses
// the cache only if it exists, and adds nothing to it.
func openPictures(src string, stderr io.Writer, readOnly bool) (images.Store, func()) {
	dir := filepath.Join(src, output.CacheDir, "anh")
	if readOnly {
		if _, err := os.Stat(dir); err != nil {
			return nil, func() {}
		}
	}
	c, err := output.OpenCache(dir)
	if err != nil {
		say(stderr, "minhbach: cannot use the folder of photo copies (%v): photos are resized again on every build", err)
		return nil, func() {}
	}
	if readOnly {
		return readOnlyStore{c}, func() { _ = c.Close() }
	}
	return c, func() { _ = c.Close() }
}

// readOnlyStore reads a Store and keeps nothing in it.
type readOnlyStore struct{ images.Store }

func (readOnlyStore) Put(string, []byte) error { return errReadOnly }

var errReadOnly = errors.New("read-only")
