package interp

import "reflect"

// This file is gopar's addition to yaegi: the builtins min and max (Go
// 1.21) for arguments of one ordered basic type. gopar lowered them into
// calls of generic interpreted helpers before, which cost a frame and a
// slice a call (~1 µs, a third of a naive Mandelbrot).
//
// They are known by names of gopar's own, which its lowering writes for
// min and max: a program's own min or max (`const max = 32`, declared
// after its first use) must shadow them as package declarations shadow
// builtins in Go, and yaegi resolves some names before it has seen all
// package declarations.
const (
	bltnMin = "_goparBuiltinMin"
	bltnMax = "_goparBuiltinMax"
)

func init() {
	builtinFuncs[bltnMin] = struct {
		args     int
		variadic bool
	}{args: 1, variadic: true}
	builtinFuncs[bltnMax] = builtinFuncs[bltnMin]
}

// minMaxType is the type of min(args) or max(args): that of the first typed
// argument, else that of the first.
func minMaxType(interp *Interpreter, sc *scope, n *node, seen []*node) (*itype, error) {
	var first *itype
	for _, c := range n.child[1:] {
		t, err := nodeType2(interp, sc, c, seen)
		if err != nil {
			return nil, err
		}
		if first == nil {
			first = t
		}
		if !t.untyped {
			return t, nil
		}
	}
	if first == nil {
		return nil, n.cfgErrorf("not enough arguments in call to %s", n.child[0].ident)
	}
	return first, nil
}

func _min(n *node) { minMax(n, true) }
func _max(n *node) { minMax(n, false) }

func minMax(n *node, isMin bool) {
	next := getExec(n.tnext)
	t := n.typ.TypeOf()
	dest := genValueOutput(n, t)
	args := n.child[1:]
	for _, c := range args {
		convertLiteralValue(c, t)
	}
	boxed := wantEmptyInterface(n)

	switch {
	case isUint(t):
		n.exec = minMaxExec(args, genValueUint, isMin, minMaxSet(dest, t, boxed, reflect.Value.SetUint), next)
	case isInt(t): // signed: isInt holds for unsigned kinds too
		n.exec = minMaxExec(args, genValueInt, isMin, minMaxSet(dest, t, boxed, reflect.Value.SetInt), next)
	case isFloat(t):
		// Go's own min and max: a NaN argument gives NaN, min(-0, 0) is -0.
		n.exec = minMaxExec(args, genValueFloat, isMin, minMaxSet(dest, t, boxed, reflect.Value.SetFloat), next)
	default: // strings
		n.exec = minMaxExec(args, genValueString, isMin, minMaxSet(dest, t, boxed, reflect.Value.SetString), next)
	}
}

// minMaxSet stores the result m in the call's frame slot with set, or
// converted to t when the slot holds an interface.
func minMaxSet[T any](dest func(*frame) reflect.Value, t reflect.Type, boxed bool, set func(reflect.Value, T)) func(*frame, T) {
	if boxed {
		return func(f *frame, m T) { dest(f).Set(reflect.ValueOf(m).Convert(t)) }
	}
	return func(f *frame, m T) { set(dest(f), m) }
}

func minMaxExec[T int64 | uint64 | float64 | string](args []*node, gen func(*node) func(*frame) (reflect.Value, T),
	isMin bool, set func(*frame, T), next bltn,
) bltn {
	vs := make([]func(*frame) (reflect.Value, T), len(args))
	for i, c := range args {
		vs[i] = gen(c)
	}
	return func(f *frame) bltn {
		_, m := vs[0](f)
		for _, v := range vs[1:] {
			if _, x := v(f); isMin {
				m = min(m, x)
			} else {
				m = max(m, x)
			}
		}
		set(f, m)
		return next
	}
}
