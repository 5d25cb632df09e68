// Package source finds the content files of a site and splits each into
// its front matter (a YAML node with positions) and its Markdown body. It
// does not know what the keys mean; schema does.
package source

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/adrg/frontmatter"
	"go.yaml.in/yaml/v3"

	"minhbach/internal/diag"
	"minhbach/internal/meta"
	"minhbach/internal/vnfold"
)

// ContentDir is the folder of the site that holds content.
const ContentDir = "content"

// Kind is the section a content file belongs to, from its folder.
type Kind string

// The content kinds, named by their folder under content/.
const (
	News      Kind = "news"
	Page      Kind = "pages"
	Issue     Kind = "gazette/issues"
	Document  Kind = "gazette/documents"
	Procedure Kind = "procedures"
	// Consultation is a dự thảo lấy ý kiến, Budget a công khai ngân sách
	// and Project a dự án đầu tư công (see disclosure.go).
	Consultation Kind = "consultations"
	Budget       Kind = "budget"
	Project      Kind = "projects"
)

// Kinds lists the sections in the order they are described to staff.
var Kinds = []Kind{News, Page, Issue, Document, Procedure, Consultation, Budget, Project}

// Doc is one content file split into front matter and body.
type Doc struct {
	// Path is relative to the site root, with forward slashes.
	Path string
	// Kind is the section, from the folder under content/.
	Kind Kind
	// Meta is the front matter's YAML document (nil when empty).
	Meta *yaml.Node
	// LineOff is added to a Meta node's line to get the file's line.
	LineOff int
	// Start is the position of the opening "---".
	Start diag.Pos
	// Body is the Markdown after the front matter, NFC-normalised with LF line ends.
	Body []byte
	// BodyLine is the file line the body starts on.
	BodyLine int
	// Head is what comes before the body (front matter and fences),
	// normalised as Body is: two files with the same Head decode to the
	// same record but for the body.
	Head []byte
	// Refs name the nodes of a JSON catalogue by their JSON path.
	Refs map[*yaml.Node]string
	// KeysChecked is set on catalogue rows whose keys were already checked
	// on an earlier row of the same file.
	KeysChecked bool
}

// Walk returns the paths of the site's content files, sorted: Markdown
// files, the CSV and JSON catalogues of procedures and projects and the
// CSV sheets of statistics. Each file outside a
// known section gets a warning.
//
// langs are the site's languages other than Vietnamese: Markdown files
// in their parallel trees (content/en/pages/…) are content files too.
func Walk(fsys fs.FS, langs ...string) ([]string, diag.List, error) {
	var paths []string
	var d diag.List
	err := fs.WalkDir(fsys, ContentDir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == ContentDir {
				return fs.SkipDir
			}
			return err
		}
		name := e.Name()
		if p != ContentDir && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if e.IsDir() {
			return nil
		}
		if kindOfTree(strings.TrimPrefix(p, ContentDir+"/")) != "" && path.Ext(name) != ".md" {
			return nil // only Markdown is translated
		}
		if IsSheet(p) {
			paths = append(paths, p)
			return nil
		}
		if path.Ext(name) != ".md" {
			if IsCatalogue(p) {
				paths = append(paths, p)
			}
			return nil
		}
		if _, _, ok := Translation(p, langs); ok && KindOf(p) != "" {
			paths = append(paths, p)
			return nil
		}
		if KindOf(p) == "" || kindOfTree(strings.TrimPrefix(p, ContentDir+"/")) != "" {
			d.Warnf(diag.Pos{Path: p}, "not in a known section: move it under %s", sections())
			return nil
		}
		paths = append(paths, p)
		return nil
	})
	slices.Sort(paths)
	return paths, d, err
}

func sections() string {
	var s []string
	for _, k := range Kinds {
		s = append(s, ContentDir+"/"+string(k)+"/")
	}
	return strings.Join(s, ", ")
}

// KindOf returns the section of a content path, or "" when it is in none.
// A path in a language's parallel tree (content/en/pages/x.md) has the
// section of its original.
func KindOf(p string) Kind {
	rest, ok := strings.CutPrefix(p, ContentDir+"/")
	if !ok {
		return ""
	}
	for _, k := range Kinds {
		if strings.HasPrefix(rest, string(k)+"/") {
			return k
		}
	}
	return kindOfTree(rest)
}

// Clean returns data as UTF-8 text without a byte-order mark, with LF line
// ends and in NFC; invalid UTF-8 is reported at its line. When data is
// already clean, the result is data itself (or a part of it), not a copy.
func Clean(p string, data []byte) ([]byte, diag.List) {
	var d diag.List
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	}
	if vnfold.QuickNFC(data) {
		return data, d // valid UTF-8, in NFC: the common case, checked at once
	}
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, size := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		line, col := diag.LineCol(data, off)
		d.Errorf(diag.Pos{Path: p, Line: line, Col: col}, "invalid UTF-8: save the file as UTF-8")
		return nil, d
	}
	return vnfold.NFCBytes(data), d
}

var errNoClose = errors.New("no closing delimiter")

// Parse splits the content file at p into front matter and body. It never
// panics on any input.
func Parse(p string, data []byte) (Doc, diag.List) {
	doc := Doc{Path: p, Kind: KindOf(p)}
	data, d := Clean(p, data)
	if d.HasErrors() {
		return doc, d
	}
	// The opening delimiter is the first non-blank line.
	open := 1
	rest := data
	for {
		line, after, _ := bytes.Cut(rest, []byte("\n"))
		if len(bytes.TrimSpace(line)) != 0 || len(after) == 0 {
			if string(bytes.TrimSpace(line)) != "---" {
				d.Errorf(diag.Pos{Path: p, Line: open}, `missing front matter: begin the file with a line "---", then the keys (title: …), then a line "---"`)
				return doc, d
			}
			break
		}
		rest = after
		open++
	}
	doc.Start = diag.Pos{Path: p, Line: open}
	doc.LineOff = open
	// The library splits the front matter from the body. It copies all it
	// reads, through a new 4 KB bufio.Reader, so it is given a pooled
	// reader over the file a line at a time that ends once the closing
	// "---" is read: it copies the front matter only, and the body stays
	// a part of data, which Head keeps anyway.
	lr := linePool.Get().(*lineReader)
	defer linePool.Put(lr)
	lr.reset(data)
	var raw []byte
	format := frontmatter.NewFormat("---", "---", func(b []byte, _ any) error {
		raw = b // the parser's copy, which nothing writes to again
		lr.done = true
		return nil
	})
	rest, err := frontmatter.MustParse(lr.buf, nil, format)
	if err != nil || !lr.done {
		d.Errorf(doc.Start, `front matter is not closed: add a line "---" after the last key`)
		return doc, d
	}
	// What the parser read is data[:lr.off]; rest is what it read after
	// the closing delimiter (nothing, as it was given lines).
	end := lr.off - len(rest)
	doc.Body = data[end:]
	doc.Head = data[:end]
	doc.BodyLine = 1 + bytes.Count(doc.Head, []byte("\n"))
	node, serr := meta.Parse(raw)
	if serr != nil {
		line := 0
		if serr.Line > 0 {
			line = serr.Line + open
		}
		d.Error(diag.Pos{Path: p, Line: line}, serr.Msg)
		return doc, d
	}
	doc.Meta = node
	return doc, d
}

// lineReader gives the front matter parser data a line per Read, and
// nothing once done is set: the parser then stops reading at the line
// that closes the front matter.
type lineReader struct {
	data []byte
	off  int  // bytes of data read so far
	done bool // the front matter was closed
	buf  *bufio.Reader
}

// linePool holds lineReaders, each with the bufio.Reader the parser takes
// as it is rather than wrapping it in a new one.
var linePool = sync.Pool{New: func() any {
	lr := &lineReader{}
	lr.buf = bufio.NewReader(lr)
	return lr
}}

func (lr *lineReader) reset(data []byte) {
	lr.data, lr.off, lr.done = data, 0, false
	lr.buf.Reset(lr)
}

func (lr *lineReader) Read(p []byte) (int, error) {
	if lr.done || lr.off == len(lr.data) {
		return 0, io.EOF
	}
	line := lr.data[lr.off:]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i+1]
	}
	n := copy(p, line)
	lr.off += n
	return n, nil
}
