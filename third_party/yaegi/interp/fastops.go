package interp

import (
	"reflect"
	"strconv"
	"unsafe"
)

// gopar: the steps loops are made of — a comparison, i++, s += x, an
// arithmetic expression — on int and float64 values (and arithmetic on
// complex128), with the variables read and written in their frame slots'
// memory. yaegi's generic steps
// reach a slot through a closure, read it with reflect.Value.Int or Float
// (a switch on the kind) and write it with SetInt, SetFloat or SetBool
// (checks and a switch): `for i := 0; i < n; i++ { s += i }` spent half
// its time there.
//
// A step takes this way when its operands and result have exactly the
// type int (64 bits wide on the platforms gopar runs on), float64 or
// complex128, and
// its result goes to a variable or temporary of the func's own frame or of
// the global frame. A slot is read or written in place when it holds a
// value of that kind that can be set (the frame's own variable); any other
// value takes reflect's way, with reflect's panics.

// intIs64 is true where int is 64 bits wide, as int64 arithmetic on it
// assumes (all the platforms gopar is released for).
const intIs64 = strconv.IntSize == 64

// fastStep is genFastStep, set by init: setExec calls it, and the type
// of a node it looks at may be computed by compiling code, which calls
// setExec (an initialization cycle if named directly).
var fastStep = func(*node) bool { return false }

func init() { fastStep = genFastStep }

// genFastStep sets n.exec for the steps above and reports whether it did;
// n.gen makes the others.
func genFastStep(n *node) bool {
	if !typedValues || n.typ == nil {
		return false
	}
	switch n.kind {
	case incDecStmt:
		return genFastIncDec(n)
	case assignStmt:
		return genFastAssignOp(n) || genFastCopy(n)
	case defineStmt:
		return genFastCopy(n)
	case selectorExpr, indexExpr:
		return genBranchInPlace(n)
	case binaryExpr:
		switch n.action {
		case aAdd, aSub, aMul, aQuo, aRem, aAnd, aOr, aXor, aAndNot:
			return genFastArith(n)
		case aLower, aLowerEqual, aGreater, aGreaterEqual, aEqual, aNotEqual:
			return genFastCompare(n) || genSmallCompare(n)
		}
	}
	return false
}

// slotAt returns the function that finds the frame slot of n, a variable
// or the node's own result: in f's frame or in the global frame. It
// returns nil for slots of enclosing frames, which take the generic way.
func slotAt(n *node) func(f *frame) []reflect.Value {
	if n.findex < 0 {
		return nil
	}
	switch n.level {
	case 0:
		return func(f *frame) []reflect.Value { return f.data }
	case globalFrame:
		return func(f *frame) []reflect.Value { return f.root.data }
	}
	return nil
}

// intPtr is the memory of data[i] when it is a settable int or int64,
// else nil.
func intPtr(data []reflect.Value, i int) *int64 {
	if i < len(data) {
		v := &data[i]
		if k := v.Kind(); (k == reflect.Int && intIs64 || k == reflect.Int64) && v.CanSet() {
			return (*int64)(valueData(*v))
		}
	}
	return nil
}

// floatPtr is the memory of data[i] when it is a settable float64, else
// nil.
func floatPtr(data []reflect.Value, i int) *float64 {
	if i < len(data) {
		if v := &data[i]; v.Kind() == reflect.Float64 && v.CanSet() {
			return (*float64)(valueData(*v))
		}
	}
	return nil
}

// boolPtr is the memory of data[i] when it is a settable bool, else nil.
func boolPtr(data []reflect.Value, i int) *bool {
	if i < len(data) {
		if v := &data[i]; v.Kind() == reflect.Bool && v.CanSet() {
			return (*bool)(valueData(*v))
		}
	}
	return nil
}

// intAt, complexAt and floatAt are the memory of data[i] when it holds an
// int (or int64), a complex128, a float64, to be read, else nil.
func intAt(data []reflect.Value, i int) *int64 {
	if i < len(data) {
		if k := data[i].Kind(); k == reflect.Int && intIs64 || k == reflect.Int64 {
			v := &data[i]
			return (*int64)(valueData(*v))
		}
	}
	return nil
}

func complexAt(data []reflect.Value, i int) *complex128 {
	if i < len(data) {
		if v := &data[i]; v.Kind() == reflect.Complex128 {
			return (*complex128)(valueData(*v))
		}
	}
	return nil
}

func floatAt(data []reflect.Value, i int) *float64 {
	if i < len(data) {
		if v := &data[i]; v.Kind() == reflect.Float64 {
			return (*float64)(valueData(*v))
		}
	}
	return nil
}

// storeInt, storeFloat and storeBool store x in data[i], in place or, for a
// value that is not the slot's own, through reflect (which panics as the
// generic steps did).
func storeInt(data []reflect.Value, i int, x int64) {
	if p := intPtr(data, i); p != nil {
		*p = x
		return
	}
	valueOf(data, i).SetInt(x)
}

func storeFloat(data []reflect.Value, i int, x float64) {
	if p := floatPtr(data, i); p != nil {
		*p = x
		return
	}
	valueOf(data, i).SetFloat(x)
}

func storeComplex(data []reflect.Value, i int, x complex128) {
	if i < len(data) {
		if v := &data[i]; v.Kind() == reflect.Complex128 && v.CanSet() {
			*(*complex128)(valueData(*v)) = x
			return
		}
	}
	valueOf(data, i).SetComplex(x)
}

func storeBool(data []reflect.Value, i int, x bool) {
	if p := boolPtr(data, i); p != nil {
		*p = x
		return
	}
	valueOf(data, i).SetBool(x)
}

// fastType is int, float64 or complex128 when n's value has exactly that
// type, else nil.
func fastType(n *node) reflect.Type {
	if n.typ == nil || isInterface(n.typ) {
		return nil
	}
	switch t := n.typ.TypeOf(); {
	case t == fuseInt && intIs64, t == fuseFloat, t == fuseComplex:
		return t
	}
	return nil
}

// operandOf reports whether c can be an operand of type t of a fast step:
// of type t, or a constant t can hold.
func operandOf(c *node, t reflect.Type) bool {
	if c.typ == nil || isInterface(c.typ) {
		return false
	}
	if c.rval.IsValid() {
		return isNumber(c.typ.TypeOf()) && (t != fuseInt || isIntConst(c.rval))
	}
	return c.typ.TypeOf() == t
}

// resultSlot is where the step n puts its result, or nil when that is not
// a plain slot: a result made an interface on its way to an interface
// variable or result (genValueOutput) takes the generic way.
func resultSlot(n *node) func(f *frame) []reflect.Value {
	switch a := n.anc; {
	case a == nil:
		return nil
	case a.action == aAssign && (a.typ == nil || isInterface(a.typ)):
		return nil
	case a.kind == returnStmt:
		def, ok := a.val.(*node)
		if !ok || def.typ == nil {
			return nil
		}
		pos := childPos(n)
		if pos < 0 || pos >= len(def.typ.ret) || isInterface(def.typ.ret[pos]) || def.typ.ret[pos].TypeOf() != n.typ.TypeOf() {
			return nil
		}
	}
	return slotAt(n)
}

func genFastIncDec(n *node) bool {
	c0 := n.child[0]
	t := fastType(c0)
	slot, i := destinationSlot(c0)
	if t == nil || t == fuseComplex || slot == nil {
		return false
	}
	next := getExec(n.tnext)
	d := 1.0
	if n.action == aDec {
		d = -1
	} else if n.action != aInc {
		return false
	}
	if t == fuseInt {
		di := int64(d)
		n.exec = func(f *frame) bltn {
			data := slot(f)
			if p := intPtr(data, i); p != nil {
				*p += di
			} else {
				v := valueOf(data, i)
				v.SetInt(v.Int() + di)
			}
			return next
		}
		return true
	}
	n.exec = func(f *frame) bltn {
		data := slot(f)
		if p := floatPtr(data, i); p != nil {
			*p += d
		} else {
			v := valueOf(data, i)
			v.SetFloat(v.Float() + d)
		}
		return next
	}
	return true
}

// variableSlot returns where the variable c is, as genValue finds it: the
// data of the func's own frame or of the global frame, and its index; nil
// when c is not such a variable.
func variableSlot(c *node) (func(f *frame) []reflect.Value, int) {
	global, i, ok := variableIndex(c)
	switch {
	case !ok:
		return nil, 0
	case global:
		return func(f *frame) []reflect.Value { return f.root.data }, i
	}
	return func(f *frame) []reflect.Value { return f.data }, i
}

// variableIndex is variableSlot's answer as data: whether the variable is
// in the global frame, its index; ok is false when c is not such a
// variable.
func variableIndex(c *node) (global bool, i int, ok bool) {
	if c.kind != identExpr || c.sym == nil || c.sym.kind != varSym || c.rval.IsValid() || c.mapKey || c.inline {
		return false, 0, false
	}
	switch i := c.sym.index; {
	case i < 0:
		return false, 0, false
	case c.sym.global:
		return true, i, true
	case c.level == 0:
		return false, i, true
	}
	return false, 0, false
}

// referenceSlot returns where the step of c, a field selector, an index
// expression or a pointer indirection, puts the reflect.Value of the
// variable it designates, nil when c is not such a step.
func referenceSlot(c *node) (func(f *frame) []reflect.Value, int) {
	if c.mapKey || c.inline || c.rval.IsValid() || isMapEntry(c) {
		return nil, 0
	}
	switch gen := reflect.ValueOf(c.gen).Pointer(); gen {
	case reflect.ValueOf(getIndexSeq).Pointer(), reflect.ValueOf(getPtrIndexSeq).Pointer(),
		reflect.ValueOf(getIndexArray).Pointer(), reflect.ValueOf(deref).Pointer():
		return slotAt(c), c.findex
	}
	return nil, 0
}

// destinationSlot is where the variable c, the destination of an
// assignment, is: variableSlot or referenceSlot.
func destinationSlot(c *node) (func(f *frame) []reflect.Value, int) {
	if slot, i := variableSlot(c); slot != nil {
		return slot, i
	}
	return referenceSlot(c)
}

func genFastAssignOp(n *node) bool {
	if len(n.child) != 2 {
		return false
	}
	c0, c1 := n.child[0], n.child[1]
	t := fastType(c0)
	slot, i := destinationSlot(c0)
	if t == nil || t == fuseComplex || slot == nil || !operandOf(c1, t) {
		return false
	}
	next := getExec(n.tnext)
	if t == fuseInt {
		op := intOp(n.action)
		if op == nil {
			return false
		}
		y := intOperand(c1)
		n.exec = func(f *frame) bltn {
			b := y(f)
			data := slot(f)
			if p := intPtr(data, i); p != nil {
				*p = op(*p, b)
			} else {
				v := valueOf(data, i)
				v.SetInt(op(v.Int(), b))
			}
			return next
		}
		return true
	}
	op := floatOp(n.action)
	if op == nil {
		return false
	}
	y := floatOperand(c1)
	n.exec = func(f *frame) bltn {
		b := y(f)
		data := slot(f)
		if p := floatPtr(data, i); p != nil {
			*p = op(*p, b)
		} else {
			v := valueOf(data, i)
			v.SetFloat(op(v.Float(), b))
		}
		return next
	}
	return true
}

// intOp and floatOp are the operation of an arithmetic action, or of its
// assignment form (+=), or nil. Go's own operators panic where the
// program's do: an int divided by zero.
func intOp(a action) func(x, y int64) int64 {
	switch a {
	case aAdd, aAddAssign:
		return func(x, y int64) int64 { return x + y }
	case aSub, aSubAssign:
		return func(x, y int64) int64 { return x - y }
	case aMul, aMulAssign:
		return func(x, y int64) int64 { return x * y }
	case aQuo, aQuoAssign:
		return func(x, y int64) int64 { return x / y }
	case aRem, aRemAssign:
		return func(x, y int64) int64 { return x % y }
	case aAnd, aAndAssign:
		return func(x, y int64) int64 { return x & y }
	case aOr, aOrAssign:
		return func(x, y int64) int64 { return x | y }
	case aXor, aXorAssign:
		return func(x, y int64) int64 { return x ^ y }
	case aAndNot, aAndNotAssign:
		return func(x, y int64) int64 { return x &^ y }
	}
	return nil
}

// intBinary is the operation of an arithmetic action on the operands x
// and y, one closure for the common ones.
func intBinary(a action, x, y func(*frame) int64) func(*frame) int64 {
	switch a {
	case aAdd:
		return func(f *frame) int64 { return x(f) + y(f) }
	case aSub:
		return func(f *frame) int64 { return x(f) - y(f) }
	case aMul:
		return func(f *frame) int64 { return x(f) * y(f) }
	case aAnd:
		return func(f *frame) int64 { return x(f) & y(f) }
	}
	op := intOp(a)
	if op == nil {
		return nil
	}
	return func(f *frame) int64 { return op(x(f), y(f)) }
}

func floatOp(a action) func(x, y float64) float64 {
	switch a {
	case aAdd, aAddAssign:
		return func(x, y float64) float64 { return x + y }
	case aSub, aSubAssign:
		return func(x, y float64) float64 { return x - y }
	case aMul, aMulAssign:
		return func(x, y float64) float64 { return x * y }
	case aQuo, aQuoAssign:
		return func(x, y float64) float64 { return x / y }
	}
	return nil
}

// genFastArith is the step of an arithmetic expression whose result goes
// to a slot: fused (fuse.go) or not, its operands are computed as inlined
// operands are.
func genFastArith(n *node) bool {
	t := fastType(n)
	if t == nil || n.inline || n.rval.IsValid() || !operandOf(n.child[0], t) || !operandOf(n.child[1], t) {
		return false
	}
	slot := resultSlot(n)
	if slot == nil {
		return false
	}
	next := getExec(n.tnext)
	i := n.findex
	if inPlaceDestination(n) {
		return genArithInPlace(n, t, next)
	}
	if t == fuseInt {
		x := intBinary(n.action, intOperand(n.child[0]), intOperand(n.child[1]))
		if x == nil {
			return false
		}
		n.exec = func(f *frame) bltn {
			storeInt(slot(f), i, x(f))
			return next
		}
		return true
	}
	if floatOp(n.action) == nil {
		return false // the same actions for complex128
	}
	if t == fuseComplex {
		z := inlineComplex(n)
		n.exec = func(f *frame) bltn {
			storeComplex(slot(f), i, z(f))
			return next
		}
		return true
	}
	x := inlineFloat(n)
	n.exec = func(f *frame) bltn {
		storeFloat(slot(f), i, x(f))
		return next
	}
	return true
}

// genFastCompare is the step of a comparison of ints or float64s: its
// result goes to its slot, and a condition branches on it.
func genFastCompare(n *node) bool {
	if n.rval.IsValid() || isInterface(n.typ) || n.typ.TypeOf().Kind() != reflect.Bool {
		return false
	}
	t := operandType(n)
	if t != fuseInt && t != fuseFloat || !operandOf(n.child[0], t) || !operandOf(n.child[1], t) {
		return false
	}
	slot := resultSlot(n)
	if slot == nil {
		return false
	}
	var cmp func(f *frame) bool
	if t == fuseInt {
		cmp = intCompare(n.action, intOperand(n.child[0]), intOperand(n.child[1]))
	} else {
		cmp = floatCompare(n.action, floatOperand(n.child[0]), floatOperand(n.child[1]))
	}
	n.exec = compareStep(n, slot, cmp)
	return true
}

// compareStep is the step of the comparison n computed by cmp: its result
// goes to its slot, and a condition branches on it.
func compareStep(n *node, slot func(f *frame) []reflect.Value, cmp func(*frame) bool) bltn {
	i := n.findex
	tnext := getExec(n.tnext)
	if n.fnext == nil {
		return func(f *frame) bltn {
			storeBool(slot(f), i, cmp(f))
			return tnext
		}
	}
	fnext := getExec(n.fnext)
	return func(f *frame) bltn {
		r := cmp(f)
		storeBool(slot(f), i, r)
		if r {
			return tnext
		}
		return fnext
	}
}

func intCompare(a action, x, y func(*frame) int64) func(*frame) bool {
	switch a {
	case aLower:
		return func(f *frame) bool { return x(f) < y(f) }
	case aLowerEqual:
		return func(f *frame) bool { return x(f) <= y(f) }
	case aGreater:
		return func(f *frame) bool { return x(f) > y(f) }
	case aGreaterEqual:
		return func(f *frame) bool { return x(f) >= y(f) }
	case aEqual:
		return func(f *frame) bool { return x(f) == y(f) }
	default:
		return func(f *frame) bool { return x(f) != y(f) }
	}
}

func floatCompare(a action, x, y func(*frame) float64) func(*frame) bool {
	switch a {
	case aLower:
		return func(f *frame) bool { return x(f) < y(f) }
	case aLowerEqual:
		return func(f *frame) bool { return x(f) <= y(f) }
	case aGreater:
		return func(f *frame) bool { return x(f) > y(f) }
	case aGreaterEqual:
		return func(f *frame) bool { return x(f) >= y(f) }
	case aEqual:
		return func(f *frame) bool { return x(f) == y(f) }
	default:
		return func(f *frame) bool { return x(f) != y(f) }
	}
}

// setValue is dst.Set(src), with plain values copied in place
// (copyPlain).
func setValue(dst, src reflect.Value) {
	if !copyPlain(&dst, &src) {
		dst.Set(src)
	}
}

// copyPlain copies src into dst when both hold a value of the same kind
// whose memory holds all of it (a number, a bool or a string), or of the
// same pointer, map or channel type, and dst can be set, and reports
// whether it did. Calls, assignments and literals copy values this way;
// reflect.Value.Set checked assignability and called typedmemmove for
// each.
func copyPlain(dst, src *reflect.Value) bool {
	k := src.Kind()
	if !typedValues || k != dst.Kind() || !dst.CanSet() {
		return false
	}
	d, s := valueData(*dst), valueData(*src)
	switch k {
	case reflect.Int, reflect.Uint:
		*(*uint)(d) = *(*uint)(s)
	case reflect.Uintptr:
		*(*uintptr)(d) = *(*uintptr)(s)
	case reflect.Int64, reflect.Uint64, reflect.Float64, reflect.Complex64:
		*(*uint64)(d) = *(*uint64)(s)
	case reflect.String:
		*(*string)(d) = *(*string)(s)
	case reflect.Bool, reflect.Int8, reflect.Uint8:
		*(*uint8)(d) = *(*uint8)(s)
	case reflect.Int32, reflect.Uint32, reflect.Float32:
		*(*uint32)(d) = *(*uint32)(s)
	case reflect.Int16, reflect.Uint16:
		*(*uint16)(d) = *(*uint16)(s)
	case reflect.Complex128:
		*(*complex128)(d) = *(*complex128)(s)
	case reflect.Pointer, reflect.Map, reflect.Chan, reflect.UnsafePointer:
		if (*valueHeader)(unsafe.Pointer(dst)).typ != (*valueHeader)(unsafe.Pointer(src)).typ {
			return false // Set converts between assignable types
		}
		*(*unsafe.Pointer)(d) = src.UnsafePointer()
	case reflect.Struct, reflect.Array:
		// A struct or an array of one type, held in memory (addressable):
		// the memory is copied as Set copies it, with the write barriers
		// its type needs, without Set's assignability checks (a value
		// receiver, a struct argument, p = q).
		if (*valueHeader)(unsafe.Pointer(dst)).typ != (*valueHeader)(unsafe.Pointer(src)).typ || !src.CanAddr() {
			return false
		}
		typedmemmove((*valueHeader)(unsafe.Pointer(dst)).typ, d, s)
	default:
		return false
	}
	return true
}

// typedmemmove copies a value of the type typ (an *abi.Type, the type
// word of a reflect.Value) from src to dst: what reflect.Value.Set copies
// with.
//
//go:linkname typedmemmove reflect.typedmemmove
func typedmemmove(typ, dst, src unsafe.Pointer)

// fieldByOffset returns the step of a field selector x.f or p.f, x a struct
// variable or p a pointer-to-struct variable (of the func's own frame or
// of the global frame), with no pointer between the variable's struct and
// the field: the field's reflect.Value, which the step puts in its slot
// for the steps that read or write the field, is made from the field's
// offset, where getIndexSeq and getPtrIndexSeq asked reflect for it
// (Elem, FieldByIndex) each time; slow, their step, takes the other
// cases. It returns nil for other selectors.
func fieldByOffset(n *node, throughPointer bool, slow bltn) bltn {
	r := fieldPlace(n, throughPointer)
	dest := slotAt(n)
	if r == nil || dest == nil || n.fnext != nil {
		return nil
	}
	tnext := getExec(n.tnext)
	i := n.findex
	return func(f *frame) bltn {
		addr := r.addr(f)
		if addr == nil {
			return slow(f) // its panic, or a variable not in place
		}
		putReference(dest(f), i, r.field, addr)
		return tnext
	}
}

// fieldRef is where the field a selector designates is (fieldPlace).
type fieldRef struct {
	global bool           // the variable is in the global frame, else in f's
	j      int            // the variable's index in its frame's data
	varTyp unsafe.Pointer // its type, as its reflect.Value's header has it
	ptr    bool           // the variable is a pointer to the struct
	off    uintptr        // the field's offset in the struct
	field  valueHeader    // the reflect.Value of the field, at address 0
}

// fieldPlace returns where the field the selector n designates is, when n
// is x.f or p.f as fieldByOffset takes them, else nil.
func fieldPlace(n *node, throughPointer bool) *fieldRef {
	index, ok := n.val.([]int)
	c0 := n.child[0]
	global, j, isVar := variableIndex(c0)
	if !typedValues || !ok || len(index) == 0 || !isVar || c0.typ == nil {
		return nil
	}
	vt := c0.typ.TypeOf()
	st := vt
	if throughPointer {
		if vt == nil || vt.Kind() != reflect.Ptr {
			return nil
		}
		st = vt.Elem()
	}
	if st == nil || st.Kind() != reflect.Struct {
		return nil
	}
	// The field's offset, through fields of struct type only.
	var off uintptr
	t := st
	for k, x := range index {
		if t.Kind() != reflect.Struct || x < 0 || x >= t.NumField() {
			return nil
		}
		fld := t.Field(x)
		off += fld.Offset
		t = fld.Type
		if k < len(index)-1 && t.Kind() != reflect.Struct {
			return nil
		}
	}
	// The reflect.Values reflect would give: of the variable, and of the
	// field of an addressable struct (type and flags, at address 0).
	return &fieldRef{
		global: global, j: j, ptr: throughPointer, off: off,
		varTyp: headerOf(reflect.New(vt).Elem()).typ,
		field:  headerOf(reflect.New(st).Elem().FieldByIndex(index)),
	}
}

// addr is the field's address in f, nil when the variable is not in
// place or the pointer is nil.
func (r *fieldRef) addr(f *frame) unsafe.Pointer {
	data := f.data
	if r.global {
		data = f.root.data
	}
	a := variableMemory(data, r.j, r.varTyp)
	if a == nil {
		return nil
	}
	if r.ptr {
		if a = *(*unsafe.Pointer)(a); a == nil {
			return nil
		}
	}
	return unsafe.Add(a, r.off)
}

// sliceHeader is the layout of a slice.
type sliceHeader struct {
	data     unsafe.Pointer
	len, cap int
}

// elementByOffset returns the step of an index expression xs[i], xs a slice
// or string variable (of the func's own frame or of the global frame): the
// element's reflect.Value, which the step puts in its slot for the steps
// that read or write the element, is made from the element's address,
// where getIndexArray asked reflect for it (Len, Index); slow, its step,
// takes the other cases, and an index out of range, on which it panics as
// Go does. It returns nil for other index expressions.
func elementByOffset(n *node, slow bltn) bltn {
	r := elementPlace(n)
	dest := slotAt(n)
	if r == nil || dest == nil || n.fnext != nil {
		return nil
	}
	tnext := getExec(n.tnext)
	i := n.findex
	return func(f *frame) bltn {
		addr := r.addr(f)
		if addr == nil {
			return slow(f) // its panic, or a variable not in place
		}
		putReference(dest(f), i, r.elem, addr)
		return tnext
	}
}

// elementRef is where the element an index expression designates is
// (elementPlace).
type elementRef struct {
	global bool           // the slice variable is in the global frame, else in f's
	j      int            // its index in its frame's data
	varTyp unsafe.Pointer // its type, as its reflect.Value's header has it
	index  func(f *frame) int64
	size   uintptr     // an element's size
	elem   valueHeader // the reflect.Value of an element, at address 0
}

// elementPlace returns where the element the index expression n
// designates is, when n is xs[i] as elementByOffset takes it, else nil.
func elementPlace(n *node) *elementRef {
	c0, c1 := n.child[0], n.child[1]
	global, j, isVar := variableIndex(c0)
	if !typedValues || !isVar || c0.typ == nil || c1.typ == nil {
		return nil
	}
	st := c0.typ.TypeOf()
	if st == nil || st.Kind() != reflect.Slice && st.Kind() != reflect.String {
		return nil
	}
	var index func(f *frame) int64
	switch {
	case c1.rval.IsValid():
		if !isIntConst(c1.rval) {
			return nil
		}
		k := vInt(c1.rval)
		index = func(*frame) int64 { return k }
	case fastType(c1) == fuseInt:
		index = intOperand(c1)
	default:
		v := genValueInt(c1)
		if v == nil {
			return nil
		}
		index = func(f *frame) int64 { _, k := v(f); return k }
	}
	// The reflect.Values reflect would give: of the variable, and of an
	// element (type and flags, at address 0).
	if st.Kind() == reflect.String {
		// A byte of the string, not addressable, as reflect gives it
		// (a string's header begins as a slice's).
		return &elementRef{
			global: global, j: j, index: index, size: 1,
			varTyp: headerOf(reflect.New(st).Elem()).typ,
			elem:   headerOf(reflect.ValueOf("s").Index(0)),
		}
	}
	return &elementRef{
		global: global, j: j, index: index, size: st.Elem().Size(),
		varTyp: headerOf(reflect.New(st).Elem()).typ,
		elem:   headerOf(reflect.MakeSlice(st, 1, 1).Index(0)),
	}
}

// addr is the element's address in f, nil when the variable is not in
// place or the index is out of range.
func (r *elementRef) addr(f *frame) unsafe.Pointer {
	data := f.data
	if r.global {
		data = f.root.data
	}
	p := variableMemory(data, r.j, r.varTyp)
	if p == nil {
		return nil
	}
	s := (*sliceHeader)(p)
	k := r.index(f)
	if uint64(k) >= uint64(s.len) {
		return nil
	}
	return unsafe.Add(s.data, uintptr(k)*r.size)
}

// headerOf is v's reflect.Value header without its data: the type and
// flags of the values made from it (putReference).
func headerOf(v reflect.Value) valueHeader {
	h := *(*valueHeader)(unsafe.Pointer(&v))
	h.ptr = nil
	return h
}

// variableMemory is the memory of the variable data[j] when it is a
// settable value of the type typ (a header's type word), else nil.
func variableMemory(data []reflect.Value, j int, typ unsafe.Pointer) unsafe.Pointer {
	if j >= len(data) {
		return nil
	}
	v := &data[j]
	if h := (*valueHeader)(unsafe.Pointer(v)); h.typ == typ && v.CanSet() {
		return h.ptr
	}
	return nil
}

// putReference puts in data[i] the reflect.Value of the variable at addr,
// with the type and flags of tmpl: the Value reflect would give for a
// field or an element there.
func putReference(data []reflect.Value, i int, tmpl valueHeader, addr unsafe.Pointer) {
	tmpl.ptr = addr
	*(*valueHeader)(unsafe.Pointer(&data[i])) = tmpl
}
