// Command minhbach builds the static portal of a Vietnamese provincial
// People's Committee Office from Markdown and catalogue files.
//
//	minhbach build   [--source DIR] [--destination DIR] [--base-url URL] [--drafts] [--build-date DATE] [--gzip]
//	minhbach check   [--source DIR] [--drafts] [--build-date DATE]
//	minhbach serve   [--source DIR] [--port 1313] [--bind 127.0.0.1] [--drafts]
//	minhbach new     news|page "Tiêu đề" [--source DIR] [--category NAME]
//	minhbach version
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"syscall"
	"time"

	"minhbach"
	"minhbach/internal/build"
	"minhbach/internal/meta"
	"minhbach/internal/output"
	"minhbach/internal/serve"
)

// version is set at link time (-ldflags "-X main.version=…").
var version = "0.1.0-dev"

const usage = `minhbach: trình tạo trang tĩnh cho cổng thông tin điện tử (a static site generator for
Vietnamese provincial portals).

Usage:
  minhbach build    build the site into public/
  minhbach check    validate the content; write nothing
  minhbach serve    preview the site at http://127.0.0.1:1313/, rebuilt on every save
  minhbach new      create a news item or page: minhbach new news "Tiêu đề"
  minhbach version  print the version
  minhbach help CMD show the flags of a command

Exit status: 0 on success (warnings allowed), 1 when the content has errors, 2 on bad usage.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr, time.Now))
}

// run is main without the process: it returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, now func() time.Time) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, args := args[0], args[1:]
	switch cmd {
	case "build":
		return cmdBuild(ctx, args, stdout, stderr, now, false)
	case "check":
		return cmdBuild(ctx, args, stdout, stderr, now, true)
	case "serve":
		return cmdServe(ctx, args, stdout, stderr, now)
	case "new":
		return cmdNew(args, stdout, stderr, now)
	case "version", "--version":
		fmt.Fprintln(stdout, versionString())
		return 0
	case "help", "-h", "--help":
		if len(args) == 1 {
			return run(ctx, []string{args[0], "-h"}, stdout, stderr, now)
		}
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "minhbach: unknown command %q\n\n%s", cmd, usage)
	return 2
}

func versionString() string {
	v := "minhbach " + version
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v += " (" + s.Value[:12] + ")"
			}
		}
	}
	return v + " " + runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH
}

func newFlags(name, summary string, stderr io.Writer) *flag.FlagSet {
	fl := flag.NewFlagSet(name, flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() {
		fmt.Fprintf(stderr, "%s\n\nFlags:\n", summary)
		fl.PrintDefaults()
	}
	return fl
}

func cmdBuild(ctx context.Context, args []string, stdout, stderr io.Writer, now func() time.Time, checkOnly bool) int {
	name, summary := "build", "minhbach build: validate the site and write it to the destination folder.\nThe previous output stays untouched unless the whole build succeeds."
	if checkOnly {
		name, summary = "check", "minhbach check: validate the site and report every problem; write nothing."
	}
	fl := newFlags(name, summary, stderr)
	src := fl.String("source", ".", "the site's folder (with site.yaml, content/, layouts/, assets/)")
	dest := fl.String("destination", "", "output folder (default: public/ inside --source)")
	baseURL := fl.String("base-url", "", "the URL the site is served from, replacing site.yaml's base_url")
	drafts := fl.Bool("drafts", false, "include news marked draft: true")
	buildDate := fl.String("build-date", "", "decide publish_date/expiry_date as of this date (YYYY-MM-DD or RFC 3339) instead of now")
	gz := fl.Bool("gzip", false, "also write a precompressed .gz beside each text file (for nginx gzip_static)")
	noMinify := fl.Bool("no-minify", false, "write HTML, CSS, JS, XML and JSON unminified")
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "minhbach %s: unexpected argument %q\n", name, fl.Arg(0))
		return 2
	}
	when := now()
	if *buildDate != "" {
		t, err := meta.ParseDate(*buildDate)
		if err != nil {
			fmt.Fprintf(stderr, "minhbach %s: --build-date: %v\n", name, err)
			return 2
		}
		when = t
	}
	if *dest == "" {
		*dest = filepath.Join(*src, "public")
	}
	start := time.Now()
	prog, stderr, stopProgress := startProgress(stderr)
	defer stopProgress()
	pictures, closePictures := openPictures(*src, stderr, checkOnly)
	defer closePictures()
	opt := build.Options{Source: os.DirFS(*src), Theme: minhbach.Theme, Now: when, Drafts: *drafts, BaseURL: *baseURL, NoMinify: *noMinify,
		Pictures: pictures, Progress: prog}

	var sink output.Sink
	var dir *output.Dir
	if checkOnly {
		sink = discard{}
	} else {
		var err error
		if dir, err = output.NewDir(*dest, *gz); err != nil {
			fmt.Fprintf(stderr, "minhbach: %v\n", err)
			return 1
		}
		sink = dir
	}
	res, err := build.Build(ctx, opt, sink)
	stopProgress()
	fmt.Fprint(stderr, res.Diags.Format(50))
	errs, warns := res.Diags.Count()
	if err != nil || errs > 0 {
		if dir != nil {
			_ = dir.Abort()
		}
		if err != nil {
			fmt.Fprintf(stderr, "minhbach: %v\n", err)
		}
		if errs > 0 {
			fmt.Fprintf(stderr, "minhbach: %d errors, %d warnings: nothing written", errs, warns)
			if !checkOnly {
				fmt.Fprintf(stderr, " (%s is unchanged)", *dest)
			}
			fmt.Fprintln(stderr)
		}
		return 1
	}
	secs := time.Since(start).Seconds()
	if checkOnly {
		fmt.Fprintf(stdout, "minhbach check: %d pages, 0 errors, %d warnings in %.2f s\n", res.Pages, warns, secs)
		return 0
	}
	if err := dir.Commit(); err != nil {
		fmt.Fprintf(stderr, "minhbach: %v\n", err)
		return 1
	}
	st := dir.Stats()
	fmt.Fprintf(stdout, "minhbach build: %d pages, %d files, %d bytes, %d warnings in %.2f s → %s\n",
		res.Pages, st.Files, st.Bytes, warns, secs, *dest)
	return 0
}

// discard is the sink of `check`: it checks output paths and keeps nothing.
type discard struct{}

func (discard) Put(p string, _ []byte) error { return output.CheckPath(p) }

func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer, now func() time.Time) int {
	fl := newFlags("serve", "minhbach serve: build the site in memory and serve it for preview, rebuilding on every save\n(public/ is never touched). Stop with Ctrl-C.", stderr)
	src := fl.String("source", ".", "the site's folder (with site.yaml, content/, layouts/, assets/)")
	port := fl.Int("port", 1313, "the port to listen on (0: any free port)")
	bind := fl.String("bind", "127.0.0.1", "the address to listen on (0.0.0.0 shows the preview to the whole network)")
	drafts := fl.Bool("drafts", false, "include news marked draft: true")
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "minhbach serve: unexpected argument %q\n", fl.Arg(0))
		return 2
	}
	if *port == 0 {
		*port = -1
	}
	prog, stderr, stopProgress := startProgress(stderr)
	defer stopProgress()
	pictures, closePictures := openPictures(*src, stderr, false)
	defer closePictures()
	opt := serve.Options{Dir: *src, Theme: minhbach.Theme, Bind: *bind, Port: *port, Drafts: *drafts, Now: now(), Log: stderr,
		Pictures: pictures, Progress: prog}
	err := serve.Run(ctx, opt, func(url string) {
		fmt.Fprintf(stdout, "minhbach serve: xem trước tại %s (Ctrl-C để dừng)\n", url)
	})
	if err != nil {
		fmt.Fprintf(stderr, "minhbach serve: %v\n", err)
		return 1
	}
	return 0
}
