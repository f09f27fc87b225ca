package interp

import (
	"reflect"
	"unsafe"
)

// This file is gopar's: p.Move(1), a call of an interpreted method, made a
// func value of the method bound to p (genFunctionWrapper: a node copy and
// a reflect.MakeFunc) at every call and called it through reflect, which
// made a method call several times slower than a func call. Such a call
// now runs the method like a func, its receiver in the frame slot before
// the parameters, set as the bound func set it. A call through a program's
// interface finds the method when it runs, without making a func value,
// and remembers it for the next value of the same type.

// markDirectCall marks the method selector of call, a call expression, for
// the call to run directly: a method declared in the program, called on a
// receiver value, neither deferred nor started as a goroutine (those keep
// the bound func value they evaluate at the statement).
func markDirectCall(call *node) {
	c0 := call.child[0]
	if c0.kind != selectorExpr || c0.action != aGetMethod && c0.action != aMethod || call.action == aCallSlice {
		return
	}
	switch call.anc.kind {
	case deferStmt, goStmt:
		return
	}
	if m, ok := c0.val.(*node); ok {
		// A method of the receiver's type.
		if c0.action == aGetMethod && c0.recv != nil && c0.recv.node != nil && m.kind == funcDecl && len(m.child) > 3 {
			c0.directCall = true
		}
		return
	}
	if c0.recv == nil && isInterfaceSrc(c0.child[0].typ) {
		// A method of a program's interface: the value's method, found when
		// the call runs (ifaceMethodOf).
		c0.directCall = true
	}
}

// methodReceiver is a method's receiver: recv through the embedded
// fields of the path index.
func methodReceiver(recv reflect.Value, index []int) reflect.Value {
	r := recv
	for _, i := range index {
		if r.Kind() == reflect.Ptr {
			r = r.Elem()
		}
		r = r.Field(i)
		if vi, ok := asValueInterface(r); ok {
			r = vi.value
		}
	}
	return r
}

// foundMethod is the method a call through an interface found for values
// of a program's type typ held as values of the reflect type rt.
type foundMethod struct {
	typ *itype
	rt  reflect.Type
	m   *node
	li  []int
}

// asValueInterface returns the interface value v holds, without the
// allocation of Interface for a frame slot or variable, or for a value
// that cannot be one (gopar: asked of every receiver and every value
// made an interface, Interface copied each struct or number).
func asValueInterface(v reflect.Value) (valueInterface, bool) {
	if !v.IsValid() {
		return valueInterface{}, false
	}
	switch v.Kind() {
	case reflect.Struct:
		if v.Type() != valueInterfaceType {
			return valueInterface{}, false
		}
		if v.CanAddr() {
			return *(*valueInterface)(unsafe.Pointer(v.UnsafeAddr())), true
		}
	case reflect.Interface:
	default:
		return valueInterface{}, false
	}
	if !v.CanInterface() {
		return valueInterface{}, false
	}
	vi, ok := v.Interface().(valueInterface)
	return vi, ok
}

// setReceiver sets dest, a method's receiver slot, from src, the receiver
// value: through yaegi's interface boxes, dereferenced or addressed as the
// method's receiver type needs.
func setReceiver(dest, src reflect.Value) {
	for {
		vs, ok := asValueInterface(src)
		if !ok {
			break
		}
		src = vs.value
	}
	sk, dk := src.Kind(), dest.Kind()
	switch {
	case sk == reflect.Ptr && dk != reflect.Ptr:
		dest.Set(src.Elem())
	case sk != reflect.Ptr && dk == reflect.Ptr:
		dest.Set(src.Addr())
	default:
		setValue(dest, src)
	}
}

// boundReceiver is the receiver a method value of the method def binds
// when it is made from src: the variable's address for a method with a
// pointer receiver (its calls change the variable), a copy of the value
// for one with a value receiver.
func boundReceiver(src reflect.Value, def *node) reflect.Value {
	for src.IsValid() {
		vs, ok := asValueInterface(src)
		if !ok {
			break
		}
		src = vs.value
	}
	if !src.IsValid() || !src.CanAddr() {
		return src
	}
	if ptrReceiver(def) && src.Kind() != reflect.Ptr {
		return src.Addr()
	}
	return copyValue(src)
}

// ptrReceiver reports whether the method def has a pointer receiver.
func ptrReceiver(def *node) bool {
	t := receiverType(def)
	return t != nil && t.kind == starExpr
}
