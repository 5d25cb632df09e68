package main

import (
	"os"
	"runtime/debug"
)

// memoryCap is the soft memory limit a build sets itself (1.75 GiB), unless
// the machine has less than twice as much memory or GOMEMLIMIT is set.
//
// Go's collector lets the heap grow to twice what its last collection
// kept (GOGC=100): a build of 250 000 documents, which keeps about 1.2 GB
// live, would take 2.5–4 GB. Under the limit the collector runs earlier
// once the heap nears it, and only then: a site whose heap stays below it
// (every site of up to about 100 000 pages) builds exactly as without it.
// The limit is soft: a site that keeps more than the limit live still
// builds, the runtime spending at most half the CPU on collections, and
// goes over it. 1.75 GiB keeps a build of 250 000 documents within the
// 2 GiB of issue 17, with room for what the runtime does not count
// (the program's code, the kernel's buffers).
const memoryCap = 1792 << 20

// memoryLimit returns the soft memory limit of a build on a machine with
// physical bytes of memory (0 when unknown): memoryCap, or half the
// machine's memory when that is less, so that a small machine or
// container keeps room for the system and the page cache.
func memoryLimit(physical int64) int64 {
	if physical > 0 {
		return min(memoryCap, physical/2)
	}
	return memoryCap
}

// limitMemory sets the soft memory limit of a build (see memoryCap) and
// lets the collector's percentage follow the live heap (tuneGC), unless
// GOMEMLIMIT sets a limit, and returns a function that restores both.
func limitMemory() (restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	limit := memoryLimit(physicalMemory())
	before := debug.SetMemoryLimit(limit)
	stopTuning := tuneGC(heapTarget(limit))
	return func() {
		stopTuning()
		debug.SetMemoryLimit(before)
	}
}
