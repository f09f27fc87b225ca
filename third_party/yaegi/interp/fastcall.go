package interp

import (
	"reflect"
	"unsafe"
)

// This file is gopar's addition to yaegi: calls of compiled funcs with the
// signatures numeric loops use most (rand.Float64, math.Sqrt, cmplx.Abs...)
// run as direct Go calls instead of through reflect.Value.Call, which
// allocates its argument and result slices and costs ~150 ns a call.

// fastCallBin returns the exec of the call node n of the compiled func fn
// when fn's signature is one of the fast ones and every argument has exactly
// the parameter's type, else nil. args are the argument generators callBin
// built; the result goes to the frame slot callBin's generic path uses.
func fastCallBin(n *node, fn reflect.Value, args []func(*frame) reflect.Value, tnext bltn) bltn {
	ft := fn.Type()
	if ft.IsVariadic() || ft.NumOut() != 1 || len(args) != ft.NumIn() || len(n.child)-1 != ft.NumIn() {
		return nil
	}
	for i, c := range n.child[1:] {
		if c.typ == nil || c.typ.cat == valueT && c.typ.rtype == nil || c.typ.TypeOf() != ft.In(i) {
			return nil
		}
	}
	if n.typ == nil || n.typ.TypeOf() != ft.Out(0) {
		return nil
	}
	level, index := n.level, n.findex
	dest := func(f *frame) reflect.Value { return getFrame(f, level).data[index] }

	switch g := fn.Interface().(type) {
	case func() float64:
		return func(f *frame) bltn { dest(f).SetFloat(g()); return tnext }
	case func() int:
		return func(f *frame) bltn { dest(f).SetInt(int64(g())); return tnext }
	case func() int64:
		return func(f *frame) bltn { dest(f).SetInt(g()); return tnext }
	case func(int) int:
		a := args[0]
		return func(f *frame) bltn { dest(f).SetInt(int64(g(int(a(f).Int())))); return tnext }
	case func(int64) int64:
		a := args[0]
		return func(f *frame) bltn { dest(f).SetInt(g(a(f).Int())); return tnext }
	case func(float64) float64:
		a := args[0]
		return func(f *frame) bltn { dest(f).SetFloat(g(a(f).Float())); return tnext }
	case func(float64, float64) float64:
		a, b := args[0], args[1]
		return func(f *frame) bltn { dest(f).SetFloat(g(a(f).Float(), b(f).Float())); return tnext }
	case func(float64) bool:
		a := args[0]
		return func(f *frame) bltn { dest(f).SetBool(g(a(f).Float())); return tnext }
	case func(complex128) float64:
		a := args[0]
		return func(f *frame) bltn { dest(f).SetFloat(g(a(f).Complex())); return tnext }
	case func(complex128) complex128:
		a := args[0]
		return func(f *frame) bltn { dest(f).SetComplex(g(a(f).Complex())); return tnext }
	}
	return nil
}

// gopar: a call of a compiled method with a pointer receiver (mu.Lock(),
// wg.Add(1), wg.Done(), r.Intn(n), counter.Add(1), b.Len()) runs as a
// direct Go call too, for the signatures below whatever the receiver's
// type: the method's func takes the receiver as its first argument, a
// pointer, which is passed like an unsafe.Pointer. Such a call went
// through reflect.Value.Call of the method value, about 250 ns, and its
// large frame grew each goroutine's stack.

// binMethodReceiver returns, for c0, the selector of a compiled method
// of a pointer receiver, the func of the method taking the receiver first
// and what gives the receiver pointer when the call runs; ok is false for
// any other selector. The receiver is found as the selector finds it
// (getIndexBinMethod, getIndexBinPtrMethod).
func binMethodReceiver(c0 *node) (fn reflect.Value, recv func(*frame) unsafe.Pointer, ok bool) {
	if c0.kind != selectorExpr || c0.action != aGetMethod || c0.recv == nil || len(c0.child) != 2 ||
		c0.typ == nil || !c0.typ.isBinMethod {
		return reflect.Value{}, nil, false
	}
	idx, isInt := c0.val.(int)
	rt := c0.child[0].typ
	if !isInt || rt == nil || rt.cat != valueT && rt.cat != ptrT || rt.TypeOf() == nil {
		return reflect.Value{}, nil, false
	}
	t := rt.TypeOf()
	name := c0.child[1].ident
	value := genValue(c0.child[0])
	switch {
	case t.Kind() == reflect.Ptr && rt.cat == valueT || rt.cat == ptrT && t.Kind() == reflect.Ptr && rt.val != nil && rt.val.cat == valueT:
		// The receiver is the pointer (getIndexBinMethod): the index is of
		// its method set, unless the method is the element's own
		// (getIndexBinElemMethod, another index).
		if idx >= t.NumMethod() || t.Method(idx).Name != name {
			return reflect.Value{}, nil, false
		}
		if e := t.Elem(); rt.cat == ptrT {
			if m, ok := e.MethodByName(name); ok && m.Index == idx {
				return reflect.Value{}, nil, false
			}
		}
		recv = func(f *frame) unsafe.Pointer { return value(f).UnsafePointer() }
	case rt.cat == valueT && t.Kind() != reflect.Interface && t.Kind() != reflect.Ptr:
		// A variable whose method has a pointer receiver
		// (getIndexBinPtrMethod): the receiver is its address.
		if _, own := t.MethodByName(name); own {
			return reflect.Value{}, nil, false
		}
		t = reflect.PointerTo(t)
		if idx >= t.NumMethod() || t.Method(idx).Name != name {
			return reflect.Value{}, nil, false
		}
		recv = func(f *frame) unsafe.Pointer { return value(f).Addr().UnsafePointer() }
	default:
		return reflect.Value{}, nil, false
	}
	return t.Method(idx).Func, recv, true
}

// fastCallBinMethod is fastCallBin for c0, the selector of a compiled
// method: the exec of the call node n when the method's receiver is a
// pointer and its signature one of the fast ones, else nil.
func fastCallBinMethod(n *node, c0 *node, args []func(*frame) reflect.Value, tnext bltn) bltn {
	fn, recv, ok := binMethodReceiver(c0)
	if !ok {
		return nil
	}
	ft := fn.Type()
	if ft.IsVariadic() || ft.NumOut() > 1 || ft.NumIn() != len(n.child) || len(args) != ft.NumIn()-1 {
		return nil
	}
	// The signature's kinds after the receiver: "int64 > int64".
	sig := ""
	for i, c := range n.child[1:] {
		pt := ft.In(i + 1)
		if c.typ == nil || c.typ.cat == valueT && c.typ.rtype == nil || c.typ.TypeOf() != pt {
			return nil
		}
		sig += pt.Kind().String() + " "
	}
	sig += ">"
	if ft.NumOut() == 1 {
		if n.typ == nil || n.typ.TypeOf() != ft.Out(0) {
			return nil
		}
		sig += " " + ft.Out(0).Kind().String()
	}
	level, index := n.level, n.findex
	dest := func(f *frame) reflect.Value { return getFrame(f, level).data[index] }
	code := funcID(fn)

	switch sig {
	case ">":
		g := *(*func(unsafe.Pointer))(unsafe.Pointer(&code))
		return func(f *frame) bltn { g(recv(f)); return tnext }
	case "int >":
		g := *(*func(unsafe.Pointer, int))(unsafe.Pointer(&code))
		a := args[0]
		return func(f *frame) bltn { g(recv(f), int(a(f).Int())); return tnext }
	case "int64 >":
		g := *(*func(unsafe.Pointer, int64))(unsafe.Pointer(&code))
		a := args[0]
		return func(f *frame) bltn { g(recv(f), a(f).Int()); return tnext }
	case "> int":
		g := *(*func(unsafe.Pointer) int)(unsafe.Pointer(&code))
		return func(f *frame) bltn { dest(f).SetInt(int64(g(recv(f)))); return tnext }
	case "> int64":
		g := *(*func(unsafe.Pointer) int64)(unsafe.Pointer(&code))
		return func(f *frame) bltn { dest(f).SetInt(g(recv(f))); return tnext }
	case "> float64":
		g := *(*func(unsafe.Pointer) float64)(unsafe.Pointer(&code))
		return func(f *frame) bltn { dest(f).SetFloat(g(recv(f))); return tnext }
	case "> bool":
		g := *(*func(unsafe.Pointer) bool)(unsafe.Pointer(&code))
		return func(f *frame) bltn { dest(f).SetBool(g(recv(f))); return tnext }
	case "> string":
		g := *(*func(unsafe.Pointer) string)(unsafe.Pointer(&code))
		return func(f *frame) bltn { dest(f).SetString(g(recv(f))); return tnext }
	case "int > int":
		g := *(*func(unsafe.Pointer, int) int)(unsafe.Pointer(&code))
		a := args[0]
		return func(f *frame) bltn { dest(f).SetInt(int64(g(recv(f), int(a(f).Int())))); return tnext }
	case "int64 > int64":
		g := *(*func(unsafe.Pointer, int64) int64)(unsafe.Pointer(&code))
		a := args[0]
		return func(f *frame) bltn { dest(f).SetInt(g(recv(f), a(f).Int())); return tnext }
	}
	return nil
}
