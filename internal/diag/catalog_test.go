package diag_test

import (
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"minhbach/internal/diag"
)

// message is an English text the code can show: a format given to
// List.Errorf/Warnf, Lang.Sprintf or Msgf, or a Phrase.
type message struct {
	pos  string
	text string
}

// messages scans the module's non-test Go files for every message.
// A format that is not a string literal, or that is only a verb ("%s",
// "%v"), is reported in bad: it would show untranslated text.
func messages(t *testing.T) (found []message, bad []string) {
	t.Helper()
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() {
			switch e.Name() {
			case "testdata", "node_modules", "public", "bench", ".git":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") || filepath.Base(filepath.Dir(p)) == "diag" {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			var name string
			switch fn := call.Fun.(type) {
			case *ast.SelectorExpr:
				if id, ok := fn.X.(*ast.Ident); ok && (id.Name == "fmt" || id.Name == "t" || id.Name == "b" || id.Name == "tb") {
					return true
				}
				name = fn.Sel.Name
			case *ast.Ident:
				name = fn.Name
			}
			var arg ast.Expr
			switch name {
			case "Errorf", "Warnf":
				if len(call.Args) < 2 {
					return true
				}
				if _, lit := call.Args[0].(*ast.BasicLit); lit {
					return true // a printf of another kind (testing.T, …)
				}
				arg = call.Args[1]
			case "say":
				if len(call.Args) < 2 {
					return true
				}
				arg = call.Args[1]
			case "String", "Bool", "Int":
				// a flag's help: fl.String(name, default, help)
				if len(call.Args) != 3 || !strings.Contains(p, "cmd") {
					return true
				}
				arg = call.Args[2]
			case "Sprintf", "Msgf", "Phrase":
				if len(call.Args) < 1 {
					return true
				}
				arg = call.Args[0]
			default:
				return true
			}
			pos := fset.Position(call.Pos()).String()
			lit, ok := arg.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				// A variable passes on a text checked where it is written;
				// anything else (a call, a concatenation) is not checked.
				if _, isVar := arg.(*ast.Ident); !isVar && name != "Phrase" {
					bad = append(bad, pos+": format is not a string literal")
				}
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Fatalf("%s: %v", pos, err)
			}
			if name == "String" || name == "Bool" || name == "Int" {
				s = flagHelp(s)
			}
			if s == "%s" || s == "%v" || s == "%q" {
				bad = append(bad, pos+": the format is only "+s+": use diag.Msgf so that the text is translated")
			}
			found = append(found, message{pos, s})
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return found, bad
}

// TestEveryMessageHasVietnamese fails for any message the code can show
// without a Vietnamese text in the catalogue, and for any translation whose
// verbs do not match the English format.
func TestEveryMessageHasVietnamese(t *testing.T) {
	found, bad := messages(t)
	if len(found) < 50 {
		t.Fatalf("found only %d messages: is the scan still finding the calls?", len(found))
	}
	for _, b := range bad {
		t.Error(b)
	}
	for _, m := range found {
		if !diag.Translated(m.text) {
			t.Errorf("%s: no Vietnamese text for %q (add it to internal/diag/vi.go)", m.pos, m.text)
			continue
		}
		args := dummies(diag.English.Sprintf(m.text))
		if vi := diag.Vietnamese.Sprintf(m.text, args...); strings.Contains(vi, "%!") {
			t.Errorf("%s: the Vietnamese text of %q does not take the same arguments: %s", m.pos, m.text, vi)
		}
	}
}

// flagHelp returns a flag's help as newFlags translates it: without the
// backquotes that name its argument.
func flagHelp(s string) string {
	f := flag.NewFlagSet("", flag.ContinueOnError)
	f.String("x", "", s)
	_, help := flag.UnquoteUsage(f.Lookup("x"))
	return help
}

// dummies returns an argument for each verb that Sprintf without
// arguments reported missing ("%!d(MISSING)"), of a type the verb takes.
func dummies(s string) []any {
	var out []any
	for {
		i := strings.Index(s, "%!")
		if i < 0 || i+2 >= len(s) {
			return out
		}
		switch s[i+2] {
		case 'd':
			out = append(out, 7)
		case 'f', 'g':
			out = append(out, 1.5)
		default:
			out = append(out, "x")
		}
		s = s[i+2:]
	}
}

// dynamic are catalogue texts that reach a message at run time rather than
// as a literal of the code: the YAML parser's own messages (shown through
// Phrase) and the placeholders a flag's help names in backquotes.
var dynamic = map[string]bool{
	"mapping values are not allowed in this context":         true,
	"did not find expected key":                              true,
	"did not find expected '-' indicator":                    true,
	"could not find expected ':'":                            true,
	"found character that cannot start any token":            true,
	"found unexpected end of stream":                         true,
	"block sequence entries are not allowed in this context": true,
	"found a tab character that violates indentation":        true,
	"found unknown escape character":                         true,
}

// TestNoDeadCatalogueEntries fails for a catalogue text that no code can
// show any longer: a message reworded in code leaves its old entry behind.
func TestNoDeadCatalogueEntries(t *testing.T) {
	found, _ := messages(t)
	used := map[string]bool{"warning": true, "… and %d more": true} // the framing diag itself adds
	for _, m := range found {
		used[m.text] = true
	}
	for _, m := range found {
		for _, f := range strings.Fields(m.text) {
			used[strings.Trim(f, "`.,:()")] = true // placeholder words of flag helps
		}
	}
	for k := range diag.Catalogue {
		if !used[k] && !dynamic[k] {
			t.Errorf("the catalogue holds %q, which no code shows: delete it", k)
		}
	}
}

func TestVietnameseTextAndEnglishMsg(t *testing.T) {
	var l diag.List
	l.Warnf(diag.Pos{Path: "a.md", Line: 3, Col: 1}, "unknown key %q (did you mean %q?)", "catgory", "category")
	l.Errorf(diag.Pos{Path: "b.md", Line: 1}, "%s: want %s, got %s", "tags", diag.Phrase("a list"), diag.Msgf("%q", "x"))
	if got := l.Format(0); !strings.Contains(got, `a.md:3:1: warning: unknown key "catgory" (did you mean "category"?)`) {
		t.Errorf("English:\n%s", got)
	}
	vi := l.FormatIn(diag.Vietnamese, 0)
	for _, want := range []string{`a.md:3:1: cảnh báo: `, `"catgory"`, `b.md:1: tags: `, "danh sách"} {
		if !strings.Contains(vi, want) {
			t.Errorf("Vietnamese lacks %q:\n%s", want, vi)
		}
	}
	if strings.Contains(vi, "warning") || strings.Contains(vi, "want") {
		t.Errorf("Vietnamese still holds English words:\n%s", vi)
	}
	if got := diag.ParseLang("en_US.UTF-8"); got != diag.English {
		t.Errorf("ParseLang(en_US.UTF-8) = %v", got)
	}
	if got := diag.ParseLang(""); got != diag.Vietnamese {
		t.Errorf("ParseLang(\"\") = %v", got)
	}
}
