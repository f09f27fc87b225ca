package interp

import (
	"reflect"
	"unsafe"
)

// This file is gopar's addition to yaegi: calls of compiled funcs and
// methods with the signatures ordinary code uses most (math.Sqrt,
// rand.Float64, strconv.Itoa, strings.HasPrefix, strconv.Atoi, a
// strings.Builder's WriteString, a bufio.Writer's WriteByte, mu.Lock...)
// run as direct Go calls instead of through reflect.Value.Call, which
// allocates its argument and result slices and costs 150-400 ns a call.
// Their results go where reflect's would have gone: the call's frame
// slots, the variables of a multiple assignment, the results of the
// enclosing func for a return, and a bool result decides a branch.

// binOut gives the variable a result of a fast call is stored in; nil for
// a result assigned to "_".
type binOut func(*frame) reflect.Value

var errorRType = reflect.TypeOf((*error)(nil)).Elem()

// binArgsMatch reports whether every argument of the call node n has
// exactly the type of its parameter of ft, from ft's parameter first on
// (1 after a method's receiver), and is given by its generator in args as
// a value of that type.
func binArgsMatch(n *node, ft reflect.Type, first int, args []func(*frame) reflect.Value) bool {
	if ft.IsVariadic() || ft.NumIn()-first != len(n.child)-1 || len(args) != len(n.child)-1 {
		return false
	}
	for i, c := range n.child[1:] {
		pt := ft.In(first + i)
		if c.rval.IsValid() && c.rval.Type() == pt {
			// A constant converted to the parameter's type ('\n' as a byte).
			continue
		}
		if c.typ == nil || c.typ.cat == valueT && c.typ.rtype == nil || isInterfaceSrc(c.typ) || c.typ.TypeOf() != pt {
			return false
		}
	}
	return true
}

// binOuts returns where the results of the call node n of a compiled func
// of type ft go, as callBin's generic path stores them, or ok false when
// one of them is not a variable of exactly the result's type (a result
// stored in an interface, a map element, a field).
func binOuts(n, c0 *node, ft reflect.Type) (outs []binOut, ok bool) {
	nout := ft.NumOut()
	outs = make([]binOut, nout)
	switch n.anc.action {
	case aAssignX:
		// a, err := f(): the results go to the variables on the left.
		a := n.anc
		if len(a.child) != nout+1 || a.child[nout] != n {
			return nil, false
		}
		for i := range outs {
			c := a.child[i]
			if c.ident == "_" {
				continue
			}
			if c.kind != identExpr || c.typ == nil || isInterfaceSrc(c.typ) || c.typ.TypeOf() != ft.Out(i) {
				return nil, false
			}
			if a.kind == defineXStmt && !c.redeclared {
				// A new variable each time the definition runs, as
				// callBin makes it (a closure may hold the previous one).
				level, index := c.level, c.findex
				outs[i] = func(f *frame) reflect.Value {
					data := getFrame(f, level).data
					data[index] = reflect.New(data[index].Type()).Elem()
					return data[index]
				}
				continue
			}
			outs[i] = binOut(genValue(c))
		}
	case aReturn:
		// return f(): the results are the enclosing func's.
		def, _ := n.anc.val.(*node)
		b := childPos(n)
		if def == nil || def.typ == nil || b < 0 || b+nout > len(def.typ.ret) {
			return nil, false
		}
		for i := range outs {
			rt := def.typ.ret[b+i]
			if rt == nil || isInterfaceSrc(rt) || rt.TypeOf() != ft.Out(i) {
				return nil, false
			}
			index := b + i
			outs[i] = func(f *frame) reflect.Value { return f.data[index] }
		}
	default:
		// The call's own frame slots, where its value is read from.
		if nout == 0 {
			return outs, true
		}
		if n.anc.kind == exprStmt && enclosingFunc(n) != nil {
			// A call made for what it does, in a func: nothing reads its
			// results (b.WriteString(s) stored an int and an error).
			return outs, true
		}
		if n.typ == nil || isInterfaceSrc(n.typ) || n.typ.TypeOf() != ft.Out(0) {
			return nil, false
		}
		if fun := c0.typ.val; fun != nil && fun.cat == funcT {
			if len(fun.ret) != nout {
				return nil, false
			}
			for i, rt := range fun.ret {
				if rt == nil || isInterfaceSrc(rt) || rt.TypeOf() != ft.Out(i) {
					return nil, false
				}
			}
		}
		level := n.level
		for i := range outs {
			index := n.findex + i
			outs[i] = func(f *frame) reflect.Value { return getFrame(f, level).data[index] }
		}
	}
	return outs, true
}

// The setters store a result of a fast call in its variable.

func setInt(d reflect.Value, v int)         { d.SetInt(int64(v)) }
func setInt64(d reflect.Value, v int64)     { d.SetInt(v) }
func setInt32(d reflect.Value, v int32)     { d.SetInt(int64(v)) }
func setFloat64(d reflect.Value, v float64) { d.SetFloat(v) }
func setComplex(d reflect.Value, v complex128) {
	d.SetComplex(v)
}
func setBool(d reflect.Value, v bool)     { d.SetBool(v) }
func setString(d reflect.Value, v string) { d.SetString(v) }
func setBytes(d reflect.Value, v []byte)  { d.SetBytes(v) }
func setStrings(d reflect.Value, v []string) {
	if d.CanAddr() {
		*(*[]string)(d.Addr().UnsafePointer()) = v
		return
	}
	d.Set(reflect.ValueOf(v))
}

// setError stores an error: nil is the interface's zero, as a compiled
// call leaves it.
func setError(d reflect.Value, v error) {
	if v == nil {
		d.SetZero()
		return
	}
	setErrorValue(d, v)
}

// setErrorValue is setError of an error that is not nil, apart so that
// only this path moves the error to the heap.
//
//go:noinline
func setErrorValue(d reflect.Value, v error) {
	d.Set(reflect.ValueOf(&v).Elem())
}

// setPointer returns the setter of a result of the pointer type t.
func setPointer(t reflect.Type) func(reflect.Value, unsafe.Pointer) {
	e := t.Elem()
	return func(d reflect.Value, p unsafe.Pointer) { d.Set(reflect.NewAt(e, p)) }
}

// exec0, exec1 and exec2 make the exec of a fast call of no, one and two
// results: call runs the compiled func, the setters store its results
// where outs says (none for "_"). A bool result with fnext decides the
// branch, as a condition.

func exec0(call func(*frame), tnext bltn) bltn {
	return func(f *frame) bltn { call(f); return tnext }
}

func exec1[R any](call func(*frame) R, set func(reflect.Value, R), outs []binOut, tnext bltn) bltn {
	d := outs[0]
	if d == nil {
		return func(f *frame) bltn { call(f); return tnext }
	}
	return func(f *frame) bltn {
		r := call(f)
		set(d(f), r)
		return tnext
	}
}

func exec2[R1, R2 any](call func(*frame) (R1, R2), set1 func(reflect.Value, R1), set2 func(reflect.Value, R2), outs []binOut, tnext bltn) bltn {
	d1, d2 := outs[0], outs[1]
	return func(f *frame) bltn {
		r1, r2 := call(f)
		if d1 != nil {
			set1(d1(f), r1)
		}
		if d2 != nil {
			set2(d2(f), r2)
		}
		return tnext
	}
}

func execBool(call func(*frame) bool, outs []binOut, tnext, fnext bltn) bltn {
	if fnext == nil {
		return exec1(call, setBool, outs, tnext)
	}
	d := outs[0]
	return func(f *frame) bltn {
		r := call(f)
		d(f).SetBool(r)
		if r {
			return tnext
		}
		return fnext
	}
}

// fastCallBin returns the exec of the call node n of the compiled func fn
// when fn's signature is one of the fast ones and every argument has exactly
// the parameter's type, else nil. args are the argument generators callBin
// built; the results go where callBin's generic path stores them.
func fastCallBin(n *node, c0 *node, fn reflect.Value, args []func(*frame) reflect.Value, tnext, fnext bltn) bltn {
	ft := fn.Type()
	if !binArgsMatch(n, ft, 0, args) {
		return nil
	}
	outs, ok := binOuts(n, c0, ft)
	if !ok {
		return nil
	}
	if fnext != nil && (ft.NumOut() != 1 || ft.Out(0).Kind() != reflect.Bool || outs[0] == nil) {
		return nil
	}
	var a, b func(*frame) reflect.Value
	if len(args) > 0 {
		a = args[0]
	}
	if len(args) > 1 {
		b = args[1]
	}

	switch g := fn.Interface().(type) {
	case func(float64) bool:
		return execBool(func(f *frame) bool { return g(a(f).Float()) }, outs, tnext, fnext)
	case func(rune) bool:
		return execBool(func(f *frame) bool { return g(rune(a(f).Int())) }, outs, tnext, fnext)
	case func(string, string) bool:
		return execBool(func(f *frame) bool { return g(a(f).String(), b(f).String()) }, outs, tnext, fnext)
	}
	if fnext != nil {
		return nil
	}
	switch g := fn.Interface().(type) {
	case func() float64:
		return exec1(func(*frame) float64 { return g() }, setFloat64, outs, tnext)
	case func() int:
		return exec1(func(*frame) int { return g() }, setInt, outs, tnext)
	case func() int64:
		return exec1(func(*frame) int64 { return g() }, setInt64, outs, tnext)
	case func(int) int:
		return exec1(func(f *frame) int { return g(int(a(f).Int())) }, setInt, outs, tnext)
	case func(int64) int64:
		return exec1(func(f *frame) int64 { return g(a(f).Int()) }, setInt64, outs, tnext)
	case func(float64) float64:
		return exec1(func(f *frame) float64 { return g(a(f).Float()) }, setFloat64, outs, tnext)
	case func(float64, float64) float64:
		return exec1(func(f *frame) float64 { return g(a(f).Float(), b(f).Float()) }, setFloat64, outs, tnext)
	case func(complex128) float64:
		return exec1(func(f *frame) float64 { return g(a(f).Complex()) }, setFloat64, outs, tnext)
	case func(complex128) complex128:
		return exec1(func(f *frame) complex128 { return g(a(f).Complex()) }, setComplex, outs, tnext)
	case func(int) string: // strconv.Itoa
		return exec1(func(f *frame) string { return g(int(a(f).Int())) }, setString, outs, tnext)
	case func(int64, int) string: // strconv.FormatInt
		return exec1(func(f *frame) string { return g(a(f).Int(), int(b(f).Int())) }, setString, outs, tnext)
	case func(string) string: // strings.ToUpper, strings.TrimSpace
		return exec1(func(f *frame) string { return g(a(f).String()) }, setString, outs, tnext)
	case func(string) int: // utf8.RuneCountInString
		return exec1(func(f *frame) int { return g(a(f).String()) }, setInt, outs, tnext)
	case func(string, string) int: // strings.Index, strings.Count
		return exec1(func(f *frame) int { return g(a(f).String(), b(f).String()) }, setInt, outs, tnext)
	case func(string, string) string: // strings.TrimPrefix
		return exec1(func(f *frame) string { return g(a(f).String(), b(f).String()) }, setString, outs, tnext)
	case func(string, int) string: // strings.Repeat
		return exec1(func(f *frame) string { return g(a(f).String(), int(b(f).Int())) }, setString, outs, tnext)
	case func(rune) rune: // unicode.ToUpper
		return exec1(func(f *frame) rune { return g(rune(a(f).Int())) }, setInt32, outs, tnext)
	case func(string) []string: // strings.Fields
		return exec1(func(f *frame) []string { return g(a(f).String()) }, setStrings, outs, tnext)
	case func(string, string) []string: // strings.Split
		return exec1(func(f *frame) []string { return g(a(f).String(), b(f).String()) }, setStrings, outs, tnext)
	case func(string) (int, error): // strconv.Atoi
		return exec2(func(f *frame) (int, error) { return g(a(f).String()) }, setInt, setError, outs, tnext)
	case func(string) error: // errors.New
		return exec1(func(f *frame) error { return g(a(f).String()) }, setError, outs, tnext)
	}
	// A pointer result, of whatever type: the func is called as one giving
	// an unsafe.Pointer.
	if ft.NumIn() != 1 || ft.NumOut() != 1 || ft.Out(0).Kind() != reflect.Ptr {
		return nil
	}
	code := funcID(fn)
	p := unsafe.Pointer(&code)
	switch ft.In(0).Kind() {
	case reflect.Int64: // big.NewInt
		g := *(*func(int64) unsafe.Pointer)(p)
		return exec1(func(f *frame) unsafe.Pointer { return g(a(f).Int()) }, setPointer(ft.Out(0)), outs, tnext)
	case reflect.String: // strings.NewReader
		g := *(*func(string) unsafe.Pointer)(p)
		return exec1(func(f *frame) unsafe.Pointer { return g(a(f).String()) }, setPointer(ft.Out(0)), outs, tnext)
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
		c0.typ == nil || !c0.typ.isBinMethod && (c0.typ.recv == nil || !c0.typ.recv.isBinMethod) {
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
		recv = func(f *frame) unsafe.Pointer { return unsafe.Pointer(value(f).UnsafeAddr()) }
	default:
		return reflect.Value{}, nil, false
	}
	return t.Method(idx).Func, recv, true
}

// binKind names t in the signatures of fastCallBinMethod: its kind, error
// for the error interface, []byte, ptr for any pointer; "" for a type no
// signature has.
func binKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Interface:
		if t == errorRType {
			return "error"
		}
		return ""
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return "[]byte"
		}
		return ""
	case reflect.Ptr:
		return "ptr"
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Uint8, reflect.Float64, reflect.Bool, reflect.String:
		return t.Kind().String()
	}
	return ""
}

// fastCallBinMethod is fastCallBin for c0, the selector of a compiled
// method: the exec of the call node n when the method's receiver is a
// pointer and its signature one of the fast ones, else nil. The selector's
// own step, which made the method value (reflect.Value.Method) the call
// no longer uses, then does nothing.
func fastCallBinMethod(n *node, c0 *node, args []func(*frame) reflect.Value, tnext, fnext bltn) bltn {
	exec := fastBinMethodExec(n, c0, args, tnext, fnext)
	if exec != nil && c0.exec == nil {
		c0.gen = nop // which the step before goes over (getExec)
	}
	return exec
}

// fastBinMethodExec is the exec of fastCallBinMethod.
func fastBinMethodExec(n *node, c0 *node, args []func(*frame) reflect.Value, tnext, fnext bltn) bltn {
	fn, recv, ok := binMethodReceiver(c0)
	if !ok {
		return nil
	}
	ft := fn.Type()
	if !binArgsMatch(n, ft, 1, args) {
		return nil
	}
	outs, ok := binOuts(n, c0, ft)
	if !ok {
		return nil
	}
	// The signature's kinds after the receiver: "string > int error".
	sig := ""
	for i := 1; i < ft.NumIn(); i++ {
		k := binKind(ft.In(i))
		if k == "" {
			return nil
		}
		sig += k + " "
	}
	sig += ">"
	for i := 0; i < ft.NumOut(); i++ {
		k := binKind(ft.Out(i))
		if k == "" {
			return nil
		}
		sig += " " + k
	}
	if fnext != nil && (sig != "> bool" || outs[0] == nil) {
		return nil
	}
	var a, b func(*frame) reflect.Value
	if len(args) > 0 {
		a = args[0]
	}
	if len(args) > 1 {
		b = args[1]
	}
	code := funcID(fn)
	p := unsafe.Pointer(&code)

	switch sig {
	case ">":
		g := *(*func(unsafe.Pointer))(p)
		return exec0(func(f *frame) { g(recv(f)) }, tnext)
	case "int >": // sync.WaitGroup.Add, strings.Builder.Grow
		g := *(*func(unsafe.Pointer, int))(p)
		return exec0(func(f *frame) { g(recv(f), int(a(f).Int())) }, tnext)
	case "int64 >":
		g := *(*func(unsafe.Pointer, int64))(p)
		return exec0(func(f *frame) { g(recv(f), a(f).Int()) }, tnext)
	case "> int": // Len
		g := *(*func(unsafe.Pointer) int)(p)
		return exec1(func(f *frame) int { return g(recv(f)) }, setInt, outs, tnext)
	case "> int64":
		g := *(*func(unsafe.Pointer) int64)(p)
		return exec1(func(f *frame) int64 { return g(recv(f)) }, setInt64, outs, tnext)
	case "> float64":
		g := *(*func(unsafe.Pointer) float64)(p)
		return exec1(func(f *frame) float64 { return g(recv(f)) }, setFloat64, outs, tnext)
	case "> bool": // bufio.Scanner.Scan
		g := *(*func(unsafe.Pointer) bool)(p)
		return execBool(func(f *frame) bool { return g(recv(f)) }, outs, tnext, fnext)
	case "> string": // String, bufio.Scanner.Text
		g := *(*func(unsafe.Pointer) string)(p)
		return exec1(func(f *frame) string { return g(recv(f)) }, setString, outs, tnext)
	case "> []byte": // bytes.Buffer.Bytes
		g := *(*func(unsafe.Pointer) []byte)(p)
		return exec1(func(f *frame) []byte { return g(recv(f)) }, setBytes, outs, tnext)
	case "> error": // bufio.Writer.Flush
		g := *(*func(unsafe.Pointer) error)(p)
		return exec1(func(f *frame) error { return g(recv(f)) }, setError, outs, tnext)
	case "int > int": // rand.Rand.Intn
		g := *(*func(unsafe.Pointer, int) int)(p)
		return exec1(func(f *frame) int { return g(recv(f), int(a(f).Int())) }, setInt, outs, tnext)
	case "int64 > int64": // atomic.Int64.Add
		g := *(*func(unsafe.Pointer, int64) int64)(p)
		return exec1(func(f *frame) int64 { return g(recv(f), a(f).Int()) }, setInt64, outs, tnext)
	case "string > int error": // WriteString
		g := *(*func(unsafe.Pointer, string) (int, error))(p)
		return exec2(func(f *frame) (int, error) { return g(recv(f), a(f).String()) }, setInt, setError, outs, tnext)
	case "uint8 > error": // WriteByte
		g := *(*func(unsafe.Pointer, byte) error)(p)
		return exec1(func(f *frame) error { return g(recv(f), byte(a(f).Uint())) }, setError, outs, tnext)
	case "int32 > int error": // WriteRune
		g := *(*func(unsafe.Pointer, rune) (int, error))(p)
		return exec2(func(f *frame) (int, error) { return g(recv(f), rune(a(f).Int())) }, setInt, setError, outs, tnext)
	case "[]byte > int error": // Write
		g := *(*func(unsafe.Pointer, []byte) (int, error))(p)
		return exec2(func(f *frame) (int, error) { return g(recv(f), a(f).Bytes()) }, setInt, setError, outs, tnext)
	case "ptr > int": // big.Int.Cmp
		g := *(*func(unsafe.Pointer, unsafe.Pointer) int)(p)
		return exec1(func(f *frame) int { return g(recv(f), a(f).UnsafePointer()) }, setInt, outs, tnext)
	case "ptr > ptr": // big.Int.Set, big.Int.Neg
		g := *(*func(unsafe.Pointer, unsafe.Pointer) unsafe.Pointer)(p)
		return exec1(func(f *frame) unsafe.Pointer { return g(recv(f), a(f).UnsafePointer()) }, setPointer(ft.Out(0)), outs, tnext)
	case "ptr ptr > ptr": // big.Int.Add, big.Int.Mul
		g := *(*func(unsafe.Pointer, unsafe.Pointer, unsafe.Pointer) unsafe.Pointer)(p)
		return exec1(func(f *frame) unsafe.Pointer {
			return g(recv(f), a(f).UnsafePointer(), b(f).UnsafePointer())
		}, setPointer(ft.Out(0)), outs, tnext)
	case "int64 > ptr": // big.Int.SetInt64
		g := *(*func(unsafe.Pointer, int64) unsafe.Pointer)(p)
		return exec1(func(f *frame) unsafe.Pointer { return g(recv(f), a(f).Int()) }, setPointer(ft.Out(0)), outs, tnext)
	}
	return nil
}
