package interp

import (
	"go/constant"
	"reflect"
)

// This file is gopar's addition to yaegi: arithmetic expressions on
// float64, complex128 and int are fused into one step. yaegi runs every
// operator of an expression as a step of its own that stores its result in
// a frame slot for the next step to read back through reflect; in
//
//	if real(z)*real(z)+imag(z)*imag(z) > 4.0 {
//
// that is eight steps. Fused, the comparison is the only step: it computes
// its operands through typed Go closures that call each other, and only
// the fused expression's own result goes to the frame.
//
// fuseArith runs at the end of the CFG post-order processing of a binary
// expression. When every operand is a leaf (a variable or a constant) or an
// operation that can be inlined, the inlinable operands are marked inline
// and the expression becomes its own entry point, so the steps of its
// operands are never run. The generators of the operand values (genValue,
// genValueFloat, genComplex, genValueInt) return the inlined closures for
// nodes marked inline.

var (
	fuseFloat   = reflect.TypeOf(float64(0))
	fuseComplex = reflect.TypeOf(complex128(0))
	fuseInt     = reflect.TypeOf(int(0))
)

func fuseArith(n *node) {
	if n.rval.IsValid() || n.typ == nil || isInterface(n.typ) {
		return
	}
	t := operandType(n)
	if t == nil {
		return
	}
	switch n.action {
	case aAdd, aSub, aMul, aQuo:
		if n.typ.TypeOf() != t {
			return
		}
	case aRem, aAnd, aOr, aXor, aAndNot:
		if t != fuseInt || n.typ.TypeOf() != t {
			return
		}
	case aGreater, aGreaterEqual, aLower, aLowerEqual, aEqual, aNotEqual:
		if t == fuseComplex && n.action != aEqual && n.action != aNotEqual {
			return
		}
	default:
		return
	}
	classes := make([]int, len(n.child))
	inlined := false
	for i, c := range n.child {
		classes[i] = classify(c, t)
		switch classes[i] {
		case fuseReject:
			return
		case fuseInline:
			inlined = true
		}
	}
	if !inlined {
		return
	}
	var opaque []*node
	for i, c := range n.child {
		switch classes[i] {
		case fuseInline:
			opaque = markInline(c, t, opaque)
		case fuseOpaque:
			opaque = append(opaque, c)
		}
	}
	// The steps left are those of the opaque operands, in source order,
	// then the fused expression itself.
	next := n
	for i := len(opaque) - 1; i >= 0; i-- {
		opaque[i].tnext = next
		next = opaque[i].start
	}
	n.start = next
}

// How an operand of a fused expression is computed.
const (
	fuseReject = iota // not at all: the expression is not fused
	fuseLeaf          // a constant or a variable, read directly
	fuseInline        // by a typed closure, marked inline
	fuseOpaque        // by its own steps, its result read from its frame slot
)

// operandType is the type both operands of the binary expression n have,
// one of the fused types, or nil.
func operandType(n *node) reflect.Type {
	var t reflect.Type
	for _, c := range n.child {
		if c.typ == nil || c.typ.untyped || c.rval.IsValid() {
			continue
		}
		ct := c.typ.TypeOf()
		if t != nil && ct != t {
			return nil
		}
		t = ct
	}
	switch t {
	case fuseFloat, fuseComplex:
		return t
	case fuseInt:
		if t.Size() == 8 { // int arithmetic is done in int64
			return t
		}
	}
	return nil
}

// classify says how c, an operand of type t, is computed in a fused
// expression.
func classify(c *node, t reflect.Type) int {
	if c.typ == nil || isInterface(c.typ) {
		return fuseReject
	}
	if c.rval.IsValid() {
		if !isNumber(c.typ.TypeOf()) || t == fuseInt && !isIntConst(c.rval) {
			return fuseReject
		}
		return fuseLeaf
	}
	if c.typ.TypeOf() != t {
		return fuseReject
	}
	switch c.kind {
	case identExpr:
		if c.sym != nil && c.sym.kind == varSym {
			return fuseLeaf
		}
	case parenExpr:
		if len(c.child) == 1 && classify(c.child[0], t) != fuseReject {
			return fuseInline
		}
	case binaryExpr:
		switch c.action {
		case aRem, aAnd, aOr, aXor, aAndNot:
			if t != fuseInt {
				return fuseReject
			}
			fallthrough
		case aAdd, aSub, aMul, aQuo:
			if operandType(c) != t {
				return fuseReject
			}
			for _, cc := range c.child {
				if classify(cc, t) == fuseReject {
					return fuseReject
				}
			}
			return fuseInline
		}
	case callExpr:
		c0 := c.child[0]
		if c0.typ != nil && c0.typ.cat == builtinT {
			// real(z) and imag(z) of a complex128 are inlined.
			if name := c0.typ.name; t == fuseFloat && len(c.child) == 2 && (name == "real" || name == "imag") &&
				classify(c.child[1], fuseComplex) != fuseReject {
				return fuseInline
			}
		}
		if c.findex != notInFrame && c.start != nil {
			return fuseOpaque
		}
	case selectorExpr:
		if inPlace(c) {
			return fuseInline
		}
	case indexExpr:
		if inPlace(c) {
			return fuseInline
		}
		if c.findex != notInFrame && c.start != nil {
			return fuseOpaque
		}
	}
	return fuseReject
}

// localSlot returns the frame index of c when c is a variable of the
// function's own frame, or a step's result there (a call's, an element's,
// a field's), read without going through genValue's closures.
func localSlot(c *node) (int, bool) {
	if c.mapKey || c.inline || c.rval.IsValid() {
		return 0, false
	}
	if c.sym == nil {
		// As genNodeValue finds a step's result.
		if c.kind == basicLit || c.kind == funcDecl || c.findex < 0 || c.level != 0 {
			return 0, false
		}
		return c.findex, true
	}
	if c.kind != identExpr || c.sym.global || c.sym.index < 0 || c.level != 0 {
		return 0, false
	}
	return c.sym.index, true
}

func isIntConst(v reflect.Value) bool {
	if c := vConstantValue(v); c != nil {
		return c.Kind() == constant.Int
	}
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return true
	}
	return false
}

// markInline marks c, classified inline for type t, and its inline
// operands, and appends its opaque operands to opaque in source order.
func markInline(c *node, t reflect.Type, opaque []*node) []*node {
	c.inline = true
	children := c.child
	switch c.kind {
	case callExpr: // real or imag
		children, t = c.child[1:], fuseComplex
	case selectorExpr: // of a variable (inPlace)
		return opaque
	case indexExpr: // of a slice variable, the index an int (inPlace)
		children, t = c.child[1:], fuseInt
	}
	for _, cc := range children {
		switch classify(cc, t) {
		case fuseInline:
			opaque = markInline(cc, t, opaque)
		case fuseOpaque:
			opaque = append(opaque, cc)
		}
	}
	return opaque
}

// inlineValue is the generic form of an inlined node's value: computed,
// then stored in the node's own frame slot.
func inlineValue(n *node) func(*frame) reflect.Value {
	slot := func(f *frame) reflect.Value { return getFrame(f, n.level).data[n.findex] }
	switch n.typ.TypeOf() {
	case fuseFloat:
		g := inlineFloat(n)
		return func(f *frame) reflect.Value { v := slot(f); v.SetFloat(g(f)); return v }
	case fuseComplex:
		g := inlineComplex(n)
		return func(f *frame) reflect.Value { v := slot(f); v.SetComplex(g(f)); return v }
	default:
		g := inlineInt(n)
		return func(f *frame) reflect.Value { v := slot(f); v.SetInt(g(f)); return v }
	}
}

func floatOperand(c *node) func(*frame) float64 {
	if c.inline {
		return inlineFloat(c)
	}
	if c.rval.IsValid() {
		x := vFloat(c.rval)
		return func(*frame) float64 { return x }
	}
	if i, ok := localSlot(c); ok {
		return func(f *frame) float64 {
			if p := floatAt(f.data, i); p != nil {
				return *p
			}
			return valueOf(f.data, i).Float()
		}
	}
	v := genValue(c)
	return func(f *frame) float64 { return v(f).Float() }
}

func complexOperand(c *node) func(*frame) complex128 {
	if c.inline {
		return inlineComplex(c)
	}
	if c.rval.IsValid() {
		x := vComplex(c.rval)
		return func(*frame) complex128 { return x }
	}
	if i, ok := localSlot(c); ok {
		return func(f *frame) complex128 {
			if p := complexAt(f.data, i); p != nil {
				return *p
			}
			return valueOf(f.data, i).Complex()
		}
	}
	v := genValue(c)
	return func(f *frame) complex128 { return v(f).Complex() }
}

func intOperand(c *node) func(*frame) int64 {
	if c.inline {
		return inlineInt(c)
	}
	if c.rval.IsValid() {
		x := vInt(c.rval)
		return func(*frame) int64 { return x }
	}
	if i, ok := localSlot(c); ok {
		return func(f *frame) int64 {
			if p := intAt(f.data, i); p != nil {
				return *p
			}
			return valueOf(f.data, i).Int()
		}
	}
	v := genValue(c)
	return func(f *frame) int64 { return v(f).Int() }
}

func inlineFloat(n *node) func(*frame) float64 {
	switch n.kind {
	case selectorExpr, indexExpr:
		at := placeOf(n)
		return func(f *frame) float64 {
			if p := at.addr(f); p != nil {
				return *(*float64)(p)
			}
			return at.slow(f).Float()
		}
	case parenExpr:
		return floatOperand(n.child[0])
	case callExpr:
		z := complexOperand(n.child[1])
		if n.child[0].typ.name == "real" {
			return func(f *frame) float64 { return real(z(f)) }
		}
		return func(f *frame) float64 { return imag(z(f)) }
	}
	a, b := floatOperand(n.child[0]), floatOperand(n.child[1])
	switch n.action {
	case aAdd:
		return func(f *frame) float64 { return a(f) + b(f) }
	case aSub:
		return func(f *frame) float64 { return a(f) - b(f) }
	case aMul:
		return func(f *frame) float64 { return a(f) * b(f) }
	default:
		return func(f *frame) float64 { return a(f) / b(f) }
	}
}

func inlineComplex(n *node) func(*frame) complex128 {
	switch n.kind {
	case selectorExpr, indexExpr:
		at := placeOf(n)
		return func(f *frame) complex128 {
			if p := at.addr(f); p != nil {
				return *(*complex128)(p)
			}
			return at.slow(f).Complex()
		}
	case parenExpr:
		return complexOperand(n.child[0])
	}
	a, b := complexOperand(n.child[0]), complexOperand(n.child[1])
	switch n.action {
	case aAdd:
		return func(f *frame) complex128 { return a(f) + b(f) }
	case aSub:
		return func(f *frame) complex128 { return a(f) - b(f) }
	case aMul:
		return func(f *frame) complex128 { return a(f) * b(f) }
	default:
		return func(f *frame) complex128 { return a(f) / b(f) }
	}
}

func inlineInt(n *node) func(*frame) int64 {
	switch n.kind {
	case selectorExpr, indexExpr:
		at := placeOf(n)
		return func(f *frame) int64 {
			if p := at.addr(f); p != nil {
				return *(*int64)(p)
			}
			return at.slow(f).Int()
		}
	case parenExpr:
		return intOperand(n.child[0])
	}
	// int is 64 bits wide on the platforms gopar runs on, so int64
	// arithmetic wraps as int does.
	return intBinary(n.action, intOperand(n.child[0]), intOperand(n.child[1]))
}
