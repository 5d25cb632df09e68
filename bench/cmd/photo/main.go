// Command photo writes a large synthetic camera photo (sitetest.Photo): a
// JPEG that compresses as real photos do, for the picture benchmarks.
//
//	go run ./bench/cmd/photo -w 6000 -h 4000 -seed 1 -out photo.jpg
package main

import (
	"flag"
	"fmt"
	"os"

	"minhbach/internal/sitetest"
)

func main() {
	fl := flag.NewFlagSet("photo", flag.ExitOnError)
	w := fl.Int("w", 6000, "width in pixels")
	h := fl.Int("h", 4000, "height in pixels")
	seed := fl.Uint64("seed", 1, "seed: the same size and seed give the same bytes")
	out := fl.String("out", "", "file to write (required)")
	_ = fl.Parse(os.Args[1:])
	if *out == "" || fl.NArg() > 0 || *w <= 0 || *h <= 0 {
		fmt.Fprintln(os.Stderr, "usage: photo -w W -h H -seed S -out FILE.jpg")
		os.Exit(2)
	}
	if err := os.WriteFile(*out, sitetest.Photo(*w, *h, *seed), 0o644); err != nil {
		fmt.Fprintf(os.Stderr, "photo: %v\n", err)
		os.Exit(1)
	}
}
