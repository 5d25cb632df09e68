package tmplexec

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
)

// errFallback ends a run: html/template executes the template instead.
var errFallback = errors.New("tmplexec: left to html/template")

// traceFallback, for debugging, makes each fallback say where it began.
var traceFallback = os.Getenv("MINHBACH_TMPLEXEC_TRACE") != ""

// fb returns errFallback, with the caller's line when tracing.
func fb() error {
	if traceFallback {
		_, file, line, _ := runtime.Caller(1)
		return fmt.Errorf("%w at %s:%d", errFallback, filepath.Base(file), line)
	}
	return errFallback
}

var (
	errBreak    = errors.New("break")
	errContinue = errors.New("continue")
)

// maxDepth bounds template calls within template calls; past it the run
// falls back, and html/template reports the depth as its own error.
const maxDepth = 1000

type variable struct {
	name  string
	value reflect.Value
}

// state is one run of a program.
type state struct {
	w *bytes.Buffer
	// vars holds the variables in scope, those of the templates that
	// called the current one below base: a template sees only its own.
	vars  []variable
	base  int
	depth int
}

func (s *state) push(name string, v reflect.Value) { s.vars = append(s.vars, variable{name, v}) }

func (s *state) setVar(name string, v reflect.Value) bool {
	for i := len(s.vars) - 1; i >= s.base; i-- {
		if s.vars[i].name == name {
			s.vars[i].value = v
			return true
		}
	}
	return false
}

func (s *state) varValue(name string) (reflect.Value, bool) {
	for i := len(s.vars) - 1; i >= s.base; i-- {
		if s.vars[i].name == name {
			return s.vars[i].value, true
		}
	}
	return reflect.Value{}, false
}

func (s *state) list(nodes []node, dot reflect.Value) error {
	for i := range nodes {
		if err := s.node(&nodes[i], dot); err != nil {
			return err
		}
	}
	return nil
}

func (s *state) node(n *node, dot reflect.Value) error {
	switch n.kind {
	case nText:
		s.w.WriteString(n.text)
		return nil
	case nAction:
		return s.action(n, dot)
	case nIf, nWith:
		mark := len(s.vars)
		defer func() { s.vars = s.vars[:mark] }()
		v, err := s.pipeline(n.pipe, dot)
		if err != nil {
			return err
		}
		truth, ok := isTrue(indirectInterface(v))
		if !ok {
			return fb()
		}
		if truth {
			if n.kind == nWith {
				return s.list(n.list, v)
			}
			return s.list(n.list, dot)
		}
		if n.elseList != nil {
			return s.list(n.elseList, dot)
		}
		return nil
	case nRange:
		return s.rangeNode(n, dot)
	case nTemplate:
		if s.depth >= maxDepth {
			return fb()
		}
		var v reflect.Value
		if n.pipe != nil {
			var err error
			if v, err = s.pipeline(n.pipe, dot); err != nil {
				return err
			}
		}
		// No dynamic scoping: the template sees only its own $.
		base, mark := s.base, len(s.vars)
		s.base = mark
		s.depth++
		s.push("$", v)
		err := s.list(n.tmpl.body, v)
		s.vars, s.base = s.vars[:mark], base
		s.depth--
		return err
	case nBreak:
		return errBreak
	case nContinue:
		return errContinue
	}
	return fb()
}

// action evaluates a printing or declaring action and prints its value,
// through its escapers.
func (s *state) action(n *node, dot reflect.Value) error {
	v, err := s.pipeline(n.pipe, dot)
	if err != nil {
		return err
	}
	if len(n.pipe.decl) > 0 {
		return nil
	}
	if len(n.out) == 0 {
		return s.print(v)
	}
	str, err := n.out[0].esc(v)
	if err != nil {
		return err
	}
	for _, e := range n.out[1:] {
		if str, err = e.escString(str); err != nil {
			return err
		}
	}
	s.w.WriteString(str)
	return nil
}

// print writes v as text/template prints the value of an action.
func (s *state) print(v reflect.Value) error {
	if v.Kind() == reflect.String && v.Type() == stringType {
		s.w.WriteString(v.String())
		return nil
	}
	if v.Kind() == reflect.Pointer {
		v, _ = indirect(v)
	}
	if !v.IsValid() {
		s.w.WriteString("<no value>")
		return nil
	}
	if !v.Type().Implements(errorType) && !v.Type().Implements(stringerType) {
		if v.CanAddr() && (reflect.PointerTo(v.Type()).Implements(errorType) || reflect.PointerTo(v.Type()).Implements(stringerType)) {
			v = v.Addr()
		} else {
			switch v.Kind() {
			case reflect.Chan, reflect.Func:
				return fb()
			}
		}
	}
	fmt.Fprint(s.w, v.Interface())
	return nil
}

func (s *state) rangeNode(n *node, dot reflect.Value) error {
	mark := len(s.vars)
	defer func() { s.vars = s.vars[:mark] }()
	pv, err := s.pipeline(n.pipe, dot)
	if err != nil {
		return err
	}
	val, _ := indirect(pv)
	inner := len(s.vars)
	one := func(index, elem reflect.Value) error {
		p := n.pipe
		if len(p.decl) > 0 {
			if p.isAssign {
				if len(p.decl) > 1 {
					s.setVar(p.decl[0], index)
				} else {
					s.setVar(p.decl[0], elem)
				}
			} else {
				s.vars[len(s.vars)-1].value = elem
			}
		}
		if len(p.decl) > 1 {
			if p.isAssign {
				s.setVar(p.decl[1], elem)
			} else {
				s.vars[len(s.vars)-2].value = index
			}
		}
		err := s.list(n.list, elem)
		s.vars = s.vars[:inner]
		if err == errContinue {
			return nil
		}
		return err
	}
	switch val.Kind() {
	case reflect.Array, reflect.Slice:
		if val.Len() == 0 {
			break
		}
		for i := 0; i < val.Len(); i++ {
			if err := one(reflect.ValueOf(i), val.Index(i)); err != nil {
				if err == errBreak {
					return nil
				}
				return err
			}
		}
		return nil
	case reflect.Map:
		if val.Len() == 0 {
			break
		}
		keys := val.MapKeys()
		if !sortKeys(keys) {
			return fb()
		}
		for _, k := range keys {
			if err := one(k, val.MapIndex(k)); err != nil {
				if err == errBreak {
					return nil
				}
				return err
			}
		}
		return nil
	case reflect.Invalid:
	default:
		// Integers, channels and iterator functions are left to
		// text/template.
		return fb()
	}
	if n.elseList != nil {
		return s.list(n.elseList, dot)
	}
	return nil
}

// sortKeys sorts map keys as text/template does, for the key kinds whose
// order is plain: strings and integers. It returns false for the others.
func sortKeys(keys []reflect.Value) bool {
	switch keys[0].Kind() {
	case reflect.String:
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		sort.Slice(keys, func(i, j int) bool { return keys[i].Int() < keys[j].Int() })
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		sort.Slice(keys, func(i, j int) bool { return keys[i].Uint() < keys[j].Uint() })
	default:
		return false
	}
	return true
}

// pipeline evaluates p as text/template's evalPipeline does.
func (s *state) pipeline(p *pipeline, dot reflect.Value) (reflect.Value, error) {
	var v reflect.Value
	has := false
	for _, c := range p.cmds {
		var err error
		v, err = s.command(c, dot, v, has)
		if err != nil {
			return reflect.Value{}, err
		}
		has = true
		if v.Kind() == reflect.Interface && v.Type().NumMethod() == 0 {
			v = reflect.ValueOf(v.Interface())
		}
	}
	for _, name := range p.decl {
		if p.isAssign {
			if !s.setVar(name, v) {
				return reflect.Value{}, fb()
			}
		} else {
			s.push(name, v)
		}
	}
	return v, nil
}

// command evaluates c with the previous command's value final (when has).
func (s *state) command(c *command, dot, final reflect.Value, has bool) (reflect.Value, error) {
	return s.word(dot, &c.head, c.args, final, has)
}

// value evaluates a word given as an argument of type any (or as the
// receiver of a chain).
func (s *state) value(dot reflect.Value, w *word) (reflect.Value, error) {
	return s.word(dot, w, nil, reflect.Value{}, false)
}

// word evaluates w, the first word of a command, with the words after it
// and final (when has): arguments of a function or a method, an error
// for any other word.
func (s *state) word(dot reflect.Value, w *word, args []word, final reflect.Value, has bool) (reflect.Value, error) {
	switch w.kind {
	case wField:
		return s.fieldChain(dot, dot, w.fields, args, final, has)
	case wChain:
		recv, err := s.arg(dot, nil, w.sub)
		if err != nil {
			return reflect.Value{}, err
		}
		return s.fieldChain(dot, recv, w.fields, args, final, has)
	case wFunc:
		return w.fn.call(s, dot, args, final, has)
	case wVar:
		v, ok := s.varValue(w.varName)
		if !ok {
			return reflect.Value{}, fb()
		}
		if len(w.fields) > 0 {
			return s.fieldChain(dot, v, w.fields, args, final, has)
		}
		if len(args) > 0 || has {
			return reflect.Value{}, fb()
		}
		return v, nil
	}
	if len(args) > 0 || has {
		return reflect.Value{}, fb()
	}
	switch w.kind {
	case wPipe:
		return s.pipeline(w.pipe, dot)
	case wDot:
		return dot, nil
	case wConst:
		return w.val, nil
	case wNumber:
		if !w.idealOK {
			return reflect.Value{}, fb()
		}
		return w.ideal, nil
	}
	return reflect.Value{}, fb()
}

// arg evaluates w as an argument of type typ, as text/template's evalArg
// does.
func (s *state) arg(dot reflect.Value, typ reflect.Type, w *word) (reflect.Value, error) {
	switch w.kind {
	case wDot, wField, wVar, wChain, wPipe, wFunc:
		v, err := s.value(dot, w)
		if err != nil {
			return v, err
		}
		return validateType(v, typ)
	case wNil:
		if typ != nil && canBeNil(typ) {
			return reflect.Zero(typ), nil
		}
		return reflect.Value{}, fb()
	}
	if typ == nil {
		// The receiver of a chain: text/template validates against no
		// type, after evaluating the word as an argument of no type.
		return reflect.Value{}, fb()
	}
	switch typ.Kind() {
	case reflect.Bool:
		if w.kind == wConst && w.val.Kind() == reflect.Bool {
			v := reflect.New(typ).Elem()
			v.SetBool(w.val.Bool())
			return v, nil
		}
	case reflect.String:
		if w.kind == wConst && w.isStr {
			if typ == stringType {
				return w.val, nil
			}
			v := reflect.New(typ).Elem()
			v.SetString(w.str)
			return v, nil
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if w.kind == wNumber && w.num.IsInt {
			v := reflect.New(typ).Elem()
			v.SetInt(w.num.Int64)
			return v, nil
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if w.kind == wNumber && w.num.IsUint {
			v := reflect.New(typ).Elem()
			v.SetUint(w.num.Uint64)
			return v, nil
		}
	case reflect.Float32, reflect.Float64:
		if w.kind == wNumber && w.num.IsFloat {
			v := reflect.New(typ).Elem()
			v.SetFloat(w.num.Float64)
			return v, nil
		}
	case reflect.Interface:
		if typ.NumMethod() == 0 {
			return s.value(dot, w)
		}
	case reflect.Struct:
		if typ == reflectValueType {
			v, err := s.value(dot, w)
			if err != nil {
				return v, err
			}
			return reflect.ValueOf(v), nil
		}
	}
	return reflect.Value{}, fb()
}

// validateType makes v fit an argument of type typ as text/template does.
func validateType(v reflect.Value, typ reflect.Type) (reflect.Value, error) {
	if !v.IsValid() {
		if typ == nil {
			return reflect.ValueOf(nil), nil
		}
		if canBeNil(typ) {
			return reflect.Zero(typ), nil
		}
		return reflect.Value{}, fb()
	}
	if typ == reflectValueType && v.Type() != typ {
		return reflect.ValueOf(v), nil
	}
	if typ != nil && !v.Type().AssignableTo(typ) {
		if v.Kind() == reflect.Interface && !v.IsNil() {
			v = v.Elem()
			if v.Type().AssignableTo(typ) {
				return v, nil
			}
		}
		switch {
		case v.Kind() == reflect.Pointer && v.Type().Elem().AssignableTo(typ):
			v = v.Elem()
			if !v.IsValid() {
				return reflect.Value{}, fb()
			}
		case reflect.PointerTo(v.Type()).AssignableTo(typ) && v.CanAddr():
			v = v.Addr()
		default:
			return reflect.Value{}, fb()
		}
	}
	return v, nil
}

func canBeNil(typ reflect.Type) bool {
	switch typ.Kind() {
	case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
		return true
	case reflect.Struct:
		return typ == reflectValueType
	}
	return false
}

// fieldChain evaluates the fields of a chain on recv; the last one gets
// the arguments and final.
func (s *state) fieldChain(dot, recv reflect.Value, fs []*field, args []word, final reflect.Value, has bool) (reflect.Value, error) {
	n := len(fs)
	for i := 0; i < n-1; i++ {
		var err error
		if recv, err = s.field(dot, fs[i], nil, reflect.Value{}, false, recv); err != nil {
			return reflect.Value{}, err
		}
	}
	return s.field(dot, fs[n-1], args, final, has, recv)
}

// resolved is what a field name is in a type: a method (of the type the
// lookup is made on, a pointer when the value is addressable), a struct
// field or a map key.
type resolved struct {
	typ      reflect.Type // the type looked up
	recv     reflect.Type // the type of the value it was looked up for
	method   int          // index of the method, -1: none
	index    []int        // the struct field, nil: none
	exported bool
}

func (f *field) resolve(ptr, recv reflect.Type) *resolved {
	if r := f.cache.Load(); r != nil && r.typ == ptr && r.recv == recv {
		return r
	}
	r := &resolved{typ: ptr, recv: recv, method: -1}
	if m, ok := ptr.MethodByName(f.name); ok {
		r.method = m.Index
	} else if recv.Kind() == reflect.Struct {
		if sf, ok := recv.FieldByName(f.name); ok {
			r.index, r.exported = sf.Index, sf.IsExported()
		}
	}
	f.cache.Store(r)
	return r
}

// field evaluates one name on recv, as text/template's evalField does.
func (s *state) field(dot reflect.Value, f *field, args []word, final reflect.Value, has bool, recv reflect.Value) (reflect.Value, error) {
	if !recv.IsValid() {
		return reflect.Value{}, nil
	}
	recv, isNil := indirect(recv)
	if recv.Kind() == reflect.Interface && isNil {
		return reflect.Value{}, fb()
	}
	ptr := recv
	if ptr.Kind() != reflect.Interface && ptr.Kind() != reflect.Pointer && ptr.CanAddr() {
		ptr = ptr.Addr()
	}
	r := f.resolve(ptr.Type(), recv.Type())
	if r.method >= 0 {
		return callValue(s, dot, ptr.Method(r.method), args, final, has)
	}
	hasArgs := len(args) > 0 || has
	switch recv.Kind() {
	case reflect.Struct:
		if r.index != nil {
			if !r.exported || hasArgs {
				return reflect.Value{}, fb()
			}
			v, err := recv.FieldByIndexErr(r.index)
			if err != nil {
				return reflect.Value{}, fb()
			}
			return v, nil
		}
	case reflect.Map:
		if stringType.AssignableTo(recv.Type().Key()) {
			if hasArgs {
				return reflect.Value{}, fb()
			}
			return recv.MapIndex(f.nameVal), nil
		}
	}
	return reflect.Value{}, fb()
}

// indirect follows pointers and interfaces to a value, stopping at a nil.
func indirect(v reflect.Value) (reflect.Value, bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, true
		}
	}
	return v, false
}

func indirectInterface(v reflect.Value) reflect.Value {
	if v.Kind() != reflect.Interface {
		return v
	}
	if v.IsNil() {
		return reflect.Value{}
	}
	return v.Elem()
}

// isTrue says whether v counts as true in if and with.
func isTrue(v reflect.Value) (truth, ok bool) {
	if !v.IsValid() {
		return false, true
	}
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() > 0, true
	case reflect.Bool:
		return v.Bool(), true
	case reflect.Complex64, reflect.Complex128:
		return v.Complex() != 0, true
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.UnsafePointer, reflect.Interface:
		return !v.IsNil(), true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() != 0, true
	case reflect.Float32, reflect.Float64:
		return v.Float() != 0, true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() != 0, true
	case reflect.Struct:
		return true, true
	}
	return false, false
}

var (
	stringType       = reflect.TypeFor[string]()
	errorType        = reflect.TypeFor[error]()
	stringerType     = reflect.TypeFor[fmt.Stringer]()
	reflectValueType = reflect.TypeFor[reflect.Value]()
	anyType          = reflect.TypeFor[any]()
)
