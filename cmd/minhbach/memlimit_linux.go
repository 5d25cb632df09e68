package main

import (
	"os"
	"strconv"
	"strings"
	"syscall"
)

// physicalMemory returns the memory the process may use, in bytes: the
// machine's, or its container's (cgroup v2 memory.max) when smaller; 0
// when unknown.
func physicalMemory() int64 {
	var total int64
	var si syscall.Sysinfo_t
	if syscall.Sysinfo(&si) == nil {
		total = int64(si.Totalram) * int64(si.Unit)
	}
	if data, err := os.ReadFile("/sys/fs/cgroup/memory.max"); err == nil {
		if n, err := strconv.ParseInt(strings.TrimSpace(string(data)), 10, 64); err == nil && n > 0 && (total == 0 || n < total) {
			total = n
		}
	}
	return total
}
