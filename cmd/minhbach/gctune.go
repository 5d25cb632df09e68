package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// A build allocates many times what it keeps: at 50 000 pages about
// 7.6 GB, against a live heap of 150–300 MB. With Go's default (GOGC=100)
// the collector runs each time the heap doubles what the last collection
// kept, 90 times in that build, for 11 % of its CPU. Its work is
// proportional to what is allocated divided by the room between the live
// heap and the goal, so a larger goal while the live heap is small saves
// CPU and costs only memory the build may use anyway.
//
// So during a build the collector's percentage follows the live heap
// after each collection: the heap may grow to heapTarget, but never to
// less than twice the live heap (GOGC=100, the default, as before), nor
// to more than six times it (GOGC=500). A large site, whose live heap is
// half the target or more, runs exactly as with the default; the soft
// memory limit (memoryCap) still bounds every build.

// Bounds of the percentage a build sets.
const (
	minGCPercent = 100
	maxGCPercent = 500
)

// heapTarget returns the heap a build lets grow before collecting, under
// the soft memory limit limit: 2/7 of it, 512 MiB under 1.75 GiB. The
// process's peak RSS is a third or more above the heap's: a build of
// 50 000 pages, 640–740 MiB of RSS with the default, took 750–810 MiB
// (a target of 640 MiB took it to 840–895, 768 MiB past 1 GiB), while
// the collector ran about 30 times instead of 85.
func heapTarget(limit int64) uint64 { return uint64(limit) / 7 * 2 }

// gcPercent returns the percentage (GOGC) that lets a heap whose last
// collection kept live bytes grow to target, within its bounds.
func gcPercent(live, target uint64) int {
	if live == 0 || live >= target/2 {
		return minGCPercent
	}
	return int(min(max((target-live)*100/live, minGCPercent), maxGCPercent))
}

// tuneGC makes the collector's percentage follow the live heap after each
// collection, toward target (see gcPercent), unless GOGC is set, and
// returns the function that stops it and restores the percentage before.
func tuneGC(target uint64) (stop func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	before := debug.SetGCPercent(gcPercent(0, target))
	var stopped atomic.Bool
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var arm func()
	arm = func() {
		// A cleanup runs once the collector has found its object
		// unreachable: once per collection, re-armed each time.
		runtime.AddCleanup(new([16]byte), func(struct{}) {
			if stopped.Load() {
				return
			}
			metrics.Read(sample)
			if sample[0].Value.Kind() == metrics.KindUint64 {
				debug.SetGCPercent(gcPercent(sample[0].Value.Uint64(), target))
			}
			arm()
		}, struct{}{})
	}
	arm()
	return func() {
		stopped.Store(true)
		debug.SetGCPercent(before)
	}
}
