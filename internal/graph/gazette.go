package graph

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"minhbach/internal/config"
	"minhbach/internal/diag"
	"minhbach/internal/model"
	"minhbach/internal/urls"
	"minhbach/internal/vnfold"
)

func issueKey(year int, number string) string {
	return fmt.Sprintf("%d/%s", year, strings.Join(strings.Fields(number), ""))
}

// gazette links issues and documents: URLs, uniqueness, references,
// relations both ways, statuses, attachments and browse lists.
func gazette(site *config.Site, e *model.Entries, fsys fs.FS, opt Options, s *model.Site, claim func(url, file string, pos diag.Pos) bool, d *diag.List) {
	g := &s.Gazette
	issues := slices.Clone(e.Issues)
	slices.SortFunc(issues, func(a, b *model.Issue) int { return cmp.Compare(a.Path, b.Path) })
	byKey := map[string]*model.Issue{}
	for _, is := range issues {
		if is.Number == "" || is.Year == 0 {
			continue
		}
		is.Key = issueKey(is.Year, is.Number)
		if other, ok := byKey[is.Key]; ok {
			d.Errorf(is.Start, "gazette issue %s is also %s: give each issue its own number", is.Key, other.Path)
			continue
		}
		byKey[is.Key] = is
		is.URL = fmt.Sprintf("%s%d/so-%s/", urls.Gazette, is.Year, vnfold.Slug(is.Number))
		if !claim(is.URL, is.Path, is.Start) {
			continue
		}
		if is.PDF != nil {
			copies, ok := publish(fsys, is.PDF, is.Path, is.URL, "pdf", d)
			s.Copies = append(s.Copies, copies...)
			if ok {
				unsignedIssue(is, d)
			}
		}
		g.Issues = append(g.Issues, is)
	}
	slices.SortFunc(g.Issues, func(a, b *model.Issue) int {
		return cmp.Or(b.Date.Compare(a.Date), cmp.Compare(b.Year, a.Year), cmp.Compare(b.Key, a.Key))
	})

	docs := slices.Clone(e.Documents)
	slices.SortFunc(docs, func(a, b *model.Document) int {
		return cmp.Or(a.Issued.Compare(b.Issued), cmp.Compare(a.Path, b.Path))
	})
	byNumber := map[string]*model.Document{}
	slugs := map[string]*model.Document{}
	for _, doc := range docs {
		if doc.Number == "" {
			continue
		}
		k := vnfold.NumberKey(doc.Number)
		if other, ok := byNumber[k]; ok {
			d.Errorf(doc.Where(doc.NumberPos), "number %q is also the number of %s: each document number must be unique", doc.Number, other.Path)
			continue
		}
		byNumber[k] = doc
		doc.Slug = vnfold.Slug(doc.Number)
		if doc.Slug == "" {
			d.Errorf(doc.Where(doc.NumberPos), "number %q gives no URL: it needs letters or digits", doc.Number)
			continue
		}
		if other, ok := slugs[doc.Slug]; ok {
			slug := fmt.Sprintf("%s-%d", doc.Slug, doc.Issued.Year())
			d.Warnf(doc.Where(doc.NumberPos), "number %q has the same URL slug as %q in %s: this document is published at %s%s/", doc.Number, other.Number, other.Path, urls.Document, slug)
			doc.Slug = slug
		}
		slugs[doc.Slug] = doc
		doc.URL = urls.Document + doc.Slug + "/"
		if !claim(doc.URL, doc.Path, doc.Where(doc.NumberPos)) {
			continue
		}
		g.Documents = append(g.Documents, doc)
	}

	known := numberIndex(g.Documents)
	// Documents repeat a few agencies, signers and issues, each string
	// read from its own file: one copy of each is enough (a large
	// archive's documents stay in memory until its pages are written).
	seen := map[string]string{}
	intern := func(s string) string {
		if v, ok := seen[s]; ok {
			return v
		}
		seen[s] = s
		return s
	}
	for _, doc := range g.Documents {
		doc.Agency, doc.Signer, doc.IssueRef = intern(doc.Agency), intern(doc.Signer), intern(doc.IssueRef)
		if doc.IssueRef != "" {
			year, number, _ := strings.Cut(doc.IssueRef, "/")
			is := byKey[year+"/"+strings.Join(strings.Fields(number), "")]
			if is == nil {
				d.Errorf(doc.Where(doc.IssuePos), "issue %q names no gazette issue (write it as YEAR/NUMBER: %s)", doc.IssueRef, issueList(g.Issues))
			} else {
				doc.Issue = is
				is.Documents = append(is.Documents, doc)
			}
		}
		for i, a := range doc.Attachments {
			copies, _ := publish(fsys, a, doc.Path, doc.URL, "attachment", d)
			s.Copies = append(s.Copies, copies...)
			doc.Attachments[i] = a
		}
		for i := range doc.Relations {
			r := &doc.Relations[i]
			if r.Kind.Changes() {
				r.Effect = r.Date
				if r.Effect.IsZero() {
					r.Effect = doc.Effective
				}
			}
			t := byNumber[vnfold.NumberKey(r.Number)]
			switch {
			case t == doc:
				d.Errorf(doc.Where(r.Pos), "%s %q names the document itself", r.Kind, r.Number)
			case t != nil:
				r.Target = t
				if r.Number == t.Number {
					r.Number = t.Number // one copy
				}
				t.Back = append(t.Back, model.BackRelation{Kind: r.Kind, From: doc, Scope: r.Scope, Effect: r.Effect})
			default:
				known.unresolved(d, doc.Where(r.Pos), string(r.Kind), r.Number, r.External, false)
			}
		}
	}
	for _, is := range g.Issues {
		slices.SortStableFunc(is.Documents, func(a, b *model.Document) int {
			return cmp.Or(cmp.Compare(a.Order, b.Order), cmp.Compare(a.Number, b.Number))
		})
		for i, doc := range is.Documents {
			if i > 0 && doc.Order != 0 && doc.Order == is.Documents[i-1].Order {
				prev := is.Documents[i-1]
				d.Errorf(doc.Where(doc.OrderPos), "order %d is also the order of %s (%s) in gazette issue %s: give each document its own place in the issue", doc.Order, prev.Number, prev.Path, is.Key)
			}
		}
	}
	g.AsOf = opt.Now
	for _, doc := range g.Documents {
		validity(doc, opt.Now)
	}
	slices.SortStableFunc(g.Documents, func(a, b *model.Document) int {
		return cmp.Or(b.Issued.Compare(a.Issued), cmp.Compare(a.Number, b.Number))
	})
	g.Next = next(g.Documents)

	per := site.Paginate
	g.Years = facets(g.Documents, urls.Document+"nam/", func(x *model.Document) (string, string) {
		y := fmt.Sprint(x.Issued.Year())
		return y, y
	})
	slices.SortFunc(g.Years, func(a, b *model.Facet[*model.Document]) int { return cmp.Compare(b.Name, a.Name) })
	g.Types = facets(g.Documents, urls.Document+"loai/", func(x *model.Document) (string, string) { return x.DocType, vnfold.Slug(x.DocType) })
	g.Agencies = facets(g.Documents, urls.Document+"co-quan/", func(x *model.Document) (string, string) { return x.Agency, vnfold.Slug(x.Agency) })
	g.Fields = facets(g.Documents, urls.Document+"linh-vuc/", func(x *model.Document) (string, string) { return x.Field.Label, x.Field.Code })
	g.Statuses = facets(g.Documents, urls.Document+"hieu-luc/", func(x *model.Document) (string, string) { return x.Status.Label(), x.Status.Slug() })
	slices.SortFunc(g.Statuses, func(a, b *model.Facet[*model.Document]) int {
		return cmp.Compare(statusRank(a.Slug), statusRank(b.Slug))
	})
	g.Lists = paginate(nil, "all", "Văn bản", nil, urls.Document, g.Documents, per)
	for _, group := range []struct {
		kind, prefix string
		facets       []*model.Facet[*model.Document]
	}{{"year", "Văn bản năm ", g.Years}, {"type", "", g.Types}, {"agency", "Văn bản của ", g.Agencies}, {"field", "Lĩnh vực ", g.Fields}, {"status", "Văn bản ", g.Statuses}} {
		for _, f := range group.facets {
			g.Lists = paginate(g.Lists, group.kind, group.prefix+f.Name, &f.Term, f.URL, f.Items, per)
		}
	}
}

func statusRank(slug string) int {
	for i, s := range model.Statuses {
		if s.Slug() == slug {
			return i
		}
	}
	return len(model.Statuses)
}

// validity sets a document's status as of now, its end date and its known
// changes after now, and orders its back relations, the latest to take
// effect first. An explicit status overrides the computed one and has no
// changes ahead.
func validity(doc *model.Document, now time.Time) {
	slices.SortStableFunc(doc.Back, func(a, b model.BackRelation) int {
		return cmp.Or(b.Effect.Compare(a.Effect), cmp.Compare(a.From.Number, b.From.Number))
	})
	doc.Ends = doc.Expires
	for _, b := range doc.Back {
		if b.Kind.Ends() && b.Scope == "" && (doc.Ends.IsZero() || b.Effect.Before(doc.Ends)) {
			doc.Ends = b.Effect
		}
	}
	if doc.StatusOverride() != "" {
		doc.Status = doc.StatusOverride()
		return
	}
	doc.Status = statusAt(doc, now)
	var ahead []model.StatusChange
	if doc.Effective.After(now) {
		ahead = append(ahead, model.StatusChange{Date: doc.Effective, Doc: doc})
	}
	if doc.Expires.After(now) {
		ahead = append(ahead, model.StatusChange{Date: doc.Expires, Doc: doc})
	}
	for _, b := range doc.Back {
		if (b.Kind.Ends() || b.Kind == model.Suspends) && b.Effect.After(now) {
			ahead = append(ahead, model.StatusChange{Date: b.Effect, Doc: doc, By: b.From, Kind: b.Kind, Scope: b.Scope})
		}
	}
	slices.SortStableFunc(ahead, func(a, b model.StatusChange) int { return a.Date.Compare(b.Date) })
	for i := range ahead {
		ahead[i].Status = statusAt(doc, ahead[i].Date)
	}
	if len(ahead) > 0 || doc.Extra != nil {
		doc.MakeExtra().Upcoming = ahead
	}
}

// statusAt computes a document's validity on day t from its dates and the
// relations of other documents that have taken effect by then: a whole
// repeal or replacement, or the end of its term, ends it (Hết hiệu lực
// toàn bộ); a whole suspension suspends it; a repeal or replacement of
// some parts (a scope) leaves it partly in force, and a suspension of
// some parts partly suspended. Amendments and corrections leave it in
// force.
func statusAt(doc *model.Document, t time.Time) model.Status {
	if doc.Effective.After(t) {
		return model.NotYetInForce
	}
	if !doc.Expires.IsZero() && !doc.Expires.After(t) {
		return model.Expired
	}
	var suspended, partly, partlySuspended bool
	for _, b := range doc.Back {
		if b.Effect.IsZero() || b.Effect.After(t) {
			continue // not a change, or not in effect yet
		}
		switch {
		case b.Kind.Ends() && b.Scope == "":
			return model.Expired
		case b.Kind.Ends():
			partly = true
		case b.Kind == model.Suspends && b.Scope == "":
			suspended = true
		case b.Kind == model.Suspends:
			partlySuspended = true
		}
	}
	switch {
	case suspended:
		return model.Suspended
	case partly:
		return model.PartiallyInForce
	case partlySuspended:
		return model.PartiallySuspended
	}
	return model.InForce
}

// next returns the changes of validity on the first date ahead on which
// any document's status changes, in the order of docs.
func next(docs []*model.Document) []model.StatusChange {
	var first time.Time
	for _, doc := range docs {
		if up := doc.Upcoming(); len(up) > 0 && (first.IsZero() || up[0].Date.Before(first)) {
			first = up[0].Date
		}
	}
	var out []model.StatusChange
	for _, doc := range docs {
		for _, c := range doc.Upcoming() {
			if c.Date.Equal(first) {
				out = append(out, c)
			}
		}
	}
	return out
}

// publish checks a file a page names, records its size, SHA-256 and
// digital signatures, and gives it a stable URL beside the page. It
// reports whether the file was read and its signatures (if any) are
// intact.
func publish(fsys fs.FS, a *model.Attachment, page, pageURL, what string, d *diag.List) ([]model.Copy, bool) {
	data, err := fs.ReadFile(fsys, a.File)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			d.Errorf(a.Pos, "%s %q: file %s does not exist", what, a.Src, a.File)
		} else {
			d.Errorf(a.Pos, "%s %q: %v", what, a.Src, err)
		}
		return nil, false
	}
	ok := signatures(data, a, what, d)
	sum := sha256.Sum256(data)
	a.Size = int64(len(data))
	a.SHA256 = hex.EncodeToString(sum[:])
	var rel string
	if strings.HasPrefix(a.File, "assets/") {
		rel = path.Base(a.File)
	} else {
		rel = strings.TrimPrefix(a.File, path.Dir(page)+"/")
	}
	a.URL = pageURL + rel
	return []model.Copy{{From: a.File, To: strings.TrimPrefix(a.URL, "/")}}, ok
}

func issueList(issues []*model.Issue) string {
	var keys []string
	for _, is := range issues {
		keys = append(keys, is.Key)
	}
	if len(keys) == 0 {
		return "no issues yet under content/gazette/issues/"
	}
	if len(keys) > 8 {
		keys = append(keys[:8], "…")
	}
	return "issues: " + strings.Join(keys, ", ")
}

// facets groups items by a (name, slug) value, in first-seen order.
func facets[T any](docs []T, root string, value func(T) (string, string)) []*model.Facet[T] {
	by := map[string]*model.Facet[T]{}
	var out []*model.Facet[T]
	for _, doc := range docs {
		name, slug := value(doc)
		if slug == "" {
			continue
		}
		f, ok := by[slug]
		if !ok {
			f = &model.Facet[T]{Term: model.Term{Name: name, Slug: slug, URL: root + slug + "/"}}
			by[slug] = f
			out = append(out, f)
		}
		f.Items = append(f.Items, doc)
	}
	slices.SortStableFunc(out, func(a, b *model.Facet[T]) int { return cmp.Compare(a.Slug, b.Slug) })
	return out
}

// pagers returns the pagers of a list of n items: the first page at root,
// the others at root/trang/N/.
func pagers(root string, n, per int) []model.Pager { return pagersIn(root, n, per, "trang") }

// pagersIn is pagers with seg as the word of the page numbers' folder:
// "trang" in Vietnamese, "page" in English (/en/news/page/2/).
func pagersIn(root string, n, per int, seg string) []model.Pager {
	total := max(1, (n+per-1)/per)
	urls := make([]string, total)
	for i := range urls {
		urls[i] = root
		if i > 0 {
			urls[i] = fmt.Sprintf("%s%s/%d/", root, seg, i+1)
		}
	}
	out := make([]model.Pager, total)
	for i := range out {
		out[i] = model.Pager{Number: i + 1, Total: total, Pages: urls}
		if i > 0 {
			out[i].Prev = urls[i-1]
		}
		if i+1 < total {
			out[i].Next = urls[i+1]
		}
	}
	return out
}
