package interp

// gopar: what a compiled file of package-level declarations keeps once it
// ran. Every node links to its ancestor and every ancestor to its children,
// so one declaration the package keeps (a func, a type) kept the whole file:
// each variable's declaration, the package clause, the file node. A session
// that runs thousands of small cells kept thousands of such trees.

// releaseFile lets the parts of a file that ran go that nothing runs or
// reads again: the file node and its list of declarations, and the
// declarations of variables (their symbols keep index and type, all later
// code reads of them). A debugger that is attached walks the files it
// saw, which are then kept whole.
func (interp *Interpreter) releaseFile(root *node) {
	if root == nil || root.kind != fileStmt || interp.debugger != nil {
		return
	}
	interp.mutex.Lock()
	sc := interp.scopes[mainID]
	for _, d := range root.child {
		if d.kind == typeDecl && sc != nil {
			for _, spec := range d.child {
				releaseTypeSpec(sc, spec)
			}
		}
		if d.kind == funcDecl {
			releaseFuncParams(d)
		}
		if d.kind != varDecl || sc == nil {
			continue
		}
		for _, spec := range d.child {
			for _, id := range spec.child {
				s := sc.sym[id.ident]
				if id.kind != identExpr || s == nil || s.kind != varSym || s.node != spec {
					continue
				}
				s.node = nil
				if t := s.typ; t.cat == funcT && t.node != nil && t.node.anc == spec && !isGeneric(t) {
					// A func type written in the declaration: its params
					// and results are in the type, what reads the node
					// reads it of generic funcs and declared ones.
					t.node = nil
				}
			}
		}
	}
	// What the package keeps hangs from one file node, without children:
	// a package-level func is told by its ancestor's kind (funcvalue.go).
	if interp.releasedFile == nil {
		interp.releasedFile = root
	}
	for _, d := range root.child {
		d.anc = interp.releasedFile
	}
	interp.mutex.Unlock()
	root.child = nil
}

// releaseTypeSpec lets the fields of a complete, non-generic struct type
// go as they were written (type T struct{ A, B int }): the type holds its
// fields and their types. The struct node stays, the node of the type,
// with the ancestors a method declared later reads.
func releaseTypeSpec(sc *scope, spec *node) {
	if spec.kind != typeSpec || len(spec.child) != 2 || len(spec.param) > 0 {
		return
	}
	s := sc.sym[spec.child[0].ident]
	if s == nil || s.kind != typeSym || s.typ == nil || s.typ != spec.typ {
		return
	}
	if t := s.typ; t.cat == structT && t.node == spec.child[1] && !t.incomplete && t.isComplete() {
		t.node.child = nil
	}
}

// releaseFuncParams lets the parameter and result lists of a compiled,
// non-generic func without receiver go as they were written: its type
// holds them, its scope their names, and what reads the lists of a func
// declared earlier reads them of generic funcs (isGeneric, instantiation)
// and of methods.
func releaseFuncParams(d *node) {
	if len(d.child) != 4 || len(d.child[0].child) > 0 {
		return
	}
	ft := d.child[2]
	if ft.kind != funcType || ft.typ == nil || ft.typ != d.typ || ft.typ.incomplete || isGeneric(ft.typ) {
		return
	}
	ft.child = nil
}
