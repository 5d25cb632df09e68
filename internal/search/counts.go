package search

// dict numbers the keys one worker counts (its local numbers), so that a
// document's words are counted on ints: a word's folded and exact keys
// are numbered once, when the tokenizer first meets the word, and a pair
// of adjacent words by the numbers of the two, without the string of
// the pair. The indexer translates a local number to its term once, the
// first time a document counts it (global).
type dict struct {
	// ids numbers the keys other than pairs: folded words, exact
	// spellings, title keys and title matches.
	ids map[string]int32
	// pairs numbers the pairs of folded words by their two numbers.
	pairs map[uint64]int32
	// hot finds the frequent pairs before pairs does (as the
	// tokenizer's hot words): the pair last looked up at a hash of it.
	hot [hotPairs]hotPair
	// keys holds each number's key, "" for a pair, whose words are in
	// pairOf.
	keys   []string
	pairOf [][2]int32
	// global is each number's index in the indexer's terms, -1 until
	// known.
	global []int32
	// slot is each number's place + 1 in the counts of the document
	// being counted, 0 for none.
	slot []int32
	// buf builds keys to look them up without a string.
	buf []byte
}

// hotPairs is the size of a dict's table of frequent pairs.
const hotPairs = 1 << hotPairBits

const hotPairBits = 12

type hotPair struct {
	pair uint64
	// id is the pair's number + 1, 0 for none.
	id int32
}

// maxDict is how many keys a dict numbers before the indexer clears it
// (between batches): the pairs of a large site are millions. A dict and
// its tokenizer's words are live beside the pages a build renders: at
// 1 << 19 keys the two workers' held some 100 MB at 250 000 documents
// (heap profile); at 1 << 17 a quarter, for no more CPU
// (BenchmarkBuild on the scale corpus of 50 000 documents: 4.2–4.7 s an
// index against 5.1–5.7 s).
const maxDict = 1 << 17

func newDict() *dict {
	return &dict{ids: map[string]int32{}, pairs: map[uint64]int32{}}
}

// add numbers a new key (k, or the pair of a and b when k is "").
func (d *dict) add(k string, a, b int32) int32 {
	i := int32(len(d.keys))
	d.keys = append(d.keys, k)
	d.pairOf = append(d.pairOf, [2]int32{a, b})
	d.global = append(d.global, -1)
	d.slot = append(d.slot, 0)
	return i
}

// id returns the number of key k (not a pair), which the dict may keep.
func (d *dict) id(k string) int32 {
	if i, ok := d.ids[k]; ok {
		return i
	}
	i := d.add(k, -1, -1)
	d.ids[k] = i
	return i
}

// idOf returns the number of the key d.buf holds (not a pair).
func (d *dict) idOf() int32 {
	if i, ok := d.ids[string(d.buf)]; ok {
		return i
	}
	return d.id(string(d.buf))
}

// pair returns the number of the pair of folded words numbered a and b.
func (d *dict) pair(a, b int32) int32 {
	k := uint64(uint32(a))<<32 | uint64(uint32(b))
	hot := &d.hot[(k*0x9E3779B97F4A7C15)>>(64-hotPairBits)]
	if hot.pair == k && hot.id > 0 {
		return hot.id - 1
	}
	i, ok := d.pairs[k]
	if !ok {
		i = d.add("", a, b)
		d.pairs[k] = i
	}
	hot.pair, hot.id = k, i+1
	return i
}

// key returns the key numbered i.
func (d *dict) key(i int32) string {
	if k := d.keys[i]; k != "" {
		return k
	}
	p := d.pairOf[i]
	return d.keys[p[0]] + " " + d.keys[p[1]]
}

// reset forgets every key.
func (d *dict) reset() {
	clear(d.ids)
	clear(d.pairs)
	clear(d.hot[:])
	d.keys, d.pairOf, d.global, d.slot = d.keys[:0], d.pairOf[:0], d.global[:0], d.slot[:0]
}

// counts are one document's keys (their numbers in dict) in the order
// first seen, with their weighted frequencies.
type counts struct {
	dict *dict
	ids  []int32
	tf   []float32
	dl   float64
	tl   int
	// mult is the document's multiplier (multOf).
	mult float64
	// words are the numbers of a field's words in the tokenizer.
	words []int32
}

func (c *counts) add(id int32, w float32) {
	if s := c.dict.slot[id]; s > 0 {
		c.tf[s-1] += w
		return
	}
	c.ids = append(c.ids, id)
	c.tf = append(c.tf, w)
	c.dict.slot[id] = int32(len(c.ids))
}

// count tokenizes a document: every word folded and exact, adjacent word
// pairs, its title keys and title matches. z must have a dict, which the
// counts use until the next count.
func (c *counts) count(d *Doc, z *tokenizer) {
	c.ids, c.tf, c.dl, c.tl = c.ids[:0], c.tf[:0], 0, 0
	c.dict = z.dict
	if len(z.words) >= maxWords {
		z.forget()
	}
	for _, f := range []struct {
		text string
		w    float32
	}{{d.Number, weightNumber}, {d.Title, weightTitle}, {d.Text, weightBody}} {
		c.words = z.wordsOf(f.text, c.words[:0])
		if f.w == weightBody {
			// A space splits tokens: the parts give the tokens of Text
			// and More joined.
			for _, m := range d.More {
				c.words = z.wordsOf(m, c.words)
			}
			if d.Read != nil {
				c.words = z.wordsOf(d.Read(), c.words)
			}
		}
		if f.w == weightTitle {
			c.titleKeys(z)
			c.tl = c.titleMatches(z)
		}
		prev := int32(-1)
		for _, i := range c.words {
			t := &z.words[i]
			c.add(t.folded, f.w)
			if t.exact >= 0 {
				c.add(t.exact, f.w)
			}
			if !t.Number {
				if prev >= 0 {
					c.add(c.dict.pair(prev, t.folded), f.w)
				}
				prev = t.folded
			} else {
				prev = -1
			}
		}
		c.dl += float64(f.w) * float64(len(c.words))
	}
	for _, id := range c.ids {
		c.dict.slot[id] = 0
	}
}

// titleKeys adds the title keys of a title's words (c.words): "^" and its
// first one, two … TitleWords folded words, and the whole title with "$"
// when it has no more words than that. A query that begins a title finds
// the key of its words; a query that is the title finds the "$" key too.
func (c *counts) titleKeys(z *tokenizer) {
	d := c.dict
	d.buf = append(d.buf[:0], '^')
	n := 0
	for _, i := range c.words {
		t := &z.words[i]
		if t.Number {
			continue
		}
		if n == TitleWords {
			return
		}
		if n > 0 {
			d.buf = append(d.buf, ' ')
		}
		d.buf = append(d.buf, t.Folded...)
		n++
		c.add(d.idOf(), 0)
	}
	if n > 0 {
		d.buf = append(d.buf, '$')
		c.add(d.idOf(), 0)
	}
}

// titleMatches adds a title's title matches: "~" and each pair of its
// adjacent words ("~khai sinh"). Numbers, and words with digits, are in
// none (a number's own weight ranks it) and break the pairs. It returns
// the title's number of words. (Single words need no match of their own:
// BM25F already weights a title's words, and a match of each would add
// 8 % to the bytes a query reads.)
func (c *counts) titleMatches(z *tokenizer) int {
	d := c.dict
	n, prev := 0, ""
	for _, i := range c.words {
		t := &z.words[i]
		if t.Number || isNumber(t.Folded) {
			prev = ""
			continue
		}
		n++
		if prev != "" {
			d.buf = append(append(append(append(d.buf[:0], '~'), prev...), ' '), t.Folded...)
			c.add(d.idOf(), 0)
		}
		prev = t.Folded
	}
	return n
}
