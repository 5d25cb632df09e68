// Package kinds is the registry of the site's content kinds as the
// disclosure law sees them: each kind declares its section's address, the
// forms it publishes in, and how to count its items and find the date of
// the newest, so that the disclosure catalogue (Danh mục thông tin phải
// công khai) and its check can ask any kind the same questions. Each kind
// registers itself from its own file (news.go, gazette.go, …) in an init
// function; a kind added to the site adds one file here. It reads the
// site model and nothing else.
package kinds

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"minhbach/internal/model"
)

// Kind is one content kind.
type Kind struct {
	// Name is the kind's key, as content/cong-khai.yaml names it
	// ("news", "documents").
	Name string
	// Label is its Vietnamese name ("Tin tức").
	Label string
	// URL is its section's page, from the site root; it begins and ends
	// with '/'.
	URL string
	// Forms are the forms it publishes in, as the catalogue names them:
	// "HTML", "PDF", "CSV", "JSON", "Atom".
	Forms []string
	// Order places the kind in lists: lower first.
	Order int
	// Status returns how many items the site publishes and the date of
	// the newest (zero when none has a date).
	Status func(s *model.Site) Status
}

// Status is what a kind holds on one site.
type Status struct {
	// Count is the number of published items.
	Count int
	// Updated is the date of the newest item: when it was created,
	// issued or published, as the kind records it.
	Updated time.Time
}

var registry []Kind

// Register adds a kind; it is called from init functions only, and
// panics when the name is taken or the kind incomplete.
func Register(k Kind) {
	if k.Name == "" || k.URL == "" || k.Status == nil || k.Label == "" {
		panic(fmt.Sprintf("kinds: incomplete kind %+v", k))
	}
	if !strings.HasPrefix(k.URL, "/") || !strings.HasSuffix(k.URL, "/") {
		panic(fmt.Sprintf("kinds: URL %q of %s must begin and end with '/'", k.URL, k.Name))
	}
	if _, ok := Lookup(k.Name); ok {
		panic("kinds: " + k.Name + " registered twice")
	}
	registry = append(registry, k)
	slices.SortStableFunc(registry, func(a, b Kind) int {
		if a.Order != b.Order {
			return a.Order - b.Order
		}
		return strings.Compare(a.Name, b.Name)
	})
}

// All returns the registered kinds in order. The slice is a copy.
func All() []Kind { return slices.Clone(registry) }

// Names returns the names of the registered kinds, in order.
func Names() []string {
	var out []string
	for _, k := range registry {
		out = append(out, k.Name)
	}
	return out
}

// Lookup returns the kind of the given name.
func Lookup(name string) (Kind, bool) {
	for _, k := range registry {
		if k.Name == name {
			return k, true
		}
	}
	return Kind{}, false
}

// newest returns the latest of the dates given by date for items.
func newest[T any](items []T, date func(T) time.Time) time.Time {
	var t time.Time
	for _, it := range items {
		if d := date(it); d.After(t) {
			t = d
		}
	}
	return t
}
