package interp

import "reflect"

// gopar: the frame of a call is reused by a later call of the same func
// once the call has returned, when nothing can refer to it any more. A
// frame holds the call's variables; allocating it (and collecting it) was
// most of the cost of a call to a small func. Something outlives the call
// only through what its body writes: a func literal (a closure keeps the
// frame), a go or defer statement, an address (&x, or a method with a
// pointer receiver called on a variable, or a slice of an array
// variable). A func whose body has none of these leaves nothing behind
// that refers to its frame: values it hands on are copies (arguments,
// results, assignments, interface values, which copy an addressable value
// when they are made). A call that panics, runs as a goroutine or runs
// with a debugger attached keeps its frame.

// reusable reports whether the frames of calls of def, a func
// declaration or literal, can be reused once a call has returned.
func (l *slotLayout) reusable(def *node) bool {
	u := l.uses(def)
	return !u.addressed && !u.kept
}

// addrOfNewStruct reports whether n, an address expression, is of a
// struct or array literal (&T{...}): the literal is a new variable of its
// own (doComposite, arrayLit), not one of the frame.
func addrOfNewStruct(n *node) bool {
	if len(n.child) == 0 || n.child[0].kind != compositeLitExpr {
		return false
	}
	t := n.child[0].typ
	for t != nil && t.cat == linkedT {
		t = t.val
	}
	return t != nil && (t.cat == structT || t.cat == arrayT)
}

// slicesNoVariable reports whether the slice expression n slices a slice
// or a string, not an array variable, whose memory the slice would share.
func slicesNoVariable(n *node) bool {
	if len(n.child) == 0 || n.child[0].typ == nil {
		return false
	}
	rt := n.child[0].typ.TypeOf()
	return rt != nil && (rt.Kind() == reflect.Slice || rt.Kind() == reflect.String || rt.Kind() == reflect.Pointer)
}

// receiverIsReference reports whether the receiver of the method that the
// selector n names is not in a frame: a method with a pointer receiver
// called on a variable takes the variable's address.
func receiverIsReference(n *node) bool {
	if m, ok := n.val.(*node); ok && valueReceiver(m) {
		// A program's method with a value receiver gets a copy.
		return true
	}
	return len(n.child) > 0 && !inFrame(n.child[0])
}

// valueReceiver reports whether m is a method declared with a receiver
// that is not a pointer.
func valueReceiver(m *node) bool {
	t := receiverType(m)
	return t != nil && t.kind != starExpr
}

// receiverType is the type expression of the receiver of m, or nil when
// m is not a method declaration.
func receiverType(m *node) *node {
	if m.kind != funcDecl || len(m.child) == 0 || m.child[0] == nil || len(m.child[0].child) != 1 {
		return nil
	}
	field := m.child[0].child[0]
	if len(field.child) == 0 {
		return nil
	}
	return field.child[len(field.child)-1]
}

// inFrame reports whether the value of expression e may be, or be part of,
// a variable of a frame (as opposed to memory reached through a pointer,
// a slice or a map, or an interface, which holds a copy).
func inFrame(e *node) bool {
	if e.typ == nil {
		return true
	}
	if isPtrSrc(e.typ) || isInterface(e.typ) {
		return false
	}
	switch e.kind {
	case selectorExpr, indexExpr:
		if len(e.child) == 0 || e.child[0].typ == nil {
			return true
		}
		if rt := e.child[0].typ.TypeOf(); rt != nil {
			switch rt.Kind() {
			case reflect.Pointer, reflect.Slice, reflect.Map:
				return false
			}
		}
		return inFrame(e.child[0])
	case starExpr:
		return false
	}
	return true
}

// gopar: a variable declared with := in a loop is a new variable at each
// iteration. yaegi made each one a new allocation, so that a closure or a
// pointer made in an earlier iteration keeps its own; when nothing can
// keep one (no func literal refers to the variable, and no address is
// taken in the func), the new variable is the old slot, assigned in place.

// varUse is what a func's body does with its variables and its frame.
type varUse struct {
	captured  map[int]bool // frame indexes of variables func literals refer to
	addressed bool         // an address of a variable may be taken
	kept      bool         // a func literal, go or defer statement may keep the frame
}

// uses returns what the func def's body does with its variables, looked
// at on first use.
func (l *slotLayout) uses(def *node) *varUse {
	if u := l.varUse.Load(); u != nil {
		return u
	}
	u := varUsesOf(def)
	l.varUse.Store(u)
	return u
}

func varUsesOf(def *node) *varUse {
	u := &varUse{captured: map[int]bool{}}
	if len(def.child) < 4 || def.child[3] == nil {
		u.addressed, u.kept = true, true
		return u
	}
	// The tree of an instantiated generic body may lead back to a node
	// seen before: each node is looked at once.
	seen := map[*node]bool{}
	var walk func(n *node, depth int)
	walk = func(n *node, depth int) {
		if seen[n] {
			return
		}
		seen[n] = true
		switch {
		case n.kind == funcLit:
			depth++
			u.kept = true
		case n.kind == goStmt, n.kind == deferStmt:
			u.kept = true
		case n.kind == identExpr && depth > 0 && n.level == depth:
			// A variable of def's frame, seen from a literal depth
			// literals down.
			u.captured[n.findex] = true
		case n.action == aAddr && !addrOfNewStruct(n),
			n.kind == sliceExpr && !slicesNoVariable(n),
			n.kind == selectorExpr && n.recv != nil && !receiverIsReference(n):
			u.addressed = true
		}
		for _, c := range n.child {
			walk(c, depth)
		}
	}
	walk(def.child[3], 0)
	return u
}

// definesInPlace reports whether the define statement n can assign its
// new variable c in the slot of the one before it.
func definesInPlace(n, c *node) bool {
	if c.level != 0 {
		return false
	}
	def := enclosingFunc(n)
	if def == nil || def.types == nil {
		return false
	}
	u := def.slotLayout().uses(def)
	return !u.addressed && !u.captured[c.findex]
}

// enclosingFunc is the func declaration or literal whose body holds n, or
// nil.
func enclosingFunc(n *node) *node {
	for a := n.anc; a != nil; a = a.anc {
		if a.kind == funcDecl || a.kind == funcLit {
			return a
		}
	}
	return nil
}

// assignedToVariable reports whether the composite literal n is written
// straight to the variable an assignment (not a definition) assigns it
// to: the variable keeps its memory, and whatever points to it sees the
// new value (gopar: the variable was given the literal's new memory, so
// that `p := &x; x = T{...}` left *p the old value).
func assignedToVariable(n *node) bool {
	a := n.anc
	if a == nil || a.kind != assignStmt || a.nleft != a.nright {
		return false
	}
	pos := childPos(n)
	if pos < a.nleft {
		return false
	}
	d := a.child[pos-a.nright]
	return d.findex == n.findex && d.level == n.level
}
