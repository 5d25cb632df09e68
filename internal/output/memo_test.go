package output

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
)

// TestMemoSameOutput minifies pages that repeat an inline script and
// style, with and without the memo: the bytes must be the same, and a
// script that fails must fail every time.
func TestMemoSameOutput(t *testing.T) {
	plain := minify.New()
	plain.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true})
	plain.AddFunc("text/css", css.Minify)
	plain.AddFunc("application/javascript", js.Minify)
	jsMemo, cssMemo := newMemo(js.Minify), newMemo(css.Minify)
	mm := minify.New()
	mm.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true})
	mm.Add("text/css", cssMemo)
	mm.Add("application/javascript", jsMemo)
	memoed := &Minifier{m: mm}
	long := strings.Repeat("var x = 1 + 2;\n", memoMaxInput/10)
	for i := range 3 {
		page := fmt.Sprintf(`<!doctype html><html><head>
<script>(function(d){ var  a = 1 ;  d.className = "js" + a })(document.documentElement)</script>
<style> .a  { color : red ; } </style>
<script>%s</script></head><body onload="  f( %d )"><p>  trang   %d </p>
<script>  var  n = %d ;</script></body></html>`, long, i, i, i)
		want, err := plain.Bytes("text/html", []byte(page))
		if err != nil {
			t.Fatal(err)
		}
		got, err := memoed.Minify("a.html", []byte(page))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("page %d:\n got %s\nwant %s", i, got, want)
		}
	}
	// The head's script and style, the body's attribute and script of
	// each page; not the long script.
	if len(jsMemo.m) != 1+3+3 || len(cssMemo.m) != 1 {
		t.Errorf("memo holds %d scripts and %d styles, want 7 and 1", len(jsMemo.m), len(cssMemo.m))
	}
	bad := []byte(`<html><head><script>var = ;</script></head></html>`)
	for i := range 2 {
		if _, err := memoed.Minify("b.html", bad); err == nil {
			t.Errorf("round %d: a script that does not parse minified without error", i)
		}
	}
}
