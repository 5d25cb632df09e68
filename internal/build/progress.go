package build

import (
	"sync"
	"sync/atomic"
	"time"
)

// Progress follows builds from another goroutine, for a caller that shows
// how a long one is going: the build updates it, the caller reads
// Snapshot when it likes (a terminal line every few hundred
// milliseconds). One Progress may follow many builds one after the
// other, as a preview's rebuilds. It is safe for concurrent use; the
// methods of a nil *Progress do nothing.
type Progress struct {
	mu      sync.Mutex
	running bool
	start   time.Time
	stage   string

	done, total, pictures, pictureTotal atomic.Int64
}

// ProgressState is what a Progress knows at one moment.
type ProgressState struct {
	// Running tells that a build is under way, since Start.
	Running bool
	Start   time.Time
	// Stage is the stage under way: "read" (content files), "graph"
	// (records linked and checked), "markdown" (bodies converted),
	// "search" (the search index) or "render" (pages and copies of
	// photos).
	Stage string
	// Done and Total count the files rendered and to render, and
	// Pictures and PictureTotal the photos whose copies are made (or
	// read from the Store) among them.
	Done, Total, Pictures, PictureTotal int
}

// Snapshot returns the state of the build under way, or of the last one.
func (p *Progress) Snapshot() ProgressState {
	if p == nil {
		return ProgressState{}
	}
	p.mu.Lock()
	s := ProgressState{Running: p.running, Start: p.start, Stage: p.stage}
	p.mu.Unlock()
	s.Done, s.Total = int(p.done.Load()), int(p.total.Load())
	s.Pictures, s.PictureTotal = int(p.pictures.Load()), int(p.pictureTotal.Load())
	return s
}

func (p *Progress) begin() {
	if p == nil {
		return
	}
	p.mu.Lock()
	p.running, p.start, p.stage = true, time.Now(), "read"
	p.mu.Unlock()
	p.done.Store(0)
	p.total.Store(0)
	p.pictures.Store(0)
	p.pictureTotal.Store(0)
}

func (p *Progress) end() {
	if p == nil {
		return
	}
	p.mu.Lock()
	p.running = false
	p.mu.Unlock()
}

func (p *Progress) setStage(s string) {
	if p == nil {
		return
	}
	p.mu.Lock()
	p.stage = s
	p.mu.Unlock()
}

// rendering starts the render stage with total files, of which pictures
// make the copies of a photo.
func (p *Progress) rendering(total, pictures int) {
	if p == nil {
		return
	}
	p.total.Store(int64(total))
	p.pictureTotal.Store(int64(pictures))
	p.setStage("render")
}

// rendered counts one file done.
func (p *Progress) rendered(picture bool) {
	if p == nil {
		return
	}
	p.done.Add(1)
	if picture {
		p.pictures.Add(1)
	}
}
