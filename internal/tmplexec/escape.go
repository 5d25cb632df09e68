package tmplexec

import (
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"unicode/utf8"
)

// The escapers html/template adds to actions, for the contexts and value
// types a portal's layouts print: text, attribute values, URLs, srcset,
// RCDATA and JSON in scripts. They give html/template's output for the
// same values (the package's tests compare them on many inputs). A value
// they do not handle — HTML with tags in an attribute, CSS, JavaScript
// values other than template.JS — leaves the run to html/template.

// content is the kind of a value an escaper is given: plain text or one
// of html/template's typed strings.
type content uint8

const (
	cPlain content = iota
	cHTML
	cURL
	cSrcset
	cJS
	cJSStr
	cHTMLAttr
	cCSS
)

var contentTypes = map[reflect.Type]content{
	reflect.TypeFor[template.HTML]():     cHTML,
	reflect.TypeFor[template.URL]():      cURL,
	reflect.TypeFor[template.Srcset]():   cSrcset,
	reflect.TypeFor[template.JS]():       cJS,
	reflect.TypeFor[template.JSStr]():    cJSStr,
	reflect.TypeFor[template.CSS]():      cCSS,
	reflect.TypeFor[template.HTMLAttr](): cHTMLAttr,
}

// stringify is html/template's stringify of one value: its text and
// kind. A value that is none of the typed strings prints as fmt.Sprint
// prints it, after following pointers to a Stringer or an error.
func stringify(v reflect.Value) (string, content) {
	if v.Kind() == reflect.String && v.Type() == stringType {
		return v.String(), cPlain
	}
	if v.Kind() == reflect.Interface {
		if v.IsNil() {
			return "", cPlain // an untyped nil prints as nothing
		}
		v = v.Elem()
	}
	if !v.IsValid() {
		return "", cPlain
	}
	// indirect: follow pointers to the value, for the typed strings.
	d := v
	for d.Kind() == reflect.Pointer && !d.IsNil() {
		d = d.Elem()
	}
	if d.Kind() == reflect.String {
		if d.Type() == stringType {
			return d.String(), cPlain
		}
		if c, ok := contentTypes[d.Type()]; ok {
			return d.String(), c
		}
	}
	for !v.Type().Implements(stringerType) && !v.Type().Implements(errorType) && v.Kind() == reflect.Pointer && !v.IsNil() {
		v = v.Elem()
	}
	return fmt.Sprint(v.Interface()), cPlain
}

// typeOf is v's type, nil for no value, for messages.
func typeOf(v reflect.Value) reflect.Type {
	if !v.IsValid() {
		return nil
	}
	return v.Type()
}

func escaper(name string, esc func(string, content) (string, bool)) *function {
	f := &function{name: name}
	f.esc = func(v reflect.Value) (string, error) {
		s, c := stringify(v)
		out, ok := esc(s, c)
		if !ok {
			if traceFallback {
				return "", fmt.Errorf("%w: %s of %v %.40q", errFallback, name, typeOf(v), s)
			}
			return "", errFallback
		}
		return out, nil
	}
	f.escString = func(s string) (string, error) {
		out, ok := esc(s, cPlain)
		if !ok {
			return "", fb()
		}
		return out, nil
	}
	f.call = func(st *state, dot reflect.Value, args []word, final reflect.Value, has bool) (reflect.Value, error) {
		if len(args) > 0 || !has {
			return reflect.Value{}, fb()
		}
		out, err := f.esc(final)
		if err != nil {
			return reflect.Value{}, err
		}
		return reflect.ValueOf(out), nil
	}
	return f
}

var escapers = map[string]*function{
	escaperPrefix + "htmlescaper": escaper("htmlescaper", func(s string, c content) (string, bool) {
		if c == cHTML {
			return s, true
		}
		return replace(s, &htmlTable), true
	}),
	escaperPrefix + "attrescaper": escaper("attrescaper", func(s string, c content) (string, bool) {
		if c == cHTML {
			if strings.IndexByte(s, '<') >= 0 {
				return "", false // html/template strips the tags
			}
			return replace(s, &htmlNormTable), true
		}
		return replace(s, &htmlTable), true
	}),
	escaperPrefix + "rcdataescaper": escaper("rcdataescaper", func(s string, c content) (string, bool) {
		if c == cHTML {
			return replace(s, &htmlNormTable), true
		}
		return replace(s, &htmlTable), true
	}),
	escaperPrefix + "nospaceescaper": escaper("nospaceescaper", func(s string, c content) (string, bool) {
		if s == "" {
			return failsafe, true
		}
		if c == cHTML {
			if strings.IndexByte(s, '<') >= 0 {
				return "", false
			}
			return replaceNospace(s, &nospaceNormTable), true
		}
		return replaceNospace(s, &nospaceTable), true
	}),
	escaperPrefix + "urlfilter": escaper("urlfilter", func(s string, c content) (string, bool) {
		if c == cURL || safeURL(s) {
			return s, true
		}
		return "#" + failsafe, true
	}),
	escaperPrefix + "urlnormalizer": escaper("urlnormalizer", func(s string, c content) (string, bool) {
		return escapeURL(s, true), true
	}),
	escaperPrefix + "urlescaper": escaper("urlescaper", func(s string, c content) (string, bool) {
		return escapeURL(s, c == cURL), true
	}),
	escaperPrefix + "srcsetescaper": escaper("srcsetescaper", srcset),
	escaperPrefix + "jsvalescaper": escaper("jsvalescaper", func(s string, c content) (string, bool) {
		switch c {
		case cJS:
			return s, true
		case cJSStr:
			return `"` + s + `"`, true
		}
		return "", false // JSON of any other value
	}),
	escaperPrefix + "htmlnamefilter": escaper("htmlnamefilter", func(s string, c content) (string, bool) {
		switch {
		case c == cHTMLAttr:
			return s, true
		case s == "":
			return failsafe, true
		}
		return "", false // html/template checks the name against its table of attributes
	}),
	escaperPrefix + "commentescaper": escaper("commentescaper", func(string, content) (string, bool) { return "", true }),
}

func init() {
	for _, name := range []string{"cssescaper", "cssvaluefilter", "jsregexpescaper", "jsstrescaper", "jstmpllitescaper"} {
		escapers[escaperPrefix+name] = escaper(name, func(string, content) (string, bool) { return "", false })
	}
}

// failsafe is what html/template prints in place of an unsafe value.
const failsafe = "ZgotmplZ"

// The characters replaced in text and quoted attribute values (htmlTable),
// and in HTML put into an attribute, whose entities stay as they are
// (htmlNormTable). NUL becomes U+FFFD.
var htmlTable, htmlNormTable [128]string

// nospaceTable and nospaceNormTable are for unquoted attribute values.
var nospaceTable, nospaceNormTable [128]string

func init() {
	for c, s := range map[byte]string{0: "\uFFFD", '"': "&#34;", '&': "&amp;", '\'': "&#39;", '+': "&#43;", '<': "&lt;", '>': "&gt;"} {
		htmlTable[c] = s
		if c != '&' {
			htmlNormTable[c] = s
		}
	}
	for c, s := range map[byte]string{0: "&#xfffd;", '\t': "&#9;", '\n': "&#10;", '\v': "&#11;", '\f': "&#12;", '\r': "&#13;",
		' ': "&#32;", '"': "&#34;", '&': "&amp;", '\'': "&#39;", '+': "&#43;", '<': "&lt;", '=': "&#61;", '>': "&gt;", '`': "&#96;"} {
		nospaceTable[c] = s
		if c != '&' {
			nospaceNormTable[c] = s
		}
	}
}

// replace replaces the ASCII characters of s that table names. Bytes of
// multi-byte or invalid UTF-8 are all 0x80 or above, so a byte scan finds
// what a rune scan would.
func replace(s string, table *[128]string) string {
	var b strings.Builder
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 128 || table[c] == "" {
			continue
		}
		if written == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[written:i])
		b.WriteString(table[c])
		written = i + 1
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

// replaceNospace is replace for unquoted attribute values, which also
// writes the noncharacters U+FDD0–U+FDEF and U+FFF0–U+FFFF as references.
func replaceNospace(s string, table *[128]string) string {
	var b strings.Builder
	written := 0
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case r < 128 && table[r] != "":
			b.WriteString(s[written:i])
			b.WriteString(table[r])
			written = i + w
		case 0xfdd0 <= r && r <= 0xfdef || 0xfff0 <= r && r <= 0xffff:
			// Invalid UTF-8 decodes as U+FFFD and is written so too.
			b.WriteString(s[written:i])
			fmt.Fprintf(&b, "&#x%x;", r)
			written = i + w
		}
		i += w
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

// safeURL says whether a URL's scheme, if it has one, is http, https or
// mailto.
func safeURL(s string) bool {
	scheme, _, ok := strings.Cut(s, ":")
	if !ok || strings.Contains(scheme, "/") {
		return true
	}
	return strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https") || strings.EqualFold(scheme, "mailto")
}

// escapeURL percent-encodes the bytes of s that may not stand in a URL.
// With norm it keeps the reserved characters and existing %XX escapes
// (normalizing a URL); without, it encodes them (a part of a URL).
func escapeURL(s string, norm bool) string {
	var b strings.Builder
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '.', c == '_', c == '~':
			continue
		case strings.IndexByte("!#$&*+,/:;=?@[]", c) >= 0:
			if norm {
				continue
			}
		case c == '%':
			if norm && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
				continue
			}
		}
		if written == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[written:i])
		b.WriteByte('%')
		b.WriteByte(hexDigits[c>>4])
		b.WriteByte(hexDigits[c&15])
		written = i + 1
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

const hexDigits = "0123456789abcdef"

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// srcset filters and escapes a srcset attribute value: each
// comma-separated candidate keeps a safe URL (normalized) and plain
// descriptors, or becomes #ZgotmplZ.
func srcset(s string, c content) (string, bool) {
	switch c {
	case cSrcset:
		return s, true
	case cURL:
		return strings.ReplaceAll(escapeURL(s, true), ",", "%2c"), true
	}
	var b strings.Builder
	left := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] != ',' {
			continue
		}
		srcsetCandidate(&b, s[left:i])
		if i < len(s) {
			b.WriteByte(',')
		}
		left = i + 1
	}
	return b.String(), true
}

func srcsetCandidate(b *strings.Builder, s string) {
	start := 0
	for start < len(s) && htmlSpace(s[start]) {
		start++
	}
	end := len(s)
	for i := start; i < len(s); i++ {
		if htmlSpace(s[i]) {
			end = i
			break
		}
	}
	if url := s[start:end]; safeURL(url) {
		ok := true
		for i := end; i < len(s); i++ {
			c := s[i]
			if !(htmlSpace(c) || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
				ok = false
				break
			}
		}
		if ok {
			b.WriteString(s[:start])
			b.WriteString(escapeURL(url, true))
			b.WriteString(s[end:])
			return
		}
	}
	b.WriteString("#" + failsafe)
}

// htmlSpace says whether c is an HTML space: tab, line feed, form feed,
// carriage return or space.
func htmlSpace(c byte) bool {
	return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '
}
