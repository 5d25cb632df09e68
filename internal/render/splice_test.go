package render

import (
	"bytes"
	"html/template"
	"strings"
	"testing"

	"minhbach/internal/model"
)

// TestSpliceReplacesPlaceholders: a fragment that begins and ends with a
// block element becomes a placeholder that Splice replaces by the
// fragment as the minifier gave it; any other fragment stays whole. The
// same with the fragments in a stash (a splicer whose budget is spent),
// read back when spliced.
func TestSpliceReplacesPlaceholders(t *testing.T) {
	upper := func(dst *bytes.Buffer, src []byte) error {
		dst.WriteString(strings.ToUpper(string(src)))
		return nil
	}
	for _, stash := range []*mapStash{nil, {}} {
		r := &Renderer{splice: newSplicer(upper)}
		var st model.Stash
		if stash != nil {
			r.splice.budget, st = 0, stash
		}
		li, err := r.splice.fragment(template.HTML(`<li class="doc-item"><a href="/a/">a</a></li>`), st)
		if err != nil || !strings.HasPrefix(string(li), "<li data-minhbach-") || !strings.HasSuffix(string(li), `"></li>`) {
			t.Fatalf("placeholder %q, %v", li, err)
		}
		two, _ := r.splice.fragment(template.HTML("<h2>Năm</h2>\n<ul><li>2026</li></ul>"), st)
		if !strings.HasPrefix(string(two), "<h2 data-minhbach-") || !strings.HasSuffix(string(two), `"></ul>`) {
			t.Fatalf("placeholder %q", two)
		}
		for _, h := range []string{`<a href="/a/">a</a>`, ` <li>a</li>`, `<li>a</li> `, `tin <b>mới</b>`, `<li>a</li><span>b</span>`} {
			if got, _ := r.splice.fragment(template.HTML(h), st); string(got) != h {
				t.Errorf("fragment(%q) = %q, want it whole", h, got)
			}
		}
		var b bytes.Buffer
		n, err := r.Splice(&b, []byte("<ul>"+string(li)+"</ul>"+string(two)+"<p>cuối</p>"))
		want := `<ul><LI CLASS="DOC-ITEM"><A HREF="/A/">A</A></LI></ul><H2>NĂM</H2>` + "\n" + `<UL><LI>2026</LI></UL><p>cuối</p>`
		if err != nil || n != 2 || b.String() != want {
			t.Errorf("Splice (stash %v) = %d, %v, %q; want 2, %q", stash != nil, n, err, b.String(), want)
		}
		if stash != nil && (stash.puts != 2 || stash.loads != 2 || r.splice.held != 0) {
			t.Errorf("stash: %d puts, %d loads, %d bytes in memory; want 2, 2, 0", stash.puts, stash.loads, r.splice.held)
		}
		b.Reset()
		broken := strings.Replace(string(li), `"></li>`, `">`, 1)
		if _, err := r.Splice(&b, []byte(broken)); err == nil {
			t.Errorf("Splice accepted a placeholder the minifier changed: %q", broken)
		}
	}
	var b bytes.Buffer
	var none *Renderer = &Renderer{}
	if n, err := none.Splice(&b, []byte("<p>x</p>")); n != 0 || err != nil || b.String() != "<p>x</p>" {
		t.Errorf("Splice without a splicer = %d, %v, %q", n, err, b.String())
	}
}
