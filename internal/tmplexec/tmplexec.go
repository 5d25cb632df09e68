// Package tmplexec runs the templates of an html/template set faster than
// html/template does, with the same output.
//
// html/template escapes a template once, by adding escaper functions to
// its actions, and then executes it with text/template, which calls every
// function through reflection. A Set lets html/template execute a template
// the first time (that escapes it and everything it calls), then turns the
// escaped trees into a program of its own. The program calls the common
// function signatures and the escapers directly, and looks fields and
// methods up once per type. Anything it does not know how to do exactly as
// text/template does — a value of an unusual kind, an error, a panic — ends
// its run: the page is thrown away and html/template executes it instead,
// so the output and the errors stay html/template's.
package tmplexec

import (
	"bytes"
	"fmt"
	"html/template"
	"os"
	"reflect"
	"sync"
	"sync/atomic"
	"text/template/parse"
)

// Verify makes every Execute that ran a program also run html/template,
// and fail when the two outputs differ. Tests turn it on where executing
// a template twice has no side effect.
var Verify atomic.Bool

// Off makes every Set execute with html/template only, for tests that
// compare whole builds made both ways.
var Off atomic.Bool

// ran and fellBack count the runs of programs of all Sets, and those
// handed back to html/template.
var ran, fellBack atomic.Int64

// Runs returns how many executions of all Sets ran a program, and how
// many of those were handed back to html/template.
func Runs() (programs, fellBackToHTML int64) { return ran.Load(), fellBack.Load() }

// Set runs the templates of one html/template set.
type Set struct {
	t     *template.Template
	funcs map[string]*function
	// trees are the parse trees of the set's templates, taken before any
	// execution: html/template escapes them in place, and may set a
	// template's Tree field again when it runs it as an entry, so
	// compiling reads them from here.
	trees map[string]*parse.Tree

	mu sync.Mutex
	// progs maps a template name to its program, or to nil when the
	// template cannot be compiled (it runs with html/template). A name
	// absent has not been executed yet. The map is replaced, never
	// changed, so that Execute reads it without the lock.
	progs atomic.Pointer[map[string]*program]

	ran, fellBack atomic.Int64
}

// New returns the Set of t. funcs must be the functions t was given with
// Funcs, later maps overriding earlier ones as Funcs does. New takes the
// trees of t's templates, so t must not be parsed again: a template
// defined after New, or redefined and then executed, runs with
// html/template, but a called template redefined with text alone would
// print its old text.
func New(t *template.Template, funcs ...template.FuncMap) *Set {
	s := &Set{t: t, funcs: map[string]*function{}, trees: map[string]*parse.Tree{}}
	for _, ht := range t.Templates() {
		if ht.Tree != nil {
			s.trees[ht.Name()] = ht.Tree
		}
	}
	for name, f := range builtins {
		s.funcs[name] = f
	}
	for name, f := range escapers {
		s.funcs[name] = f
	}
	for _, fm := range funcs {
		for name, f := range fm {
			s.funcs[name] = newFunction(name, reflect.ValueOf(f))
		}
	}
	empty := map[string]*program{}
	s.progs.Store(&empty)
	return s
}

// Stats returns how many executions ran a program and how many of those
// were handed back to html/template.
func (s *Set) Stats() (ran, fellBack int64) { return s.ran.Load(), s.fellBack.Load() }

// Execute writes the template name executed with data to b, as
// html/template's ExecuteTemplate would.
func (s *Set) Execute(b *bytes.Buffer, name string, data any) error {
	if Off.Load() {
		return s.t.ExecuteTemplate(b, name, data)
	}
	p, seen := (*s.progs.Load())[name]
	if p != nil {
		start := b.Len()
		s.ran.Add(1)
		ran.Add(1)
		err := p.run(b, data)
		if err == nil {
			if Verify.Load() {
				return s.verify(b.Bytes()[start:], name, data)
			}
			return nil
		}
		if traceFallback {
			fmt.Fprintf(os.Stderr, "tmplexec: %s: %v\n", name, err)
		}
		b.Truncate(start)
		s.fellBack.Add(1)
		fellBack.Add(1)
	}
	if err := s.t.ExecuteTemplate(b, name, data); err != nil {
		return err
	}
	if !seen {
		s.compile(name)
	}
	return nil
}

// verify runs html/template on name and data and compares its output with
// got.
func (s *Set) verify(got []byte, name string, data any) error {
	var want bytes.Buffer
	if err := s.t.ExecuteTemplate(&want, name, data); err != nil {
		return fmt.Errorf("tmplexec: %s ran, html/template failed: %w", name, err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		i := 0
		for i < len(got) && i < want.Len() && got[i] == want.Bytes()[i] {
			i++
		}
		from := max(0, i-80)
		return fmt.Errorf("tmplexec: %s differs from html/template at byte %d:\n got %q\nwant %q", name, i,
			got[from:min(len(got), i+80)], want.Bytes()[from:min(want.Len(), i+80)])
	}
	return nil
}

// compile makes the program of name, which html/template has just
// executed (and so escaped), or records that it has none.
func (s *Set) compile(name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	old := *s.progs.Load()
	if _, ok := old[name]; ok {
		return
	}
	p, _ := s.build(name)
	next := make(map[string]*program, len(old)+1)
	for k, v := range old {
		next[k] = v
	}
	next[name] = p
	s.progs.Store(&next)
}

// build returns the program of name, which html/template has just
// executed, or why it has none.
func (s *Set) build(name string) (*program, string) {
	// name has run, so its Tree field is set for good (the fields of the
	// templates it calls may not be): one that differs from New's was
	// defined again since.
	if ht := s.t.Lookup(name); ht == nil || ht.Tree != s.trees[name] {
		return nil, "defined after New"
	}
	if !missingKeyDefault(s.t) {
		return nil, "missingkey option"
	}
	c := &compiler{set: s, tmpls: map[string]*tmplCode{}}
	p, err := c.program(name)
	if err != nil {
		return nil, err.Error()
	}
	return p, ""
}

// Unsupported returns why name has no program, "" when it has one or has
// not been executed yet. For tests and benchmarks.
func (s *Set) Unsupported(name string) string {
	if p, ok := (*s.progs.Load())[name]; !ok || p != nil {
		return ""
	}
	_, why := s.build(name)
	return why
}

// missingKeyDefault says whether t runs with the default missingkey
// option, the only one programs follow: with missingkey=zero or error a
// missing map key prints its zero or fails. text/template keeps the
// option unexported; reflect may read (not set) such fields. Should they
// move in another Go release, the answer is false and t runs with
// html/template (which TestLayoutsRunAsPrograms would report).
func missingKeyDefault(t *template.Template) bool {
	v := reflect.ValueOf(t).Elem().FieldByName("text") // *text/template.Template
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return false
	}
	if v = v.Elem().FieldByName("common"); v.Kind() != reflect.Pointer || v.IsNil() {
		return false
	}
	if v = v.Elem().FieldByName("option"); v.Kind() != reflect.Struct {
		return false
	}
	v = v.FieldByName("missingKey")
	return v.CanInt() && v.Int() == 0
}

// program is a compiled template with the templates it calls.
type program struct {
	root *tmplCode
}

func (p *program) run(b *bytes.Buffer, data any) (err error) {
	st := &state{w: b}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("tmplexec: panic: %v", r)
		}
	}()
	// text/template runs a reflect.Value given as data on the value it
	// holds.
	dot, ok := data.(reflect.Value)
	if !ok {
		dot = reflect.ValueOf(data)
	}
	st.vars = append(st.vars[:0], variable{"$", dot})
	return st.list(p.root.body, dot)
}

// escaperPrefix begins the names of the functions html/template adds.
const escaperPrefix = "_html_template_"

// compiler turns escaped parse trees into code.
type compiler struct {
	set   *Set
	tmpls map[string]*tmplCode
}

func (c *compiler) program(name string) (*program, error) {
	t, err := c.template(name)
	if err != nil {
		return nil, err
	}
	return &program{root: t}, nil
}

// template returns the code of the named template, compiling it and the
// templates it calls.
func (c *compiler) template(name string) (*tmplCode, error) {
	if t, ok := c.tmpls[name]; ok {
		return t, nil
	}
	tree := c.set.trees[name]
	if tree == nil || tree.Root == nil {
		// A template html/template derived for another context lives
		// only in its text/template set, out of reach.
		return nil, fmt.Errorf("template %q not found", name)
	}
	t := &tmplCode{name: name}
	c.tmpls[name] = t
	body, err := c.list(tree.Root)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	t.body = body
	return t, nil
}

// errUnsupported is what a compile step returns for a construct the
// package leaves to html/template.
type errUnsupported struct{ what string }

func (e errUnsupported) Error() string { return "unsupported: " + e.what }

func unsupported(format string, args ...any) error {
	return errUnsupported{fmt.Sprintf(format, args...)}
}
