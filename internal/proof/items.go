package proof

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"slices"

	"minhbach/internal/model"
)

// Items lists the content records of the site with the short hash of
// what staff wrote for each: for a Markdown file, the file's bytes; for a
// row of a CSV or JSON catalogue, the lines from the row's first line to
// the next row's (so an edit of one row changes only that row's hash);
// then the SHA-256 of each file the record publishes (an issue's PDF, a
// document's attachments, a procedure's forms). Pictures are left out.
// It reads the source files through fsys.
func Items(fsys fs.FS, s *model.Site) ([]Item, error) {
	type rec struct {
		it    Item
		src   model.Source
		files []*model.Attachment
	}
	var recs []rec
	for _, n := range s.News {
		recs = append(recs, rec{Item{Kind: "news", ID: n.URL, Title: n.Title, URL: n.URL}, n.Source, nil})
	}
	for _, p := range s.Pages {
		recs = append(recs, rec{Item{Kind: "page", ID: p.URL, Title: p.Title, URL: p.URL}, p.Source, nil})
	}
	for _, is := range s.Gazette.Issues {
		var files []*model.Attachment
		if is.PDF != nil {
			files = append(files, is.PDF)
		}
		title := is.Title
		if title == "" {
			title = fmt.Sprintf("Công báo số %s năm %d", is.Number, is.Year)
		}
		recs = append(recs, rec{Item{Kind: "issue", ID: is.Key, Title: title, URL: is.URL}, is.Source, files})
	}
	for _, d := range s.Gazette.Documents {
		recs = append(recs, rec{Item{Kind: "document", ID: d.Number, Title: d.Title, URL: d.URL}, d.Source, d.Attachments})
	}
	for _, p := range s.Catalogue.Procedures {
		var files []*model.Attachment
		for _, di := range p.Documents {
			if di.Form != nil {
				files = append(files, di.Form)
			}
		}
		recs = append(recs, rec{Item{Kind: "procedure", ID: p.Code, Title: p.Title, URL: p.URL}, p.Source, files})
	}

	// The first line of every row of each catalogue, to cut rows apart.
	starts := map[string][]int{}
	for _, r := range recs {
		if isCatalogue(r.src.Path) {
			starts[r.src.Path] = append(starts[r.src.Path], r.src.Start.Line)
		}
	}
	for p := range starts {
		slices.Sort(starts[p])
	}
	// A catalogue, which holds many records, is read once; a Markdown
	// file holds one record, and is let go of once hashed (a site's
	// Markdown may be gigabytes).
	catalogues := map[string][]byte{}
	read := func(p string) ([]byte, error) {
		if b, ok := catalogues[p]; ok {
			return b, nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", p, err)
		}
		if isCatalogue(p) {
			catalogues[p] = b
		}
		return b, nil
	}
	items := make([]Item, 0, len(recs))
	for _, r := range recs {
		data, err := read(r.src.Path)
		if err != nil {
			return nil, err
		}
		if isCatalogue(r.src.Path) {
			st := starts[r.src.Path]
			i, _ := slices.BinarySearch(st, r.src.Start.Line)
			end := -1
			if i+1 < len(st) {
				end = st[i+1]
			}
			data = lines(data, r.src.Start.Line, end)
		}
		h := sha256.New()
		h.Write(data)
		for _, f := range r.files {
			fmt.Fprintf(h, "\x00%s %s", f.URL, f.SHA256)
		}
		r.it.Sum = hex.EncodeToString(h.Sum(nil)[:8])
		items = append(items, r.it)
	}
	SortItems(items)
	// Two records of one kind and ID cannot both be published (graph
	// refuses duplicate numbers, codes and URLs); keep the first if so.
	items = slices.CompactFunc(items, func(a, b Item) bool { return a.Key() == b.Key() })
	return items, nil
}

func isCatalogue(p string) bool {
	switch path.Ext(p) {
	case ".csv", ".json":
		return true
	}
	return false
}

// lines returns lines [from, to) of data, counted from 1; to < 0 means to
// the end.
func lines(data []byte, from, to int) []byte {
	start, n := 0, 1
	for n < from {
		i := bytes.IndexByte(data[start:], '\n')
		if i < 0 {
			return nil
		}
		start += i + 1
		n++
	}
	if to < 0 {
		return data[start:]
	}
	end := start
	for n < to {
		i := bytes.IndexByte(data[end:], '\n')
		if i < 0 {
			return data[start:]
		}
		end += i + 1
		n++
	}
	return data[start:end]
}
