package output

import (
	"bytes"
	"io"
	"maps"
	"slices"
	"sync"

	"github.com/tdewolff/minify/v2"
)

// memo wraps a minifier of scripts or styles with what it made of the
// small inputs seen so far. Every page of a site carries the same inline
// script in its head (and a site in several languages the same inline
// style): the HTML minifier hands each to the JavaScript or CSS minifier,
// which parses it again on every page. With memo it is minified once per
// build. The output is the minifier's own, for the same input and
// parameters; failures are not kept. Safe for concurrent use.
type memo struct {
	f  minify.MinifierFunc
	mu sync.Mutex
	m  map[string][]byte
}

// Inputs longer than memoMaxInput, and inputs after the first
// memoMaxEntries, are minified every time: the memo is for the few small
// snippets that layouts repeat, not for files.
const (
	memoMaxInput   = 4 << 10
	memoMaxEntries = 256
)

func newMemo(f minify.MinifierFunc) *memo { return &memo{f: f, m: map[string][]byte{}} }

// Minify is f's, from the memo when it has the same input.
func (c *memo) Minify(m *minify.M, w io.Writer, r io.Reader, params map[string]string) error {
	in, ok := r.(interface{ Bytes() []byte })
	if !ok || len(in.Bytes()) > memoMaxInput {
		return c.f(m, w, r, params)
	}
	key := memoKey(in.Bytes(), params)
	c.mu.Lock()
	out, hit := c.m[key]
	c.mu.Unlock()
	if hit {
		_, err := w.Write(out)
		return err
	}
	var b bytes.Buffer
	err := c.f(m, &b, r, params)
	if err == nil {
		c.mu.Lock()
		if len(c.m) < memoMaxEntries {
			c.m[key] = b.Bytes()
		}
		c.mu.Unlock()
	}
	if _, werr := w.Write(b.Bytes()); err == nil {
		err = werr
	}
	return err
}

// memoKey joins the parameters, sorted, and the input into one key.
func memoKey(data []byte, params map[string]string) string {
	var b bytes.Buffer
	for _, k := range slices.Sorted(maps.Keys(params)) {
		b.WriteString(k)
		b.WriteByte('=')
		b.WriteString(params[k])
		b.WriteByte(0)
	}
	b.WriteByte(0)
	b.Write(data)
	return b.String()
}
