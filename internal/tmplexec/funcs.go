package tmplexec

import (
	"fmt"
	"html/template"
	"reflect"
	"sync"
	"time"
)

// caller calls a function with the words after it and the value piped in
// (final, when has), as text/template's evalCall does.
type caller func(s *state, dot reflect.Value, args []word, final reflect.Value, has bool) (reflect.Value, error)

// function is a function a template can call.
type function struct {
	name string
	// call runs it.
	call caller
	// esc and escString are set for html/template's escapers: the escaped
	// text of a value, and of a plain string.
	esc       func(v reflect.Value) (string, error)
	escString func(s string) (string, error)
}

// newFunction returns the function f of a FuncMap: called without
// reflection when its signature is a common one.
func newFunction(name string, f reflect.Value) *function {
	fn := &function{name: name}
	switch g := f.Interface().(type) {
	case func(string) string:
		fn.call = fast1(g)
	case func(time.Time) string:
		fn.call = fast1(g)
	case func(string) template.HTML:
		fn.call = fast1(g)
	case func(int, string) string:
		fn.call = fast2(g)
	case func(int, int) int:
		fn.call = fast2(g)
	case func(string, any) (template.HTML, error):
		fn.call = fast2e(g)
	case func(string, ...any) (template.HTML, error):
		fn.call = fastFormat(g)
	case func(...any) (map[string]any, error):
		fn.call = fastAnys(g)
	default:
		fn.call = func(s *state, dot reflect.Value, args []word, final reflect.Value, has bool) (reflect.Value, error) {
			return callValue(s, dot, f, args, final, has)
		}
	}
	return fn
}

// argValues evaluates the arguments of a call to a function whose
// parameters are in (the last of them ...variadic when variadic is not
// nil) into out.
func (s *state) argValues(dot reflect.Value, in []reflect.Type, variadic reflect.Type, args []word, final reflect.Value, has bool, out []reflect.Value) ([]reflect.Value, error) {
	n := len(args)
	if has {
		n++
	}
	if variadic == nil && n != len(in) || variadic != nil && n < len(in) {
		return nil, fb()
	}
	for i := range args {
		t := variadic
		if i < len(in) {
			t = in[i]
		}
		v, err := s.arg(dot, t, &args[i])
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	if has {
		t := variadic
		if len(args) < len(in) {
			t = in[len(args)]
		}
		v, err := validateType(final, t)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// get returns v as an A: v has been validated as assignable to A.
func get[A any](v reflect.Value) A {
	if v.CanAddr() && v.Type() == reflect.TypeFor[A]() {
		return *(*A)(v.Addr().UnsafePointer())
	}
	a, _ := v.Interface().(A)
	return a
}

func fast1[A, R any](f func(A) R) caller {
	in := []reflect.Type{reflect.TypeFor[A]()}
	return func(s *state, dot reflect.Value, args []word, final reflect.Value, has bool) (reflect.Value, error) {
		var buf [1]reflect.Value
		a, err := s.argValues(dot, in, nil, args, final, has, buf[:0])
		if err != nil {
			return reflect.Value{}, err
		}
		return reflect.ValueOf(f(get[A](a[0]))), nil
	}
}

func fast2[A, B, R any](f func(A, B) R) caller {
	return fast2e(func(a A, b B) (R, error) { return f(a, b), nil })
}

func fast2e[A, B, R any](f func(A, B) (R, error)) caller {
	in := []reflect.Type{reflect.TypeFor[A](), reflect.TypeFor[B]()}
	return func(s *state, dot reflect.Value, args []word, final reflect.Value, has bool) (reflect.Value, error) {
		var buf [2]reflect.Value
		a, err := s.argValues(dot, in, nil, args, final, has, buf[:0])
		if err != nil {
			return reflect.Value{}, err
		}
		r, err := f(get[A](a[0]), get[B](a[1]))
		if err != nil {
			return reflect.Value{}, fb()
		}
		return reflect.ValueOf(r), nil
	}
}

// fastFormat calls a func(string, ...any): a key and its arguments.
func fastFormat[R any](f func(string, ...any) (R, error)) caller {
	in := []reflect.Type{stringType}
	return func(s *state, dot reflect.Value, args []word, final reflect.Value, has bool) (reflect.Value, error) {
		var buf [4]reflect.Value
		a, err := s.argValues(dot, in, anyType, args, final, has, buf[:0])
		if err != nil {
			return reflect.Value{}, err
		}
		var rest []any
		if len(a) > 1 {
			rest = make([]any, len(a)-1)
			for i, v := range a[1:] {
				rest[i] = get[any](v)
			}
		}
		r, err := f(get[string](a[0]), rest...)
		if err != nil {
			return reflect.Value{}, fb()
		}
		return reflect.ValueOf(r), nil
	}
}

// fastAnys calls a func(...any).
func fastAnys[R any](f func(...any) (R, error)) caller {
	return func(s *state, dot reflect.Value, args []word, final reflect.Value, has bool) (reflect.Value, error) {
		var buf [8]reflect.Value
		a, err := s.argValues(dot, nil, anyType, args, final, has, buf[:0])
		if err != nil {
			return reflect.Value{}, err
		}
		all := make([]any, len(a))
		for i, v := range a {
			all[i] = get[any](v)
		}
		r, err := f(all...)
		if err != nil {
			return reflect.Value{}, fb()
		}
		return reflect.ValueOf(r), nil
	}
}

// callValue calls fun through reflection, as text/template's evalCall
// does.
func callValue(s *state, dot, fun reflect.Value, args []word, final reflect.Value, has bool) (reflect.Value, error) {
	sig := signatureOf(fun.Type())
	if sig == nil {
		return reflect.Value{}, fb()
	}
	argv, err := s.argValues(dot, sig.in, sig.variadic, args, final, has, make([]reflect.Value, 0, len(args)+1))
	if err != nil {
		return reflect.Value{}, err
	}
	out := fun.Call(argv) // a panic ends the run (program.run recovers)
	if len(out) == 2 && !out[1].IsNil() {
		return reflect.Value{}, fb()
	}
	v := out[0]
	if v.Type() == reflectValueType {
		v = v.Interface().(reflect.Value)
	}
	return v, nil
}

// signature is what callValue needs of a function type: its fixed
// parameters and the element type of its variadic one.
type signature struct {
	in       []reflect.Type
	variadic reflect.Type
}

// signatures holds the signature of each function type called so far;
// a nil one is a type text/template cannot call (not one result, or two
// with an error).
var signatures sync.Map

func signatureOf(typ reflect.Type) *signature {
	if s, ok := signatures.Load(typ); ok {
		return s.(*signature)
	}
	var sig *signature
	switch {
	case typ.NumOut() == 1, typ.NumOut() == 2 && typ.Out(1) == errorType:
		sig = &signature{in: make([]reflect.Type, typ.NumIn())}
		for i := range sig.in {
			sig.in[i] = typ.In(i)
		}
		if typ.IsVariadic() {
			sig.variadic = sig.in[len(sig.in)-1].Elem()
			sig.in = sig.in[:len(sig.in)-1]
		}
	}
	signatures.Store(typ, sig)
	return sig
}

// The built-in functions of text/template that the package runs itself;
// the others (call, html, js, slice, urlquery) leave the run to
// html/template.
var builtins = map[string]*function{
	"and":      {name: "and", call: andOr(false)},
	"or":       {name: "or", call: andOr(true)},
	"not":      {name: "not", call: rawArgs(1, 1, notFunc)},
	"len":      {name: "len", call: rawArgs(1, 1, length)},
	"index":    {name: "index", call: rawArgs(1, -1, index)},
	"eq":       {name: "eq", call: rawArgs(1, -1, eqFunc)},
	"ne":       {name: "ne", call: rawArgs(2, 2, neFunc)},
	"lt":       {name: "lt", call: rawArgs(2, 2, compare(func(c int) bool { return c < 0 }))},
	"le":       {name: "le", call: rawArgs(2, 2, compare(func(c int) bool { return c <= 0 }))},
	"gt":       {name: "gt", call: rawArgs(2, 2, compare(func(c int) bool { return c > 0 }))},
	"ge":       {name: "ge", call: rawArgs(2, 2, compare(func(c int) bool { return c >= 0 }))},
	"print":    {name: "print", call: fastAnys(noError(fmt.Sprint))},
	"println":  {name: "println", call: fastAnys(noError(fmt.Sprintln))},
	"printf":   {name: "printf", call: fastFormat(func(f string, a ...any) (string, error) { return fmt.Sprintf(f, a...), nil })},
	"call":     {name: "call", call: leave},
	"html":     {name: "html", call: leave},
	"js":       {name: "js", call: leave},
	"slice":    {name: "slice", call: leave},
	"urlquery": {name: "urlquery", call: leave},
}

// noError is f with no error, for fastAnys.
func noError(f func(...any) string) func(...any) (string, error) {
	return func(a ...any) (string, error) { return f(a...), nil }
}

func leave(*state, reflect.Value, []word, reflect.Value, bool) (reflect.Value, error) {
	return reflect.Value{}, fb()
}

// rawArg evaluates a word given to a built-in whose parameters are
// reflect.Values: the value itself, invalid for nil.
func (s *state) rawArg(dot reflect.Value, w *word) (reflect.Value, error) {
	if w.kind == wNil {
		return reflect.Value{}, nil
	}
	v, err := s.value(dot, w)
	return unwrapValue(v), err
}

// unwrapValue returns the value a reflect.Value holds when v is one: a
// value of type reflect.Value reaches a parameter of that type as it is,
// so a built-in sees (and and/or return) the value it holds.
func unwrapValue(v reflect.Value) reflect.Value {
	if v.IsValid() && v.Type() == reflectValueType {
		return v.Interface().(reflect.Value)
	}
	return v
}

// rawArgs calls f with between lo and hi (-1: any number) raw arguments.
func rawArgs(lo, hi int, f func([]reflect.Value) (reflect.Value, bool)) caller {
	return func(s *state, dot reflect.Value, args []word, final reflect.Value, has bool) (reflect.Value, error) {
		n := len(args)
		if has {
			n++
		}
		if n < lo || hi >= 0 && n > hi {
			return reflect.Value{}, fb()
		}
		var buf [4]reflect.Value
		a := buf[:0]
		for i := range args {
			v, err := s.rawArg(dot, &args[i])
			if err != nil {
				return reflect.Value{}, err
			}
			a = append(a, v)
		}
		if has {
			a = append(a, unwrapValue(final))
		}
		v, ok := f(a)
		if !ok {
			return reflect.Value{}, fb()
		}
		return v, nil
	}
}

func truth(v reflect.Value) bool {
	t, _ := isTrue(indirectInterface(v))
	return t
}

// andOr returns and (or: false) or or, which stop at the first false
// (true) argument and return it.
func andOr(or bool) caller {
	return func(s *state, dot reflect.Value, args []word, final reflect.Value, has bool) (reflect.Value, error) {
		if len(args) == 0 && !has {
			return reflect.Value{}, fb()
		}
		var v reflect.Value
		for i := range args {
			var err error
			if v, err = s.rawArg(dot, &args[i]); err != nil {
				return reflect.Value{}, err
			}
			if truth(v) == or {
				return v, nil
			}
		}
		if has {
			v = unwrapValue(final)
		}
		return v, nil
	}
}

func notFunc(a []reflect.Value) (reflect.Value, bool) {
	return reflect.ValueOf(!truth(a[0])), true
}

func length(a []reflect.Value) (reflect.Value, bool) {
	item, isNil := indirect(a[0])
	if isNil {
		return reflect.Value{}, false
	}
	switch item.Kind() {
	case reflect.Array, reflect.Chan, reflect.Map, reflect.Slice, reflect.String:
		return reflect.ValueOf(item.Len()), true
	}
	return reflect.Value{}, false
}

// index indexes slices and arrays by integers and maps by keys of their
// own type; other cases are left to text/template.
func index(a []reflect.Value) (reflect.Value, bool) {
	item := indirectInterface(a[0])
	if !item.IsValid() {
		return reflect.Value{}, false
	}
	for _, x := range a[1:] {
		x = indirectInterface(x)
		var isNil bool
		if item, isNil = indirect(item); isNil {
			return reflect.Value{}, false
		}
		switch item.Kind() {
		case reflect.Array, reflect.Slice:
			var i int64
			switch x.Kind() {
			case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
				i = x.Int()
			default:
				return reflect.Value{}, false
			}
			if i < 0 || i >= int64(item.Len()) {
				return reflect.Value{}, false
			}
			item = item.Index(int(i))
		case reflect.Map:
			if !x.IsValid() || x.Type() != item.Type().Key() {
				return reflect.Value{}, false
			}
			if v := item.MapIndex(x); v.IsValid() {
				item = v
			} else {
				item = reflect.Zero(item.Type().Elem())
			}
		default:
			return reflect.Value{}, false
		}
	}
	return item, true
}

type basic uint8

const (
	bInvalid basic = iota
	bBool
	bInt
	bUint
	bFloat
	bString
)

func basicKind(v reflect.Value) basic {
	switch v.Kind() {
	case reflect.Bool:
		return bBool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return bInt
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return bUint
	case reflect.Float32, reflect.Float64:
		return bFloat
	case reflect.String:
		return bString
	}
	return bInvalid
}

// equal compares two values of the same basic kind; ok is false for any
// other pair, left to text/template.
func equal(x, y reflect.Value) (eq, ok bool) {
	kx, ky := basicKind(x), basicKind(y)
	if kx != ky || kx == bInvalid {
		return false, false
	}
	switch kx {
	case bBool:
		return x.Bool() == y.Bool(), true
	case bInt:
		return x.Int() == y.Int(), true
	case bUint:
		return x.Uint() == y.Uint(), true
	case bFloat:
		return x.Float() == y.Float(), true
	}
	return x.String() == y.String(), true
}

func eqFunc(a []reflect.Value) (reflect.Value, bool) {
	if len(a) < 2 {
		return reflect.Value{}, false
	}
	x := indirectInterface(a[0])
	for _, y := range a[1:] {
		e, ok := equal(x, indirectInterface(y))
		if !ok {
			return reflect.Value{}, false
		}
		if e {
			return reflect.ValueOf(true), true
		}
	}
	return reflect.ValueOf(false), true
}

func neFunc(a []reflect.Value) (reflect.Value, bool) {
	e, ok := equal(indirectInterface(a[0]), indirectInterface(a[1]))
	return reflect.ValueOf(!e), ok
}

// compare returns lt, le, gt or ge for values of the same basic kind
// other than bool.
func compare(holds func(int) bool) func([]reflect.Value) (reflect.Value, bool) {
	return func(a []reflect.Value) (reflect.Value, bool) {
		x, y := indirectInterface(a[0]), indirectInterface(a[1])
		kx, ky := basicKind(x), basicKind(y)
		if kx != ky || kx == bInvalid || kx == bBool {
			return reflect.Value{}, false
		}
		c := 0
		switch kx {
		case bInt:
			c = cmp3(x.Int(), y.Int())
		case bUint:
			c = cmp3(x.Uint(), y.Uint())
		case bFloat:
			xf, yf := x.Float(), y.Float()
			if xf != xf || yf != yf {
				return reflect.Value{}, false // NaN: left to text/template
			}
			c = cmp3(xf, yf)
		case bString:
			c = cmp3(x.String(), y.String())
		}
		return reflect.ValueOf(holds(c)), true
	}
}

func cmp3[T int64 | uint64 | float64 | string](x, y T) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}
