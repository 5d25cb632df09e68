// Command profile builds a site in process, as minhbach build does, and
// writes a CPU profile and a heap profile taken when the heap in use was
// largest, for `go tool pprof`:
//
//	go run ./bench/cmd/profile -source SITE [-out DIR] [-cpu cpu.pprof] [-heap heap.pprof] [-allocs allocs.pprof] [-build-date 2026-11-23]
//
// It prints the wall time, the largest heap in use and the peak resident
// memory the kernel counted, and the wall and CPU time (user + system) of
// each stage of the build (read, graph, markdown, search, render, then
// the rest: sitemap, proof, commit).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"sync"
	"syscall"
	"time"

	"minhbach"
	"minhbach/internal/build"
	"minhbach/internal/output"
	"minhbach/internal/wholefile"
)

func main() {
	src := flag.String("source", "", "site folder (required)")
	out := flag.String("out", "", "output folder (default: a temporary one, removed)")
	cpu := flag.String("cpu", "cpu.pprof", "CPU profile file (empty: none)")
	heap := flag.String("heap", "heap.pprof", "heap profile at the largest heap in use (empty: none)")
	stageHeaps := flag.String("stage-heaps", "", "folder for one heap profile per stage, at its largest live heap (empty: none)")
	allocs := flag.String("allocs", "", "heap profile at the end, whose alloc_space is every allocation of the build (empty: none)")
	date := flag.String("build-date", "2026-11-23", "build date, yyyy-mm-dd")
	flag.Parse()
	if *src == "" {
		fmt.Fprintln(os.Stderr, "usage: profile -source SITE [-out DIR] [-cpu F] [-heap F]")
		os.Exit(2)
	}
	if err := run(*src, *out, *cpu, *heap, *allocs, *stageHeaps, *date); err != nil {
		fmt.Fprintln(os.Stderr, "profile:", err)
		os.Exit(1)
	}
}

func run(src, out, cpuFile, heapFile, allocsFile, stageHeaps, date string) error {
	now, err := time.Parse("2006-01-02", date)
	if err != nil {
		return err
	}
	if out == "" {
		tmp, err := os.MkdirTemp("", "profile")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		out = tmp + "/public"
	}
	if cpuFile != "" {
		f, err := os.Create(cpuFile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	var peak uint64
	var mu sync.Mutex
	done := make(chan struct{})
	progress := &build.Progress{}
	live := newLiveWatch(progress, stageHeaps)
	go live.run(done)
	go func() {
		t := time.NewTicker(250 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
			}
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			mu.Lock()
			if m.HeapInuse > peak*11/10 {
				peak = m.HeapInuse
				if heapFile != "" {
					if f, err := os.Create(heapFile); err == nil {
						_ = pprof.Lookup("heap").WriteTo(f, 0)
						f.Close()
					}
				}
			}
			mu.Unlock()
		}
	}()
	sink, err := output.NewDir(out, false)
	if err != nil {
		return err
	}
	stages := make(chan []stageTime, 1)
	go func() { stages <- watchStages(progress, done) }()
	start := time.Now()
	res, err := build.Build(context.Background(), build.Options{Source: wholefile.DirFS(src), Theme: minhbach.Theme, Now: now, Progress: progress}, sink)
	close(done)
	printStages(<-stages, start)
	live.print()
	if allocsFile != "" {
		f, ferr := os.Create(allocsFile)
		if ferr != nil {
			return ferr
		}
		_ = pprof.Lookup("allocs").WriteTo(f, 0)
		f.Close()
	}
	if err != nil {
		sink.Abort()
		return err
	}
	if res.Diags.HasErrors() {
		sink.Abort()
		return fmt.Errorf("the site has errors:\n%v", res.Diags)
	}
	if err := sink.Commit(); err != nil {
		return err
	}
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	mu.Lock()
	defer mu.Unlock()
	fmt.Printf("%d pages, %d files in %.2f s; largest heap in use %d MiB; peak RSS %d MiB\n",
		res.Pages, sink.Stats().Files, time.Since(start).Seconds(), peak>>20, ru.Maxrss>>10)
	return nil
}

// stageTime is when a stage of the build began, in wall time and CPU time.
type stageTime struct {
	name string
	wall time.Time
	cpu  time.Duration
}

// cpuTime is the process's user + system time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// watchStages polls the build's stage every 10 ms until done.
func watchStages(p *build.Progress, done <-chan struct{}) []stageTime {
	var out []stageTime
	t := time.NewTicker(10 * time.Millisecond)
	defer t.Stop()
	for {
		st := p.Snapshot()
		if st.Running && (len(out) == 0 || out[len(out)-1].name != st.Stage) {
			out = append(out, stageTime{st.Stage, time.Now(), cpuTime()})
		}
		select {
		case <-done:
			return append(out, stageTime{"end", time.Now(), cpuTime()})
		case <-t.C:
		}
	}
}

func printStages(st []stageTime, start time.Time) {
	for i := 0; i+1 < len(st); i++ {
		wall := st[i+1].wall.Sub(st[i].wall).Seconds()
		cpu := (st[i+1].cpu - st[i].cpu).Seconds()
		fmt.Printf("  %-10s from %6.2f s: %6.2f s wall, %6.2f s CPU (%.1f cores)\n", st[i].name, st[i].wall.Sub(start).Seconds(), wall, cpu, cpu/max(wall, 1e-9))
	}
}
