// Package build runs the pipeline in order: configuration, content files,
// schema, site graph, assets, Markdown, pages, output. It owns the
// concurrency and the clock, and it is the only package that knows the
// order of the stages.
package build

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"minhbach/internal/config"
	"minhbach/internal/diag"
	"minhbach/internal/disclose"
	"minhbach/internal/graph"
	"minhbach/internal/i18n"
	"minhbach/internal/images"
	"minhbach/internal/model"
	"minhbach/internal/output"
	"minhbach/internal/publog"
	"minhbach/internal/render"
	"minhbach/internal/required"
	"minhbach/internal/schema"
	"minhbach/internal/search"
)

// Options configure a build. The zero value builds with the current
// settings of the site, minified, on every core, as of the zero time
// (set Now).
type Options struct {
	// Source is the site root: site.yaml, content/, layouts/, assets/.
	Source fs.FS
	// Theme holds the default layouts/ and assets/ that the site's own
	// files of the same path override. May be nil.
	Theme fs.FS
	// Now decides what is published (publish_date, expiry_date).
	Now time.Time
	// Drafts includes news marked draft.
	Drafts bool
	// BaseURL replaces site.yaml's base_url when set.
	BaseURL string
	// NoMinify writes HTML, CSS, JS, SVG, XML and JSON as rendered.
	NoMinify bool
	// Workers is the number of parallel workers; 0 means GOMAXPROCS.
	Workers int
	// Pictures keeps the smaller copies of photos between builds (see
	// output.Cache); nil makes them again on every build.
	Pictures images.Store
	// Progress, when set, follows the build as it goes, for a caller
	// that shows it (see Progress).
	Progress *Progress
}

// Result tells what a build did.
type Result struct {
	// Diags holds every problem found, errors and warnings.
	Diags diag.List
	// Pages is the number of HTML pages rendered.
	Pages int
	// Site is the site model (nil when the content had errors). A
	// Build's site no longer holds the bodies: their Markdown is let go
	// of once converted, their HTML and plain text were kept in a
	// temporary file (store) removed when the build ends; a Session's
	// keeps them all.
	Site *model.Site
	// Rendered is the number of files rendered: every page and feed in a
	// build, only those whose data changed in a session's rebuild.
	Rendered int
	// Spliced is the number of cached headers, footers and list items
	// that a minified build put into its pages already minified
	// (render/splice.go).
	Spliced int
	// Fingerprinted is the number of files whose data a session's
	// rebuild looked at (see Session); 0 in a build.
	Fingerprinted int
	// Patched tells that a session's rebuild patched the last site, as
	// it does when only the bodies of news items changed.
	Patched bool
	// Resized is the number of smaller copies of photos made, not found
	// in Options.Pictures or kept by a session.
	Resized int
	// Withheld counts the news items left out: drafts, scheduled, expired.
	Withheld model.Withheld
	// PublicList is the catalogue of information to publish (nil when
	// the site has no content/cong-khai.yaml); Disclosure what its check
	// found (nil likewise).
	PublicList *model.PublicList
	Disclosure *disclose.Findings
	// Required is what the check of the pages the law requires in
	// English found (internal/required; its warnings are in Diags too);
	// nil for a site in one language.
	Required *required.Findings
	// Config is site.yaml as read, with defaults and Options.BaseURL
	// applied (nil when site.yaml is missing).
	Config *config.Site
}

// Build runs the pipeline and puts every output file into sink. When the
// result holds errors, sink may have received part of the site and must
// be discarded. The error is for failures that are not the content's
// (I/O, cancellation).
func Build(ctx context.Context, opt Options, sink output.Sink) (*Result, error) {
	return run(ctx, opt, nil, sink)
}

// run is Build; with c, it reuses and refreshes what c kept from the
// previous build of a session (see Session).
func run(ctx context.Context, opt Options, c *cache, sink output.Sink) (res *Result, err error) {
	res = &Result{}
	workers := cmp.Or(opt.Workers, runtime.GOMAXPROCS(0))
	opt.Progress.begin()
	defer opt.Progress.end()

	data, err := fs.ReadFile(opt.Source, config.File)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			res.Diags.Errorf(diag.Pos{Path: config.File}, "not found: create it at the site root with at least \"title: …\" (is --source the site's folder?)")
			return res, nil
		}
		return res, fmt.Errorf("read %s: %w", config.File, err)
	}
	site, d := config.Load(data)
	res.Diags.Append(d)
	site.SetBaseURL(opt.BaseURL)
	res.Config = site
	c.setConfig(data)
	c.lap("config")

	paths, d, err := c.walk(opt.Source, site.Others())
	res.Diags.Append(d)
	if err != nil {
		return res, fmt.Errorf("read content: %w", err)
	}
	var mini *output.Minifier
	if !opt.NoMinify {
		mini = output.NewMinifier()
	}
	layouts := overlay{sub(opt.Source, "layouts"), sub(opt.Theme, "layouts")}
	p := &pass{ctx: ctx, opt: opt, c: c, sink: sink, res: res, layouts: layouts, config: data, mini: mini}
	if last, ok, err := c.patch(opt, site, sink); err != nil {
		return res, err
	} else if ok {
		res.Diags, res.Patched = last.diags(), true
		return p.finish(last)
	}
	c.sizeSink(sink)

	// A build keeps the bodies out of memory (store) from when their
	// files are read until they are converted, and then until their pages
	// and the search index read them.
	var st *store
	if c == nil {
		if st, err = newStore(); err != nil {
			return res, err
		}
		defer func() { err = cmp.Or(err, st.close()) }()
		p.st = st
	}

	// Read, split and decode every content file in parallel; merge in path
	// order. More files are in flight than there are workers: on a disk
	// whose pages are not cached yet, a reader mostly waits.
	perFile := make([]model.Entries, len(paths))
	diags := make([]diag.List, len(paths))
	var ioErr atomic.Pointer[error]
	parsed := make([]*parsedFile, len(paths))
	parallel(ctx, len(paths), workers*readsPerWorker, func(i int) {
		pf := c.parsed(paths[i])
		var buf *[]byte // a build's buffer of the file, from fileBufs
		if pf == nil {
			var raw []byte
			var err error
			if c == nil {
				buf = fileBufs.Get().(*[]byte)
				raw, err = readFile(opt.Source, paths[i], *buf)
				*buf = raw
			} else {
				raw, err = fs.ReadFile(opt.Source, paths[i])
			}
			if err != nil {
				err = fmt.Errorf("read %s: %w", paths[i], err)
				ioErr.CompareAndSwap(nil, &err)
				return
			}
			pf = parse(paths[i], raw)
		}
		if c != nil {
			// Only a session keeps the parsed files (their front
			// matter as YAML nodes); a build lets each go once decoded.
			parsed[i] = pf
		}
		d := slices.Clone(pf.diags)
		if pf.decoded != nil {
			perFile[i] = pf.decoded.clone()
			d.Append(pf.decodeDiags)
		} else {
			var dd diag.List
			for _, doc := range pf.docs {
				dd.Append(schema.Decode(doc, site, &perFile[i]))
			}
			if c != nil {
				pf.keepDecoded(&perFile[i], dd)
			} else {
				stowMarkdown(&perFile[i], st)
				if reusable(paths[i], &perFile[i]) {
					putFileBuf(buf)
				}
			}
			d.Append(dd)
		}
		diags[i] = d
	})
	if p := ioErr.Load(); p != nil {
		return res, *p
	}
	c.keepParsed(paths, parsed)
	c.lap("read")
	var entries model.Entries
	for i := range paths {
		res.Diags.Append(diags[i])
		entries.News = append(entries.News, perFile[i].News...)
		entries.Pages = append(entries.Pages, perFile[i].Pages...)
		entries.Issues = append(entries.Issues, perFile[i].Issues...)
		entries.Documents = append(entries.Documents, perFile[i].Documents...)
		entries.Procedures = append(entries.Procedures, perFile[i].Procedures...)
		entries.Statistics = append(entries.Statistics, perFile[i].Statistics...)
		entries.Translations = append(entries.Translations, perFile[i].Translations...)
		addDisclosure(&entries, &perFile[i])
	}

	c.lap("decode")
	opt.Progress.setStage("graph")
	s, d := graph.Build(site, &entries, opt.Source, graph.Options{Now: opt.Now, Drafts: opt.Drafts})
	c.lap("graph")
	res.Diags.Append(d)
	res.Diags.Append(checkNotice(site, opt.Now))
	pl, d, err := publicList(opt.Source, site, s, opt.Now)
	res.Diags.Append(d)
	if err != nil {
		return res, err
	}
	// Go on through the Markdown even after errors, so that one run
	// reports the problems of the bodies too; stop before writing pages.

	assets, d, err := publishAssets(overlay{sub(opt.Source, "assets"), sub(opt.Theme, "assets")}, mini, c, sink)
	res.Diags.Append(d)
	if err != nil {
		return res, err
	}
	logEntries, dl := publog.Read(opt.Source)
	langs := languages(site)
	tables, d := i18n.Load(sub(opt.Theme, i18n.Dir), sub(opt.Source, i18n.Dir), langs)
	res.Diags.Append(d)
	ro := render.Options{Site: site, Layouts: layouts, ThemeChrome: themeChrome(opt), Files: opt.Source, Assets: assets, Pages: s.Pages,
		Log: logEntries, PublicList: pl, Cache: c.converter(assets), Languages: langs, Strings: tables, Editions: s.Editions}
	if n := site.Notice; n.ActiveAt(opt.Now) {
		ro.Notice = n
	}
	// A build minifies the cached header, footer and list items once
	// (render/splice.go); a session keeps pages as they render, to compare.
	if mini != nil && c == nil {
		ro.MinifyHTML = func(dst *bytes.Buffer, src []byte) error {
			return mini.MinifyTo(dst, "index.html", bytes.NewBuffer(src))
		}
	}
	r, d := render.New(ro)
	res.Diags.Append(d)
	if d.HasErrors() {
		return res, ctx.Err()
	}
	res.Diags.Append(dl)
	c.lap("layouts")
	opt.Progress.setStage("markdown")

	// Markdown bodies first: lists and feeds need the summaries.
	b := &built{site: s, recs: records(s), r: r, assets: assets}
	b.convs = make([]diag.List, len(b.recs))
	parallel(ctx, len(b.recs), workers, func(i int) {
		var md *[]byte
		if st != nil {
			md = b.recs[i].unstow()
		}
		b.convs[i] = b.recs[i].convert(r)
		if c == nil {
			b.recs[i].release()
			putFileBuf(md) // the converted body holds no part of it
			b.recs[i].stow(st)
		}
	})
	b.before = slices.Clone(res.Diags)
	for _, d := range b.convs {
		res.Diags.Append(d)
	}
	if res.Diags.HasErrors() || ctx.Err() != nil {
		return res, ctx.Err()
	}
	if err := copyFiles(opt.Source, b, sink); err != nil {
		return res, err
	}
	c.keepSite(b)
	c.lap("markdown")
	return p.finish(b)
}

// readsPerWorker is how many content files are read at once per worker.
const readsPerWorker = 4

// pass is one run of the pipeline: what its stages share.
type pass struct {
	ctx  context.Context
	opt  Options
	c    *cache // nil in a plain Build
	sink output.Sink
	res  *Result
	// layouts are the site's layouts over the theme's; config is
	// site.yaml as read.
	layouts fs.FS
	config  []byte
	mini    *output.Minifier // nil with NoMinify
	// st keeps a build's bodies and list items out of memory (nil in a
	// session).
	st *store
}

// finish indexes the site for search and renders its pages: the end of
// run, after the records are read, linked and converted (or patched).
func (p *pass) finish(b *built) (*Result, error) {
	ctx, opt, c, sink, res, mini := p.ctx, p.opt, p.c, p.sink, p.res, p.mini
	s, r, assets := b.site, b.r, b.assets
	workers := cmp.Or(opt.Workers, runtime.GOMAXPROCS(0))
	maker := images.NewMaker(opt.Pictures)
	defer func() { res.Resized = maker.Made() }()
	ids := c.number(b.recs)
	opt.Progress.setStage("search")
	put := sink.Put
	if c != nil && c.patchMem != nil {
		put = c.patchMem.Replace
	}
	// The other languages' search documents are made first: a build
	// lets go of the records' plain text once the Vietnamese index has
	// read it.
	editionDocs := editionSearchDocs(s, r)
	docs := func() []search.Doc { return SearchDocs(s) }
	// The indexes' files are named by their content: a file of another
	// language's index may be one the Vietnamese index has put already.
	var putMu sync.Mutex
	indexed := map[string]bool{}
	putIndex := func(p string, data []byte) error {
		putMu.Lock()
		indexed[p] = true
		putMu.Unlock()
		return put(p, data)
	}
	putEdition := func(p string, data []byte) error {
		putMu.Lock()
		done := indexed[p]
		indexed[p] = true
		putMu.Unlock()
		if done {
			return nil
		}
		return put(p, data)
	}
	in := render.Inputs{Maker: maker, Lazy: c == nil}
	if p.st != nil {
		in.Items = p.st // not a nil *store in the interface
	}
	// A build indexes while it renders the other pages (the search pages
	// wait for their indexes, and come last); a session indexes first, to
	// fingerprint the search pages with their manifests. The search
	// documents are made first either way: they let go of the records'
	// plain text, which pages never read.
	indexDone := make(chan struct{})
	var indexErr error
	if c == nil {
		// A build reads its records' list no more: pages read the site.
		// Its records hold no plain text (stow moved it to the store),
		// and the index makes each search document when it reads it.
		b.recs, b.convs = nil, nil
		var manifest string
		var editionIdx map[string]string
		go func() {
			defer close(indexDone)
			if manifest, indexErr = buildSearchIndex(s, putIndex); indexErr == nil {
				editionIdx, indexErr = c.editionIndexes(s, editionDocs, r, putEdition)
			}
		}()
		in.Search = func() (string, map[string]string, error) {
			<-indexDone
			return manifest, editionIdx, indexErr
		}
	} else {
		close(indexDone)
		manifest, err := c.searchIndex(docs, putIndex)
		if err != nil {
			return res, err
		}
		editionIdx, err := c.editionIndexes(s, editionDocs, r, putEdition)
		if err != nil {
			return res, err
		}
		in.SearchIndex, in.EditionIndexes = manifest, editionIdx
		c.lap("search")
	}
	// The index may still be reading the bodies from the store, which run
	// closes once finish returns.
	defer func() { <-indexDone }()

	// A session keeps its sitemap for the next patch; a build's sitemap
	// job makes it when it runs (Inputs.Lazy), so that its entries (at
	// 250 000 documents some 30 MB) are not live while the pages render.
	if b.sitemap == nil && c != nil {
		b.sitemap = r.Sitemap(s)
	}
	// A build makes the pages of records as it renders them; a session
	// needs them at once, to compare with its last build's.
	in.Sitemap = b.sitemap
	// A build asks the list for each job as it runs it (the pages of
	// records are made then); a session keeps its jobs whole.
	list := r.JobList(s, in)
	job, n := list.At, list.Len()
	var jobs []render.Job
	if c != nil {
		jobs = list.All()
		job = func(i int) render.Job { return jobs[i] }
	}
	fps, reach, summed := c.fingerprints(jobs, r, p.layouts, p.config, opt, assets, ids)
	res.Fingerprinted = summed
	c.lap("fingerprint")
	// Only a session keeps the outputs, for its next rebuild: a build
	// hands each to the sink and forgets it.
	var outs [][]byte
	if c != nil {
		outs = make([][]byte, n)
	}
	// The jobs' diagnostics, by job: few jobs have one, and a list of
	// 470 000 empty ones (11 MB) is a list the collector reads each cycle.
	var diagMu sync.Mutex
	jobDiags := map[int]diag.List{}
	failed := func(i int, d diag.List) {
		diagMu.Lock()
		jobDiags[i] = d
		diagMu.Unlock()
	}
	var pages, ran, spliced atomic.Int64
	opt.Progress.rendering(n, list.Pictures())
	// A build into a sink that forgets what it is handed renders each page
	// and minifies it into buffers that the next page reuses.
	_, forgets := sink.(output.Forgetful)
	forgets = forgets && c == nil
	// A build lets go of each job once it has run: its page (a list's
	// items, crumbs and title) and closures are then garbage while the
	// rest render. Only its path is read after (disclosure); a session
	// keeps its jobs whole for the next rebuild.
	parallel(ctx, n, workers, func(i int) {
		j := job(i)
		defer opt.Progress.rendered(j.Picture)
		if c == nil {
			defer list.Release(i)
		}
		if forgets && j.To != nil {
			ran.Add(1)
			if n, err := renderTo(j, mini, r, put); err != nil {
				failed(i, templateDiag(j.Path, err))
			} else if strings.HasSuffix(j.Path, ".html") {
				pages.Add(1)
				spliced.Add(int64(n))
			}
			return
		}
		var err error
		data, ok := c.reuse(j.Path, fps, i)
		if !ok {
			ran.Add(1)
			data, err = j.Run()
			if err == nil {
				data, err = mini.Minify(j.Path, data)
			}
			if err == nil && r.Splicing() && strings.HasSuffix(j.Path, ".html") {
				var b bytes.Buffer
				var n int
				n, err = r.Splice(&b, data)
				data = b.Bytes()
				spliced.Add(int64(n))
			}
		}
		// A patched site has the outputs it reuses already.
		if err == nil && !(ok && c.patchMem != nil) {
			err = put(j.Path, data)
		}
		if err != nil {
			failed(i, templateDiag(j.Path, err))
			return
		}
		if outs != nil {
			outs[i] = data
		}
		if strings.HasSuffix(j.Path, ".html") {
			pages.Add(1)
		}
	})
	for _, i := range slices.Sorted(maps.Keys(jobDiags)) {
		res.Diags.Append(jobDiags[i])
	}
	res.Pages = int(pages.Load())
	res.Rendered = int(ran.Load())
	res.Spliced = int(spliced.Load())
	if <-indexDone; indexErr != nil {
		return res, indexErr
	}
	c.lap("render")
	res.Site = s
	res.Withheld = s.Withheld
	res.PublicList = r.PublicList()
	paths := make([]string, n)
	for i := range paths {
		paths[i] = job(i).Path
	}
	res.Disclosure = disclosure(res.PublicList, s, res.Config, paths)
	if res.Required = requiredReport(res.Config, s); res.Required != nil {
		res.Diags.Append(res.Required.Diags)
	}
	if !res.Diags.HasErrors() && ctx.Err() == nil {
		c.keepJobs(jobs, fps, reach, outs)
		c.lap("keep")
	}
	return res, ctx.Err()
}

// renderTo renders a page job into a pooled buffer, minifies it into
// another and puts it; put must keep nothing of the bytes it is handed.
func renderTo(j render.Job, mini *output.Minifier, r *render.Renderer, put func(string, []byte) error) (spliced int, err error) {
	raw, min := pagePool.Get().(*bytes.Buffer), pagePool.Get().(*bytes.Buffer)
	defer pagePool.Put(raw)
	defer pagePool.Put(min)
	raw.Reset()
	min.Reset()
	if err := j.To(raw); err != nil {
		return 0, err
	}
	if err := mini.MinifyTo(min, j.Path, raw); err != nil {
		return 0, err
	}
	if r.Splicing() && strings.HasSuffix(j.Path, ".html") {
		// The raw page is no longer needed: it takes the spliced one.
		raw.Reset()
		if spliced, err = r.Splice(raw, min.Bytes()); err != nil {
			return 0, err
		}
		min = raw
	}
	return spliced, put(j.Path, min.Bytes())
}

// pagePool holds the buffers of renderTo, grown to the size of a page.
var pagePool = sync.Pool{New: func() any { return bytes.NewBuffer(make([]byte, 0, 64<<10)) }}

// languages returns the site's languages, Vietnamese first.
func languages(site *config.Site) []string {
	if len(site.Languages) > 0 {
		return site.Languages
	}
	return []string{"vi"}
}

var templateErr = regexp.MustCompile(`^template: (layouts/[^:]+):(\d+):(\d+): (.*)$`)

// templateDiag turns a rendering error into a diagnostic at the layout's
// line when the error names one.
func templateDiag(page string, err error) diag.List {
	var d diag.List
	msg := err.Error()
	if m := templateErr.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		d.Errorf(diag.Pos{Path: m[1], Line: line, Col: col}, "rendering %s: %s", page, m[4])
		return d
	}
	d.Errorf(diag.Pos{Path: page}, "rendering the page: %s", msg)
	return d
}

// copyFiles puts the pictures that pages show into the output, once each.
func copyFiles(fsys fs.FS, b *built, sink output.Sink) error {
	var copies []model.Copy
	for _, rec := range b.recs {
		copies = append(copies, rec.files()...)
	}
	copies = append(copies, b.site.Copies...)
	slices.SortFunc(copies, func(a, b model.Copy) int { return cmp.Compare(a.To, b.To) })
	copies = slices.Compact(copies)
	for _, c := range copies {
		data, err := fs.ReadFile(fsys, c.From)
		if err != nil {
			return fmt.Errorf("read %s: %w", c.From, err)
		}
		if err := sink.Put(c.To, data); err != nil {
			return err
		}
	}
	return nil
}

// publishAssets minifies and fingerprints CSS, JS and SVG, copies other
// assets as they are, and returns the URL of each by its path under
// assets/.
func publishAssets(fsys fs.FS, mini *output.Minifier, c *cache, sink output.Sink) (map[string]string, diag.List, error) {
	var d diag.List
	urls := map[string]string{}
	if _, err := fs.Stat(fsys, "."); err != nil {
		return urls, d, nil
	}
	err := fs.WalkDir(fsys, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return fmt.Errorf("read assets/%s: %w", p, err)
		}
		name := p
		switch output.TypeOf(p) {
		case "text/css", "application/javascript", "image/svg+xml":
			m, err := c.minify(mini, p, data)
			if err != nil {
				d.Errorf(diag.Pos{Path: "assets/" + p}, "cannot minify this file: %v", err)
				return nil
			}
			data = m
			name = output.Fingerprint(p, data)
		}
		urls[p] = "/assets/" + name
		return sink.Put("assets/"+name, data)
	})
	return urls, d, err
}

// parallel calls f(i) for every i in [0, n) on up to workers goroutines;
// it stops handing out work when ctx is done.
func parallel(ctx context.Context, n, workers int, f func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, n) {
		wg.Go(func() {
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
}
