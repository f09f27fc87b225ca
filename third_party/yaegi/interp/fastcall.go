package interp

import "reflect"

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
