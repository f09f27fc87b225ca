package interp

import (
	"reflect"
	"unsafe"
)

// gopar: a func value the interpreter made (a closure held in a variable,
// `inc := func(x int) int { ... }; inc(s)`, or a declared func used as a
// value) is called directly by an interpreted call, as a func by name is:
// it was called through reflect.Value.Call of its reflect.MakeFunc value,
// which cost more than half of such a call. Compiled code still calls the
// func value, which runs the same closure.

// closure is an interpreted func as a func value: the func and the frame
// it runs under. Its call method is what reflect.MakeFunc runs.
type closure struct {
	def *node
	anc *frame
	// topLevel is topLevelFunc(def), asked at every call: its body reaches
	// no enclosing frame.
	topLevel bool
}

// call runs the func with the arguments in, as its func value does.
func (c *closure) call(in []reflect.Value) []reflect.Value {
	_, fr, params := c.enter()
	setArgs(params, c.def, in)
	c.run(fr)
	return fr.data[:len(c.def.typ.ret)]
}

// makeClosure returns the func value of type t running def under anc.
func makeClosure(t reflect.Type, def *node, anc *frame) reflect.Value {
	c := &closure{def: def, anc: anc, topLevel: topLevelFunc(def)}
	return reflect.MakeFunc(t, c.call)
}

// closureLayout is where a closure is found from its func value: the
// context of a reflect.MakeFunc func is reflect's makeFuncImpl, whose
// first word is the code of makeFuncStub and which holds the func given
// to MakeFunc, here the method value c.call: its code, then c. It is
// learnt at start-up from a func value made for the purpose and checked
// there; when anything does not match, func values are called through
// reflect as before.
var closureLayout struct {
	ok    bool
	stub  uintptr // code of reflect's makeFuncStub
	fnOff uintptr // offset of the MakeFunc'd func in makeFuncImpl
	code  uintptr // code of the method value (*closure).call
}

func init() {
	probe := &closure{}
	fn := probe.call
	fv := reflect.MakeFunc(reflect.TypeFor[func()](), fn)
	impl := funcID(fv)
	fnp := *(*unsafe.Pointer)(unsafe.Pointer(&fn))
	if impl == nil || fnp == nil || *(**closure)(unsafe.Add(fnp, unsafe.Sizeof(uintptr(0)))) != probe {
		return
	}
	// makeFuncImpl is seven words on 64-bit systems; the func is last.
	const words = 7
	for i := 1; i < words; i++ {
		off := uintptr(i) * unsafe.Sizeof(uintptr(0))
		if *(*unsafe.Pointer)(unsafe.Add(impl, off)) == fnp {
			closureLayout.stub = *(*uintptr)(impl)
			closureLayout.fnOff = off
			closureLayout.code = *(*uintptr)(fnp)
			closureLayout.ok = true
			break
		}
	}
	// A func value of another kind must not be taken for one.
	if closureLayout.ok && (closureOf(fv) != probe || closureOf(reflect.ValueOf(closureOf)) != nil ||
		closureOf(reflect.MakeFunc(reflect.TypeFor[func()](), func([]reflect.Value) []reflect.Value { return nil })) != nil) {
		closureLayout.ok = false
	}
}

// closureOf returns the closure fv runs, when it is a func value made by
// makeClosure, or nil.
func closureOf(fv reflect.Value) *closure {
	if !closureLayout.ok || !fv.IsValid() || fv.Kind() != reflect.Func || fv.IsNil() {
		return nil
	}
	impl := funcID(fv)
	if impl == nil || *(*uintptr)(impl) != closureLayout.stub {
		return nil
	}
	fnp := *(*unsafe.Pointer)(unsafe.Add(impl, closureLayout.fnOff))
	if fnp == nil || *(*uintptr)(fnp) != closureLayout.code {
		return nil
	}
	return *(**closure)(unsafe.Add(fnp, unsafe.Sizeof(uintptr(0))))
}
