package markdown

import (
	"bytes"
	"slices"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Text pasted from Word into a body keeps Word's habits:
//
//   - A list keeps its bullets as characters ("• Một", "– Hai") where
//     Markdown wants "- ". A paragraph line that begins with such a bullet
//     and a space or tab becomes a list item, as if it began with "- "
//     (Convert replaces the bullet and parses the body again); text in
//     code is left alone.
//   - A list whose line breaks were lost runs its bullets together on
//     one line ("• Một • Hai • Ba"): a warning says to break it.
//   - A table becomes rows of cells separated by tabs, which show as one
//     paragraph: a warning says how to write it as a table.

// lineBullets are the characters Word pastes for list bullets, including
// the Symbol and Wingdings bullets that paste as private-use characters;
// at the start of a line, "–" is a bullet too.
var lineBullets = []rune{'•', '◦', '▪', '▫', '●', '○', '■', '□', '‣', '⁃', '➢', '❖', '\uF0B7', '\uF0A7', '\uF076', '\uF0D8', '·', '–'}

// midBullets are the bullets that, written between words, are list items
// run together ("–" and "·" are also punctuation there).
var midBullets = lineBullets[:len(lineBullets)-2]

// midBulletLead is the first byte of the smallest mid bullet's UTF-8
// ('•', U+2022): no other byte begins one.
const midBulletLead = 0xE2

// bullet is a line-start bullet found by the first parse: the bullet and
// the spaces after it, at [start, end) of the body.
type bullet struct{ start, end int }

// edit is a replacement made in the body before the second parse, for
// mapping offsets back to the body as written.
type edit struct {
	at    int // offset of the replacement in the new body
	delta int // bytes removed by it
}

// replaceBullets returns src with every bullet (sorted) replaced by a
// Markdown one, "- ", "* " or "+ ": one for each bullet character in turn,
// so that lists of different bullets stay apart as in Word.
func replaceBullets(src []byte, bullets []bullet) ([]byte, []edit) {
	out := make([]byte, 0, len(src))
	var edits []edit
	last := 0
	var chars []rune
	for _, b := range bullets {
		out = append(out, src[last:b.start]...)
		edits = append(edits, edit{at: len(out), delta: b.end - b.start - 2})
		r, _ := utf8.DecodeRune(src[b.start:])
		i := slices.Index(chars, r)
		if i < 0 {
			i = len(chars)
			chars = append(chars, r)
		}
		out = append(out, "-*+"[i%3], ' ')
		last = b.end
	}
	return append(out, src[last:]...), edits
}

// original maps an offset in the edited body back to the body as written.
func original(off int, edits []edit) int {
	o := off
	for _, e := range edits {
		if e.at+2 > off {
			if e.at < off {
				return o - (off - e.at) // inside the "- ": the bullet's start
			}
			break
		}
		o += e.delta
	}
	return o
}

type wordTransformer struct{}

func (wordTransformer) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	st, _ := pc.Get(ctxKey).(*state)
	if st == nil {
		return
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			st.wordHabits(n)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	if len(st.bullets) > 0 {
		slices.SortFunc(st.bullets, func(a, b bullet) int { return a.start - b.start })
		st.bullets = slices.Compact(st.bullets)
	}
}

// wordHabits looks at the lines of one paragraph for Word's habits.
func (st *state) wordHabits(block ast.Node) {
	// Only what the paragraph shows as text counts, not code spans.
	texts := st.texts[:0]
	defer func() { st.texts = texts[:0] }()
	_ = ast.Walk(block, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch t := n.(type) {
		case *ast.CodeSpan, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if entering {
				texts = append(texts, t.Segment)
			}
		}
		return ast.WalkContinue, nil
	})
	inText := func(off int) bool {
		for _, s := range texts {
			if off >= s.Start && off < s.Stop {
				return true
			}
		}
		return false
	}
	tabWarned := false
	lines := block.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		line := st.src[seg.Start:seg.Stop]
		start := seg.Start + len(line) - len(bytes.TrimLeft(line, " \t"))
		// A bullet and spaces at the start of the line.
		// A line whose bullet was replaced began with one.
		startsBullet := slices.ContainsFunc(st.edits, func(e edit) bool { return e.at+2 == start })
		after := start
		if r, size := utf8.DecodeRune(st.src[start:seg.Stop]); slices.Contains(lineBullets, r) && inText(start) {
			end := start + size
			for end < seg.Stop && (st.src[end] == ' ' || st.src[end] == '\t') {
				end++
			}
			if end > start+size && end < seg.Stop && st.src[end] != '\n' {
				startsBullet, after = true, end
				if st.convert {
					st.bullets = append(st.bullets, bullet{start, end})
				}
			}
		}
		// Bullets between words, run together.
		// Every mid bullet is U+2022 or above, three bytes from 0xE2 on;
		// the bytes of any other rune (continuations are below 0xC0) are
		// skipped without decoding, and so is a bullet not after a space
		// or tab.
		var mid []int
		for off := start + 1; off < seg.Stop; off++ {
			if st.src[off] < midBulletLead || !isSpace(st.src[off-1]) {
				continue
			}
			r, size := utf8.DecodeRune(st.src[off:seg.Stop])
			if slices.Contains(midBullets, r) && off+size < seg.Stop && isSpace(st.src[off+size]) && inText(off) {
				mid = append(mid, off)
			}
		}
		if len(mid) >= 2 || len(mid) == 1 && startsBullet {
			r, _ := utf8.DecodeRune(st.src[mid[0]:])
			st.diags.Warnf(st.offPos(mid[0]), "bullets %q run together on one line: put each item on its own line, beginning with \"- \"", string(r))
		}
		// Cells separated by tabs.
		if !tabWarned {
			body := bytes.TrimRight(st.src[after:seg.Stop], " \t\n")
			if j := bytes.IndexByte(body, '\t'); j > 0 && inText(after+j) {
				tabWarned = true
				st.diags.Warnf(st.offPos(after+j), "text separated by tabs, as in a table pasted from Word, shows as one paragraph: write it as a table, one row a line with cells between \"|\", and a line \"| --- | --- |\" under the first row")
			}
		}
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' }
