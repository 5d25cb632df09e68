package build

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// TestStoreRoundTrip: what a build stores while converting bodies on
// several workers reads back the same, and the file goes when the store
// closes.
func TestStoreRoundTrip(t *testing.T) {
	st, err := newStore()
	if err != nil {
		t.Fatal(err)
	}
	name := st.f.Name()
	if runtime.GOOS != "windows" {
		// The name goes at once: a build killed before close leaves no
		// file behind, and the open file still works (below).
		if _, err := os.Stat(name); !os.IsNotExist(err) {
			t.Errorf("the store's file %s has a name while the store is open (%v); want it removed at once", name, err)
		}
	}
	// Short bodies, gathered into chunks, and a few longer than half a
	// chunk, written at once: several chunks in all, so that reads come
	// both from the file and from what is not written yet.
	want := make([]string, 400)
	for i := range want {
		n := i % 7
		if i%97 == 3 {
			n = storeChunk / 30
		} else if i%5 == 0 {
			n = 1000
		}
		want[i] = strings.Repeat(fmt.Sprintf("<p>Thân bài số %d.</p>", i), n)
	}
	got := make([]string, len(want))
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < len(want); i += 4 {
				at := st.put(want[i])
				if want[i] == "" && at.Store != nil {
					t.Errorf("body %d: an empty body was stored", i)
				}
				got[i] = at.Or("")
			}
		})
	}
	wg.Wait()
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("body %d read back as %d bytes beginning %.40q, want %d bytes beginning %.40q", i, len(got[i]), got[i], len(want[i]), want[i])
		}
	}
	if err := st.close(); err != nil {
		t.Fatalf("close: %v", err)
	}
	if _, err := os.Stat(name); !os.IsNotExist(err) {
		t.Errorf("the store's file %s is still there after close (%v)", name, err)
	}
}

// TestStoreReadFailure: a body that cannot be read back makes the build
// fail (close returns the error) instead of writing a page without it.
func TestStoreReadFailure(t *testing.T) {
	st, err := newStore()
	if err != nil {
		t.Fatal(err)
	}
	at := st.put("<p>Thân bài.</p>")
	st.put(strings.Repeat("x", storeChunk)) // the body is written to the file
	st.f.Close()                            // and the file goes away under the build
	if s := at.Or(""); s != "" {
		t.Errorf("read %q from a closed file", s)
	}
	err = st.close()
	if err == nil || !strings.Contains(err.Error(), "converted bodies") {
		t.Errorf("close = %v, want the read error, naming the converted bodies", err)
	}
}
