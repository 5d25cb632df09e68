package build_test

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// allowed lists, for each internal package, the project packages it may
// import (docs/architecture.md, "Packages"; arrows point down only). meta (YAML with
// positions), media (picture sizes), images (smaller copies of photos) and
// pdfsig (digital signatures of PDFs) are small shared leaves added here.
// testsign signs PDFs for tests and the demo site's signdemo command: no
// package of the product may import it, any test may. s3fake (an S3
// server for the deploy tests) is the same.
var allowed = map[string][]string{
	"serve":     {"build", "images", "model", "proof", "diag", "wholefile"},
	"build":     {"output", "publog", "render", "graph", "schema", "source", "search", "config", "model", "images", "diag", "disclose", "workday", "i18n", "required", "tmplexec", "wholefile"},
	"search":    {"vnfold"},
	"render":    {"urls", "search", "markdown", "model", "proof", "publog", "config", "media", "images", "chart", "diag", "vnfold", "i18n", "tmplexec"},
	"i18n":      {"meta", "diag"},
	"graph":     {"urls", "model", "config", "media", "pdfsig", "vnfold", "vnnum", "diag"},
	"schema":    {"model", "source", "config", "meta", "media", "vnfold", "vnnum", "diag", "urls"},
	"source":    {"meta", "vnfold", "diag"},
	"markdown":  {"vnfold", "diag"},
	"output":    {"diag", "wholefile"},
	"config":    {"meta", "vnfold", "diag"},
	"meta":      {"diag"},
	"model":     {"meta", "diag"},
	"media":     {},
	"chart":     {},
	"kinds":     {"model", "urls"},
	"disclose":  {"kinds", "meta", "model", "schema", "diag", "vnfold", "workday"},
	"required":  {"model", "diag"},
	"workday":   {},
	"images":    {},
	"pdfsig":    {},
	"proof":     {"model"},
	"publog":    {"proof", "diag"},
	"testsign":  {},
	"diag":      {},
	"vnfold":    {},
	"urls":      {},
	"vnnum":     {},
	"sitetest":  {"build", "output", "meta", "minhbach"},
	"deploy":    {"config", "diag"},
	"s3fake":    {},
	"tmplexec":  {},
	"wholefile": {},
}

// external lists where each third-party module may be imported.
var external = map[string][]string{
	"github.com/yuin/goldmark":          {"markdown"},
	"github.com/adrg/frontmatter":       {"source"},
	"github.com/tdewolff/minify":        {"output"},
	"github.com/fsnotify/fsnotify":      {"serve"},
	"go.yaml.in/yaml":                   {"meta", "source", "schema", "i18n"},
	"golang.org/x/image":                {"images"},
	"github.com/disintegration/imaging": {"images"},
	"golang.org/x/sync":                 {"images"},
	"github.com/digitorus/pdf":          {"pdfsig", "testsign"},
	"github.com/digitorus/pkcs7":        {"pdfsig"},
	"github.com/digitorus/pdfsign":      {"testsign"},
	"github.com/digitorus/timestamp":    {"pdfsig", "testsign"},
	"github.com/hbollon/go-edlib":       {"graph"},
	"github.com/aws/":                   {"deploy", "s3fake"},
	"github.com/johannesboyne/gofakes3": {"s3fake"},
}

func TestImportGraph(t *testing.T) {
	files, err := filepath.Glob("../*/*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, f := range files {
		pkg := filepath.Base(filepath.Dir(f))
		ast, err := parser.ParseFile(fset, f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		isTest := strings.HasSuffix(f, "_test.go")
		for _, imp := range ast.Imports {
			path := strings.Trim(imp.Path.Value, `"`)
			switch {
			case path == "minhbach" || strings.HasPrefix(path, "minhbach/internal/"):
				to := strings.TrimPrefix(path, "minhbach/internal/")
				if isTest && (to == pkg || to == "sitetest" || to == "build" || to == "minhbach" || to == "testsign" || to == "s3fake") {
					continue
				}
				if _, known := allowed[pkg]; !known {
					t.Errorf("%s: package %s is not in the import table: add it to allowed", f, pkg)
				} else if !slices.Contains(allowed[pkg], to) {
					t.Errorf("%s imports %s: %s may import only %v", f, path, pkg, allowed[pkg])
				}
			case strings.Contains(strings.Split(path, "/")[0], "."):
				for mod, pkgs := range external {
					if strings.HasPrefix(path, mod) && !slices.Contains(pkgs, pkg) && !isTest {
						t.Errorf("%s imports %s: only %v may", f, path, pkgs)
					}
				}
			}
		}
	}
}
