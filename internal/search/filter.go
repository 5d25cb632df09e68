package search

import (
	"encoding/base64"
)

// Filter is a Bloom filter of keys, as the manifest gives it to the client:
// Has is true for every key it was made of, and for about one other key in
// a hundred. The client reads it (mayBeLong in search.js) to know which
// lists to ask for whole in the same round as their shards.
type Filter struct {
	// M is the number of bits, K the number of probes.
	M int `json:"m"`
	K int `json:"k"`
	// Bits are the M bits in base64, the first in the low bit of the
	// first byte.
	Bits string `json:"b"`
}

// filterBitsPerKey and filterProbes give a false positive rate under 1 %.
const (
	filterBitsPerKey = 10
	filterProbes     = 7
)

// NewFilter makes the filter of keys.
func NewFilter(keys []string) Filter {
	m := max(8, (len(keys)*filterBitsPerKey+7)/8*8)
	b := make([]byte, m/8)
	for _, k := range keys {
		for _, p := range probes(k, m) {
			b[p/8] |= 1 << (p % 8)
		}
	}
	return Filter{M: m, K: filterProbes, Bits: base64.StdEncoding.EncodeToString(b)}
}

// Has tells whether key may be one of the filter's keys.
func (f Filter) Has(key string) bool {
	b, err := base64.StdEncoding.DecodeString(f.Bits)
	if err != nil || f.M == 0 || len(b)*8 < f.M || f.K != filterProbes {
		return false
	}
	for _, p := range probes(key, f.M) {
		if b[p/8]&(1<<(p%8)) == 0 {
			return false
		}
	}
	return true
}

// probes returns the key's bits among m: h1 + i·h2 for the key's FNV-1a
// hash h1 and h2 that hash mixed (MurmurHash3's finaliser), as the client
// computes them.
func probes(key string, m int) [filterProbes]int {
	h1 := fnv1a(key)
	h2 := h1
	h2 ^= h2 >> 16
	h2 *= 0x85ebca6b
	h2 ^= h2 >> 13
	h2 *= 0xc2b2ae35
	h2 ^= h2 >> 16
	h2 |= 1
	var p [filterProbes]int
	for i := range p {
		p[i] = int((h1 + uint32(i)*h2) % uint32(m))
	}
	return p
}
