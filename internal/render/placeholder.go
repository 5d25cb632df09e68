package render

import (
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"

	"minhbach/internal/diag"
	"minhbach/internal/model"
)

// placeholders warns about each line of a body that is one of the texts
// `minhbach new` writes (model.Placeholders), left in place. Only the
// bodies of published pages are converted, so a draft is not warned about
// until it is shown.
func placeholders(src model.Source) diag.List {
	var d diag.List
	if !slices.ContainsFunc(model.Placeholders, func(p string) bool { return bytes.Contains(src.Markdown, []byte(p)) }) {
		return d
	}
	for i, line := range strings.Split(string(src.Markdown), "\n") {
		if text := strings.TrimSpace(line); slices.Contains(model.Placeholders, text) {
			col := 1 + utf8.RuneCountInString(line) - utf8.RuneCountInString(strings.TrimLeft(line, " \t"))
			d.Warnf(diag.Pos{Path: src.Path, Line: src.BodyLine + i, Col: col}, "the text %q that minhbach new writes is still here: replace it with the text to publish", text)
		}
	}
	return d
}
