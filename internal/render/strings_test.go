package render

import (
	"bytes"
	"html/template"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"minhbach/internal/config"
	"minhbach/internal/i18n"
	"minhbach/internal/model"
)

// themeTables loads the theme's string tables of langs.
func themeTables(t testing.TB, langs ...string) map[string]*i18n.Table {
	t.Helper()
	tables, d := i18n.Load(os.DirFS("../../i18n"), nil, langs)
	if d.HasErrors() {
		t.Fatal(d.Format(5))
	}
	return tables
}

// without returns a copy of tab without key.
func without(tab *i18n.Table, key string) *i18n.Table {
	m := map[string]string{}
	for _, k := range tab.Keys() {
		if k != key {
			m[k], _ = tab.Lookup(k)
		}
	}
	out := i18n.New(tab.Lang, m)
	out.Files = tab.Files
	return out
}

// themeRenderer returns a renderer of the demo site's configuration with
// the theme's layouts, in langs, with tables.
func themeRenderer(t *testing.T, langs []string, tables map[string]*i18n.Table) (*Renderer, error) {
	t.Helper()
	o := demoOptions(t)
	o.Languages, o.Strings = langs, tables
	r, d := New(o)
	if d.HasErrors() {
		return r, errorsOf(d.Format(100))
	}
	return r, nil
}

// demoOptions returns the options of a renderer of the demo site's
// configuration (site.yaml) with the theme's layouts and assets.
func demoOptions(t testing.TB) Options {
	t.Helper()
	data, err := os.ReadFile("../../site.yaml")
	if err != nil {
		t.Fatal(err)
	}
	site, d := config.Load(data)
	if d.HasErrors() {
		t.Fatal(d.Format(5))
	}
	assets := map[string]string{}
	_ = fs.WalkDir(os.DirFS("../../assets"), ".", func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			assets[p] = "/assets/" + p
		}
		return nil
	})
	return Options{Site: site, Layouts: os.DirFS("../../layouts"), Files: os.DirFS("../.."), Assets: assets}
}

type errorsOf string

func (e errorsOf) Error() string { return string(e) }

// TestMissingStringIsAnError: a site in Vietnamese and English whose
// English table lacks a key a layout uses does not build; the error names
// the key, the layout (file:line:col) and the table's file, and no error
// is given for Vietnamese, whose table is whole.
func TestMissingStringIsAnError(t *testing.T) {
	tables := themeTables(t, "vi", "en")
	if _, err := themeRenderer(t, []string{"vi", "en"}, tables); err != nil {
		t.Fatalf("the theme's tables: %v", err)
	}
	tables["en"] = without(tables["en"], "base.skip")
	_, err := themeRenderer(t, []string{"vi", "en"}, tables)
	if err == nil {
		t.Fatal("no error for a missing English string")
	}
	msg := strings.TrimSpace(err.Error())
	for _, want := range []string{`layouts/base.html:`, `"base.skip"`, `en`, `i18n/en.yaml`} {
		if !strings.Contains(msg, want) {
			t.Errorf("the error does not name %s:\n%s", want, msg)
		}
	}
	if n := strings.Count(msg, "\n") + 1; n != 1 {
		t.Errorf("want one error (the key is used once), got %d:\n%s", n, msg)
	}
}

// TestThemeTablesComplete: the theme's Vietnamese and English tables
// hold the same keys with the same placeholders, and exactly the keys
// the default layouts, the Go side and the scripts use.
func TestThemeTablesComplete(t *testing.T) {
	tables := themeTables(t, "vi", "en")
	vi, en := tables["vi"], tables["en"]
	if !slices.Equal(vi.Keys(), en.Keys()) {
		for _, k := range vi.Keys() {
			if _, ok := en.Lookup(k); !ok {
				t.Errorf("%s is in vi.yaml, not in en.yaml", k)
			}
		}
		for _, k := range en.Keys() {
			if _, ok := vi.Lookup(k); !ok {
				t.Errorf("%s is in en.yaml, not in vi.yaml", k)
			}
		}
	}
	for _, k := range vi.Keys() {
		a, _ := vi.Lookup(k)
		b, _ := en.Lookup(k)
		if !slices.Equal(i18n.Verbs(a), i18n.Verbs(b)) {
			t.Errorf("%s: placeholders differ: vi %q, en %q", k, a, b)
		}
		if strings.TrimSpace(a) == "" {
			t.Errorf("%s: empty Vietnamese text", k)
		}
	}
	r, err := themeRenderer(t, []string{"vi", "en"}, tables)
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, k := range r.UsedKeys() {
		used[k] = true
	}
	for _, k := range goKeys(t) {
		used[k] = true
	}
	for _, k := range dynamicKeys() {
		used[k] = true
	}
	scripts := jsSources(t)
	for _, k := range vi.Keys() {
		if !strings.HasPrefix(k, "js.") || strings.HasSuffix(k, ".one") {
			continue
		}
		text, _ := vi.Lookup(k)
		if call := strconv.Quote(k) + ", " + strconv.Quote(text); !strings.Contains(scripts, call) {
			t.Errorf("%s: assets/js does not use it with the Vietnamese text of the table (want %s)", k, call)
			continue
		}
		used[k] = true
	}
	for _, k := range vi.Keys() {
		if base, ok := strings.CutSuffix(k, ".one"); ok && used[base] {
			used[k] = true // the singular of a count
		}
	}
	for _, k := range vi.Keys() {
		if !used[k] {
			t.Errorf("%s is in the theme's tables, used by no layout, Go code or script", k)
		}
	}
	for k := range used {
		if _, ok := vi.Lookup(k); !ok {
			t.Errorf("%s is used but not in the theme's tables", k)
		}
	}
}

// TestTWritesAsLiteralText: {{T "k" .}} writes the same bytes as the
// text typed in the layout with {{.}} in it, between tags and in an
// attribute, for values html/template escapes.
func TestTWritesAsLiteralText(t *testing.T) {
	tab := i18n.New("vi", map[string]string{"k": "Địa chỉ: %s", "plus": "a + b = c", "q": `"x" & <y>`})
	fm := template.FuncMap{"T": tFunc(tab)}
	for _, v := range []string{`Số 1 "Hùng Vương" & 'Lê Lợi' <b> +84`, "phố"} {
		var a, b bytes.Buffer
		ta := template.Must(template.New("a").Funcs(fm).Parse(`<p title="{{T "k" .}}">{{T "k" .}}</p>{{T "plus"}}{{T "q"}}`))
		tb := template.Must(template.New("b").Parse(`<p title="Địa chỉ: {{.}}">Địa chỉ: {{.}}</p>a + b = c&#34;x&#34; &amp; &lt;y&gt;`))
		if err := ta.Execute(&a, v); err != nil {
			t.Fatal(err)
		}
		if err := tb.Execute(&b, v); err != nil {
			t.Fatal(err)
		}
		if strings.Replace(a.String(), `"x"`, "&#34;x&#34;", 1) != b.String() {
			t.Errorf("T:\n%s\nliteral:\n%s", a.String(), b.String())
		}
	}
}

// TestTHTML: the text of a key ending in "_html" is HTML, inserted as it
// is; its arguments are escaped all the same.
func TestTHTML(t *testing.T) {
	tab := i18n.New("en", map[string]string{"intro_html": "Run <code>%s</code>.", "intro": "Run <code>%s</code>."})
	tm := template.Must(template.New("a").Funcs(template.FuncMap{"T": tFunc(tab)}).Parse(`<p>{{T "intro_html" .}}</p><p>{{T "intro" .}}</p>`))
	var b bytes.Buffer
	if err := tm.Execute(&b, "a<b>"); err != nil {
		t.Fatal(err)
	}
	if want := `<p>Run <code>a&lt;b&gt;</code>.</p><p>Run &lt;code&gt;a&lt;b&gt;&lt;/code&gt;.</p>`; b.String() != want {
		t.Errorf("got  %s\nwant %s", b.String(), want)
	}
}

// TestEnglishPage renders the 404 page in English: its text, the news
// dates and the skip link are English, and the Vietnamese set is
// untouched by the English one.
func TestEnglishPage(t *testing.T) {
	r, err := themeRenderer(t, []string{"vi", "en"}, themeTables(t, "vi", "en"))
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2022, 8, 2, 9, 0, 0, 0, model.Zone)
	news := []*model.News{{Title: "Tin", URL: "/tin-tuc/2022/08/tin/", Date: day}}
	en, err := r.Execute("404.html", &Page{Lang: "en", Kind: "404", Title: "Page not found", URL: "/en/404.html", Latest: news})
	if err != nil {
		t.Fatal(err)
	}
	vi, err := r.Execute("404.html", &Page{Kind: "404", Title: "Không tìm thấy trang", URL: "/404.html", Latest: news})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Skip to main content", "<h1>Page not found</h1>", "Latest news",
		`<script type="application/json" id="ui-text">`, `"js.search.status.none":"No results for “%s”."`, `"lang":"en"`} {
		if !bytes.Contains(en, []byte(want)) {
			t.Errorf("the English 404 page lacks %q", want)
		}
	}
	if bytes.Contains(vi, []byte(`id="ui-text"`)) {
		t.Error("the Vietnamese 404 page carries the scripts' text: they hold it themselves")
	}
	for _, want := range []string{"Bỏ qua, đến nội dung chính", "<h1>Không tìm thấy trang</h1>"} {
		if !bytes.Contains(vi, []byte(want)) {
			t.Errorf("the Vietnamese 404 page lacks %q", want)
		}
		if bytes.Contains(en, []byte(want)) {
			t.Errorf("the English 404 page shows %q", want)
		}
	}
	if _, err := r.Execute("404.html", &Page{Lang: "fr", Kind: "404"}); err == nil {
		t.Error("no error for a page in a language the site does not declare")
	}
}

// dynamicKeys are the keys the layouts build at run time from a closed
// list of the model: (print "status." .Status) and the like.
func dynamicKeys() []string {
	// History's own rows (validity.go).
	out := []string{"document.history.entry.effective", "document.history.entry.expired"}
	for _, s := range model.Statuses {
		out = append(out, "status."+string(s))
	}
	for _, s := range model.ProcedureStatuses {
		out = append(out, "procedure.status."+string(s))
	}
	for _, o := range model.Onlines {
		out = append(out, "procedure.online.lower."+string(o))
		if o != model.OnlineNone {
			out = append(out, "procedure.online.item."+string(o))
		}
	}
	for _, s := range model.ConsultationStates {
		out = append(out, "consult.state."+string(s))
	}
	for _, r := range model.FileRoles {
		out = append(out, "consult.role."+string(r))
	}
	for _, s := range model.BudgetStages {
		out = append(out, "budget.stage."+string(s))
	}
	for _, s := range model.ProjectStatuses {
		out = append(out, "project.status."+string(s))
	}
	for _, m := range model.BidMethods {
		out = append(out, "project.method."+string(m))
	}
	for _, k := range model.RelationKinds {
		out = append(out, "relation.label."+string(k), "relation.back."+string(k), "relation.verb."+string(k))
	}
	return out
}

// jsSources returns the text of the theme's scripts.
func jsSources(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	for _, name := range []string{"app.js", "search.js"} {
		data, err := os.ReadFile("../../assets/js/" + name)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(data)
	}
	return b.String()
}
