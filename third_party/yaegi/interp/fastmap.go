package interp

import (
	"reflect"
	"unsafe"
)

// gopar: reading and writing an entry of a map whose keys and elements are
// of common basic kinds (map[string]int, map[int]bool, a program's `type
// Counts map[string]int`) is Go's map operation on the map itself.
// Through reflect, MapIndex copied the element to a new allocation and
// both it and SetMapIndex went through the generic runtime calls, not the
// ones Go has for int and string keys; `m[k] = m[k] + 1` cost ~100 ns.
// The map is the program's own Go map, so a missing key, NaN keys, a nil
// map written to and concurrent writes behave as in compiled Go. The kinds
// are a list rather than all of them: each pair of key and element kinds
// is code of its own.

// mapAccess is the typed access to the entries of the maps of one pair of
// key and element kinds: each method returns a step (or a part of one)
// doing what the map index n of such a map does.
type mapAccess interface {
	// index is dest = m[k], the zero value for a missing key.
	index(m, dest func(*frame) reflect.Value, n *node, next bltn) bltn
	// indexBranch is index for a map of bools whose element is a
	// condition: it goes on to tnext when the element is true.
	indexBranch(m, dest func(*frame) reflect.Value, n *node, tnext, fnext bltn) bltn
	// index2 is dest, status = m[k], without dest or without status when
	// nil (assigned to _).
	index2(m, dest, status func(*frame) reflect.Value, n *node, next bltn) bltn
	// assign is m[k] = src.
	assign(m func(*frame) reflect.Value, n, src *node, next bltn) bltn
	// setter is m[k] = v with v a value of the element's type.
	setter(m func(*frame) reflect.Value, n *node) func(*frame, reflect.Value)
	// update is m[k] op= y (m[k]++ or m[k]-- when y is nil), nil when
	// the elements have no such operator.
	update(m func(*frame) reflect.Value, n *node, op action, y *node, next bltn) bltn
}

// typedEntries is the mapAccess of maps of the Go type map[K]V, and of every map
// type of the same key and element kinds, which is laid out and hashed
// alike.
type typedEntries[K comparable, V any] struct{ key, elem reflect.Kind }

var mapAccesses = map[[2]reflect.Kind]mapAccess{}

func init() {
	addMapKey[int](reflect.Int)
	addMapKey[int32](reflect.Int32)
	addMapKey[int64](reflect.Int64)
	addMapKey[uint8](reflect.Uint8)
	addMapKey[uint](reflect.Uint)
	addMapKey[uint64](reflect.Uint64)
	addMapKey[float64](reflect.Float64)
	addMapKey[string](reflect.String)
}

// addMapKey registers the accesses of the maps with keys of kind k, whose Go type is K.
func addMapKey[K comparable](k reflect.Kind) {
	add := func(a mapAccess, e reflect.Kind) { mapAccesses[[2]reflect.Kind{k, e}] = a }
	add(typedEntries[K, bool]{k, reflect.Bool}, reflect.Bool)
	add(typedEntries[K, int]{k, reflect.Int}, reflect.Int)
	add(typedEntries[K, int32]{k, reflect.Int32}, reflect.Int32)
	add(typedEntries[K, int64]{k, reflect.Int64}, reflect.Int64)
	add(typedEntries[K, uint8]{k, reflect.Uint8}, reflect.Uint8)
	add(typedEntries[K, uint]{k, reflect.Uint}, reflect.Uint)
	add(typedEntries[K, uint64]{k, reflect.Uint64}, reflect.Uint64)
	add(typedEntries[K, float64]{k, reflect.Float64}, reflect.Float64)
	add(typedEntries[K, string]{k, reflect.String}, reflect.String)
}

// mapAccessOf returns the typed access of the maps indexed by n (m[k]),
// or nil when they keep reflect's.
func mapAccessOf(n *node) mapAccess {
	if !typedValues || n.child[0].typ == nil {
		return nil
	}
	t := n.child[0].typ.frameType()
	if t.Kind() != reflect.Map {
		return nil
	}
	return mapAccesses[[2]reflect.Kind{t.Key().Kind(), t.Elem().Kind()}]
}

// typedMap is the map v holds, a map whose key and element kinds are K's
// and V's.
func typedMap[K comparable, V any](v reflect.Value) map[K]V {
	p := v.UnsafePointer()
	return *(*map[K]V)(unsafe.Pointer(&p))
}

// ofKind reports whether the values of n are held as values of kind k.
func ofKind(n *node, k reflect.Kind) bool {
	return n.typ != nil && n.typ.frameType().Kind() == k
}

func (a typedEntries[K, V]) index(m, dest func(*frame) reflect.Value, n *node, next bltn) bltn {
	key := typedOperand[K](n.child[1], a.key)
	if key == nil || !ofKind(n, a.elem) {
		return nil
	}
	return func(f *frame) bltn {
		setValueAs(dest(f), typedMap[K, V](m(f))[key(f)])
		return next
	}
}

func (a typedEntries[K, V]) indexBranch(m, dest func(*frame) reflect.Value, n *node, tnext, fnext bltn) bltn {
	key := typedOperand[K](n.child[1], a.key)
	if key == nil || a.elem != reflect.Bool || !ofKind(n, a.elem) {
		return nil
	}
	return func(f *frame) bltn {
		if typedMap[K, bool](m(f))[key(f)] {
			setValueAs(dest(f), true)
			return tnext
		}
		setValueAs(dest(f), false)
		return fnext
	}
}

func (a typedEntries[K, V]) index2(m, dest, status func(*frame) reflect.Value, n *node, next bltn) bltn {
	key := typedOperand[K](n.child[1], a.key)
	if key == nil || dest != nil && !ofKind(n.anc.child[0], a.elem) || status != nil && !ofKind(n.anc.child[1], reflect.Bool) {
		return nil
	}
	switch {
	case dest == nil:
		return func(f *frame) bltn {
			_, ok := typedMap[K, V](m(f))[key(f)]
			setValueAs(status(f), ok)
			return next
		}
	case status == nil:
		return func(f *frame) bltn {
			setValueAs(dest(f), typedMap[K, V](m(f))[key(f)])
			return next
		}
	}
	return func(f *frame) bltn {
		v, ok := typedMap[K, V](m(f))[key(f)]
		setValueAs(dest(f), v)
		setValueAs(status(f), ok)
		return next
	}
}

func (a typedEntries[K, V]) assign(m func(*frame) reflect.Value, n, src *node, next bltn) bltn {
	key := typedOperand[K](n.child[1], a.key)
	val := typedOperand[V](src, a.elem)
	if key == nil || val == nil {
		return nil
	}
	return func(f *frame) bltn {
		typedMap[K, V](m(f))[key(f)] = val(f)
		return next
	}
}

func (a typedEntries[K, V]) setter(m func(*frame) reflect.Value, n *node) func(*frame, reflect.Value) {
	key := typedOperand[K](n.child[1], a.key)
	if key == nil || !ofKind(n, a.elem) {
		return nil
	}
	return func(f *frame, v reflect.Value) {
		typedMap[K, V](m(f))[key(f)] = valueAs[V](v)
	}
}

func (a typedEntries[K, V]) update(m func(*frame) reflect.Value, n *node, op action, y *node, next bltn) bltn {
	key := typedOperand[K](n.child[1], a.key)
	if key == nil {
		return nil
	}
	switch any(*new(V)).(type) {
	case int:
		return numberUpdate[K, int](m, key, op, y, a.elem, next)
	case int32:
		return numberUpdate[K, int32](m, key, op, y, a.elem, next)
	case int64:
		return numberUpdate[K, int64](m, key, op, y, a.elem, next)
	case uint8:
		return numberUpdate[K, uint8](m, key, op, y, a.elem, next)
	case uint:
		return numberUpdate[K, uint](m, key, op, y, a.elem, next)
	case uint64:
		return numberUpdate[K, uint64](m, key, op, y, a.elem, next)
	case float64:
		return numberUpdate[K, float64](m, key, op, y, a.elem, next)
	case string:
		if op != aAdd || y == nil {
			return nil
		}
		if y := typedOperand[string](y, a.elem); y != nil {
			return func(f *frame) bltn {
				typedMap[K, string](m(f))[key(f)] += y(f)
				return next
			}
		}
	}
	return nil
}

// mapNumber is the element types of maps updated by arithmetic.
type mapNumber interface {
	~int | ~int32 | ~int64 | ~uint8 | ~uint | ~uint64 | ~float64
}

// numberUpdate is the step of m[k] op= y on a map of numbers (m[k]++ or
// m[k]-- for a nil y), or nil.
func numberUpdate[K comparable, V mapNumber](m func(*frame) reflect.Value, key func(*frame) K, op action, y *node, elem reflect.Kind, next bltn) bltn {
	var inc V = 1
	if y != nil && isConstant(y) && op == aAdd {
		c := typedOperand[V](y, elem)
		if c == nil {
			return nil
		}
		inc = c(nil)
	}
	if y == nil && op == aSub {
		inc = 0
		inc-- // -1 in V's arithmetic, unsigned too
	}
	if y == nil || isConstant(y) && op == aAdd { // counting: m[k]++, m[k] += 1
		return func(f *frame) bltn {
			typedMap[K, V](m(f))[key(f)] += inc
			return next
		}
	}
	x := typedOperand[V](y, elem)
	if x == nil {
		return nil
	}
	switch op {
	case aAdd:
		return func(f *frame) bltn {
			typedMap[K, V](m(f))[key(f)] += x(f)
			return next
		}
	case aSub:
		return func(f *frame) bltn {
			typedMap[K, V](m(f))[key(f)] -= x(f)
			return next
		}
	case aMul:
		return func(f *frame) bltn {
			typedMap[K, V](m(f))[key(f)] *= x(f)
			return next
		}
	}
	return nil
}

// entryUpdate finds the statement that updates the entry the map index n
// reads, when n's step and the statement's are the statement's only steps
// (what it adds is a variable or a constant): m[k]++, m[k] += y, m[k] =
// m[k] + y. It returns the operator (aAdd for ++, aSub for --), y (nil for
// ++ and --) and the statement.
func entryUpdate(n *node) (op action, y, stmt *node) {
	p := n.anc
	if p == nil || len(p.child) == 0 || p.child[0] != n || n.tnext != p {
		return aNop, nil, nil
	}
	switch {
	case p.kind == incDecStmt && len(p.child) == 1:
		if p.action == aDec {
			return aSub, nil, p
		}
		return aAdd, nil, p
	case p.kind == assignStmt && len(p.child) == 2:
		switch p.action {
		case aAddAssign:
			op = aAdd
		case aSubAssign:
			op = aSub
		case aMulAssign:
			op = aMul
		default:
			return aNop, nil, nil
		}
		stmt = p
	case p.kind == binaryExpr && len(p.child) == 2 && (p.action == aAdd || p.action == aSub || p.action == aMul):
		// m[k] = m[k] op y: the assignment's first step is its
		// destination's (nothing is done there for a map entry).
		a := p.anc
		if a == nil || a.kind != assignStmt || a.action != aAssign || len(a.child) != 2 || a.child[1] != p ||
			p.tnext != a || !sameEntry(a.child[0], n) || p.typ == nil || n.typ == nil || p.typ.id() != n.typ.id() {
			return aNop, nil, nil
		}
		op, stmt = p.action, a
	default:
		return aNop, nil, nil
	}
	y = p.child[1]
	if !y.rval.IsValid() && (y.kind != identExpr || y.sym == nil || y.sym.kind != varSym) {
		return aNop, nil, nil // y has steps of its own
	}
	return op, y, stmt
}

// sameEntry reports whether the map indexes a and b are the same variable
// indexed by the same variable or constant.
func sameEntry(a, b *node) bool {
	if !isMapEntry(a) || !isMapEntry(b) || !namesSameVariable(a.child[0], b.child[0]) {
		return false
	}
	ka, kb := a.child[1], b.child[1]
	if ka.rval.IsValid() || kb.rval.IsValid() {
		return isConstant(ka) && isConstant(kb) && ka.rval.Type() == kb.rval.Type() && ka.rval.Equal(kb.rval)
	}
	return namesSameVariable(ka, kb)
}

// namesSameVariable reports whether a and b name the same variable.
func namesSameVariable(a, b *node) bool {
	return a.kind == identExpr && b.kind == identExpr && a.sym != nil && a.sym == b.sym && a.sym.kind == varSym && a.level == b.level
}

// mapIndexStep returns the typed step of the map index n (getIndexMap),
// or nil. When n's entry is then updated by arithmetic, the step does the
// update too and goes on after the statement.
func mapIndexStep(n *node) bltn {
	a := mapAccessOf(n)
	if a == nil {
		return nil
	}
	m, dest := genValue(n.child[0]), genValue(n)
	if op, y, stmt := entryUpdate(n); stmt != nil {
		if exec := a.update(m, n, op, y, getExec(stmt.tnext)); exec != nil {
			return exec
		}
	}
	if n.fnext != nil {
		return a.indexBranch(m, dest, n, getExec(n.tnext), getExec(n.fnext))
	}
	return a.index(m, dest, n, getExec(n.tnext))
}

// mapIndex2Step returns the typed step of v, ok = m[k] (getIndexMap2),
// or nil. dest and status are nil for _.
func mapIndex2Step(n *node, dest, status func(*frame) reflect.Value) bltn {
	a := mapAccessOf(n)
	if a == nil {
		return nil
	}
	return a.index2(genValue(n.child[0]), dest, status, n, getExec(n.tnext))
}

// mapAssignStep returns the typed step of the assignment m[k] = src
// (dest is m[k]), or nil.
func mapAssignStep(dest, src *node, next bltn) bltn {
	a := mapAccessOf(dest)
	if a == nil {
		return nil
	}
	return a.assign(genValue(dest.child[0]), dest, src, next)
}

// genMapEntrySetter returns how the entry the map index n (m[k]) denotes
// is set to a value of its element type, as the assignment operators do
// after computing it (m[k] += x, m[k]++).
func genMapEntrySetter(n *node) func(*frame, reflect.Value) {
	m := genValue(n.child[0])
	if a := mapAccessOf(n); a != nil {
		if set := a.setter(m, n); set != nil {
			return set
		}
	}
	key := genValue(n.child[1])
	return func(f *frame, v reflect.Value) { m(f).SetMapIndex(key(f), v) }
}
