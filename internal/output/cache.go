package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// CacheDir is the folder, at the site root, that keeps between builds what
// is slow to make and the same every time: Cache keeps the smaller copies
// of photos in its "anh" folder. It is never part of the built site, and
// it is safe to delete: the next build makes again what it held.
const CacheDir = ".minhbach-cache"

// cacheNote is written into a new cache folder for whoever finds it.
const cacheNote = `Thư mục này do minhbach tạo: nó giữ các bản thu nhỏ của ảnh giữa các lần dựng trang
để lần dựng sau không phải thu nhỏ lại. Có thể xóa bất cứ lúc nào: lần dựng sau sẽ tạo lại.
Không đưa thư mục này lên máy chủ và không đưa vào git.

minhbach keeps the smaller copies of photos here between builds. Safe to delete.
`

// Cache is a folder of files kept between builds, by key: each a file of
// its own, written to a temporary name and renamed into place, so that a
// reader never sees half a file and two processes (a build and a preview)
// may share it. Keys are file names of letters, digits, '-' and '.'. It
// is safe for concurrent use.
type Cache struct {
	root *os.Root
}

// OpenCache opens the cache folder dir, creating it when needed.
func OpenCache(dir string) (*Cache, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create cache %s: %w", dir, err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("open cache %s: %w", dir, err)
	}
	// The note goes at the top of the cache, beside its folders.
	top := filepath.Dir(filepath.Clean(dir))
	if filepath.Base(top) == CacheDir {
		note := filepath.Join(top, "README.txt")
		if _, err := os.Stat(note); errors.Is(err, fs.ErrNotExist) {
			_ = os.WriteFile(note, []byte(cacheNote), 0o644)
		}
	}
	return &Cache{root: root}, nil
}

// Close releases the folder.
func (c *Cache) Close() error { return c.root.Close() }

// file returns the path of key in the folder: under a folder named by
// its first two characters, so that no folder holds too many files.
func (c *Cache) file(key string) (string, error) {
	if len(key) < 3 || len(key) > MaxNameLen || strings.Trim(key, "abcdefghijklmnopqrstuvwxyz0123456789-.") != "" || strings.HasPrefix(key, ".") {
		return "", fmt.Errorf("cache key %q: want letters, digits, '-' and '.'", key)
	}
	return path.Join(key[:2], key), nil
}

// Get returns the file kept under key.
func (c *Cache) Get(key string) ([]byte, bool) {
	p, err := c.file(key)
	if err != nil {
		return nil, false
	}
	data, err := c.root.ReadFile(p)
	if err != nil {
		return nil, false
	}
	return data, true
}

// Put keeps data under key.
func (c *Cache) Put(key string, data []byte) error {
	p, err := c.file(key)
	if err != nil {
		return err
	}
	if err := c.root.MkdirAll(path.Dir(p), 0o755); err != nil {
		return fmt.Errorf("create cache folder: %w", err)
	}
	tmp := p + ".tmp-" + randomSuffix()
	if err := c.root.WriteFile(tmp, data, 0o644); err != nil {
		_ = c.root.Remove(tmp)
		return fmt.Errorf("write cache: %w", err)
	}
	if err := c.root.Rename(tmp, p); err != nil {
		_ = c.root.Remove(tmp)
		return fmt.Errorf("write cache: %w", err)
	}
	return nil
}
