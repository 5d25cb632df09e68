package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"minhbach/internal/diag"
	"minhbach/internal/model"
	"minhbach/internal/vnfold"
)

func cmdNew(args []string, stdout, stderr io.Writer, now func() time.Time) int {
	fl := newFlags("new", diag.Phrase("minhbach new news \"Tiêu đề\" | minhbach new page \"Tiêu đề\": create a content file with its front matter filled in.\nA news item starts as a draft: preview it with --drafts, then remove the draft line to publish."), stderr)
	src := fl.String("source", ".", "the site's folder")
	category := fl.String("category", "Tin hoạt động", "category of a news item")
	// Accept flags before or after the positional arguments.
	var pos []string
	for len(args) > 0 {
		if err := fl.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return 0
			}
			return 2
		}
		if fl.NArg() == 0 {
			break
		}
		pos = append(pos, fl.Arg(0))
		args = fl.Args()[1:]
	}
	if len(pos) != 2 || (pos[0] != "news" && pos[0] != "page") {
		fl.Usage()
		return 2
	}
	title := vnfold.NFC(pos[1])
	slug := vnfold.Slug(title)
	if slug == "" {
		fmt.Fprintf(stderr, "minhbach new: cannot make a URL slug from %q: give a title with letters or digits\n", title)
		return 2
	}
	t := now().In(model.Zone)
	var rel, text string
	switch pos[0] {
	case "news":
		rel = filepath.Join("content", "news", strconv.Itoa(t.Year()), t.Format("2006-01-02")+"-"+slug+".md")
		text = fmt.Sprintf("---\ntitle: %s\ndate: %s\ncategory: %s\ntags: []\nauthor: \"\"\nsummary: \"\"\ndraft: true\n---\n\nNội dung bài viết.\n",
			strconv.Quote(title), t.Format(time.RFC3339), strconv.Quote(vnfold.NFC(*category)))
	case "page":
		rel = filepath.Join("content", "pages", slug+".md")
		text = fmt.Sprintf("---\ntitle: %s\nweight: 10\n---\n\nNội dung trang.\n", strconv.Quote(title))
	}
	file := filepath.Join(*src, rel)
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		fmt.Fprintf(stderr, "minhbach new: %v\n", err)
		return 1
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			fmt.Fprintf(stderr, "minhbach new: %s already exists: choose another title or edit that file\n", rel)
		} else {
			fmt.Fprintf(stderr, "minhbach new: %v\n", err)
		}
		return 1
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		fmt.Fprintf(stderr, "minhbach new: write %s: %v\n", rel, err)
		return 1
	}
	if err := f.Close(); err != nil {
		fmt.Fprintf(stderr, "minhbach new: write %s: %v\n", rel, err)
		return 1
	}
	fmt.Fprintf(stdout, "created %s\n", filepath.ToSlash(rel))
	return 0
}
