package interp

import (
	"reflect"
	"strings"
)

// This file is gopar's: == and != with an operand of interface type compare
// the dynamic types and values, as Go does. yaegi compared its own boxes
// (a valueInterface holds the node that boxed the value and a reflect.Value
// pointing at a copy), so two interfaces holding Circle{1} were unequal.

// equalIface is the exec of == or != when an operand has an interface type
// and neither is the nil literal.
func equalIface(n *node) {
	c0, c1 := n.child[0], n.child[1]
	v0, v1 := genValue(c0), genValue(c1)
	s0, s1 := staticType(c0.typ), staticType(c1.typ)
	want := n.action == aEqual
	genCompare(n, func(f *frame) bool {
		return dynamicEqual(dynamicOf(v0(f), s0), dynamicOf(v1(f), s1)) == want
	})
}

// equalChan compares two channels, which may differ in direction (c ==
// (<-chan int)(c)): they are equal when they are the same channel. The
// values' reflect types differ, so comparing them as interfaces would not do.
func equalChan(n *node) {
	v0, v1 := genValue(n.child[0]), genValue(n.child[1])
	want := n.action == aEqual
	genCompare(n, func(f *frame) bool {
		return (v0(f).Pointer() == v1(f).Pointer()) == want
	})
}

// genCompare sets the exec of a comparison node n whose result is same.
func genCompare(n *node, same func(*frame) bool) {
	tnext := getExec(n.tnext)
	if n.fnext != nil {
		fnext := getExec(n.fnext)
		dest := genValue(n)
		n.exec = func(f *frame) bltn {
			if same(f) {
				dest(f).SetBool(true)
				return tnext
			}
			dest(f).SetBool(false)
			return fnext
		}
		return
	}
	dest := genValueOutput(n, reflect.TypeOf(true))
	typ := n.typ.concrete().TypeOf()
	n.exec = func(f *frame) bltn {
		dest(f).Set(reflect.ValueOf(same(f)).Convert(typ))
		return tnext
	}
}

// staticType is the type of an operand whose values are of that type, or
// nil for an interface type.
func staticType(t *itype) *itype {
	if t == nil || isInterface(t) {
		return nil
	}
	return t
}

// dynamic is a value with its type: t when the interpreter knows it
// (nil for a compiled type), value invalid for a nil interface.
type dynamic struct {
	t     *itype
	value reflect.Value
}

// dynamicOf unboxes v, a value of an operand of static type static (nil
// for an interface type).
func dynamicOf(v reflect.Value, static *itype) dynamic {
	t := static
	for v.IsValid() {
		if v.Kind() == reflect.Interface {
			if v.IsNil() {
				return dynamic{}
			}
			v = v.Elem()
			continue
		}
		if vi, ok := valueInterfaceOf(v); ok {
			if vi.node == nil {
				return dynamic{}
			}
			if vi.node.typ != nil && !isInterface(vi.node.typ) && vi.node.typ.cat != nilT {
				t = vi.node.typ
			}
			v = vi.value
			if hostBoxed(vi.node) && v.Kind() == reflect.Pointer && !v.IsNil() {
				t, v = t.val, v.Elem()
			}
			continue
		}
		if v.Kind() == reflect.Struct && v.NumField() > 0 && v.Type().Field(0).Name == "IValue" && v.Type().PkgPath() != "" {
			// A wrapper that makes an interpreted value a compiled interface.
			v = v.Field(0)
			continue
		}
		break
	}
	return dynamic{t, v}
}

func valueInterfaceOf(v reflect.Value) (valueInterface, bool) {
	if v.Type() != valueInterfaceType || !v.CanInterface() {
		return valueInterface{}, false
	}
	return v.Interface().(valueInterface), true
}

// dynamicEqual is == of two interface values: the same type and equal
// values. Like Go's == of two interfaces, it panics with a runtime error
// on equal types that cannot be compared.
func dynamicEqual(a, b dynamic) bool {
	if !a.value.IsValid() || !b.value.IsValid() {
		return !a.value.IsValid() && !b.value.IsValid()
	}
	if a.value.Type() != b.value.Type() {
		return false
	}
	if a.t != nil && b.t != nil && a.t.cat != valueT && b.t.cat != valueT && a.t.id() != b.t.id() {
		return false
	}
	return a.value.Interface() == b.value.Interface()
}

// hostBoxPrefix starts the names of the funcs with which gopar's lowering
// stores a value of a defined type in an interface with methods through a
// pointer (`func _goparBox3_1(v T) error { return &v }`): the value such a
// pointer holds is a T, and compares as one.
const hostBoxPrefix = "_goparBox"

// hostBoxed reports whether n, the node that boxed a value, is the &v of
// such a func.
func hostBoxed(n *node) bool {
	if n.kind != addressExpr || n.typ == nil || n.typ.cat != ptrT {
		return false
	}
	for a := n.anc; a != nil; a = a.anc {
		if a.kind == funcDecl {
			return len(a.child) > 1 && strings.HasPrefix(a.child[1].ident, hostBoxPrefix)
		}
	}
	return false
}

// staticInterface reports whether t is an interface type.
func staticInterface(t *itype) bool {
	if t == nil || t.cat == nilT {
		return false
	}
	if isInterface(t) {
		return true
	}
	rt := safeTypeOf(t)
	return rt != nil && rt.Kind() == reflect.Interface
}

// nilValue is == nil for v, the value of an operand of interface type
// when iface is set: a conversion to an interface (any(p)) gives the
// concrete value, which is not a nil interface even when it is a nil
// pointer. any((*int)(nil)) == nil was true.
func nilValue(v reflect.Value, iface bool) bool {
	if !v.IsValid() {
		return true
	}
	if iface && v.Kind() != reflect.Interface {
		return false
	}
	return v.IsNil()
}

// interfaceCase reports whether an expression switch's tag or one of a
// clause's case expressions has an interface type, or a case is nil.
func interfaceCase(tag *node, cases []*node) bool {
	if staticInterface(tag.typ) {
		return true
	}
	for _, c := range cases {
		if staticInterface(c.typ) || c.typ != nil && c.typ.cat == nilT {
			return true
		}
	}
	return false
}

// caseEqual is the exec of a case clause whose tag or cases have an
// interface type: the clause runs when the tag == one of the cases.
func caseEqual(tag *node, cases []*node, value func(*frame) reflect.Value, values []func(*frame) reflect.Value, tnext, fnext bltn) bltn {
	s0 := staticType(tag.typ)
	statics := make([]*itype, len(cases))
	nils := make([]bool, len(cases))
	for i, c := range cases {
		statics[i] = staticType(c.typ)
		// `case nil` with a tag of a pointer, map... type is the tag's nil.
		nils[i] = c.typ != nil && c.typ.cat == nilT && s0 != nil
	}
	return func(f *frame) bltn {
		v0 := value(f)
		for i, v := range values {
			if nils[i] {
				if nilValue(v0, false) {
					return tnext
				}
				continue
			}
			if dynamicEqual(dynamicOf(v0, s0), dynamicOf(v(f), statics[i])) {
				return tnext
			}
		}
		return fnext
	}
}
