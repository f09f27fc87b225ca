package interp

import (
	"reflect"
	"unsafe"
)

// gopar: a func literal called where it is written (`go func() { ... }()`,
// which gopar's lowering makes of every go statement, and `func() { ...
// }()`) runs directly, as a declared func does: it was made into a func
// value (reflect.MakeFunc) and called through reflect, which also made a
// new goroutine grow its stack at once. The literal still makes its func
// value, for anything else that reads its slot; the frame it captures is
// handed to its call through the frame both run in, checked against the
// func value the call is about to call.

// litUse tells how a func literal is run.
type litUse uint8

const (
	litValue    litUse = iota // through its func value
	litCalled                 // directly, by the call it is the func of
	litDeferred               // directly, by the deferred call of a defer statement
	litGo                     // directly, by a go statement (golit.go)
)

// litFrame is a func literal made for its call: the literal, its func
// value and the frame it captured.
type litFrame struct {
	n  *node
	id unsafe.Pointer // funcID of its func value
	fr *frame
}

// immediatelyCalled reports whether the func literal n is the func of a
// call compiled by call, outside a defer statement.
func immediatelyCalled(n *node) bool {
	return n.kind == funcLit && n.anc != nil && n.anc.kind == callExpr &&
		len(n.anc.child) > 0 && n.anc.child[0] == n &&
		(n.anc.anc == nil || n.anc.anc.kind != deferStmt)
}

// pushLit records, in f, the frame captured by the func literal n whose
// value is fv. The caller holds f.mutex.
func (f *frame) pushLit(n *node, fv reflect.Value, fr *frame) {
	f.lits = append(f.lits, litFrame{n: n, id: funcID(fv), fr: fr})
}

// popLit returns the frame captured by the literal n if fv is its value,
// made last in f, and nil otherwise; either way the literal's entry goes,
// so that the entries cannot pile up in a loop. The caller holds f.mutex.
func (f *frame) popLit(n *node, fv reflect.Value) *frame {
	k := len(f.lits) - 1
	if k < 0 || f.lits[k].n != n {
		return nil
	}
	e := f.lits[k]
	f.lits[k] = litFrame{}
	f.lits = f.lits[:k]
	if e.id != funcID(fv) {
		return nil
	}
	return e.fr
}

// gopar: a deferred func literal runs directly too. Each defer statement
// of a literal made a func value (reflect.MakeFunc) and the deferred call
// ran it through reflect. Deferred calls are made in every goroutine
// (gopar's lowering defers a recover in each), and reflect's call needs a
// large Go stack, which a new goroutine grew by copying. The deferred call
// keeps the literal and the frame it captured; the Go stack between the
// runner of deferred calls and the literal's body holds the same
// interpreted calls as before, which is what recover looks for
// (recoverdefer.go).

// deferredLit is a deferred call of a func literal, made by a defer
// statement: the literal and the frame it captured.
type deferredLit struct {
	*litDefer
	anc *frame
}

// litDefer is what the deferred calls of one literal share.
type litDefer struct {
	litCapture
	def    *node
	params []reflect.Type // the parameter types a reflect call converts to
	thunk  bool           // a defer thunk (recoverdefer.go)
	guard  bool           // a recover guard (golit.go)
}

var deferredLitType = reflect.TypeFor[*deferredLit]()

// newLitDefer returns what a defer statement of the literal def needs to
// call it directly, or nil for a variadic literal, whose arguments a
// reflect call collects.
func newLitDefer(def *node) *litDefer {
	ft := def.typ.TypeOf()
	if ft.Kind() != reflect.Func || ft.IsVariadic() || ft.NumIn() != len(def.typ.arg) {
		return nil
	}
	d := &litDefer{def: def, thunk: isDeferThunk(def), guard: isRecoverGuard(def)}
	for i := range ft.NumIn() {
		d.params = append(d.params, ft.In(i))
	}
	return d
}

// call runs the deferred literal with the arguments the defer statement
// evaluated, as its func value would (genFunctionWrapper).
func (d *deferredLit) call(in []reflect.Value) {
	def := d.def
	fr := def.newCallFrame(d.anc, def.interp.runid())
	for i, arg := range in {
		if pt := d.params[i]; arg.Type() != pt {
			// What reflect's call does with an argument of another type.
			v := reflect.New(pt).Elem()
			v.Set(arg)
			in[i] = v
		}
	}
	setArgs(fr.data[len(def.typ.ret):], def, in)
	start := def.child[3].start
	if d.thunk {
		runDeferThunk(start, fr, def, def)
	} else {
		runCfg(start, fr, def, def)
	}
}

// deferredLitOf returns the deferred literal call v holds, or nil.
func deferredLitOf(v reflect.Value) *deferredLit {
	if v.Type() != deferredLitType {
		return nil
	}
	return v.Interface().(*deferredLit)
}

// setArgs sets d, a new frame's parameter slots, to the arguments in of a
// call of def through its func value.
func setArgs(d []reflect.Value, def *node, in []reflect.Value) {
	for i, arg := range in {
		if i >= len(d) {
			// In case of unused arg, there may be not even a frame entry allocated, just skip.
			break
		}
		typ := def.typ.arg[i]
		switch {
		case isEmptyInterface(typ) || typ.TypeOf() == valueInterfaceType:
			d[i].Set(arg)
		case isInterfaceSrc(typ):
			d[i].Set(reflect.ValueOf(valueInterface{value: arg.Elem()}))
		default:
			d[i].Set(arg)
		}
	}
}
