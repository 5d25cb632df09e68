package markdown

import (
	"bytes"
	"strings"
)

// Part is a piece of a Markdown body cut at its level-2 headings.
type Part struct {
	// Title is the heading's text without the "##" ("" for the text
	// before the first heading).
	Title string
	// Line is the body line the part's text starts on (0-based).
	Line int
	// Body is the part's Markdown, without its heading.
	Body []byte
}

// Sections cuts src at its ATX level-2 headings ("## Trình tự thực
// hiện") outside fenced code blocks. The first part holds the text before
// the first heading and has no title; it is always returned, possibly
// empty.
func Sections(src []byte) []Part {
	parts := []Part{{}}
	start, line := 0, 0
	fence := ""
	for off := 0; off < len(src); line++ {
		end := bytes.IndexByte(src[off:], '\n')
		next := len(src)
		if end >= 0 {
			next = off + end + 1
		}
		l := strings.TrimRight(string(src[off:next]), "\n")
		trimmed := strings.TrimLeft(l, " ")
		indent := len(l) - len(trimmed)
		switch {
		case fence != "":
			if indent < 4 && strings.HasPrefix(trimmed, fence) && strings.Trim(trimmed, fence[:1]) == "" {
				fence = ""
			}
		case indent < 4 && (strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~")):
			fence = trimmed[:3]
		case indent < 4 && (trimmed == "##" || strings.HasPrefix(trimmed, "## ") || strings.HasPrefix(trimmed, "##\t")):
			parts[len(parts)-1].Body = src[start:off]
			title := strings.TrimSpace(strings.TrimPrefix(trimmed, "##"))
			title = strings.TrimSpace(strings.TrimRight(title, "#"))
			parts = append(parts, Part{Title: title, Line: line + 1})
			start = next
		}
		off = next
	}
	parts[len(parts)-1].Body = src[start:]
	return parts
}
