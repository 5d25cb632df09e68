// Package markdown converts Markdown bodies to HTML with goldmark,
// configured once for the whole site: GFM tables (each in a labelled box
// that scrolls sideways on its own), strikethrough, autolinks and task
// lists, footnotes, heading IDs that are Vietnamese slugs without
// diacritics, pictures with lazy loading, size and caption, and raw HTML
// dropped unless the site allows it. It knows nothing of the site model:
// pictures are resolved through a function the caller gives.
package markdown

import (
	"bytes"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"minhbach/internal/diag"
	"minhbach/internal/vnfold"
)

// Options configure a Converter. The zero value is the safe default.
type Options struct {
	// Unsafe passes raw HTML and dangerous links through.
	Unsafe bool
}

// Picture is what a resolver says of a picture path written in Markdown.
type Picture struct {
	// URL is where the built site serves the picture.
	URL string
	// Width and Height are its pixel size, 0 when unknown.
	Width, Height int
	// Srcset lists smaller copies of the picture with their widths, and
	// Sizes how wide the page shows it: the img attributes that let a
	// phone download a copy of its own width ("" when it has none).
	Srcset, Sizes string
}

// Resolver turns a picture path written in the body at pos into its
// Picture, or returns an error message saying what is wrong with the path.
type Resolver func(dest string, pos diag.Pos) (Picture, diag.Message)

// Converter renders Markdown. It is safe for concurrent use after New
// returns.
type Converter struct {
	md goldmark.Markdown
}

// Result is one converted body.
type Result struct {
	// HTML is the rendered body.
	HTML string
	// Lead is the plain text of the first paragraph.
	Lead string
	// Text is the plain text of the whole body, for search.
	Text string
}

// New configures a Converter.
func New(opt Options) *Converter {
	rOpts := []renderer.Option{
		renderer.WithNodeRenderers(util.Prioritized(&figureRenderer{}, 100), util.Prioritized(&tableBoxRenderer{}, 100)),
	}
	if opt.Unsafe {
		rOpts = append(rOpts, html.WithUnsafe())
	}
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(util.Prioritized(&wordTransformer{}, 50), util.Prioritized(&pictureTransformer{}, 100), util.Prioritized(&tableTransformer{}, 200)),
		),
		goldmark.WithRendererOptions(rOpts...),
	)
	return &Converter{md: md}
}

var ctxKey = parser.NewContextKey()

type state struct {
	path     string
	bodyLine int
	src      []byte // the body parsed
	orig     []byte // the body as written
	edits    []edit // what changed from orig to src
	resolve  Resolver
	diags    *diag.List
	// convert collects line-start bullets into bullets, for a second
	// parse with them replaced by "- " (see word.go).
	convert bool
	bullets []bullet
	// texts is wordHabits' buffer, kept from one paragraph to the next.
	texts []text.Segment
}

// Convert renders src, the body of the file at path starting on file line
// bodyLine. Pictures are passed to resolve (nil leaves paths as written);
// problems are reported at their file position.
func (c *Converter) Convert(path string, bodyLine int, src []byte, resolve Resolver) (Result, diag.List) {
	var d diag.List
	st := &state{path: path, bodyLine: bodyLine, src: src, orig: src, resolve: resolve, diags: &d, convert: true}
	doc := c.parse(st)
	if len(st.bullets) > 0 {
		// Word's bullets begin lines: parse again with "- " in their place.
		d = nil
		conv, edits := replaceBullets(src, st.bullets)
		st = &state{path: path, bodyLine: bodyLine, src: conv, orig: src, edits: edits, resolve: resolve, diags: &d}
		doc = c.parse(st)
	}
	buf := bufPool.Get().(*bytes.Buffer)
	defer putBuf(buf)
	buf.Reset()
	if err := c.md.Renderer().Render(bufWriter{buf}, st.src, doc); err != nil {
		d.Errorf(diag.Pos{Path: path}, "render Markdown: %v", err)
	}
	res := Result{HTML: buf.String()}
	res.Lead, res.Text = plainText(doc, st.src)
	return res, d
}

// bufPool holds the buffers bodies are rendered into, then copied out of
// at their size.
var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooled is the largest buffer put back into bufPool: the few very
// long bodies do not keep their buffers.
const maxPooled = 1 << 20

func putBuf(b *bytes.Buffer) {
	if b.Cap() <= maxPooled {
		bufPool.Put(b)
	}
}

// bufWriter lets goldmark write straight into a bytes.Buffer: given a
// writer that is not a util.BufWriter, it wraps it in a new 4 KB
// bufio.Writer for every body.
type bufWriter struct{ *bytes.Buffer }

func (bufWriter) Buffered() int { return 0 }
func (bufWriter) Flush() error  { return nil }

var _ util.BufWriter = bufWriter{}

func (c *Converter) parse(st *state) ast.Node {
	ctx := parser.NewContext(parser.WithIDs(newIDs()))
	ctx.Set(ctxKey, st)
	return c.md.Parser().Parse(text.NewReader(st.src), parser.WithContext(ctx))
}

// ids generates heading IDs that are diacritic-free slugs, unique within
// one document ("Điều 1. Phạm vi" → "dieu-1-pham-vi", then "-1", "-2").
type ids struct{ used map[string]bool }

func newIDs() *ids { return &ids{used: map[string]bool{}} }

func (s *ids) Generate(value []byte, _ ast.NodeKind) []byte {
	base := vnfold.Slug(string(value))
	if base == "" {
		base = "muc"
	}
	id := base
	for i := 1; s.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	s.used[id] = true
	return []byte(id)
}

func (s *ids) Put(value []byte) { s.used[string(value)] = true }

// figureKind is a picture alone in its paragraph, rendered as <figure>
// with the picture's title as its caption.
var figureKind = ast.NewNodeKind("Figure")

type figure struct {
	ast.BaseBlock
	caption []byte
}

func (f *figure) Kind() ast.NodeKind { return figureKind }

func (f *figure) Dump(src []byte, level int) { ast.DumpHelper(f, src, level, nil, nil) }

type pictureTransformer struct{}

func (pictureTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st, _ := pc.Get(ctxKey).(*state)
	if st != nil && len(st.bullets) > 0 {
		return // parsed again without Word's bullets
	}
	var images []*ast.Image
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if img, ok := n.(*ast.Image); ok && entering {
			images = append(images, img)
		}
		return ast.WalkContinue, nil
	})
	for _, img := range images {
		if st != nil && strings.TrimSpace(altText(img, st.src)) == "" {
			st.diags.Warnf(st.pos(img), "image %q has no alt text: say what it shows between the brackets, ![Quang cảnh hội nghị](%s)", string(img.Destination), string(img.Destination))
		}
		if st != nil && st.resolve != nil {
			dest := string(img.Destination)
			pic, problem := st.resolve(dest, st.pos(img))
			if !problem.IsZero() {
				st.diags.Errorf(st.pos(img), "image %q: %s", dest, problem)
			} else {
				img.Destination = []byte(pic.URL)
				if pic.Width > 0 && pic.Height > 0 {
					img.SetAttributeString("width", []byte(strconv.Itoa(pic.Width)))
					img.SetAttributeString("height", []byte(strconv.Itoa(pic.Height)))
				}
				if pic.Srcset != "" {
					img.SetAttributeString("srcset", []byte(pic.Srcset))
					img.SetAttributeString("sizes", []byte(pic.Sizes))
				}
			}
		}
		img.SetAttributeString("loading", []byte("lazy"))
		img.SetAttributeString("decoding", []byte("async"))
		p, ok := img.Parent().(*ast.Paragraph)
		if !ok || p.ChildCount() != 1 {
			continue
		}
		f := &figure{caption: img.Title}
		img.Title = nil
		parent := p.Parent()
		parent.ReplaceChild(parent, p, f)
		f.AppendChild(f, img)
	}
}

// altText returns the text of a picture's description, its alt text.
func altText(img *ast.Image, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(img, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch t := n.(type) {
			case *ast.Text:
				b.Write(t.Value(src))
			case *ast.String:
				b.Write(t.Value)
			}
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// pos returns the file position of a node, or of its nearest block.
func (st *state) pos(n ast.Node) diag.Pos {
	off := -1
	for x := n; x != nil && off < 0; x = x.Parent() {
		if x.Pos() >= 0 {
			off = x.Pos()
		} else if x.Type() == ast.TypeBlock && x.Lines().Len() > 0 {
			off = x.Lines().At(0).Start
		}
	}
	if off < 0 {
		return diag.Pos{Path: st.path, Line: st.bodyLine}
	}
	return st.offPos(off)
}

// offPos returns the file position of a byte offset in the body parsed.
func (st *state) offPos(off int) diag.Pos {
	line, col := diag.LineCol(st.orig, original(off, st.edits))
	return diag.Pos{Path: st.path, Line: st.bodyLine + line - 1, Col: col}
}

type figureRenderer struct{}

func (figureRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(figureKind, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		f := n.(*figure)
		if entering {
			_, _ = w.WriteString("<figure>")
			return ast.WalkContinue, nil
		}
		if len(f.caption) > 0 {
			_, _ = w.WriteString("<figcaption>")
			_, _ = w.Write(util.EscapeHTML(f.caption))
			_, _ = w.WriteString("</figcaption>")
		}
		_, _ = w.WriteString("</figure>\n")
		return ast.WalkContinue, nil
	})
}

// plainText returns the text of the first paragraph and of the whole
// body, their words with one space between them.
func plainText(doc ast.Node, src []byte) (lead, all string) {
	t := wordsPool.Get().(*words)
	defer putWords(t)
	t.b, t.space = t.b[:0], false
	paraStart := -1
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		_, isPara := n.(*ast.Paragraph)
		if !entering {
			if isPara && lead == "" && paraStart >= 0 {
				lead = string(bytes.TrimPrefix(t.b[paraStart:], []byte(" ")))
			}
			if n.Type() == ast.TypeBlock {
				t.breakWord()
			}
			return ast.WalkContinue, nil
		}
		if isPara && lead == "" && paraStart < 0 {
			paraStart = len(t.b)
		}
		switch n := n.(type) {
		case *ast.Text:
			t.write(n.Value(src))
			if n.SoftLineBreak() || n.HardLineBreak() {
				t.breakWord()
			}
		case *ast.String:
			t.write(n.Value)
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			lines := n.Lines()
			for i := range lines.Len() {
				s := lines.At(i)
				t.write(s.Value(src))
			}
		case *ast.AutoLink:
			t.write(n.Label(src))
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return lead, string(t.b)
}

// words collects words with one space between them as they are written:
// what strings.Join(strings.Fields(s), " ") makes of all written, without
// the copy of s.
type words struct {
	b     []byte
	space bool // a space is due before the next word
}

var wordsPool = sync.Pool{New: func() any { return new(words) }}

func putWords(t *words) {
	if cap(t.b) <= maxPooled {
		wordsPool.Put(t)
	}
}

// breakWord ends the word being written, as a space would.
func (t *words) breakWord() { t.space = len(t.b) > 0 }

func (t *words) write(s []byte) {
	for i := 0; i < len(s); {
		// The word at i runs to the next space, written at once.
		j := i
		for j < len(s) {
			if c := s[j]; c < utf8.RuneSelf {
				if asciiSpace[c] {
					break
				}
				j++
				continue
			}
			r, n := utf8.DecodeRune(s[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += n
		}
		if j > i {
			if t.space {
				t.b = append(t.b, ' ')
				t.space = false
			}
			t.b = append(t.b, s[i:j]...)
			i = j
			continue
		}
		n := 1
		if s[i] >= utf8.RuneSelf {
			_, n = utf8.DecodeRune(s[i:])
		}
		t.breakWord()
		i += n
	}
}

// asciiSpace tells the ASCII bytes unicode.IsSpace takes for spaces.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
