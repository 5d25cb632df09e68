// Package serve is the live preview: it builds a site in memory with a
// build.Session, serves it on a loopback address, watches the site's
// folders with fsnotify, rebuilds what a saved file changed, and tells the
// open pages to reload (or, for a stylesheet, to swap it). A failed
// rebuild keeps the last good site and shows every problem in an overlay.
// It never writes the site to disk.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"path"
	"regexp"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"minhbach/internal/build"
	"minhbach/internal/diag"
	"minhbach/internal/images"
	"minhbach/internal/model"
	"minhbach/internal/proof"
	"minhbach/internal/wholefile"
)

// Options configure a preview. The zero value serves the current folder
// on 127.0.0.1:1313.
type Options struct {
	// Dir is the site's folder.
	Dir string
	// Theme holds the default layouts and assets (see build.Options).
	Theme fs.FS
	// Bind is the address to listen on; "" means 127.0.0.1.
	Bind string
	// Port is the port; 0 means 1313, -1 any free port.
	Port int
	// Drafts includes news marked draft.
	Drafts bool
	// Now decides what is published; the zero time means time.Now() at start.
	Now time.Time
	// Debounce is how long a burst of file events must be quiet before a
	// rebuild; 0 means 30 ms.
	Debounce time.Duration
	// Log receives one line a rebuild; nil discards them.
	Log io.Writer
	// Lang is the language of the log and of the error overlay.
	Lang diag.Lang
	// Pictures keeps the smaller copies of photos between sessions, as
	// between builds (see build.Options).
	Pictures images.Store
	// Progress, when set, follows each build (see build.Progress).
	Progress *build.Progress
}

// Server is a running preview. Its methods are safe for concurrent use.
type Server struct {
	opt  Options
	sess *build.Session
	url  string

	// building serialises the session's builds (a Session is not safe
	// for concurrent use).
	building sync.Mutex

	mu    sync.RWMutex
	files map[string][]byte
	site  *model.Site // of the last good build, for the manifest
	errs  diag.List   // errors of the last build; nil when it succeeded
	gen   int         // counts builds

	hub hub
}

// New builds the site once and returns a server for it; it does not
// listen yet. The first build's errors are shown in the overlay, not
// returned: err is for failures that are not the content's.
func New(ctx context.Context, opt Options, baseURL string) (*Server, error) {
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	if opt.Debounce == 0 {
		opt.Debounce = 30 * time.Millisecond
	}
	sess := build.NewSession(build.Options{Source: wholefile.DirFS(opt.Dir), Theme: opt.Theme, Now: opt.Now,
		Drafts: opt.Drafts, BaseURL: baseURL, Pictures: opt.Pictures, Progress: opt.Progress})
	sess.DeferSearch = true
	s := &Server{opt: opt, sess: sess, url: baseURL, files: map[string][]byte{}}
	if _, err := s.Rebuild(ctx, nil); err != nil {
		return nil, err
	}
	if _, err := s.indexSearch(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// Run serves the site until ctx is done, watching its folders. ready, when
// not nil, is called with the site's URL once it listens. Run returns when
// every connection and goroutine it started has ended.
func Run(ctx context.Context, opt Options, ready func(url string)) error {
	return run(ctx, opt, func(url string, _ *Server) {
		if ready != nil {
			ready(url)
		}
	})
}

func run(ctx context.Context, opt Options, ready func(url string, s *Server)) error {
	host := opt.Bind
	if host == "" {
		host = "127.0.0.1"
	}
	port := opt.Port
	switch port {
	case 0:
		port = 1313
	case -1:
		port = 0
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(host, fmt.Sprint(port)))
	if err != nil {
		return err
	}
	defer ln.Close()
	shown := ln.Addr().(*net.TCPAddr)
	urlHost := host
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		urlHost = "127.0.0.1"
	}
	url := fmt.Sprintf("http://%s/", net.JoinHostPort(urlHost, fmt.Sprint(shown.Port)))

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s, err := New(ctx, opt, url)
	if err != nil {
		return err
	}
	batches, err := watch(ctx, opt.Dir, s.opt.Debounce, func(err error) { fmt.Fprintln(s.opt.Log, s.opt.Lang.Sprintf("watching the folder: %v", err)) })
	if err != nil {
		return fmt.Errorf("watch %s: %w", opt.Dir, err)
	}
	// A rebuild leaves garbage behind: the records and pages it replaced,
	// the photos decoded for their copies (tens of megabytes each). The
	// Go runtime keeps freed memory for reuse and gives it back to the
	// system over minutes, so a preview would hold about twice what it
	// uses. Once the preview has been quiet for idleRelease, it gives
	// that memory back at the price of one collection.
	release := time.AfterFunc(idleRelease, debug.FreeOSMemory)
	defer release.Stop()
	var wg sync.WaitGroup
	wg.Go(func() {
		for batch := range batches {
			release.Stop()
			if _, err := s.Rebuild(ctx, batch); err != nil && ctx.Err() == nil {
				fmt.Fprintln(s.opt.Log, s.opt.Lang.Sprintf("minhbach serve: %v", err))
			}
			// The index of the search page comes after the reload.
			if _, err := s.indexSearch(ctx); err != nil && ctx.Err() == nil {
				fmt.Fprintln(s.opt.Log, s.opt.Lang.Sprintf("minhbach serve: %v", err))
			}
			release.Reset(idleRelease)
		}
	})

	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second, BaseContext: func(net.Listener) context.Context { return ctx }}
	srv.RegisterOnShutdown(s.hub.close)
	errc := make(chan error, 1)
	wg.Go(func() { errc <- srv.Serve(ln) })
	ready(url, s)
	<-ctx.Done()
	s.hub.close()
	shutCtx, stop := context.WithTimeout(context.Background(), 3*time.Second)
	defer stop()
	err = srv.Shutdown(shutCtx)
	wg.Wait()
	if serr := <-errc; serr != nil && !errors.Is(serr, http.ErrServerClosed) {
		return serr
	}
	return err
}

// Rebuild brings the site up to date after the files in changed (nil:
// any) and tells the open pages. It returns the build's result.
func (s *Server) Rebuild(ctx context.Context, changed []string) (*build.Result, error) {
	s.building.Lock()
	defer s.building.Unlock()
	start := time.Now()
	res, err := s.sess.Build(ctx, changed)
	if err != nil {
		return res, err
	}
	s.mu.Lock()
	old := s.files
	failed := res.Diags.HasErrors()
	if failed {
		s.errs = errorsOnly(res.Diags)
	} else {
		s.errs = nil
		s.files = s.sess.Files()
		s.site = res.Site
	}
	s.gen++
	wasFailing := len(old) == 0
	s.mu.Unlock()

	errs, warns := res.Diags.Count()
	if failed {
		fmt.Fprint(s.opt.Log, res.Diags.FormatIn(s.opt.Lang, 20))
		fmt.Fprintln(s.opt.Log, s.opt.Lang.Sprintf("%d errors, %d warnings: still serving the last good build", errs, warns))
	} else {
		fmt.Fprintln(s.opt.Log, s.opt.Lang.Sprintf("rebuilt: %d files changed, %d pages, %d warnings in %d ms", len(changed), res.Rendered, warns, time.Since(start).Milliseconds()))
	}
	if changed == nil && wasFailing && !failed {
		return res, nil // the first build: nobody is watching yet
	}
	if swaps := cssSwaps(changed, old, s.sess.Files()); !failed && swaps != "" {
		s.hub.send(event{name: "css", data: swaps})
	} else {
		s.hub.send(event{name: "reload", data: "{}"})
	}
	return res, nil
}

// indexSearch brings a deferred search index up to date.
func (s *Server) indexSearch(ctx context.Context) (*build.Result, error) {
	s.building.Lock()
	defer s.building.Unlock()
	if !s.sess.SearchPending() {
		return nil, nil
	}
	res, err := s.sess.IndexSearch(ctx)
	if err != nil || res.Diags.HasErrors() {
		return res, err
	}
	s.mu.Lock()
	s.files = s.sess.Files()
	s.mu.Unlock()
	return res, nil
}

func errorsOnly(l diag.List) diag.List {
	var out diag.List
	for _, d := range l.Sorted() {
		if d.Severity == diag.Error {
			out = append(out, d)
		}
	}
	return out
}

// idleRelease is how long a preview waits after its last rebuild before
// it gives freed memory back to the system.
const idleRelease = 2 * time.Second

var fingerprinted = regexp.MustCompile(`\.[0-9a-f]{8}(\.css)$`)

// cssSwaps returns, as JSON, the stylesheets to swap when every changed
// file is a stylesheet under assets/: old URL → new URL. It returns ""
// when a reload is needed instead.
func cssSwaps(changed []string, old, cur map[string][]byte) string {
	if len(changed) == 0 {
		return ""
	}
	for _, p := range changed {
		if !strings.HasPrefix(p, "assets/") || path.Ext(p) != ".css" {
			return ""
		}
	}
	byName := map[string]string{}
	for p := range cur {
		if strings.HasPrefix(p, "assets/") && path.Ext(p) == ".css" {
			if _, ok := old[p]; !ok {
				byName[fingerprinted.ReplaceAllString(p, "$1")] = p
			}
		}
	}
	var pairs []string
	for p := range old {
		if _, ok := cur[p]; ok || !strings.HasPrefix(p, "assets/") || path.Ext(p) != ".css" {
			continue
		}
		if n, ok := byName[fingerprinted.ReplaceAllString(p, "$1")]; ok {
			pairs = append(pairs, fmt.Sprintf("%q:%q", "/"+p, "/"+n))
		}
	}
	if len(pairs) == 0 {
		return ""
	}
	return "{" + strings.Join(pairs, ",") + "}"
}

// manifest returns the manifest of files, unsigned, as a build of the
// same site would write it at proof.ManifestPath (with the preview's
// address as the site's): the preview has no signing key.
func (s *Server) manifest(files map[string][]byte, site *model.Site) ([]byte, error) {
	if site == nil {
		return nil, fmt.Errorf("no site built yet")
	}
	items, err := proof.Items(wholefile.DirFS(s.opt.Dir), site)
	if err != nil {
		return nil, err
	}
	m := proof.Manifest{Format: proof.Format, Site: s.url, Built: s.opt.Now.In(model.Zone).Format(time.RFC3339), Items: items}
	for p, data := range files {
		m.Files = append(m.Files, proof.File{Path: p, Size: int64(len(data)), SHA256: proof.SumHex(data)})
	}
	return m.Marshal(), nil
}
