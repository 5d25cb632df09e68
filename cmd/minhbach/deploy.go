package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"minhbach/internal/config"
	"minhbach/internal/deploy"
	"minhbach/internal/diag"
)

func cmdDeploy(ctx context.Context, args []string, stdout, stderr io.Writer, now func() time.Time) int {
	fl := newFlags("deploy", diag.Phrase("minhbach deploy: publish the built site (public/) to the target, an S3-compatible bucket or a folder.\nRun minhbach build first: deploy sends what build wrote. Only new and changed files are sent,\nassets first and pages after them; files no longer in public/ are deleted last."), stderr)
	src := fl.String("source", ".", "the site's `FOLDER` (with site.yaml, content/, layouts/, assets/)")
	from := fl.String("public", "", "the built `FOLDER` to publish (default: public/ inside --source)")
	target := fl.String("target", "", "where to publish, a `URL`: s3://bucket/prefix?endpoint=…&region=… or file:///path/to/folder (default: deploy.target in site.yaml)")
	dry := fl.Bool("dry-run", false, "print what would be uploaded and deleted, and change nothing")
	maxDeletes := fl.Int("max-deletes", 256, "refuse a deploy that would delete more than `N` files")
	force := fl.Bool("force", false, "delete even more files than --max-deletes allows")
	if code := parseFlags(fl, args, stderr); code >= 0 {
		return code
	}
	if fl.NArg() > 0 {
		say(stderr, "minhbach deploy: unexpected argument %q", fl.Arg(0))
		return 2
	}
	if *from == "" {
		*from = filepath.Join(*src, "public")
	}
	var site config.Deploy
	if data, err := os.ReadFile(filepath.Join(*src, config.File)); err == nil {
		cfg, d := config.Load(data)
		fmt.Fprint(stderr, d.FormatIn(lang, 50))
		if d.HasErrors() {
			return 1
		}
		site = cfg.Deploy
	} else if *target == "" {
		say(stderr, "minhbach deploy: cannot read %s: %v", filepath.Join(*src, config.File), err)
		return 1
	}
	if *target == "" {
		*target = site.Target
	}
	if *target == "" {
		say(stderr, "minhbach deploy: no target: give --target URL, or write deploy.target in site.yaml")
		return 2
	}
	if msg := config.CheckTarget(*target); !msg.IsZero() {
		say(stderr, "minhbach deploy: %s", msg)
		return 2
	}
	if _, err := os.Stat(filepath.Join(*from, "index.html")); err != nil {
		say(stderr, "minhbach deploy: %s holds no built site (no index.html): run minhbach build first", *from)
		return 1
	}

	start := time.Now()
	pr := &deploy.Progress{Start: start}
	stopProgress := deployProgress(stderr, pr)
	defer stopProgress()
	t, closeTarget, err := deploy.Open(ctx, *target)
	if err != nil {
		stopProgress()
		return deployFailed(stderr, err)
	}
	defer closeTarget()
	files, err := deploy.Scan(*from, deploy.ScanOptions{
		Rules: deploy.NewRules(site.Headers),
		Twins: !t.KeepsHeaders(),
		Gzip:  t.KeepsHeaders() && site.Gzip,
	})
	if err != nil {
		stopProgress()
		say(stderr, "minhbach deploy: cannot read %s: %v", *from, err)
		return 1
	}
	remote, err := t.List(ctx)
	if err != nil {
		stopProgress()
		return deployFailed(stderr, err)
	}
	plan := deploy.NewPlan(files, remote, t.KeepsHeaders())
	t.SetRetired(plan.Hold(t.Retired(), now(), deploy.KeepOld))
	if *dry {
		stopProgress()
		printPlan(stdout, plan, t, *maxDeletes, *force)
		return 0
	}
	sum, err := deploy.Run(ctx, t, plan, deploy.Options{MaxDeletes: *maxDeletes, Force: *force, Progress: pr})
	stopProgress()
	if err != nil {
		if sum.Uploaded > 0 {
			say(stderr, "minhbach deploy: stopped after %d of %d files (%d bytes); nothing was deleted. Run the same command again to finish", sum.Uploaded, len(plan.Upload), sum.Bytes)
		}
		return deployFailed(stderr, err)
	}
	say(stdout, "minhbach deploy: %d files uploaded (%d bytes), %d deleted, %d unchanged in %.2f s → %s",
		sum.Uploaded, sum.Bytes, sum.Deleted, sum.Unchanged, time.Since(start).Seconds(), t.String())
	if len(plan.Kept) > 0 {
		say(stdout, "minhbach deploy: %d superseded files (an old search index, old assets) stay for an hour, for pages cached before this deploy; a later deploy deletes them", len(plan.Kept))
	}
	return afterDeploy(*src, *from, now(), stdout, stderr)
}

// afterDeploy is called once after every deploy (not a dry run): it
// records the build in public, now published, in the publication log of
// the site in src (package publog; the same as minhbach log append). A
// deploy of the build the last entry records adds nothing. It returns the
// exit status.
func afterDeploy(src, public string, when time.Time, stdout, stderr io.Writer) int {
	return appendLog(src, public, when, stdout, stderr)
}

// deployFailed prints why a deploy failed, in one line, and returns its
// exit status.
func deployFailed(stderr io.Writer, err error) int {
	var e *deploy.Error
	switch {
	case errors.As(err, &e):
		say(stderr, "minhbach deploy: %s", e.Msg)
	case errors.Is(err, context.Canceled):
		say(stderr, "minhbach deploy: interrupted; nothing was deleted. Run the same command again to finish")
	default:
		say(stderr, "minhbach deploy: %v", err)
	}
	return 1
}

// printPlan prints what a deploy would do: counts and bytes, then every
// path to upload (in order) and to delete.
func printPlan(w io.Writer, plan *deploy.Plan, t deploy.Target, maxDeletes int, force bool) {
	say(w, "minhbach deploy (dry run): would upload %d files (%d bytes) and delete %d; %d unchanged → %s",
		len(plan.Upload), plan.UploadBytes, len(plan.Delete), plan.Unchanged, t.String())
	for _, f := range plan.Upload {
		fmt.Fprintf(w, "+ %s (%d)\n", f.Path, f.Size)
	}
	for _, p := range plan.Delete {
		fmt.Fprintf(w, "- %s\n", p)
	}
	if len(plan.Kept) > 0 {
		say(w, "minhbach deploy: %d superseded files (an old search index, old assets) stay for an hour, for pages cached before this deploy; a later deploy deletes them", len(plan.Kept))
	}
	if plan.Counted() > maxDeletes && !force {
		say(w, "minhbach deploy (dry run): %d deletes are more than --max-deletes %d: the deploy would be refused without --force", plan.Counted(), maxDeletes)
	}
}

// deployProgress shows, on a terminal, a line with the files and bytes
// sent so far, rewritten in place; it returns the function that clears it.
func deployProgress(w io.Writer, pr *deploy.Progress) func() {
	if !isTerminal(w) {
		return func() {}
	}
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(progressTick)
		defer t.Stop()
		shown := false
		for {
			select {
			case <-stop:
				if shown {
					fmt.Fprint(w, "\r\x1b[K")
				}
				return
			case <-t.C:
			}
			since := time.Since(pr.Start)
			if since < time.Second {
				continue
			}
			fmt.Fprintf(w, "\r\x1b[K%s", deployProgressText(pr, since))
			shown = true
		}
	}()
	var once sync.Once
	return func() { once.Do(func() { close(stop); <-done }) }
}

// deployProgressText is the progress line of a deploy.
func deployProgressText(pr *deploy.Progress, since time.Duration) string {
	secs := int(since.Seconds())
	if !pr.Running.Load() {
		return lang.Sprintf("minhbach deploy: comparing public/ with the target (%d s)", secs)
	}
	if total := pr.TotalDeletes.Load(); total > 0 && pr.Files.Load() == pr.TotalFiles.Load() {
		return lang.Sprintf("minhbach deploy: deleting %d/%d files (%d s)", pr.Deleted.Load(), total, secs)
	}
	return lang.Sprintf("minhbach deploy: uploading %d/%d files, %d/%d MB (%d s)",
		pr.Files.Load(), pr.TotalFiles.Load(), pr.Bytes.Load()>>20, pr.TotalBytes.Load()>>20, secs)
}
