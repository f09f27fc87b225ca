package interp

import (
	"reflect"
	"unsafe"
)

// gopar: x = y of a plain value (a number, a bool, a string, a pointer)
// in one step, where x and y are each a variable of the func's own frame
// or of the global frame, a field or an element read in place
// (fuseplace.go), or y a constant: isPrime[k] = false, perm1[i] =
// perm1[i+1], k = perm[0], p.X = q.X. Each field and element was a step
// of its own that made its reflect.Value, and the assignment a third step
// that copied one into the other through them.
//
// As in Go, y is read before x's place is found: an index out of range on
// the right panics before one on the left.

// copyEnd is one side of such an assignment.
type copyEnd struct {
	// A variable: in the global frame or f's, its index there, its type
	// as its reflect.Value's header has it.
	global bool
	j      int
	varTyp unsafe.Pointer
	at     *place         // a field or an element in place, else nil
	konst  unsafe.Pointer // the memory of a constant, else nil
	// value is the side as a reflect.Value, reflect's way with its
	// panics, for when addr gives nil.
	value func(*frame) reflect.Value
}

// addr is the memory of the side in f, nil where reflect's way is to be
// taken.
func (e *copyEnd) addr(f *frame) unsafe.Pointer {
	switch {
	case e.konst != nil:
		return e.konst
	case e.at != nil:
		return e.at.addr(f)
	}
	data := f.data
	if e.global {
		data = f.root.data
	}
	return variableMemory(data, e.j, e.varTyp)
}

// copyEndOf returns c as a side of a copy of type t, nil when it cannot
// be one: a constant or a step's result only on the right.
func copyEndOf(c *node, t reflect.Type, right bool) *copyEnd {
	if c.typ == nil || c.typ.TypeOf() != t {
		return nil
	}
	if c.rval.IsValid() {
		if !right || c.rval.Type() != t {
			return nil
		}
		v := reflect.New(t)
		v.Elem().Set(c.rval)
		return &copyEnd{konst: v.UnsafePointer(), value: func(*frame) reflect.Value { return c.rval }}
	}
	if global, j, ok := variableIndex(c); ok {
		return &copyEnd{global: global, j: j, varTyp: headerOf(reflect.New(t).Elem()).typ, value: genValue(c)}
	}
	if !right && c.kind == identExpr && c.anc != nil && c.anc.kind == defineStmt && c.level == 0 && c.findex >= 0 {
		// The variable a definition makes (in the slot of the one before
		// it: definesInPlace).
		return &copyEnd{j: c.findex, varTyp: headerOf(reflect.New(t).Elem()).typ, value: genValue(c)}
	}
	if (c.kind == selectorExpr || c.kind == indexExpr) && inPlace(c) && (c.kind == selectorExpr || sideEffectFree(c.child[1])) {
		at := placeOf(c)
		return &copyEnd{at: at, value: at.slow}
	}
	if j, ok := localSlot(c); ok && right && c.sym == nil {
		// The result of a step before (i+1 in i, j = i+1, j-1), or the
		// reflect.Value of the field or element it designates.
		return &copyEnd{j: j, varTyp: headerOf(reflect.New(t).Elem()).typ, value: genValue(c)}
	}
	return nil
}

// sideEffectFree reports whether computing c runs no code of the program
// and changes nothing: a constant, a variable, a field or an element
// inlined in a fused expression, arithmetic on those.
func sideEffectFree(c *node) bool {
	switch {
	case c.rval.IsValid():
		return true
	case c.kind == identExpr:
		return c.sym != nil && c.sym.kind == varSym
	case c.inline && c.kind == selectorExpr: // of a variable (inPlace)
		return true
	case c.inline && c.kind == indexExpr: // of a slice or string variable
		return sideEffectFree(c.child[1])
	case c.kind == parenExpr || c.kind == binaryExpr && isArithmeticAction(c):
		for _, cc := range c.child {
			if !sideEffectFree(cc) {
				return false
			}
		}
		return true
	}
	return false
}

// plainMove returns how a value of type t is copied from memory to a
// temporary and from it to memory, nil when t is not plain. The
// compiler's typed stores keep the garbage collector's write barriers for
// strings and pointers, which the temporary holds as what they are. The
// temporaries are values: a pointer to them handed to these funcs made
// them escape, an allocation at every assignment.
func plainMove(t reflect.Type) (load func(src unsafe.Pointer) copyTemp, store func(dst unsafe.Pointer, tmp copyTemp)) {
	switch t.Kind() {
	case reflect.Bool, reflect.Int8, reflect.Uint8:
		return func(src unsafe.Pointer) copyTemp { return copyTemp{w: uint64(*(*uint8)(src))} },
			func(dst unsafe.Pointer, tmp copyTemp) { *(*uint8)(dst) = uint8(tmp.w) }
	case reflect.Int16, reflect.Uint16:
		return func(src unsafe.Pointer) copyTemp { return copyTemp{w: uint64(*(*uint16)(src))} },
			func(dst unsafe.Pointer, tmp copyTemp) { *(*uint16)(dst) = uint16(tmp.w) }
	case reflect.Int32, reflect.Uint32, reflect.Float32:
		return func(src unsafe.Pointer) copyTemp { return copyTemp{w: uint64(*(*uint32)(src))} },
			func(dst unsafe.Pointer, tmp copyTemp) { *(*uint32)(dst) = uint32(tmp.w) }
	case reflect.Int, reflect.Int64, reflect.Uint, reflect.Uint64, reflect.Uintptr, reflect.Float64, reflect.Complex64:
		if t.Size() != 8 {
			return nil, nil
		}
		return func(src unsafe.Pointer) copyTemp { return copyTemp{w: *(*uint64)(src)} },
			func(dst unsafe.Pointer, tmp copyTemp) { *(*uint64)(dst) = tmp.w }
	case reflect.Complex128:
		return func(src unsafe.Pointer) copyTemp { return copyTemp{c: *(*complex128)(src)} },
			func(dst unsafe.Pointer, tmp copyTemp) { *(*complex128)(dst) = tmp.c }
	case reflect.String:
		return func(src unsafe.Pointer) copyTemp { return copyTemp{s: *(*string)(src)} },
			func(dst unsafe.Pointer, tmp copyTemp) { *(*string)(dst) = tmp.s }
	case reflect.Ptr, reflect.UnsafePointer, reflect.Map, reflect.Chan:
		return func(src unsafe.Pointer) copyTemp { return copyTemp{p: *(*unsafe.Pointer)(src)} },
			func(dst unsafe.Pointer, tmp copyTemp) { *(*unsafe.Pointer)(dst) = tmp.p }
	}
	return nil, nil
}

// isWord reports whether t's values are one machine word holding no
// pointer: an int, a uint, a float64.
func isWord(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Int, reflect.Int64, reflect.Uint, reflect.Uint64, reflect.Uintptr, reflect.Float64:
		return t.Size() == 8
	}
	return false
}

// copyTemp holds a value read by a multiple assignment until it is
// written: a word (numbers, bools), a complex128, a string or a pointer.
type copyTemp struct {
	w uint64
	c complex128
	s string
	p unsafe.Pointer
}

// genFastCopy is the step of x = y (or x := y into the slot of the x
// before it) as described above, and of x, y = a, b with up to four
// pairs, where a source may also be the result of a step before (i, j =
// i+1, j-1).
func genFastCopy(n *node) bool {
	k := n.nleft
	if n.action != aAssign || k < 1 || k > 4 || n.nright != k || len(n.child) != 2*k ||
		reflect.ValueOf(n.gen).Pointer() != reflect.ValueOf(assign).Pointer() {
		return false
	}
	pairs := make([]copyPair, k)
	for i := range pairs {
		dest, src := n.child[i], n.child[k+i]
		if dest.typ == nil || src.typ == nil || dest.ident == "_" || isMapEntry(dest) || isInterface(dest.typ) || isNamedFuncSrc(src.typ) {
			return false
		}
		if n.kind == defineStmt && !definesInPlace(n, dest) {
			return false
		}
		if dest.kind == indexExpr && !sideEffectFree(dest.child[1]) {
			return false
		}
		t := dest.typ.TypeOf()
		if t == nil {
			return false
		}
		load, store := plainMove(t)
		d, s := copyEndOf(dest, t, false), copyEndOf(src, t, true)
		if load == nil || d == nil || s == nil {
			return false
		}
		pairs[i] = copyPair{dest, src, d, s, load, store, t}
	}
	next := getExec(n.tnext)
	if k == 1 {
		d, s := pairs[0].d, pairs[0].s
		cp := plainCopy(pairs[0].zero)
		n.exec = func(f *frame) bltn {
			if sp := s.addr(f); sp != nil {
				if dp := d.addr(f); dp != nil {
					cp(dp, sp)
					return next
				}
			}
			v := s.value(f)
			setValue(d.value(f), v)
			return next
		}
	} else {
		n.exec = multiCopy(pairs, next)
	}
	// The steps that made the fields' or elements' reflect.Values are left
	// doing nothing.
	for _, p := range pairs {
		if p.d.at != nil {
			p.dest.gen = nop
		}
		if p.s.at != nil {
			p.src.gen = nop
		}
	}
	return true
}

// copyPair is a destination and its source in an assignment of plain
// values (genFastCopy).
type copyPair struct {
	dest, src *node
	d, s      *copyEnd
	load      func(unsafe.Pointer) copyTemp
	store     func(unsafe.Pointer, copyTemp)
	zero      reflect.Type // the slow way's temporary
}

// multiCopy is the step of a multiple assignment of plain values: every
// source read, then every destination written, in place; reflect's way
// where a side is not in place.
func multiCopy(pairs []copyPair, next bltn) bltn {
	slow := func(f *frame) bltn {
		var tmp [4]reflect.Value
		for i, p := range pairs {
			tmp[i] = reflect.New(p.zero).Elem()
			setValue(tmp[i], p.s.value(f))
		}
		for i, p := range pairs {
			setValue(p.d.value(f), tmp[i])
		}
		return next
	}
	if len(pairs) == 2 && isWord(pairs[0].zero) && isWord(pairs[1].zero) {
		// Two words (a swap, i, j = i+1, j-1), the most frequent.
		s0, s1, d0, d1 := pairs[0].s, pairs[1].s, pairs[0].d, pairs[1].d
		return func(f *frame) bltn {
			p0, p1 := s0.addr(f), s1.addr(f)
			if p0 == nil || p1 == nil {
				return slow(f)
			}
			x0, x1 := *(*uint64)(p0), *(*uint64)(p1)
			q0, q1 := d0.addr(f), d1.addr(f)
			if q0 == nil || q1 == nil {
				return slow(f)
			}
			*(*uint64)(q0), *(*uint64)(q1) = x0, x1
			return next
		}
	}
	return func(f *frame) bltn {
		var tmp [4]copyTemp
		for i := range pairs {
			p := &pairs[i]
			sp := p.s.addr(f)
			if sp == nil {
				return slow(f)
			}
			tmp[i] = p.load(sp)
		}
		var dst [4]unsafe.Pointer
		for i := range pairs {
			if dst[i] = pairs[i].d.addr(f); dst[i] == nil {
				return slow(f)
			}
		}
		for i := range pairs {
			pairs[i].store(dst[i], tmp[i])
		}
		return next
	}
}

// plainCopy returns the copy of a value of type t from memory to memory,
// nil when t is not plain: the compiler's typed stores keep the garbage
// collector's write barriers for strings and pointers. It is plainMove's
// load and store in one call, for the single assignment, the most
// frequent. copyPlain has the same switch on kinds for reflect.Values:
// one shared func called from both made calls and loops 6 to 10 % slower
// (a call more on every argument and copy), so each keeps its own.
func plainCopy(t reflect.Type) func(dst, src unsafe.Pointer) {
	switch t.Kind() {
	case reflect.Bool, reflect.Int8, reflect.Uint8:
		return func(dst, src unsafe.Pointer) { *(*uint8)(dst) = *(*uint8)(src) }
	case reflect.Int16, reflect.Uint16:
		return func(dst, src unsafe.Pointer) { *(*uint16)(dst) = *(*uint16)(src) }
	case reflect.Int32, reflect.Uint32, reflect.Float32:
		return func(dst, src unsafe.Pointer) { *(*uint32)(dst) = *(*uint32)(src) }
	case reflect.Int, reflect.Int64, reflect.Uint, reflect.Uint64, reflect.Uintptr, reflect.Float64, reflect.Complex64:
		if t.Size() != 8 {
			return nil
		}
		return func(dst, src unsafe.Pointer) { *(*uint64)(dst) = *(*uint64)(src) }
	case reflect.Complex128:
		return func(dst, src unsafe.Pointer) { *(*complex128)(dst) = *(*complex128)(src) }
	case reflect.String:
		return func(dst, src unsafe.Pointer) { *(*string)(dst) = *(*string)(src) }
	case reflect.Ptr, reflect.UnsafePointer, reflect.Map, reflect.Chan:
		return func(dst, src unsafe.Pointer) { *(*unsafe.Pointer)(dst) = *(*unsafe.Pointer)(src) }
	}
	return nil
}
