package search_test

import (
	"bytes"
	"encoding/csv"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"minhbach/internal/search"
)

// benchCorpus is the site whose Markdown the benchmarks index: the mixed
// site of 10 000 pages that bench/README.md describes (6 000 news, 3 000
// documents, 1 000 procedures), or MINHBACH_BENCH_SITE.
func benchCorpus() string {
	if s := os.Getenv("MINHBACH_BENCH_SITE"); s != "" {
		return s
	}
	return "/dev/shm/c/mixed10k"
}

// corpusDocs reads the Markdown files of a site's content into search
// documents: the title, number and code of the front matter, the body
// as the text (Markdown marks are not word runes, so the tokens are
// those of the rendered text, nearly), the kind by folder. It skips the
// benchmark when the site is absent.
func corpusDocs(b *testing.B) []search.Doc {
	root := filepath.Join(benchCorpus(), "content")
	if _, err := os.Stat(root); err != nil {
		b.Skipf("no corpus at %s (generate it as bench/README.md says, or set MINHBACH_BENCH_SITE): %v", root, err)
	}
	var docs []search.Doc
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if strings.HasSuffix(p, ".csv") {
			rows, err := procedureDocs(p)
			docs = append(docs, rows...)
			return err
		}
		if !strings.HasSuffix(p, ".md") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		doc := search.Doc{URL: "/" + strings.TrimSuffix(p[len(root)+1:], ".md") + "/", Kind: search.KindPage}
		switch {
		case strings.Contains(p, "/news/"):
			doc.Kind = search.KindNews
		case strings.Contains(p, "/gazette/"):
			doc.Kind = search.KindDocument
		case strings.Contains(p, "/procedures/"):
			doc.Kind = search.KindProcedure
		}
		body := data
		if rest, ok := bytes.CutPrefix(data, []byte("---\n")); ok {
			if front, after, ok := bytes.Cut(rest, []byte("\n---\n")); ok {
				body = after
				for _, line := range strings.Split(string(front), "\n") {
					k, v, _ := strings.Cut(line, ":")
					v = strings.Trim(strings.TrimSpace(v), `"`)
					switch k {
					case "title":
						doc.Title = v
					case "number", "code":
						doc.Number = v
					case "summary":
						doc.Summary = v
					}
				}
			}
		}
		doc.Text = string(body)
		docs = append(docs, doc)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return docs
}

// procedureDocs reads a catalogue of procedures (CSV, a header row): a
// document of each row, its code (the first column) as the number, its
// title (the second) as the title, every other column as the text.
func procedureDocs(p string) ([]search.Doc, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil || len(rows) < 2 {
		return nil, err
	}
	var docs []search.Doc
	for _, row := range rows[1:] {
		if len(row) < 2 {
			continue
		}
		docs = append(docs, search.Doc{URL: "/thu-tuc/" + row[0] + "/", Kind: search.KindProcedure, Number: row[0], Title: row[1],
			Text: strings.Join(row[2:], " ")})
	}
	return docs, nil
}

// BenchmarkBuild indexes the corpus's documents: the counting of their
// words, the scoring and the writing of every file (to memory).
func BenchmarkBuild(b *testing.B) {
	docs := corpusDocs(b)
	size := 0
	for _, d := range docs {
		size += len(d.Title) + len(d.Number) + len(d.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := search.Build(docs, search.DefaultOptions, func(string, []byte) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(docs)), "docs")
}

// BenchmarkTokenize tokenizes the corpus's texts with Tokenize.
func BenchmarkTokenize(b *testing.B) {
	docs := corpusDocs(b)
	size := 0
	for _, d := range docs {
		size += len(d.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			search.Tokenize(d.Text)
		}
	}
}
