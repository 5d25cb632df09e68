package main

import (
	"math"
	"runtime/debug"
	"testing"
)

func TestMemoryLimit(t *testing.T) {
	for _, c := range []struct{ physical, want int64 }{
		{0, memoryCap},
		{24 << 30, memoryCap},
		{4 << 30, memoryCap},
		{2 << 30, 1 << 30},
		{512 << 20, 256 << 20},
	} {
		if got := memoryLimit(c.physical); got != c.want {
			t.Errorf("memoryLimit(%d) = %d, want %d", c.physical, got, c.want)
		}
	}
}

func TestLimitMemory(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	t.Setenv("GOMEMLIMIT", "")
	restore := limitMemory()
	if got, want := debug.SetMemoryLimit(-1), memoryLimit(physicalMemory()); got != want {
		t.Errorf("limit during a build = %d, want %d", got, want)
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("limit after = %d, want %d as before", got, before)
	}

	t.Setenv("GOMEMLIMIT", "3GiB")
	restore = limitMemory()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("with GOMEMLIMIT set, limit = %d, want %d (left alone)", got, before)
	}
	restore()
	if before != math.MaxInt64 {
		t.Logf("the test process had a limit already: %d", before)
	}
}
