package main

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"minhbach/internal/diag"
	"minhbach/internal/proof"
	"minhbach/internal/publog"
)

// cmdLog runs `minhbach log append`: the publication log's entry for a
// site published by other means than minhbach deploy (rsync, a copy).
func cmdLog(args []string, stdout, stderr io.Writer, now func() time.Time) int {
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
		args = []string{"append", "-h"}
	}
	if len(args) == 0 || args[0] != "append" {
		say(stderr, "minhbach log: want \"minhbach log append [--source FOLDER] [--destination FOLDER]\"")
		return 2
	}
	fl := newFlags("log append", diag.Phrase("minhbach log append: record in the publication log (nhat-ky-cap-nhat.jsonl) that the build in the destination folder was published.\nRun it after copying the site to the web server (minhbach deploy does it by itself)."), stderr)
	src := fl.String("source", ".", "the site's `FOLDER` (with site.yaml, content/, layouts/, assets/)")
	dest := fl.String("destination", "", "the `FOLDER` of the build that was published (default: public/ inside --source)")
	if code := parseFlags(fl, args[1:], stderr); code >= 0 {
		return code
	}
	if fl.NArg() > 0 {
		say(stderr, "minhbach log append: unexpected argument %q", fl.Arg(0))
		return 2
	}
	if *dest == "" {
		*dest = filepath.Join(*src, "public")
	}
	return appendLog(*src, *dest, now(), stdout, stderr)
}

// appendLog records the build in dest as published at when, in the log
// of the site in src, and prints what the entry holds. It returns the
// exit status.
func appendLog(src, dest string, when time.Time, stdout, stderr io.Writer) int {
	raw, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(proof.ManifestPath)))
	if errors.Is(err, fs.ErrNotExist) {
		say(stderr, "minhbach log: %s has no manifest %s: build the site first (minhbach build)", dest, "/"+proof.ManifestPath)
		return 1
	}
	if err != nil {
		say(stderr, "minhbach log: %v", err)
		return 1
	}
	e, err := publog.FromManifest(raw, when)
	if err != nil {
		say(stderr, "minhbach log: %v", err)
		return 1
	}
	got, err := publog.Add(src, e)
	var ce *publog.ChainError
	switch {
	case errors.Is(err, publog.ErrSameManifest):
		say(stdout, "minhbach log: entry %d already records this build: nothing added", got.N)
		return 0
	case errors.As(err, &ce):
		say(stderr, "minhbach log: %s:%d: %s", publog.File, ce.Line, ce.Message().In(lang))
		say(stderr, "minhbach log: nothing added: the log must be restored before it can grow")
		return 1
	case err != nil:
		say(stderr, "minhbach log: %v", err)
		return 1
	}
	say(stdout, "minhbach log: entry %d written to %s: %d added, %d changed, %d removed (it shows on the site from the next build)",
		got.N, filepath.Join(src, publog.File), len(got.Added), len(got.Changed), len(got.Removed))
	return 0
}
