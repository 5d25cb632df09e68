package build

import (
	"bytes"
	"io/fs"
	"maps"
	"slices"

	"minhbach/internal/config"
	"minhbach/internal/diag"
	"minhbach/internal/model"
	"minhbach/internal/output"
	"minhbach/internal/render"
	"minhbach/internal/schema"
)

// built is a site read, linked and converted: what finish indexes and
// renders. A session keeps its last good one, so that a body-only edit
// of news items can patch the site in place of building it again.
type built struct {
	site   *model.Site
	recs   []record // the site's records, by number (see records)
	r      *render.Renderer
	assets map[string]string
	// sitemap is made once: a patch of bodies keeps it.
	sitemap *render.Sitemap
	// before are the diagnostics found before the bodies were converted;
	// convs those of each record's body, by record number.
	before diag.List
	convs  []diag.List
}

// diags returns before and convs together.
func (b *built) diags() diag.List {
	d := slices.Clone(b.before)
	for _, c := range b.convs {
		d.Append(c)
	}
	return d
}

// sizeSink makes room in a session's in-memory sink for about as many
// files as the last site had, when the site is built again rather than
// patched (a patch starts from a copy of those files).
func (c *cache) sizeSink(sink output.Sink) {
	if mem, ok := sink.(*output.Memory); ok && c != nil && len(mem.Files) == 0 {
		mem.Files = make(map[string][]byte, len(c.prevFiles))
	}
}

// keepSite notes the site being built; keepJobs makes it the last good
// one when the build succeeds.
func (c *cache) keepSite(b *built) {
	if c == nil {
		return
	}
	c.pending = b
}

// patch brings the last good site up to date after edits that changed
// only the bodies of news items: their front matter, hence their records
// and the graph, are as before, so it converts the new bodies into the
// same records and puts the files that are not pages again; finish then
// renders the pages that show those records. It reports false, having
// changed and put nothing, when the edits are of another kind or a new
// body brings errors or new pictures (the caller then builds the site
// again).
func (c *cache) patch(opt Options, site *config.Site, sink output.Sink) (*built, bool, error) {
	mem, isMem := sink.(*output.Memory)
	if c == nil || c.scope != scopeBodies || c.lastGood == nil || len(c.edited) == 0 || c.prevFiles == nil || !isMem {
		return nil, false, nil
	}
	last := c.lastGood
	type edit struct {
		path  string
		id    int
		pf    *parsedFile
		rec   *model.News // the last site's record
		fresh *model.News // as decoded again
	}
	var edits []edit
	for _, p := range slices.Sorted(maps.Keys(c.edited)) {
		old := c.edited[p]
		raw, err := fs.ReadFile(opt.Source, p)
		if err != nil {
			return nil, false, nil
		}
		pf := parse(p, raw)
		if len(pf.docs) != 1 || !bytes.Equal(pf.docs[0].Head, old.docs[0].Head) || !sameDiags(pf.diags, old.diags) ||
			old.decoded == nil || len(old.decoded.news) != 1 {
			return nil, false, nil
		}
		var e model.Entries
		d := schema.Decode(pf.docs[0], site, &e)
		id := slices.IndexFunc(last.recs, func(r record) bool { return r.path == p })
		if len(e.News) != 1 || !sameDiags(d, old.decodeDiags) || id < 0 {
			return nil, false, nil // a draft, or not a news item
		}
		n, ok := last.recs[id].ptr.(*model.News)
		if !ok {
			return nil, false, nil
		}
		pf.keepDecoded(&e, d)
		edits = append(edits, edit{p, id, pf, n, e.News[0]})
	}
	// Convert the new bodies, of the records as decoded with the graph's
	// fields kept: a summary may come from the body, and the smaller
	// copies of a lead photo are listed again.
	convs := slices.Clone(last.convs)
	bodies := make([]render.NewsBody, len(edits))
	for i, e := range edits {
		x := *e.rec
		x.Source, x.Summary = e.fresh.Source, e.fresh.Summary
		body, d := last.r.ConvertNews(&x)
		if d.HasErrors() || !slices.Equal(body.Content.Files, e.rec.Content.Files) || !slices.Equal(body.Content.Variants, e.rec.Content.Variants) {
			return nil, false, nil // the build shows the errors; new pictures to copy or resize
		}
		bodies[i], convs[e.id] = body, d
	}
	// The last site changes from here on.
	for i, e := range edits {
		n := e.rec
		n.Source = e.fresh.Source
		n.Content, n.Summary, n.Image = bodies[i].Content, bodies[i].Summary, bodies[i].Image
	}
	for _, e := range edits {
		c.files[e.path] = e.pf
	}
	next := &built{site: last.site, recs: last.recs, r: last.r, assets: last.assets, sitemap: last.sitemap, before: last.before, convs: convs}
	// The files are the last site's; finish replaces those that changed.
	mem.Files = maps.Clone(c.prevFiles)
	c.patchMem = mem
	c.pending = next
	c.lap("patch")
	return next, true, nil
}

func sameDiags(a, b diag.List) bool {
	return slices.EqualFunc(a, b, func(x, y diag.Diagnostic) bool { return x.String() == y.String() })
}
