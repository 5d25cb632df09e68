package proof

import (
	"context"
	"crypto/ed25519"
	"errors"
	"io/fs"
	"math/rand/v2"
	"slices"
	"sync"
)

// Reader reads the published files of a site by their path from the site
// root: a folder, or a web server. ReadFile returns an error matching
// fs.ErrNotExist for a file that is not there. It must be safe for
// concurrent use.
type Reader interface {
	ReadFile(path string) ([]byte, error)
}

// CheckOptions say how much to check.
type CheckOptions struct {
	// Key checks the manifest's signature; nil leaves it unchecked
	// (Report.Key is then false).
	Key ed25519.PublicKey
	// Sample, when above 0 and below the number of files, checks that
	// many files drawn at random with Seed instead of all.
	Sample int
	Seed   uint64
	// List, when set, returns every file published (a folder can tell,
	// a web server cannot), to report the files the manifest does not
	// list.
	List func() ([]string, error)
	// Workers is the number of files read at once; 0 means 8.
	Workers int
}

// Report is what Check found.
type Report struct {
	// Manifest is the manifest read; Raw its bytes.
	Manifest *Manifest
	Raw      []byte
	// Signed tells that a signature was published; Valid that it is the
	// signature of Raw by CheckOptions.Key.
	Signed, Valid bool
	// Checked is the number of files read and compared.
	Checked int
	// Missing, Changed and Extra name files the manifest lists that are
	// not there, that differ from the manifest, and that are published
	// but not listed (only with CheckOptions.List), sorted.
	Missing, Changed, Extra []string
}

// OK reports whether the manifest is signed by the key and every file
// checked matches.
func (r *Report) OK() bool {
	return r.Valid && len(r.Missing) == 0 && len(r.Changed) == 0 && len(r.Extra) == 0
}

// Check reads the manifest and its signature from src, checks the
// signature, then the files. The error is for what stops the check: no
// manifest, an unreadable one, a failing read other than a missing file.
func Check(ctx context.Context, src Reader, opt CheckOptions) (*Report, error) {
	raw, err := src.ReadFile(ManifestPath)
	if err != nil {
		return nil, err
	}
	m, err := Parse(raw)
	if err != nil {
		return nil, err
	}
	r := &Report{Manifest: m, Raw: raw}
	sig, err := src.ReadFile(SignaturePath)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, err
	default:
		r.Signed = true
		r.Valid = opt.Key != nil && Verify(opt.Key, raw, sig)
	}

	files := m.Files
	if opt.Sample > 0 && opt.Sample < len(files) {
		rng := rand.New(rand.NewPCG(opt.Seed, 0x6d696e6862616368))
		idx := rng.Perm(len(files))[:opt.Sample]
		slices.Sort(idx)
		files = make([]File, len(idx))
		for i, j := range idx {
			files[i] = m.Files[j]
		}
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = 8
	}
	state := make([]byte, len(files)) // 0 fine, 'm' missing, 'c' changed
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(workers, len(files)) {
		wg.Go(func() {
			for i := range next {
				f := files[i]
				data, err := src.ReadFile(f.Path)
				switch {
				case errors.Is(err, fs.ErrNotExist):
					state[i] = 'm'
				case err != nil:
					errs[i] = err
				case int64(len(data)) != f.Size || SumHex(data) != f.SHA256:
					state[i] = 'c'
				}
			}
		})
	}
	for i := range files {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for i, f := range files {
		if errs[i] != nil {
			return nil, errs[i]
		}
		switch state[i] {
		case 'm':
			r.Missing = append(r.Missing, f.Path)
		case 'c':
			r.Changed = append(r.Changed, f.Path)
		}
	}
	r.Checked = len(files)
	if opt.List != nil {
		all, err := opt.List()
		if err != nil {
			return nil, err
		}
		listed := make(map[string]bool, len(m.Files))
		for _, f := range m.Files {
			listed[f.Path] = true
		}
		for _, p := range all {
			if !listed[p] && p != ManifestPath && p != SignaturePath {
				r.Extra = append(r.Extra, p)
			}
		}
		slices.Sort(r.Extra)
	}
	return r, nil
}
