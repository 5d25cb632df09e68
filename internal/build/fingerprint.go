package build

import (
	"cmp"
	"fmt"
	"hash/maphash"
	"math"
	"reflect"
	"slices"
	"sync"
	"time"

	"minhbach/internal/model"
)

// A fingerprint is a 64-bit hash of the data a render job reads, so that
// a preview re-runs only the jobs whose data changed. It walks the data by
// reflection. What it hashes is declared on the model, by the struct tag
// `fingerprint` (read by roleOf, the one place that interprets it), with
// these rules, which keep one edit from touching the fingerprint of every
// page:
//
//   - A record is a model struct that embeds model.Source (a news item, a
//     page, an issue, a document, a procedure, or a kind added later).
//     Records are followed to a depth of two: the records a page shows
//     (depth 1) and the records those link to (depth 2, such as related
//     news or a cited document). A record at depth 2 is hashed without
//     its fields tagged `fingerprint:"body"` (its converted body) and
//     without the records it links to in turn: the theme's pages show a
//     linked record's title, URL, date and summary, never its body or
//     its links. The Markdown of model.Source is tagged "body" too.
//   - A field tagged `fingerprint:"links"` (the Items of a category or a
//     browse facet) is hashed as its length and the field tagged
//     `fingerprint:"link"` (the URL) of each record in it: the pages that
//     show a term show its name, URL and count; the pages that list its
//     items reach them through a model.List or a feed's items.
//   - A field that holds records must say so, `fingerprint:"records"`
//     (hashed by the first rule) or `fingerprint:"links"`, and a record's
//     body field says `fingerprint:"body"`: TestFingerprintTags fails for
//     a model field that holds records or a body and has no tag.
//   - Functions and channels are skipped. Anything else is hashed in full.
//
// These rules hold for the theme's own layouts, which the session tests
// prove against full builds. A layout of the site's own may show anything
// (a linked record's body, a category's item titles), so the session
// fingerprints no page whose layout, base or partials differ from the
// theme's: those pages are rendered on every rebuild (see
// cache.fingerprints).
type fingerprinter struct {
	seed maphash.Seed
	memo map[memoKey]memoEntry
	// ids numbers the site's records by address; with it, the
	// fingerprinter notes in reach the records each sum passes through.
	ids   map[uintptr]int32
	reach []int32
}

// memoKey is a pointer's target as hashed at one depth.
type memoKey struct {
	p     uintptr
	t     reflect.Type
	depth int
}

// memoEntry is the sum of a pointer's target and the records it reaches.
type memoEntry struct {
	sum   uint64
	reach []int32
}

// maxHops bounds pointer chains that are not records, against cycles.
const maxHops = 12

var (
	sourceType = reflect.TypeFor[model.Source]()
	timeType   = reflect.TypeFor[time.Time]()
)

// isRecord reports whether t is a record type: a struct that embeds
// model.Source.
func isRecord(t reflect.Type) bool {
	if t.Kind() != reflect.Struct {
		return false
	}
	for i := range t.NumField() {
		if f := t.Field(i); f.Anonymous && f.Type == sourceType {
			return true
		}
	}
	return false
}

// role is what a struct field's fingerprint tag declares.
type role uint8

const (
	roleData    role = iota // no tag: hashed in full
	roleRecords             // "records": holds records, hashed by the depth rule
	roleLinks               // "links": hashed as its length and its records' link fields
	roleLink                // "link": the field that names a record when it is linked (its URL)
	roleBody                // "body": a record's converted body, skipped at depth 2
)

// roleOf returns the role a struct field's `fingerprint` tag declares.
// It panics on an unknown value, so that a misspelt tag fails every test.
func roleOf(sf reflect.StructField) role {
	switch tag := sf.Tag.Get("fingerprint"); tag {
	case "":
		return roleData
	case "records":
		return roleRecords
	case "links":
		return roleLinks
	case "link":
		return roleLink
	case "body":
		return roleBody
	default:
		panic(fmt.Sprintf("%s.%s: unknown fingerprint tag %q", sf.PkgPath, sf.Name, tag))
	}
}

// A plan is what the fingerprinter knows of a type before it sees a
// value: worked out once per type, so that walking a value needs no type
// lookups.
type plan struct {
	t    reflect.Type
	kind reflect.Kind
	elem *plan // of a pointer, slice, array or map value
	key  *plan // of a map
	// record: a pointer to a record; bytes: a []byte; time: a time.Time.
	record, bytes, time bool
	// url is the index of a struct's field tagged "link", or -1.
	url int
	// fields are a struct's fields, roles their tags' roles.
	fields []*plan
	roles  []role
}

var (
	plans    sync.Map   // reflect.Type → *plan, once complete
	planning sync.Mutex // held while plans are made
)

// planOf returns the plan of t, making it (and its parts') on first use.
// Plans are published only once complete, so that concurrent callers
// never see a part being made.
func planOf(t reflect.Type) *plan {
	if p, ok := plans.Load(t); ok {
		return p.(*plan)
	}
	planning.Lock()
	defer planning.Unlock()
	making := map[reflect.Type]*plan{}
	p := makePlan(t, making)
	for t, q := range making {
		plans.Store(t, q)
	}
	return p
}

func makePlan(t reflect.Type, making map[reflect.Type]*plan) *plan {
	if p, ok := plans.Load(t); ok {
		return p.(*plan)
	}
	if p, ok := making[t]; ok {
		return p // a recursive type: filled in by the caller up the stack
	}
	p := &plan{t: t, kind: t.Kind(), url: -1}
	making[t] = p
	switch p.kind {
	case reflect.Pointer:
		p.record = isRecord(t.Elem())
		p.elem = makePlan(t.Elem(), making)
	case reflect.Slice, reflect.Array:
		p.bytes = p.kind == reflect.Slice && t.Elem().Kind() == reflect.Uint8
		p.elem = makePlan(t.Elem(), making)
	case reflect.Map:
		p.key = makePlan(t.Key(), making)
		p.elem = makePlan(t.Elem(), making)
	case reflect.Struct:
		p.time = t == timeType
		for i := range t.NumField() {
			r := roleOf(t.Field(i))
			if r == roleLink {
				p.url = i
			}
			p.roles = append(p.roles, r)
			p.fields = append(p.fields, makePlan(t.Field(i).Type, making))
		}
	}
	return p
}

// newFingerprinter returns a fingerprinter; with ids (record numbers by
// address), sumReach also tells which records a sum passes through.
func newFingerprinter(seed maphash.Seed, ids map[uintptr]int32) *fingerprinter {
	return &fingerprinter{seed: seed, memo: map[memoKey]memoEntry{}, ids: ids}
}

// sum returns the fingerprint of v.
func (f *fingerprinter) sum(v any) uint64 {
	sum, _ := f.sumReach(v)
	return sum
}

// sumReach returns the fingerprint of v and the numbers of the records
// it passes through (nil without ids): the records whose change can
// change the fingerprint.
func (f *fingerprinter) sumReach(v any) (uint64, []int32) {
	var h maphash.Hash
	h.SetSeed(f.seed)
	f.reach = f.reach[:0]
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer && !rv.IsNil() && !isRecord(rv.Type().Elem()) {
		rv = rv.Elem()
	}
	if rv.IsValid() {
		f.value(&h, rv, planOf(rv.Type()), 0, 0)
	} else {
		h.WriteByte(0)
	}
	var reach []int32
	if len(f.reach) > 0 {
		reach = slices.Clone(f.reach)
		slices.Sort(reach)
		reach = slices.Compact(reach)
	}
	return h.Sum64(), reach
}

// value hashes v, of plan p; depth is the number of records passed
// through, hops the number of other pointers.
func (f *fingerprinter) value(h *maphash.Hash, v reflect.Value, p *plan, depth, hops int) {
	switch p.kind {
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
		f.str(h, v.String())
	case reflect.Slice:
		if v.IsNil() {
			h.WriteByte(0)
			return
		}
		if p.bytes {
			f.bytes(h, v.Bytes())
			return
		}
		writeUint(h, uint64(v.Len()))
		for i := range v.Len() {
			f.value(h, v.Index(i), p.elem, depth, hops)
		}
	case reflect.Array:
		for i := range v.Len() {
			f.value(h, v.Index(i), p.elem, depth, hops)
		}
	case reflect.Interface:
		if v.IsNil() {
			h.WriteByte(0)
			return
		}
		e := v.Elem()
		h.WriteString(e.Type().String())
		f.value(h, e, planOf(e.Type()), depth, hops)
	case reflect.Map:
		f.mapValue(h, v, p, depth, hops)
	case reflect.Pointer:
		f.pointer(h, v, p, depth, hops)
	case reflect.Struct:
		f.structValue(h, v, p, depth, hops)
	default: // Func, Chan, UnsafePointer
		h.WriteByte(3)
	}
}

func (f *fingerprinter) pointer(h *maphash.Hash, v reflect.Value, p *plan, depth, hops int) {
	if v.IsNil() {
		h.WriteByte(0)
		return
	}
	h.WriteByte(1)
	if p.record {
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
	key := memoKey{v.Pointer(), p.t, depth}
	e, ok := f.memo[key]
	if ok {
		f.reach = append(f.reach, e.reach...)
	} else {
		start := len(f.reach)
		if p.record && f.ids != nil {
			if id, ok := f.ids[key.p]; ok {
				f.reach = append(f.reach, id)
			}
		}
		var sub maphash.Hash
		sub.SetSeed(f.seed)
		f.value(&sub, v.Elem(), p.elem, depth, hops)
		e.sum = sub.Sum64()
		if len(f.reach) > start {
			e.reach = slices.Clone(f.reach[start:])
		}
		f.memo[key] = e
	}
	writeUint(h, e.sum)
}

func (f *fingerprinter) structValue(h *maphash.Hash, v reflect.Value, p *plan, depth, hops int) {
	if p.time && v.CanInterface() {
		tm := v.Interface().(time.Time)
		name, off := tm.Zone()
		writeUint(h, uint64(tm.UnixNano()))
		writeUint(h, uint64(off))
		h.WriteString(name)
		return
	}
	for i, fp := range p.fields {
		switch p.roles[i] {
		case roleBody:
			if depth >= 2 {
				continue
			}
		case roleLinks:
			items := v.Field(i)
			writeUint(h, uint64(items.Len()))
			for j := range items.Len() {
				h.WriteString(urlOf(items.Index(j), p.fields[i].elem))
			}
			continue
		}
		f.value(h, v.Field(i), fp, depth, hops)
	}
}

// urlOf returns the link field of a record pointer of plan p, or "".
func urlOf(v reflect.Value, p *plan) string {
	if v.Kind() == reflect.Interface {
		v = v.Elem()
		p = planOf(v.Type())
	}
	if v.Kind() != reflect.Pointer || v.IsNil() || p.elem.url < 0 {
		return ""
	}
	return v.Elem().Field(p.elem.url).String()
}

func (f *fingerprinter) mapValue(h *maphash.Hash, v reflect.Value, p *plan, depth, hops int) {
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
		f.value(&kh, it.Key(), p.key, depth, hops)
		f.value(&vh, it.Value(), p.elem, depth, hops)
		pairs = append(pairs, kv{kh.Sum64(), vh.Sum64()})
	}
	slices.SortFunc(pairs, func(a, b kv) int { return cmp.Or(cmp.Compare(a.k, b.k), cmp.Compare(a.v, b.v)) })
	writeUint(h, uint64(len(pairs)))
	for _, p := range pairs {
		writeUint(h, p.k)
		writeUint(h, p.v)
	}
}

// str hashes s. A long string (a body) is written as its sum, computed in
// one call: maphash.Hash takes a long string in 128-byte blocks.
func (f *fingerprinter) str(h *maphash.Hash, s string) {
	writeUint(h, uint64(len(s)))
	if len(s) < longString {
		h.WriteString(s)
		return
	}
	writeUint(h, maphash.String(f.seed, s))
}

// bytes hashes b as str hashes a string.
func (f *fingerprinter) bytes(h *maphash.Hash, b []byte) {
	writeUint(h, uint64(len(b)))
	if len(b) < longString {
		h.Write(b)
		return
	}
	writeUint(h, maphash.Bytes(f.seed, b))
}

// longString is the length from which str hashes a string in one call.
const longString = 256

func writeUint(h *maphash.Hash, x uint64) {
	var b [8]byte
	for i := range b {
		b[i] = byte(x >> (8 * i))
	}
	h.Write(b[:])
}
