package search_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"minhbach/internal/search"
)

// spillDocs are documents whose common words have lists of hundreds of
// bytes, and whose rare words have one or two documents.
func spillDocs(n int) []search.Doc {
	words := strings.Fields("đất đai xây dựng giáo dục y tế giao thông nông nghiệp tài chính thuế công thương văn hóa du lịch môi trường khoáng sản lao động việc làm")
	r := rand.New(rand.NewPCG(17, 2026))
	docs := make([]search.Doc, n)
	for i := range docs {
		var b strings.Builder
		for range 60 {
			b.WriteString(words[r.IntN(len(words))])
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "riêng%d", i) // one document's word
		docs[i] = search.Doc{URL: fmt.Sprintf("/van-ban/%d/", i), Title: fmt.Sprintf("Quyết định %d về %s", i, words[i%len(words)]),
			Kind: search.KindDocument, Number: fmt.Sprintf("%d/2026/QĐ-UBND", i), Text: b.String(), Summary: "Tóm tắt."}
	}
	return docs
}

// TestSpillSameFiles: an index whose postings went to its spill file
// while it was built is byte for byte the index built in memory.
func TestSpillSameFiles(t *testing.T) {
	docs := spillDocs(1500)
	want, _ := files(t, docs, search.DefaultOptions)
	opt := search.DefaultOptions
	opt.SpillBytes = 4 << 10
	if n := search.SpilledSegments(spillDocs(1500), opt); n < 100 {
		t.Fatalf("%d segments spilled with a budget of %d bytes; want many, or the test shows nothing", n, opt.SpillBytes)
	}
	got, _ := files(t, spillDocs(1500), opt)
	if len(got) != len(want) {
		t.Errorf("%d files with a spill, %d without", len(got), len(want))
	}
	for name, data := range want {
		if !bytes.Equal(got[name], data) {
			t.Errorf("%s differs with a spill", name)
		}
	}
}
