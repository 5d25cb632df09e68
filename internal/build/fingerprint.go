package build

import (
	"cmp"
	"hash/maphash"
	"math"
	"reflect"
	"slices"
	"strings"
	"time"

	"minhbach/internal/model"
)

// A fingerprint is a 64-bit hash of the data a render job reads, so that
// a preview re-runs only the jobs whose data changed. It walks the data by
// reflection, with three rules that keep one edit from touching the
// fingerprint of every page:
//
//   - Records (news, pages, issues, documents, procedures) are followed to
//     a depth of two: the records a page shows (depth 1) and the records
//     those link to (depth 2, such as related news or a cited document).
//     A record at depth 2 is hashed without its converted body (Content)
//     and without the records it links to in turn: pages show a linked
//     record's title, URL, date and summary, never its body or its links.
//   - The Items of a taxon or facet (a category with its news, a field
//     with its documents) are hashed as their count and URLs: the pages
//     that show a term show its name, URL and count; the pages that list
//     its items reach them through a model.List or a feed's items.
//   - Functions and channels are skipped.
//
// Anything else is hashed in full. The incremental-equals-full tests are
// what prove these rules sufficient for the layouts; a layout that shows
// a linked record's body would need the first rule changed.
type fingerprinter struct {
	seed maphash.Seed
	memo map[memoKey]uint64
}

type memoKey struct {
	p     uintptr
	t     reflect.Type
	depth int
}

// maxHops bounds pointer chains that are not records, against cycles.
const maxHops = 12

var (
	recordTypes = map[reflect.Type]bool{
		reflect.TypeFor[model.News]():       true,
		reflect.TypeFor[model.StaticPage](): true,
		reflect.TypeFor[model.Issue]():      true,
		reflect.TypeFor[model.Document]():   true,
		reflect.TypeFor[model.Procedure]():  true,
	}
	bodyTypes = map[reflect.Type]bool{
		reflect.TypeFor[model.Converted]():        true,
		reflect.TypeFor[model.ProcedureContent](): true,
	}
	timeType = reflect.TypeFor[time.Time]()
)

func newFingerprinter(seed maphash.Seed) *fingerprinter {
	return &fingerprinter{seed: seed, memo: map[memoKey]uint64{}}
}

// sum returns the fingerprint of v.
func (f *fingerprinter) sum(v any) uint64 {
	var h maphash.Hash
	h.SetSeed(f.seed)
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer && !rv.IsNil() && !recordTypes[rv.Type().Elem()] {
		rv = rv.Elem()
	}
	f.value(&h, rv, 0, 0)
	return h.Sum64()
}

// value hashes v; depth is the number of records passed through, hops
// the number of other pointers.
func (f *fingerprinter) value(h *maphash.Hash, v reflect.Value, depth, hops int) {
	switch v.Kind() {
	case reflect.Invalid:
		h.WriteByte(0)
	case reflect.Bool:
		if v.Bool() {
			h.WriteByte(1)
		} else {
			h.WriteByte(2)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		writeUint(h, uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		writeUint(h, v.Uint())
	case reflect.Float32, reflect.Float64:
		writeUint(h, math.Float64bits(v.Float()))
	case reflect.Complex64, reflect.Complex128:
		c := v.Complex()
		writeUint(h, math.Float64bits(real(c)))
		writeUint(h, math.Float64bits(imag(c)))
	case reflect.String:
		writeUint(h, uint64(v.Len()))
		h.WriteString(v.String())
	case reflect.Slice:
		if v.IsNil() {
			h.WriteByte(0)
			return
		}
		writeUint(h, uint64(v.Len()))
		if v.Type().Elem().Kind() == reflect.Uint8 {
			h.Write(v.Bytes())
			return
		}
		for i := range v.Len() {
			f.value(h, v.Index(i), depth, hops)
		}
	case reflect.Array:
		for i := range v.Len() {
			f.value(h, v.Index(i), depth, hops)
		}
	case reflect.Interface:
		if v.IsNil() {
			h.WriteByte(0)
			return
		}
		h.WriteString(v.Elem().Type().String())
		f.value(h, v.Elem(), depth, hops)
	case reflect.Map:
		f.mapValue(h, v, depth, hops)
	case reflect.Pointer:
		f.pointer(h, v, depth, hops)
	case reflect.Struct:
		f.structValue(h, v, depth, hops)
	default: // Func, Chan, UnsafePointer
		h.WriteByte(3)
	}
}

func (f *fingerprinter) pointer(h *maphash.Hash, v reflect.Value, depth, hops int) {
	if v.IsNil() {
		h.WriteByte(0)
		return
	}
	h.WriteByte(1)
	elem := v.Type().Elem()
	if recordTypes[elem] {
		if depth >= 2 {
			return
		}
		depth++
	} else {
		if hops >= maxHops {
			return
		}
		hops++
	}
	key := memoKey{v.Pointer(), elem, depth}
	sum, ok := f.memo[key]
	if !ok {
		var sub maphash.Hash
		sub.SetSeed(f.seed)
		f.value(&sub, v.Elem(), depth, hops)
		sum = sub.Sum64()
		f.memo[key] = sum
	}
	writeUint(h, sum)
}

func (f *fingerprinter) structValue(h *maphash.Hash, v reflect.Value, depth, hops int) {
	t := v.Type()
	if t == timeType && v.CanInterface() {
		tm := v.Interface().(time.Time)
		name, off := tm.Zone()
		writeUint(h, uint64(tm.UnixNano()))
		writeUint(h, uint64(off))
		h.WriteString(name)
		return
	}
	if depth >= 2 && bodyTypes[t] {
		return
	}
	counted := isTaxon(t)
	for i := range t.NumField() {
		if counted && t.Field(i).Name == "Items" {
			items := v.Field(i)
			writeUint(h, uint64(items.Len()))
			for j := range items.Len() {
				h.WriteString(urlOf(items.Index(j)))
			}
			continue
		}
		f.value(h, v.Field(i), depth, hops)
	}
}

// isTaxon reports whether t is a term with its items: model.Taxon or a
// model.Facet.
func isTaxon(t reflect.Type) bool {
	return t == reflect.TypeFor[model.Taxon]() || t.PkgPath() == "minhbach/internal/model" && strings.HasPrefix(t.Name(), "Facet[")
}

// urlOf returns the URL field of a record pointer, or "".
func urlOf(v reflect.Value) string {
	if v.Kind() == reflect.Interface {
		v = v.Elem()
	}
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return ""
	}
	u := v.Elem().FieldByName("URL")
	if u.Kind() != reflect.String {
		return ""
	}
	return u.String()
}

func (f *fingerprinter) mapValue(h *maphash.Hash, v reflect.Value, depth, hops int) {
	if v.IsNil() {
		h.WriteByte(0)
		return
	}
	type kv struct{ k, v uint64 }
	pairs := make([]kv, 0, v.Len())
	for it := v.MapRange(); it.Next(); {
		var kh, vh maphash.Hash
		kh.SetSeed(f.seed)
		vh.SetSeed(f.seed)
		f.value(&kh, it.Key(), depth, hops)
		f.value(&vh, it.Value(), depth, hops)
		pairs = append(pairs, kv{kh.Sum64(), vh.Sum64()})
	}
	slices.SortFunc(pairs, func(a, b kv) int { return cmp.Or(cmp.Compare(a.k, b.k), cmp.Compare(a.v, b.v)) })
	writeUint(h, uint64(len(pairs)))
	for _, p := range pairs {
		writeUint(h, p.k)
		writeUint(h, p.v)
	}
}

func writeUint(h *maphash.Hash, x uint64) {
	var b [8]byte
	for i := range b {
		b[i] = byte(x >> (8 * i))
	}
	h.Write(b[:])
}
