package output_test

import (
	"bytes"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"minhbach/internal/output"
)

func TestCache(t *testing.T) {
	dir := filepath.Join(t.TempDir(), output.CacheDir, "anh")
	c, err := output.OpenCache(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, ok := c.Get("ab12-480-x"); ok {
		t.Error("Get of a key never put: found")
	}
	var wg sync.WaitGroup
	for i := range 8 { // two processes may write the same key at once
		wg.Go(func() {
			if err := c.Put("ab12-480-x", []byte("copy")); err != nil {
				t.Errorf("Put %d: %v", i, err)
			}
		})
	}
	wg.Wait()
	if got, ok := c.Get("ab12-480-x"); !ok || !bytes.Equal(got, []byte("copy")) {
		t.Errorf("Get = %q, %v; want the bytes put", got, ok)
	}
	left, _ := filepath.Glob(filepath.Join(dir, "ab", "*"))
	if len(left) != 1 {
		t.Errorf("files in the cache: %q, want the one copy (no temporary files left)", left)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(dir), "README.txt")); err != nil {
		t.Errorf("no note in the cache folder: %v", err)
	}
	for _, bad := range []string{"", "../x", "a/b/c", ".hidden", "AB12", "a\x00b"} {
		if err := c.Put(bad, []byte("x")); err == nil {
			t.Errorf("Put(%q): no error", bad)
		}
		if _, ok := c.Get(bad); ok {
			t.Errorf("Get(%q): found", bad)
		}
	}
	// Reopened, as the next build does.
	c2, err := output.OpenCache(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Close()
	if got, ok := c2.Get("ab12-480-x"); !ok || string(got) != "copy" {
		t.Errorf("after reopening: Get = %q, %v", got, ok)
	}
}
