// Command hugo-procedures turns minhbach's procedure CSV catalogue into
// one Markdown page per procedure for the equivalent Hugo site, so that
// both tools build the same procedures in bench/compare.sh:
//
//	go run ./bench/cmd/hugo-procedures -csv SITE/content/procedures/danh-muc.csv -out HUGO/content/thu-tuc
//
// Each page has the title, the field and agency as taxonomies, and every
// other cell as a section (a heading and the cell's lines as a list).
package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

func main() {
	in := flag.String("csv", "", "the catalogue (required)")
	out := flag.String("out", "", "folder for the pages (required)")
	flag.Parse()
	if *in == "" || *out == "" {
		fmt.Fprintln(os.Stderr, "usage: hugo-procedures -csv FILE -out DIR")
		os.Exit(2)
	}
	if err := convert(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "hugo-procedures:", err)
		os.Exit(1)
	}
}

func convert(in, out string) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return err
	}
	if len(rows) < 2 {
		return fmt.Errorf("%s: no rows", in)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	head := rows[0]
	for _, row := range rows[1:] {
		cell := map[string]string{}
		for i, h := range head {
			if i < len(row) {
				cell[h] = row[i]
			}
		}
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: %s\ndate: 2026-01-01\nlinh_vuc: [%s]\nco_quan: [%s]\n---\n",
			strconv.Quote(cell["title"]), strconv.Quote(cell["field"]), strconv.Quote(cell["agency"]))
		for _, h := range head {
			switch h {
			case "code", "title", "field", "agency":
				continue
			}
			fmt.Fprintf(&b, "\n## %s\n\n", h)
			for _, line := range strings.Split(cell[h], "\n") {
				if line = strings.TrimSpace(line); line != "" {
					fmt.Fprintf(&b, "- %s\n", line)
				}
			}
		}
		name := strings.ReplaceAll(cell["code"], "/", "-") + ".md"
		if err := os.WriteFile(filepath.Join(out, name), []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	return nil
}
