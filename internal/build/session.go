package build

import (
	"bytes"
	"context"
	"errors"
	"hash/maphash"
	"io/fs"
	"maps"
	"minhbach/internal/model"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"minhbach/internal/diag"
	"minhbach/internal/output"
	"minhbach/internal/render"
	"minhbach/internal/schema"
	"minhbach/internal/search"
	"minhbach/internal/source"
)

// Session builds one site again and again, as a preview does. Each Build
// after the first re-reads only the files it is told have changed, reuses
// the Markdown it converted before, and re-renders only the files whose
// data, layout or settings changed (see fingerprinter); the files it then
// holds are byte for byte those Build would give. A Session is not safe
// for concurrent use.
type Session struct {
	// DeferSearch lets Build keep the previous search index when the
	// indexed text changed; IndexSearch then brings it up to date. A
	// preview reloads first and indexes after.
	DeferSearch bool

	opt   Options
	c     *cache
	files map[string][]byte
	// noPatch keeps every build from patching (see NoPatch, for the
	// benchmark that weighs the patch).
	noPatch bool
}

// NewSession prepares a session; nothing is read before the first Build.
func NewSession(opt Options) *Session {
	return &Session{opt: opt, c: &cache{seed: maphash.MakeSeed()}}
}

// Build brings the site up to date with its sources. changed lists the
// paths (relative to the site root, with forward slashes) of the files and
// folders created, written, renamed or removed since the previous Build;
// nil means any file may have changed. When the result has errors or err
// is not nil, Files keeps the last good site.
func (s *Session) Build(ctx context.Context, changed []string) (*Result, error) {
	mode := indexNow
	if s.DeferSearch {
		mode = indexLater
	}
	return s.build(ctx, changed, mode)
}

func (s *Session) build(ctx context.Context, changed []string, mode indexing) (*Result, error) {
	c := s.c
	c.indexing = mode
	c.stages, c.last = nil, time.Now()
	c.invalidate(s.opt.Source, changed)
	if s.noPatch {
		c.widen(scopeShape)
	}
	c.prevFiles = s.files
	mem := output.NewMemory()
	res, err := run(ctx, s.opt, c, mem)
	// The edits of a failed build are not in the last good site's
	// fingerprints: the next build starts from them all.
	c.floor = scopeBodies
	if err != nil || res.Diags.HasErrors() {
		c.floor = scopeAll
		return res, err
	}
	s.files = mem.Files
	return res, err
}

// SearchPending reports whether the search index in Files is older than
// the rest of the site (see DeferSearch).
func (s *Session) SearchPending() bool { return s.c.searchStale }

// IndexSearch builds the search index that Build deferred, with the
// search page that names it.
func (s *Session) IndexSearch(ctx context.Context) (*Result, error) {
	return s.build(ctx, []string{}, indexNow)
}

// scope is how far the edits since the last good build reach, from the
// narrowest to the widest; it decides what a build may keep. A build
// starts from the narrowest its edits allow (invalidate, or scopeAll
// after a failed build: floor), and the scope only widens as the build
// finds more (widen): a new site.yaml, a changed front matter, records
// added, removed or reordered.
type scope uint8

const (
	// scopeBodies: only the bodies of Markdown files of one record each
	// changed. Their front matter, hence the records, their order and
	// the graph, are as before; nothing outside content/ changed. When
	// they are news items, the last site is patched (patch).
	scopeBodies scope = iota
	// scopeShape: the same records in the same order, with new bodies,
	// and files outside content/ (layouts, assets) changed: each job
	// keeps its last fingerprint unless its data reaches an edited
	// record (fingerprints), or its layout or the shared templates or
	// settings changed.
	scopeShape
	// scopeAll: anything may have changed; every job is fingerprinted
	// again (and rendered again when its fingerprint changed).
	scopeAll
)

// widen widens the scope of this build to at least to.
func (c *cache) widen(to scope) { c.scope = max(c.scope, to) }

// indexing says when a build indexes the site for search.
type indexing uint8

const (
	// indexNow indexes the site as it is (reusing the last index when
	// the indexed text is the same).
	indexNow indexing = iota
	// indexLater keeps the last index, stale (searchStale), until a
	// build with indexNow: a preview reloads the pages first.
	indexLater
)

// Files returns the last good site by output path. The map and the bytes
// are not changed afterwards: a later Build makes a new map.
func (s *Session) Files() map[string][]byte { return s.files }

// parsedFile is a content file read and split: its documents (one for a
// Markdown file, one a row for a catalogue) and the problems found.
type parsedFile struct {
	docs  []source.Doc
	diags diag.List

	// decoded holds the news and pages the file decodes to, as decoded
	// (they depend on the file alone), for a session's next build.
	decoded     *decoded
	decodeDiags diag.List
}

// decoded are records as decoded, before the graph and the renderer set
// their fields: each build gets its own copies.
type decoded struct {
	news  []*model.News
	pages []*model.StaticPage
}

// keepDecoded keeps the records of e when they are all news and pages.
// Called once, by the worker that decoded the file.
func (pf *parsedFile) keepDecoded(e *model.Entries, d diag.List) {
	if len(e.Issues)+len(e.Documents)+len(e.Procedures)+len(e.Statistics)+len(e.Consultations)+len(e.Budgets)+len(e.Projects)+len(e.Translations) > 0 {
		return
	}
	kept := &decoded{news: e.News, pages: e.Pages}
	pf.decoded, pf.decodeDiags = kept, d
	*e = kept.clone()
}

// clone returns copies of the records that share nothing the graph or the
// renderer set or change: they set the records' fields and those of a
// news item's image.
func (k *decoded) clone() model.Entries {
	var e model.Entries
	for _, n := range k.news {
		c := *n
		if n.Image != nil {
			img := *n.Image
			c.Image = &img
		}
		e.News = append(e.News, &c)
	}
	for _, p := range k.pages {
		c := *p
		e.Pages = append(e.Pages, &c)
	}
	return e
}

func parse(p string, raw []byte) *parsedFile {
	if source.IsSheet(p) {
		docs, d := source.ParseSheet(p, raw)
		return &parsedFile{docs: docs, diags: d}
	}
	if source.IsCatalogue(p) {
		docs, d := source.ParseCatalogue(p, raw, schema.CatalogueCells(source.KindOf(p)))
		return &parsedFile{docs: docs, diags: d}
	}
	doc, d := source.Parse(p, raw)
	if d.HasErrors() {
		return &parsedFile{diags: d}
	}
	return &parsedFile{docs: []source.Doc{doc}, diags: d}
}

// cache is what a session keeps between builds. A nil *cache keeps
// nothing: every method then does what a plain Build does.
type cache struct {
	seed maphash.Seed

	config []byte // site.yaml of the previous build
	// langs are the languages other than Vietnamese the kept paths and
	// files were read for.
	langs []string

	// paths are the content files of the last walk, nil when the next
	// build must walk the content folder again.
	paths     []string
	walkDiags diag.List
	files     map[string]*parsedFile

	conv       *render.ConvertCache
	convAssets map[string]string
	minified   map[string][]byte // by path, NUL, source

	jobs map[string]jobOut

	// scope is how far this build's edits reach; floor the narrowest
	// scope the next build may start from.
	scope, floor scope
	// edited are the previous parses of the Markdown files edited, each
	// of one record: a body-only edit when its front matter is the same
	// (see bodyEdits).
	edited map[string]*parsedFile
	// last is the last good site, pending the one being built (see
	// patch); prevFiles the last good site's files.
	lastGood, pending *built
	// patchMem is the sink of a patched build, which starts with the
	// last good site's files: finish replaces only what changed.
	patchMem   *output.Memory
	prevFiles  map[string][]byte
	changedIDs []int32  // the edited records' numbers
	recPaths   []string // the records' paths, by number
	global     uint64   // what every job reads, hashed
	layoutSums map[string]uint64

	index      *search.Index
	indexFiles []indexFile
	indexSum   uint64
	// editionFiles are the files of the last build's search indexes of
	// the other languages (see editionIndexes).
	editionFiles []string
	// indexing is this build's; searchStale tells that the last good
	// site's index is older than its pages (see indexLater).
	indexing    indexing
	searchStale bool

	last   time.Time
	stages []Stage
}

// Stage is the time one stage of a session's last build took.
type Stage struct {
	Name string
	Time time.Duration
}

// lap ends the stage that began at the previous lap.
func (c *cache) lap(name string) {
	if c == nil {
		return
	}
	now := time.Now()
	c.stages = append(c.stages, Stage{name, now.Sub(c.last)})
	c.last = now
}

// Stages returns how long each stage of the last Build took.
func (s *Session) Stages() []Stage { return s.c.stages }

type jobOut struct {
	fp    uint64
	data  []byte
	reach []int32 // the numbers of the records its data reaches
}

// invalidate forgets what changed paths may have made stale, and sets the
// scope this build starts from.
func (c *cache) invalidate(fsys fs.FS, changed []string) {
	c.edited, c.changedIDs, c.pending, c.patchMem = map[string]*parsedFile{}, nil, nil, nil
	c.scope = c.floor
	if changed == nil || c.jobs == nil {
		c.scope = scopeAll
	}
	if changed == nil {
		c.files, c.paths, c.conv = nil, nil, nil
		return
	}
	for _, p := range changed {
		p = path.Clean(strings.TrimPrefix(p, "./"))
		if p != source.ContentDir && !strings.HasPrefix(p, source.ContentDir+"/") {
			c.widen(scopeShape)
			if strings.HasPrefix(p, "assets/") && path.Ext(p) != ".css" && path.Ext(p) != ".js" {
				c.conv = nil // an asset picture: its size may have changed
			}
			continue
		}
		pf, known := c.files[p]
		if !known {
			c.paths = nil // a new file or folder, or not a content file
		}
		if known && path.Ext(p) == ".md" && len(pf.docs) == 1 {
			c.edited[p] = pf
		} else {
			c.widen(scopeAll)
		}
		delete(c.files, p)
		for k := range c.files {
			if strings.HasPrefix(k, p+"/") {
				delete(c.files, k)
				c.paths = nil
			}
		}
		if _, err := fs.Stat(fsys, p); err != nil {
			c.paths = nil
			c.widen(scopeAll)
		}
		if path.Ext(p) != ".md" && !source.IsCatalogue(p) {
			c.conv = nil // a picture: bodies record picture sizes
		}
	}
}

// setConfig notes the configuration of this build: another one makes
// every converted body stale.
func (c *cache) setConfig(data []byte) {
	if c == nil {
		return
	}
	if !bytes.Equal(data, c.config) {
		c.conv = nil
		c.widen(scopeAll)
		c.config = bytes.Clone(data)
	}
}

func (c *cache) walk(fsys fs.FS, langs []string) ([]string, diag.List, error) {
	if c == nil {
		return source.Walk(fsys, langs...)
	}
	if !slices.Equal(langs, c.langs) {
		// Other languages: other files are content, and others decode
		// as translations.
		c.paths, c.files, c.langs = nil, nil, slices.Clone(langs)
	}
	if c.paths != nil {
		return c.paths, c.walkDiags, nil
	}
	paths, d, err := source.Walk(fsys, langs...)
	if err != nil {
		return paths, d, err
	}
	c.paths, c.walkDiags = paths, d
	return paths, d, nil
}

// parsed returns the file kept from an earlier build, or nil. Safe for
// concurrent use (it only reads).
func (c *cache) parsed(p string) *parsedFile {
	if c == nil {
		return nil
	}
	return c.files[p]
}

func (c *cache) keepParsed(paths []string, parsed []*parsedFile) {
	if c == nil {
		return
	}
	files := make(map[string]*parsedFile, len(paths))
	for i, p := range paths {
		if parsed[i] != nil {
			files[p] = parsed[i]
		}
	}
	c.files = files
	c.bodyEdits()
}

// bodyEdits notes whether every edited file changed only in its body: the
// same front matter, byte for byte, decodes to the same record, and the
// graph, which never reads bodies, is then the same.
func (c *cache) bodyEdits() {
	for p, old := range c.edited {
		pf := c.files[p]
		if pf == nil || len(pf.docs) != 1 || !bytes.Equal(pf.docs[0].Head, old.docs[0].Head) {
			c.widen(scopeAll)
		}
	}
}

// number notes which records the edits touched and returns the records'
// numbers (see records) by address. A body-only edit must leave the same
// records in the same order.
func (c *cache) number(recs []record) map[uintptr]int32 {
	if c == nil {
		return nil
	}
	ids := make(map[uintptr]int32, len(recs))
	paths := make([]string, len(recs))
	for i, r := range recs {
		ids[r.addr()] = int32(i)
		paths[i] = r.path
	}
	if c.scope < scopeAll && slices.Equal(paths, c.recPaths) {
		c.changedIDs = []int32{}
		for i, p := range paths {
			if c.edited[p] != nil {
				c.changedIDs = append(c.changedIDs, int32(i))
			}
		}
	} else {
		c.widen(scopeAll)
	}
	c.recPaths = paths
	return ids
}

func (c *cache) converter(assets map[string]string) *render.ConvertCache {
	if c == nil {
		return nil
	}
	if c.conv == nil || !maps.Equal(assets, c.convAssets) {
		c.conv = render.NewConvertCache()
		c.convAssets = assets
	}
	return c.conv
}

func (c *cache) minify(mini *output.Minifier, p string, data []byte) ([]byte, error) {
	if c == nil {
		return mini.Minify(p, data)
	}
	key := p + "\x00" + string(data)
	if m, ok := c.minified[key]; ok {
		return m, nil
	}
	m, err := mini.Minify(p, data)
	if err != nil {
		return m, err
	}
	if c.minified == nil || len(c.minified) > 64 {
		c.minified = map[string][]byte{}
	}
	c.minified[key] = m
	return m, nil
}

// spillPostings is how many bytes of postings a build's search index
// holds in memory while it counts words before it moves the longer lists
// to a temporary file (search.Options.SpillBytes): a site of 50 000
// documents has about 60 MB of them, one of 250 000 about 300 MB. A
// preview session keeps them in memory. The lists grow by doubling, so
// up to twice the budget is in memory, beside the pages being rendered:
// at 250 000 documents a budget of 64 MiB left some 120 MB of postings
// live through most of the render stage (heap profile), where the
// collector, under the memory limit, marks what is live every few
// seconds. At 50 000 documents 16 MiB means three spills.
const spillPostings = 16 << 20

// searchIndex builds the index of a session's docs with put and returns
// its manifest's URL (a plain build's is buildSearchIndex). A session
// keeps the index files and puts them again when the docs are the same;
// when it defers indexing, it puts them again without looking at the
// docs until IndexSearch.
func (c *cache) searchIndex(docs func() []search.Doc, put search.Put) (string, error) {
	reuse := c.index != nil && c.indexing == indexLater
	rebuilt := false
	if !reuse {
		all := docs()
		sum := newFingerprinter(c.seed, nil).sum(all)
		if c.index == nil || sum != c.indexSum {
			var files []indexFile
			var mu sync.Mutex
			idx, err := search.Build(all, search.DefaultOptions, func(p string, data []byte) error {
				mu.Lock()
				defer mu.Unlock()
				files = append(files, indexFile{p, data})
				return nil
			})
			if err != nil {
				return "", err
			}
			c.index, c.indexFiles, c.indexSum = idx, files, sum
			rebuilt = true
		}
	}
	c.searchStale = reuse
	if c.patchMem != nil {
		if !rebuilt {
			return c.index.Manifest, nil // its files are there
		}
		maps.DeleteFunc(c.patchMem.Files, func(p string, _ []byte) bool { return strings.HasPrefix(p, search.Dir) })
	}
	for _, f := range c.indexFiles {
		if err := put(f.path, f.data); err != nil {
			return "", err
		}
	}
	return c.index.Manifest, nil
}

type indexFile struct {
	path string
	data []byte
}

// themeLayouts returns whether a layout, with base.html and the
// partials, is the theme's own: the site has no file of its name, or the
// same bytes. The fingerprint rules (see fingerprinter) hold for the
// theme's layouts only: a layout of the site's own may show what no
// fingerprint covers, so the pages it renders are rendered on every
// build. Without a theme, no layout is the theme's.
func themeLayouts(opt Options) func(layout string) bool {
	same := themeFile(opt)
	shared := themeChrome(opt)
	memo := map[string]bool{}
	return func(layout string) bool {
		own, ok := memo[layout]
		if !ok {
			own = shared && same(layout)
			memo[layout] = own
		}
		return own
	}
}

// themeChrome reports whether base.html and every partial are the
// theme's own (see themeLayouts), so that the theme's header and footer
// show only what render.Options.ThemeChrome says.
func themeChrome(opt Options) bool {
	same := themeFile(opt)
	shared := same("base.html")
	if site := sub(opt.Source, "layouts"); shared && site != nil {
		partials, _ := fs.Glob(site, "partials/*.html")
		for _, name := range partials {
			shared = shared && same(name)
		}
	}
	return shared
}

// themeFile returns whether a layout file is the theme's own: the site
// has no file of its name, or the same bytes.
func themeFile(opt Options) func(name string) bool {
	site, theme := sub(opt.Source, "layouts"), sub(opt.Theme, "layouts")
	return func(name string) bool {
		if theme == nil {
			return false
		}
		t, err := fs.ReadFile(theme, name)
		if err != nil {
			return false // the site's own
		}
		if site == nil {
			return true
		}
		s, err := fs.ReadFile(site, name)
		return errors.Is(err, fs.ErrNotExist) || err == nil && bytes.Equal(s, t)
	}
}

// fingerprints returns one fingerprint a job (0: always run it): its
// data, its layout with the shared templates, and what every job reads
// (configuration, assets, menu), and the records each job's data
// reaches. A job whose layout, base or partials are not the theme's own
// (themeLayouts) gets 0: it is rendered on every build. The search index's URL is not among them: only the search
// page shows it, and its Data holds it.
//
// After a body-only edit, with the same shared templates and layouts, a
// job keeps its last fingerprint unless its data reaches an edited
// record or no record at all (the search page, the sitemap): no other
// data can have changed.
func (c *cache) fingerprints(jobs []render.Job, r *render.Renderer, layouts fs.FS, cfg []byte, opt Options, assets map[string]string, ids map[uintptr]int32) (fps []uint64, reach [][]int32, summed int) {
	if c == nil {
		return nil, nil, 0
	}
	f := newFingerprinter(c.seed, ids)
	var h maphash.Hash
	h.SetSeed(c.seed)
	h.Write(cfg)
	h.WriteString(opt.BaseURL)
	for _, lang := range r.Languages() { // the UI strings, the site's over the theme's
		tab := r.Strings(lang)
		h.WriteString(lang)
		for _, k := range tab.Keys() {
			v, _ := tab.Lookup(k)
			h.WriteString(k)
			h.WriteByte(0)
			h.WriteString(v)
			h.WriteByte(0)
		}
	}
	writeUint(&h, f.sum(struct {
		Now              any
		Drafts, NoMinify bool
		Assets           map[string]string
		Menu             any
	}{opt.Now, opt.Drafts, opt.NoMinify, assets, []any{r.Menu(), r.LangMenus()}}))
	shared, _ := fs.Glob(layouts, "partials/*.html")
	shared = append([]string{"base.html"}, shared...)
	slices.Sort(shared)
	for _, name := range shared {
		data, _ := fs.ReadFile(layouts, name)
		h.WriteString(name)
		writeUint(&h, uint64(len(data)))
		h.Write(data)
	}
	global := h.Sum64()
	own := themeLayouts(opt)
	layout := map[string]uint64{}
	fps = make([]uint64, len(jobs))
	reach = make([][]int32, len(jobs))
	same := c.scope <= scopeShape && global == c.global && len(jobs) == len(c.jobs)
	for i, j := range jobs {
		if j.Data == nil || j.Layout != "" && !own(j.Layout) {
			continue // rendered on every build
		}
		lh, ok := layout[j.Layout]
		if !ok {
			var h maphash.Hash
			h.SetSeed(c.seed)
			if j.Layout != "" {
				data, err := fs.ReadFile(layouts, j.Layout)
				if err == nil {
					h.Write(data)
				}
			}
			lh = h.Sum64()
			layout[j.Layout] = lh
			if old, ok := c.layoutSums[j.Layout]; !ok || old != lh {
				same = false
			}
		}
		if same {
			if old, ok := c.jobs[j.Path]; ok && old.fp != 0 && len(old.reach) > 0 && !reaches(old.reach, c.changedIDs) {
				fps[i], reach[i] = old.fp, old.reach
				continue
			}
		}
		var jh maphash.Hash
		jh.SetSeed(c.seed)
		writeUint(&jh, global)
		writeUint(&jh, lh)
		jh.WriteString(j.Path)
		sum, rs := f.sumReach(j.Data)
		summed++
		writeUint(&jh, sum)
		fps[i], reach[i] = max(jh.Sum64(), 1), rs
	}
	c.global, c.layoutSums = global, layout
	return fps, reach, summed
}

// reuse returns the output of job i from the previous build when its
// fingerprint is the same. Safe for concurrent use (it only reads).
func (c *cache) reuse(p string, fps []uint64, i int) ([]byte, bool) {
	if c == nil || fps[i] == 0 {
		return nil, false
	}
	if e, ok := c.jobs[p]; ok && e.fp == fps[i] {
		return e.data, true
	}
	return nil, false
}

// reaches reports whether the sorted numbers reach hold one of ids.
func reaches(reach, ids []int32) bool {
	for _, id := range ids {
		if _, ok := slices.BinarySearch(reach, id); ok {
			return true
		}
	}
	return false
}

func (c *cache) keepJobs(jobs []render.Job, fps []uint64, reach [][]int32, outs [][]byte) {
	if c == nil {
		return
	}
	m := make(map[string]jobOut, len(jobs))
	for i, j := range jobs {
		m[j.Path] = jobOut{fps[i], outs[i], reach[i]}
	}
	c.jobs = m
	c.lastGood, c.pending = c.pending, nil
}
