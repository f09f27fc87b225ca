package interp

import (
	"reflect"
	"unsafe"
)

// This file is gopar's: a notebook keeps each func a cell declares in a
// variable (so that a redefinition reaches earlier callers), and a call
// through a variable called a reflect.MakeFunc value through reflect, about
// three times the cost of calling the func by name. A func declared at
// package level now has one func value, made once, and a call of that
// value runs the declaration directly, as a call by name does
// (closurecall.go).

// topLevelFunc reports whether def is a package-level func declaration,
// whose body reaches no enclosing frame.
func topLevelFunc(def *node) bool {
	return def != nil && def.kind == funcDecl && def.anc != nil && def.anc.kind == fileStmt &&
		len(def.child) > 3 && len(def.child[0].child) == 0 // no receiver
}

// funcValueOf returns the func value of def, made by makeFunc the first
// time.
func (interp *Interpreter) funcValueOf(def *node, f *frame, makeFunc func(*frame) reflect.Value) reflect.Value {
	if v, ok := interp.funcValues.Load(def); ok {
		return v.(reflect.Value)
	}
	v, _ := interp.funcValues.LoadOrStore(def, makeFunc(f))
	return v.(reflect.Value)
}

// funcID identifies a func value: the closure its interface value points
// to, one per reflect.MakeFunc.
func funcID(fv reflect.Value) unsafe.Pointer {
	i := fv.Interface()
	return (*[2]unsafe.Pointer)(unsafe.Pointer(&i))[1]
}

// forgetFuncValue drops the func value of def, a func declaration the
// program forgets (Forget), so that its compiled tree can go.
func (interp *Interpreter) forgetFuncValue(def *node) {
	interp.funcValues.Delete(def)
}
