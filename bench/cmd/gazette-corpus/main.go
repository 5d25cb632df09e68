// Command gazette-corpus writes a generated portal with news and a large
// gazette for benchmarks:
//
//	go run ./bench/cmd/gazette-corpus -news 1000 -docs 15000 -issues 500 [-procedures 5000] -out DIR
//
// With -procedures, it adds a CSV catalogue of that many procedures
// (content/procedures/danh-muc.csv) citing the gazette.
package main

import (
	"flag"
	"fmt"
	"os"

	"minhbach/internal/sitetest"
)

func main() {
	news := flag.Int("news", 1000, "news items")
	docs := flag.Int("docs", 15000, "gazette documents")
	issues := flag.Int("issues", 500, "gazette issues")
	procs := flag.Int("procedures", 0, "procedures in a CSV catalogue")
	seed := flag.Int64("seed", 1, "random seed")
	out := flag.String("out", "", "output folder (required)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "gazette-corpus: -out is required")
		os.Exit(2)
	}
	fsys := sitetest.Corpus(*news, *seed)
	sitetest.AddGazette(fsys, *docs, *issues, *seed)
	if *procs > 0 {
		sitetest.AddCatalogue(fsys, *procs, *seed)
	}
	if err := sitetest.WriteFS(*out, fsys); err != nil {
		fmt.Fprintln(os.Stderr, "gazette-corpus:", err)
		os.Exit(1)
	}
}
