package images

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/semaphore"
	"golang.org/x/sync/singleflight"
)

// Store keeps copies between builds, by Key: a copy is made once, then
// read back, in this build and the next ones. Get reports false for a
// copy it does not hold; a Put that fails only costs a later build the
// work again. Both are called from many goroutines at once.
type Store interface {
	Get(key string) ([]byte, bool)
	Put(key string, data []byte) error
}

// Maker makes the copies of photos for one build. It asks its Store
// first; for a photo with a copy missing, it decodes the photo once and
// makes all its copies (see Copies), however many goroutines ask for
// them, and puts them into the Store. It bounds the pixels being decoded
// at once to MaxPixels, so that a build's memory does not grow with the
// number of photos it resizes in parallel. It is safe for concurrent use.
type Maker struct {
	store Store
	group singleflight.Group
	sem   *semaphore.Weighted
	made  atomic.Int64
	// kept holds the copies made when they could not be stored, for the
	// rest of the build.
	mu   sync.Mutex
	kept map[string][]byte
}

// NewMaker returns a Maker over store; nil keeps copies for the Maker's
// life only.
func NewMaker(store Store) *Maker {
	return &Maker{store: store, sem: semaphore.NewWeighted(MaxPixels), kept: map[string][]byte{}}
}

// Made returns how many copies the Maker has scaled and encoded (not
// those it found in its Store).
func (m *Maker) Made() int { return int(m.made.Load()) }

// Copy returns the copy width pixels wide of the photo whose bytes have
// the Sum sum, a w×h picture: from the Store, or made from the bytes read
// returns. read is called only when the copy must be made; the bytes it
// returns must be those of sum.
func (m *Maker) Copy(sum Sum, w, h, width int, read func() ([]byte, error)) ([]byte, error) {
	key := Key(sum, width)
	if data, ok := m.get(key); ok {
		return data, nil
	}
	v, err, _ := m.group.Do(string(sum[:]), func() (any, error) {
		// Another goroutine may have made them while this one looked.
		if data, ok := m.get(key); ok {
			return map[int][]byte{width: data}, nil
		}
		var missing []int
		for _, x := range Widths(w) {
			if _, ok := m.get(Key(sum, x)); !ok {
				missing = append(missing, x)
			}
		}
		n := min(int64(w)*int64(h), MaxPixels)
		if err := m.sem.Acquire(context.Background(), n); err != nil {
			return nil, err
		}
		defer m.sem.Release(n)
		data, err := read()
		if err != nil {
			return nil, err
		}
		if SumOf(data) != sum {
			return nil, fmt.Errorf("the picture changed during the build")
		}
		copies, err := Copies(data, missing)
		if err != nil {
			return nil, err
		}
		m.made.Add(int64(len(copies)))
		for x, c := range copies {
			k := Key(sum, x)
			if m.store == nil || m.store.Put(k, c) != nil {
				m.mu.Lock()
				m.kept[k] = c
				m.mu.Unlock()
			}
		}
		return copies, nil
	})
	if err != nil {
		return nil, err
	}
	if data, ok := v.(map[int][]byte)[width]; ok {
		return data, nil
	}
	// The copies were made by a call that did not need this width.
	if data, ok := m.get(key); ok {
		return data, nil
	}
	return nil, fmt.Errorf("no copy %d px wide was made", width)
}

func (m *Maker) get(key string) ([]byte, bool) {
	m.mu.Lock()
	data, ok := m.kept[key]
	m.mu.Unlock()
	if ok {
		return data, true
	}
	if m.store == nil {
		return nil, false
	}
	return m.store.Get(key)
}
