package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/metrics"
	"runtime/pprof"
	"sync"
	"time"

	"minhbach/internal/build"
)

// liveWatch follows the live heap (the heap marked by the last collection)
// stage by stage: the largest per stage, and, when given a folder, a heap
// profile of each stage taken when its live heap was largest
// (DIR/heap-<stage>.pprof).
type liveWatch struct {
	progress *build.Progress
	dir      string
	mu       sync.Mutex
	order    []string
	largest  map[string]uint64
}

func newLiveWatch(p *build.Progress, dir string) *liveWatch {
	return &liveWatch{progress: p, dir: dir, largest: map[string]uint64{}}
}

func (w *liveWatch) run(done <-chan struct{}) {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-done:
			return
		case <-t.C:
		}
		st := w.progress.Snapshot()
		if !st.Running {
			continue
		}
		metrics.Read(sample)
		v := sample[0].Value.Uint64()
		w.mu.Lock()
		old, seen := w.largest[st.Stage]
		if !seen {
			w.order = append(w.order, st.Stage)
		}
		if v > old {
			w.largest[st.Stage] = v
			if w.dir != "" && v > old*21/20 {
				if f, err := os.Create(filepath.Join(w.dir, "heap-"+st.Stage+".pprof")); err == nil {
					_ = pprof.Lookup("heap").WriteTo(f, 0)
					f.Close()
				}
			}
		}
		w.mu.Unlock()
	}
}

func (w *liveWatch) print() {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, s := range w.order {
		fmt.Printf("  %-10s largest live heap %5d MiB\n", s, w.largest[s]>>20)
	}
}
