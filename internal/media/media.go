// Package media reads what pages need to know about picture files: their
// pixel size, so that <img> can carry width and height and the page does
// not shift as it loads. Standard library only.
package media

import (
	"bytes"
	"encoding/xml"
	"image"
	_ "image/gif" // register decoders for DecodeConfig
	_ "image/jpeg"
	_ "image/png"
	"io"
	"io/fs"
	"path"
	"strconv"
	"strings"
)

// IsImage reports whether name has a picture extension that pages may show.
func IsImage(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".jpg", ".jpeg", ".png", ".gif", ".svg", ".webp", ".avif":
		return true
	}
	return false
}

// Size returns the pixel size of the picture file, or 0, 0 when the format
// does not say (an SVG without width/height or viewBox, WebP, AVIF).
func Size(fsys fs.FS, name string) (w, h int, err error) {
	f, err := fsys.Open(name)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	switch strings.ToLower(path.Ext(name)) {
	case ".svg":
		data, err := io.ReadAll(io.LimitReader(f, 1<<16))
		if err != nil {
			return 0, 0, err
		}
		w, h := svgSize(data)
		return w, h, nil
	case ".jpg", ".jpeg", ".png", ".gif":
		c, _, err := image.DecodeConfig(f)
		if err != nil {
			return 0, 0, err
		}
		return c.Width, c.Height, nil
	}
	return 0, 0, nil
}

func svgSize(data []byte) (int, int) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err != nil {
			return 0, 0
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "svg" {
			continue
		}
		var w, h int
		var vb string
		for _, a := range se.Attr {
			switch a.Name.Local {
			case "width":
				w = px(a.Value)
			case "height":
				h = px(a.Value)
			case "viewBox":
				vb = a.Value
			}
		}
		if w > 0 && h > 0 {
			return w, h
		}
		if f := strings.Fields(strings.ReplaceAll(vb, ",", " ")); len(f) == 4 {
			vw, err1 := strconv.ParseFloat(f[2], 64)
			vh, err2 := strconv.ParseFloat(f[3], 64)
			if err1 == nil && err2 == nil && vw > 0 && vh > 0 {
				return int(vw + 0.5), int(vh + 0.5)
			}
		}
		return 0, 0
	}
}

func px(s string) int {
	s = strings.TrimSuffix(strings.TrimSpace(s), "px")
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f <= 0 {
		return 0
	}
	return int(f + 0.5)
}

// ResolveFile returns the site-relative file that src, written in the
// content file at p, names: relative to p's folder, or under assets/ when
// it begins with "assets/" or "/assets/". It reports false for paths that
// would leave the page's folder or assets/, URLs, and NUL bytes.
func ResolveFile(p, src string) (string, bool) {
	if src == "" || strings.ContainsAny(src, "\x00\\?#") || strings.Contains(src, "://") || strings.HasPrefix(src, "//") {
		return "", false
	}
	if rest, ok := strings.CutPrefix(strings.TrimPrefix(src, "/"), "assets/"); ok {
		f := path.Clean("assets/" + rest)
		return f, strings.HasPrefix(f, "assets/") && !strings.Contains(rest, "..")
	}
	if strings.HasPrefix(src, "/") {
		return "", false
	}
	dir := path.Dir(p)
	f := path.Join(dir, src)
	if !strings.HasPrefix(f, dir+"/") {
		return "", false
	}
	return f, true
}
