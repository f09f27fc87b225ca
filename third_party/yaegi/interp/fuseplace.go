package interp

import (
	"reflect"
	"unsafe"
)

// gopar: a fused expression (fuse.go) reads the fields and elements it
// has as operands in place, as the steps of +=, ++ and x = y op z on them
// do (fastops.go): p.X of a struct variable or a pointer-to-struct
// variable, and xs[i] of a slice or string variable with an int index.
// Each was a step of its own that made the field's or the element's
// reflect.Value, put it in a frame slot for the expression to read back:
// in `p.X = p.Y + i`, the step of p.Y. Copies (fastcopy.go), comparisons
// of bytes (fastcompare.go) and conditions read and write them the same
// way.

// inPlace reports whether c, a selector or an index expression whose
// value is not a condition's, designates a field or an element that can
// be read and written in place.
func inPlace(c *node) bool {
	return c.fnext == nil && placeable(c)
}

// placeable is inPlace for a selector or index expression whatever its
// value goes to: a condition's (genBranchInPlace) too.
func placeable(c *node) bool {
	if c.mapKey || c.rval.IsValid() {
		return false
	}
	switch reflect.ValueOf(c.gen).Pointer() {
	case reflect.ValueOf(getIndexSeq).Pointer():
		return c.kind == selectorExpr && fieldPlace(c, false) != nil
	case reflect.ValueOf(getPtrIndexSeq).Pointer():
		return c.kind == selectorExpr && fieldPlace(c, true) != nil
	case reflect.ValueOf(getIndexArray).Pointer():
		// elementPlace, without making the index's closures yet: the
		// index is a variable, a constant or an operand fused with it.
		c0, c1 := c.child[0], c.child[1]
		if c.kind != indexExpr || c0.typ == nil || c0.typ.TypeOf() == nil ||
			c0.typ.TypeOf().Kind() != reflect.Slice && c0.typ.TypeOf().Kind() != reflect.String {
			return false
		}
		if _, _, ok := variableIndex(c0); !ok || !typedValues {
			return false
		}
		return classify(c1, fuseInt) != fuseReject
	}
	return false
}

// place is where the field or element a selector or an index
// expression designates is (placeOf).
type place struct {
	field *fieldRef
	elem  *elementRef
	// slow is reflect's way to it, with its panics: what the step of the
	// selector or the index expression did.
	slow func(*frame) reflect.Value
}

// addr is the address of the field or element in f, nil where reflect's
// way is to be taken: a variable not in place, a nil pointer, an index
// out of range.
func (p *place) addr(f *frame) unsafe.Pointer {
	if p.field != nil {
		return p.field.addr(f)
	}
	return p.elem.addr(f)
}

// placeOf returns the place of c, a selector or an index expression that
// is inPlace.
func placeOf(c *node) *place {
	if c.kind == indexExpr {
		r := elementPlace(c)
		value := genValueArray(c.child[0])
		return &place{elem: r, slow: func(f *frame) reflect.Value { return indexChecked(value(f), int(r.index(f))) }}
	}
	ptr := reflect.ValueOf(c.gen).Pointer() == reflect.ValueOf(getPtrIndexSeq).Pointer()
	value := genValue(c.child[0])
	index := c.val.([]int)
	return &place{field: fieldPlace(c, ptr), slow: func(f *frame) reflect.Value {
		v := value(f)
		if ptr {
			v = v.Elem()
		}
		return v.FieldByIndex(index)
	}}
}

// inPlaceDestination reports whether the arithmetic expression n is the
// value of an assignment to a field or an element that can be written in
// place, x.f = y op z, whose operands call nothing and change nothing: n
// can then write the field itself, and the field's step can be skipped.
//
// As in Go, the value is then computed before the field's place is: a
// division by zero panics before a nil pointer or an index out of range
// of the destination does.
func inPlaceDestination(n *node) bool {
	a := n.anc
	if a == nil || a.kind != assignStmt || a.action != aAssign || a.nleft != 1 || len(a.child) != 2 || a.child[1] != n {
		return false
	}
	dest := a.child[0]
	if n.findex != dest.findex || n.level != dest.level || reflect.ValueOf(a.gen).Pointer() != reflect.ValueOf(nop).Pointer() {
		return false
	}
	if dest.typ == nil || n.typ == nil || dest.typ.TypeOf() != n.typ.TypeOf() || !inPlace(dest) {
		return false
	}
	for _, c := range n.child {
		if !sideEffectFree(c) {
			return false
		}
	}
	return true
}

// genArithInPlace makes n's step (genFastArith) write its value in the
// field or element its assignment is to (inPlaceDestination), whose own
// step is then a nop.
func genArithInPlace(n *node, t reflect.Type, next bltn) bool {
	dest := n.anc.child[0]
	at := placeOf(dest)
	switch t {
	case fuseInt:
		x := intBinary(n.action, intOperand(n.child[0]), intOperand(n.child[1]))
		if x == nil {
			return false
		}
		n.exec = func(f *frame) bltn {
			v := x(f)
			if p := at.addr(f); p != nil {
				*(*int64)(p) = v
			} else {
				at.slow(f).SetInt(v)
			}
			return next
		}
	case fuseFloat:
		if floatOp(n.action) == nil {
			return false
		}
		x := inlineFloat(n)
		n.exec = func(f *frame) bltn {
			v := x(f)
			if p := at.addr(f); p != nil {
				*(*float64)(p) = v
			} else {
				at.slow(f).SetFloat(v)
			}
			return next
		}
	default:
		if floatOp(n.action) == nil {
			return false
		}
		z := inlineComplex(n)
		n.exec = func(f *frame) bltn {
			v := z(f)
			if p := at.addr(f); p != nil {
				*(*complex128)(p) = v
			} else {
				at.slow(f).SetComplex(v)
			}
			return next
		}
	}
	dest.gen = nop
	return true
}

// genBranchInPlace is the step of the condition of an if or a for
// statement that is a bool field or element read in place (if
// isPrime[i] {): the field's step made its reflect.Value and branched on
// its Bool.
func genBranchInPlace(n *node) bool {
	a := n.anc
	if n.fnext == nil || n.typ == nil || n.typ.TypeOf() != boolRType || a == nil || !placeable(n) {
		return false
	}
	switch a.kind {
	case ifStmt0, ifStmt1, ifStmt2, ifStmt3, forStmt2, forStmt3, forStmt5, forStmt7:
	default:
		return false
	}
	if n.kind == indexExpr && !sideEffectFree(n.child[1]) {
		return false
	}
	at := placeOf(n)
	tnext, fnext := getExec(n.tnext), getExec(n.fnext)
	n.exec = func(f *frame) bltn {
		var b bool
		if p := at.addr(f); p != nil {
			b = *(*bool)(p)
		} else {
			b = at.slow(f).Bool()
		}
		if b {
			return tnext
		}
		return fnext
	}
	return true
}

var boolRType = reflect.TypeFor[bool]()
