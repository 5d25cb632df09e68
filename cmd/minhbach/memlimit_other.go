//go:build !linux

package main

// physicalMemory returns 0 (unknown) outside Linux: a build's memory limit
// is then memoryCap.
func physicalMemory() int64 { return 0 }
