package interp

import (
	"go/constant"
	"reflect"
	"unsafe"
)

// gopar: comparisons of bytes and runes (s[i] == t[j], c >= 'a', r != '
// '), the steps of code that reads text, read their operands in place: a
// constant, a variable of the func's own frame or of the global frame, an
// element of a string or a slice variable. yaegi's step asked reflect for
// each operand's kind and value, after the step of each element made its
// reflect.Value.

var (
	byteRType = reflect.TypeFor[byte]()
	runeRType = reflect.TypeFor[rune]()
)

// genSmallCompare is the step of a comparison of two bytes or two runes,
// or false.
func genSmallCompare(n *node) bool {
	if n.rval.IsValid() || isInterface(n.typ) || n.typ.TypeOf().Kind() != reflect.Bool {
		return false
	}
	var t reflect.Type
	for _, c := range n.child {
		if c.typ == nil || c.rval.IsValid() {
			continue
		}
		if ct := c.typ.TypeOf(); t == nil {
			t = ct
		} else if ct != t {
			return false
		}
	}
	if t != byteRType && t != runeRType {
		return false
	}
	slot := resultSlot(n)
	x, xPlace := smallOperand(n.child[0], t)
	y, yPlace := smallOperand(n.child[1], t)
	if slot == nil || x == nil || y == nil {
		return false
	}
	n.exec = compareStep(n, slot, intCompare(n.action, x, y))
	// The elements read in place need no step of their own.
	if xPlace {
		n.child[0].gen = nop
	}
	if yPlace {
		n.child[1].gen = nop
	}
	return true
}

// smallOperand returns how the operand c of a comparison of values of
// type t (byte or rune) is read, as an int64 that compares as the value
// does, and whether c is an element read in place; nil when it is not
// such an operand.
func smallOperand(c *node, t reflect.Type) (func(*frame) int64, bool) {
	if c.rval.IsValid() {
		if k := vConstantValue(c.rval); k != nil && k.Kind() != constant.Int || k == nil && !isIntegerKind(c.rval.Kind()) {
			return nil, false
		}
		x := vInt(c.rval)
		return func(*frame) int64 { return x }, false
	}
	if c.typ == nil || c.typ.TypeOf() != t {
		return nil, false
	}
	read := func(p unsafe.Pointer) int64 { return int64(*(*uint8)(p)) }
	if t == runeRType {
		read = func(p unsafe.Pointer) int64 { return int64(*(*int32)(p)) }
	}
	slow := genValue(c)
	if global, j, ok := variableIndex(c); ok {
		varTyp := headerOf(reflect.New(t).Elem()).typ
		return func(f *frame) int64 {
			data := f.data
			if global {
				data = f.root.data
			}
			if p := variableMemory(data, j, varTyp); p != nil {
				return read(p)
			}
			return vInt(slow(f))
		}, false
	}
	if c.kind == indexExpr && inPlace(c) && sideEffectFree(c.child[1]) {
		at := placeOf(c)
		return func(f *frame) int64 {
			if p := at.addr(f); p != nil {
				return read(p)
			}
			return vInt(at.slow(f))
		}, true
	}
	return func(f *frame) int64 { return vInt(slow(f)) }, false
}

func isIntegerKind(k reflect.Kind) bool {
	return reflect.Int <= k && k <= reflect.Uintptr
}
