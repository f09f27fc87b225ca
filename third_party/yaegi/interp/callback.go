package interp

import "reflect"

// gopar: an interpreted func handed to compiled code that calls it back
// (sort.Slice's less, strings.FieldsFunc's test, sort.Search's
// predicate) is, for the signatures such code takes most, a Go func of
// that signature that runs the func directly. Its reflect.MakeFunc value
// made reflect lay out the arguments in and the results out, as
// reflect.Values, at every call.

// typedCallback returns value, made a Go func of type t when t is such a
// signature and the value a func the interpreter made.
func typedCallback(value func(*frame) reflect.Value, t reflect.Type) func(*frame) reflect.Value {
	mk := callbackMaker(t)
	if mk == nil {
		return value
	}
	return func(f *frame) reflect.Value {
		v := value(f)
		c := closureOf(v)
		if c == nil || c.def.interp.debugger != nil || c.def.typ == nil || len(c.def.typ.ret) != t.NumOut() {
			return v
		}
		return mk(c)
	}
}

// enter makes the frame of a call of c, and returns it with its params.
func (c *closure) enter() (*slotLayout, *frame, []reflect.Value) {
	def := c.def
	l := def.slotLayout()
	// The current run id, as closure.call (see genFunctionWrapper).
	fr := l.frame(c.anc, def.interp.runid())
	return l, fr, fr.data[len(def.typ.ret):]
}

// run runs the call of c in fr, made by enter.
func (c *closure) run(fr *frame) {
	runCfg(c.def.child[3].start, fr, c.def, c.def)
}

var (
	funcIntIntBool = reflect.TypeFor[func(int, int) bool]()
	funcIntBool    = reflect.TypeFor[func(int) bool]()
	funcRuneBool   = reflect.TypeFor[func(rune) bool]()
	funcRuneRune   = reflect.TypeFor[func(rune) rune]()
)

// callbackMaker returns what makes a Go func of type t from a closure, or
// nil when t is not one of the signatures above.
func callbackMaker(t reflect.Type) func(c *closure) reflect.Value {
	switch t {
	case funcIntIntBool:
		return intIntBoolCallback
	case funcIntBool:
		return intBoolCallback
	case funcRuneBool:
		return runeBoolCallback
	case funcRuneRune:
		return runeRuneCallback
	}
	return nil
}

func intIntBoolCallback(c *closure) reflect.Value {
	return reflect.ValueOf(func(i, j int) bool {
		l, fr, in := c.enter()
		in[0].SetInt(int64(i))
		in[1].SetInt(int64(j))
		c.run(fr)
		r := fr.data[0].Bool()
		l.release(c.def, fr)
		return r
	})
}

func intBoolCallback(c *closure) reflect.Value {
	return reflect.ValueOf(func(i int) bool {
		l, fr, in := c.enter()
		in[0].SetInt(int64(i))
		c.run(fr)
		r := fr.data[0].Bool()
		l.release(c.def, fr)
		return r
	})
}

func runeBoolCallback(c *closure) reflect.Value {
	return reflect.ValueOf(func(r rune) bool {
		l, fr, in := c.enter()
		in[0].SetInt(int64(r))
		c.run(fr)
		b := fr.data[0].Bool()
		l.release(c.def, fr)
		return b
	})
}

func runeRuneCallback(c *closure) reflect.Value {
	return reflect.ValueOf(func(r rune) rune {
		l, fr, in := c.enter()
		in[0].SetInt(int64(r))
		c.run(fr)
		m := rune(fr.data[0].Int())
		l.release(c.def, fr)
		return m
	})
}

// paramOf is the type of the i-th parameter of the func type t, or nil
// for one of its variadic arguments.
func paramOf(t reflect.Type, i int) reflect.Type {
	if i >= t.NumIn() || t.IsVariadic() && i >= t.NumIn()-1 {
		return nil
	}
	return t.In(i)
}
