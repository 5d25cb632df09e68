package deploy

import (
	"path"
	"regexp"
	"strings"

	"minhbach/internal/config"
)

// Headers are the HTTP headers an object is served with. A target that
// keeps headers (S3) stores them with the object; a folder served by
// nginx does not (its server block sets the same ones, docs/trien-khai.md).
type Headers struct {
	ContentType     string
	CacheControl    string
	ContentEncoding string
}

// String is the canonical form of h, part of an object's stamp: a change
// of any header is a change of the object.
func (h Headers) String() string {
	return "Cache-Control: " + h.CacheControl + "\nContent-Encoding: " + h.ContentEncoding + "\nContent-Type: " + h.ContentType + "\n"
}

// The Cache-Control values of the default rules.
const (
	// Immutable is for files whose name changes with their content:
	// fingerprinted assets and the search index's files.
	Immutable = "public, max-age=31536000, immutable"
	// Short is for pages, feeds, the sitemap and manifests, which change
	// under the same name: a visitor sees an edit within five minutes.
	Short = "public, max-age=300"
	// Medium is for other files (PDFs, photos, data): they rarely change
	// under the same name, but may (a corrected attachment).
	Medium = "public, max-age=3600"
)

// The groups of files, uploaded in this order so that a visitor never
// meets a page whose assets are not there yet, nor a feed or sitemap
// naming a page not yet published.
const (
	GroupImmutable = iota // fingerprinted assets, the search index
	GroupFiles            // other files pages link to: PDFs, photos, data
	GroupPages            // HTML
	GroupFeeds            // Atom feeds and other XML
	GroupLast             // sitemap.xml, robots.txt, manifests and signatures
	groups
)

// fingerprinted matches the names build gives assets (output.Fingerprint:
// "app.77c7caf3.css") and their resized copies ("tiep-cong-dan.f8865d0e-320.jpg").
var fingerprinted = regexp.MustCompile(`^assets/(.+/)?[^/]+\.[0-9a-f]{8}(-[0-9]+)?\.[A-Za-z0-9]+$`)

// hashedIndex matches the files of the search index, each named by its
// content (search.Dir + name + ".json", or a row folder named by the
// content of its files, search.Dir + name + "/"), and the folders of the
// older format that named the whole index by one hash.
var hashedIndex = regexp.MustCompile(`^tim-kiem/index/[0-9a-f]{8,}(/|\.json$)`)

// isImmutable reports whether the file at p never changes under its name.
func isImmutable(p string) bool { return fingerprinted.MatchString(p) || hashedIndex.MatchString(p) }

// immutableKind returns what an immutable file is one of: the search
// index, or the assets of a folder ("assets/css").
func immutableKind(p string) string {
	if hashedIndex.MatchString(p) {
		return "tim-kiem/index/"
	}
	return path.Dir(p)
}

// groupOf returns the upload group of the file at p.
func groupOf(p string) int {
	base := path.Base(p)
	switch {
	case isImmutable(p):
		return GroupImmutable
	case p == "sitemap.xml" || p == "robots.txt" || strings.HasPrefix(base, "sitemap") && strings.HasSuffix(base, ".xml"),
		strings.Contains(base, "manifest") || strings.HasSuffix(base, ".sig") || strings.HasPrefix(p, "xac-thuc/") && !strings.HasSuffix(base, ".html"):
		return GroupLast
	case strings.HasSuffix(base, ".html"):
		return GroupPages
	case strings.HasSuffix(base, ".xml"):
		return GroupFeeds
	}
	return GroupFiles
}

// contentTypes are the types of the files a build writes; text types
// carry their charset. Anything else is application/octet-stream.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".json":        "application/json; charset=utf-8",
	".webmanifest": "application/manifest+json; charset=utf-8",
	".xml":         "application/xml; charset=utf-8",
	".txt":         "text/plain; charset=utf-8",
	".csv":         "text/csv; charset=utf-8",
	".ics":         "text/calendar; charset=utf-8",
	".md":          "text/markdown; charset=utf-8",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".gif":         "image/gif",
	".webp":        "image/webp",
	".avif":        "image/avif",
	".ico":         "image/vnd.microsoft.icon",
	".pdf":         "application/pdf",
	".woff2":       "font/woff2",
	".woff":        "font/woff",
	".zip":         "application/zip",
	".doc":         "application/msword",
	".docx":        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".xls":         "application/vnd.ms-excel",
	".xlsx":        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".odt":         "application/vnd.oasis.opendocument.text",
	".ods":         "application/vnd.oasis.opendocument.spreadsheet",
	".sig":         "application/octet-stream",
}

// Rules decide the headers of every file: the defaults, then the rules of
// site.yaml in order. The zero value applies the defaults only.
type Rules struct {
	rules []rule
}

type rule struct {
	re *regexp.Regexp
	config.HeaderRule
}

// NewRules compiles the rules of site.yaml's deploy.headers.
func NewRules(rs []config.HeaderRule) Rules {
	var out Rules
	for _, r := range rs {
		out.rules = append(out.rules, rule{re: Glob(strings.TrimPrefix(r.Match, "/")), HeaderRule: r})
	}
	return out
}

// Glob compiles a path pattern: "*" is any run of characters but '/',
// "**" any run of characters, "**/" any run of whole folders (none too),
// "?" one character but '/'; every other character stands for itself.
func Glob(pattern string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("^")
	for i := 0; i < len(pattern); i++ {
		switch c := pattern[i]; {
		case strings.HasPrefix(pattern[i:], "**/"):
			b.WriteString("(?:.*/)?")
			i += 2
		case strings.HasPrefix(pattern[i:], "**"):
			b.WriteString(".*")
			i++
		case c == '*':
			b.WriteString("[^/]*")
		case c == '?':
			b.WriteString("[^/]")
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString("$")
	return regexp.MustCompile(b.String())
}

// For returns the headers of the file at p (without Content-Encoding).
func (r Rules) For(p string) Headers {
	ext := strings.ToLower(path.Ext(p))
	h := Headers{ContentType: contentTypes[ext], CacheControl: Medium}
	if h.ContentType == "" {
		h.ContentType = "application/octet-stream"
	}
	if ext == ".xml" && strings.HasSuffix(p, "atom.xml") {
		h.ContentType = "application/atom+xml; charset=utf-8"
	}
	switch groupOf(p) {
	case GroupImmutable:
		h.CacheControl = Immutable
	case GroupPages, GroupFeeds, GroupLast:
		h.CacheControl = Short
	}
	for _, rl := range r.rules {
		if !rl.re.MatchString(p) {
			continue
		}
		if rl.CacheControl != "" {
			h.CacheControl = rl.CacheControl
		}
		if rl.ContentType != "" {
			h.ContentType = rl.ContentType
		}
	}
	return h
}
