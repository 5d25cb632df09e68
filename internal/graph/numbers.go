package graph

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hbollon/go-edlib"

	"minhbach/internal/diag"
	"minhbach/internal/model"
	"minhbach/internal/vnfold"
)

// numbers is the index of the site's document numbers by comparison key
// (vnfold.NumberKey), sorted by key, for finding the numbers a mistyped
// one is close to. It remembers each answer: the same external number is
// often cited by hundreds of procedures, and each first answer compares it
// with every number of the site. Not safe for concurrent use.
type numbers struct {
	list []numberKey
	seen map[string][]string
}

type numberKey struct {
	key, number string
	runes       int // of key
}

func numberIndex(docs []*model.Document) *numbers {
	n := &numbers{seen: map[string][]string{}}
	for _, doc := range docs {
		key := vnfold.NumberKey(doc.Number)
		n.list = append(n.list, numberKey{key, doc.Number, utf8.RuneCountInString(key)})
	}
	slices.SortFunc(n.list, func(a, b numberKey) int { return cmp.Compare(a.key, b.key) })
	return n
}

// maxNear is how many close numbers a message names.
const maxNear = 3

// near returns the site's numbers that a mistyped number most likely
// meant: those at the smallest edit distance from its folded key, counting
// a letter or digit added, dropped, changed, or two swapped as one edit
// ("52/2025/qd-ubdn" is one from "52/2025/qd-ubnd"). That distance must be
// one, or two when a single number of the site is that close to a number
// of ten characters or more: with serial numbers of two digits, many
// numbers are two edits apart, and naming them all would mislead.
func (n *numbers) near(number string) []string {
	if hits, ok := n.seen[number]; ok {
		return hits
	}
	hits := n.nearest(number)
	n.seen[number] = hits
	return hits
}

// maxDistance is the largest edit distance near ever accepts.
const maxDistance = 2

func (n *numbers) nearest(number string) []string {
	key := vnfold.NumberKey(number)
	runes := utf8.RuneCountInString(key)
	best := math.MaxInt
	var hits []string
	for _, c := range n.list {
		// Keys whose lengths differ by more than maxDistance are at
		// least that many edits apart: skip the costly distance.
		if c.runes-runes > maxDistance || runes-c.runes > maxDistance {
			continue
		}
		d := edlib.OSADamerauLevenshteinDistance(key, c.key)
		switch {
		case d == 0:
		case d < best:
			best, hits = d, []string{c.number}
		case d == best:
			hits = append(hits, c.number)
		}
	}
	switch {
	case best == 1:
	case best == maxDistance && len(hits) == 1 && utf8.RuneCountInString(key) >= 10:
	default:
		return nil
	}
	return hits[:min(len(hits), maxNear)]
}

// quoted lists numbers for a message: "a", "b".
func quoted(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

// unresolved reports a relation or citation of the key kind whose number
// names no document of the site. When numbers of the site are close, it is
// an error that names them; the hint to mark the number as outside the
// site is given only when none is, so that a mistyped number is not
// silently turned into an external one. A number marked external that is
// close to one of the site is a warning.
func (n *numbers) unresolved(d *diag.List, pos diag.Pos, kind, number string, external, procedure bool) {
	hits := n.near(number)
	switch {
	case external && len(hits) > 0:
		d.Warnf(pos, "%s %q is marked external (outside the site) but the site has %s: check the number", kind, number, quoted(hits))
	case external:
	case len(hits) > 0 && procedure:
		d.Errorf(pos, "%s %q names no document in the gazette: did you mean %s?", kind, number, quoted(hits))
	case len(hits) > 0:
		d.Errorf(pos, "%s %q names no document in the site: did you mean %s?", kind, number, quoted(hits))
	case procedure:
		d.Errorf(pos, "%s %q names no document in the gazette: add the document under content/gazette/documents/, or mark it as outside the site ({number: %q, external: true, title: \"…\"}, or \"%s | title\" in a CSV cell)", kind, number, number, number)
	default:
		d.Errorf(pos, "%s %q names no document in the site (for a document outside it write {number: %q, external: true, title: \"…\"})", kind, number, number)
	}
}
