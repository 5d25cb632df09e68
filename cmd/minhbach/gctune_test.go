package main

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestGCPercent(t *testing.T) {
	const target = 512 << 20
	for _, c := range []struct {
		live uint64
		want int
	}{
		{0, minGCPercent},          // no collection yet: as the default
		{20 << 20, maxGCPercent},   // a small site: six times its live heap
		{64 << 20, maxGCPercent},   // 512/64 − 1 = 7, above the bound
		{128 << 20, 300},           // grows to the target
		{200 << 20, 156},           //
		{256 << 20, minGCPercent},  // half the target: the default
		{1200 << 20, minGCPercent}, // 250 000 documents: the default, under the limit
	} {
		if got := gcPercent(c.live, target); got != c.want {
			t.Errorf("gcPercent(%d MiB) = %d, want %d", c.live>>20, got, c.want)
		}
	}
	if got, want := heapTarget(memoryCap), uint64(512<<20); got != want {
		t.Errorf("heapTarget(memoryCap) = %d MiB, want %d MiB", got>>20, want>>20)
	}
}

// TestTuneGC checks that a build's percentage follows the live heap after
// a collection, and that stopping restores the percentage before; GOGC
// set by the user is left alone.
func TestTuneGC(t *testing.T) {
	t.Setenv("GOGC", "")
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)

	keep := make([][]byte, 0, 64)
	for range 64 {
		keep = append(keep, make([]byte, 1<<20)) // 64 MiB live
	}
	const target = 512 << 20 // 512/64 − 1 = 7: the upper bound, 500
	stop := tuneGC(target)
	var got int
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); {
		runtime.GC()
		time.Sleep(10 * time.Millisecond) // the cleanup runs on its own goroutine
		got = debug.SetGCPercent(-1)      // read it, and put it back
		debug.SetGCPercent(got)
		if got == maxGCPercent {
			break
		}
	}
	if got != maxGCPercent {
		t.Errorf("percent with 64 MiB live toward 512 MiB = %d, want %d", got, maxGCPercent)
	}
	runtime.KeepAlive(keep)
	stop()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("percent after stop = %d, want 100 as before", got)
	}

	t.Setenv("GOGC", "80")
	debug.SetGCPercent(80)
	stop = tuneGC(target)
	runtime.GC()
	time.Sleep(50 * time.Millisecond)
	if got := debug.SetGCPercent(80); got != 80 {
		t.Errorf("with GOGC=80 set, percent = %d, want 80 (left alone)", got)
	}
	stop()
}
