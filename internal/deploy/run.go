package deploy

import (
	"context"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"minhbach/internal/diag"
)

// Target is where a site is published. Its methods are safe for
// concurrent use.
type Target interface {
	// String names the target in messages.
	String() string
	// KeepsHeaders reports whether the target stores headers with each
	// object (an S3 bucket does; a folder does not).
	KeepsHeaders() bool
	// List returns the stamp of every object (path → stamp, "" when
	// unknown), its own state folder left out. Nothing is changed.
	List(ctx context.Context) (map[string]string, error)
	// Put stores data as the object f.Path, with f's headers and stamp.
	Put(ctx context.Context, f *File, data []byte) error
	// Delete removes the object at p.
	Delete(ctx context.Context, p string) error
	// Save keeps the stamps of what was put and deleted so far, so that
	// the next List is quick and a rerun knows what is done, and the
	// record of SetRetired.
	Save(ctx context.Context) error
	// Retired returns, after List, since when each superseded file kept
	// on the target has been waiting for deletion (Plan.Hold).
	Retired() map[string]time.Time
	// SetRetired replaces that record; Save keeps it.
	SetRetired(map[string]time.Time)
}

// Options control Run.
type Options struct {
	// MaxDeletes is the most objects a deploy deletes, not counting the
	// superseded immutable files (Plan.Superseded); a plan with more is
	// refused before anything is changed, unless Force.
	MaxDeletes int
	Force      bool
	// Workers is the number of uploads at once (default 8).
	Workers int
	// Progress, if not nil, counts what is done.
	Progress *Progress
}

// Progress counts the work of a deploy as it goes. Its methods are safe
// for concurrent use.
type Progress struct {
	Files, TotalFiles, Bytes, TotalBytes, Deleted, TotalDeletes atomic.Int64
	// Running is set when Run begins: before it, the deploy is still
	// comparing public/ with the target.
	Running atomic.Bool
	Start   time.Time
}

// Summary tells what a deploy did.
type Summary struct {
	Uploaded  int
	Bytes     int64
	Deleted   int
	Unchanged int
}

// Run carries out plan on t: the uploads group by group (each group
// finished before the next begins), then the deletes. It refuses a plan
// deleting more than opt.MaxDeletes objects unless opt.Force, before
// changing anything. On a failure it stops, saves what was done and
// deletes nothing.
func Run(ctx context.Context, t Target, plan *Plan, opt Options) (Summary, error) {
	sum := Summary{Unchanged: plan.Unchanged}
	if plan.Counted() > opt.MaxDeletes && !opt.Force {
		return sum, &Error{Msg: diag.Msgf("this deploy would delete %d files from %s, more than --max-deletes %d: nothing was changed. Check that public/ is the whole site (run minhbach build), or allow it with --force",
			plan.Counted(), t.String(), opt.MaxDeletes), Err: ErrTooManyDeletes}
	}
	pr := opt.Progress
	if pr == nil {
		pr = &Progress{}
	}
	if pr.Start.IsZero() {
		pr.Start = time.Now()
	}
	pr.TotalFiles.Store(int64(len(plan.Upload)))
	pr.TotalBytes.Store(plan.UploadBytes)
	pr.TotalDeletes.Store(int64(len(plan.Delete)))
	pr.Running.Store(true)
	workers := opt.Workers
	if workers <= 0 {
		workers = 8
	}
	for i := 0; i < len(plan.Upload); {
		j := i
		for j < len(plan.Upload) && plan.Upload[j].Group == plan.Upload[i].Group {
			j++
		}
		err := uploadAll(ctx, t, plan.Upload[i:j], workers, pr)
		if serr := t.Save(context.WithoutCancel(ctx)); err == nil && serr != nil {
			err = serr
		}
		if err != nil {
			sum.Uploaded, sum.Bytes = int(pr.Files.Load()), pr.Bytes.Load()
			return sum, err
		}
		i = j
	}
	sum.Uploaded, sum.Bytes = int(pr.Files.Load()), pr.Bytes.Load()
	for _, p := range plan.Delete {
		if err := ctx.Err(); err != nil {
			_ = t.Save(context.WithoutCancel(ctx))
			return sum, err
		}
		if err := t.Delete(ctx, p); err != nil {
			_ = t.Save(context.WithoutCancel(ctx))
			return sum, err
		}
		sum.Deleted++
		pr.Deleted.Add(1)
	}
	if err := t.Save(ctx); err != nil {
		return sum, err
	}
	return sum, nil
}

// uploadAll puts files on t with a few workers; the first failure stops
// the others.
func uploadAll(ctx context.Context, t Target, files []*File, workers int, pr *Progress) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		next  atomic.Int64
		wg    sync.WaitGroup
		once  sync.Once
		first error
	)
	for range min(workers, len(files)) {
		wg.Go(func() {
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= len(files) {
					return
				}
				f := files[i]
				err := put(ctx, t, f)
				if err != nil {
					once.Do(func() { first = err; cancel() })
					return
				}
				pr.Files.Add(1)
				pr.Bytes.Add(f.Size)
			}
		})
	}
	wg.Wait()
	if first == nil {
		first = ctx.Err()
	}
	return first
}

// put reads f and stores it on t, checking that the file did not change
// since it was scanned.
func put(ctx context.Context, t Target, f *File) error {
	data, err := os.ReadFile(f.Local)
	if err != nil {
		return err
	}
	if int64(len(data)) != f.Size {
		return &Error{Msg: diag.Msgf("%s changed while it was being deployed: run minhbach build, then deploy again", f.Path)}
	}
	if err := t.Put(ctx, f, data); err != nil {
		if _, ok := err.(*Error); ok {
			return err
		}
		return fmt.Errorf("%s: %w", f.Path, err)
	}
	return nil
}
