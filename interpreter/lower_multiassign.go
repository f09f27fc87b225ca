package interpreter

import (
	"go/ast"
	"go/token"
	"go/types"
)

// lowerMultiAssign keeps Go's two phases of an assignment to several
// places: first the operands of index expressions and pointer indirections
// on the left are evaluated (with the right-hand side), then the places are
// assigned left to right. yaegi evaluated each place's operands when
// assigning it, after the places before it were assigned:
//
//	n, m[n] = 1, 10
//
// set m[1], not m[0]. An operand that an earlier assignment of the same
// statement can change is evaluated first into a temporary:
//
//	{ _goparO1 := n; n, m[_goparO1] = 1, 10 }
func (l *lowerer) lowerMultiAssign(root ast.Node) {
	l.lowerMultiToAny(root)
	rewriteStmts(root, func(st ast.Stmt) []ast.Stmt {
		as, ok := st.(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN || len(as.Lhs) < 2 {
			return nil
		}
		var pre []ast.Stmt
		assigned := map[types.Object]bool{}
		indirect := false // an earlier place is an element, field or pointee
		for i, lhs := range as.Lhs {
			if i > 0 {
				for _, op := range l.placeOperands(lhs) {
					if l.mayChange(*op, assigned, indirect) {
						pre = append(pre, l.evalFirst(op))
					}
				}
			}
			if id, ok := lhs.(*ast.Ident); ok {
				if obj := l.info.Uses[id]; obj != nil {
					assigned[obj] = true
				}
			} else {
				indirect = true
			}
		}
		if len(pre) == 0 {
			return nil
		}
		return []ast.Stmt{&ast.BlockStmt{List: append(pre, as)}}
	})
}

// placeOperands are the operands of a place that the first phase
// evaluates: the index and the slice, map or pointer indexed; the pointer
// dereferenced; the pointer whose field is selected.
func (l *lowerer) placeOperands(e ast.Expr) []*ast.Expr {
	switch x := e.(type) {
	case *ast.ParenExpr:
		return l.placeOperands(x.X)
	case *ast.IndexExpr:
		ops := []*ast.Expr{&x.Index}
		if l.isReference(x.X) {
			ops = append(ops, &x.X)
		} else {
			ops = append(ops, l.placeOperands(x.X)...)
		}
		return ops
	case *ast.StarExpr:
		return []*ast.Expr{&x.X}
	case *ast.SelectorExpr:
		if l.isReference(x.X) {
			return []*ast.Expr{&x.X}
		}
		return l.placeOperands(x.X)
	}
	return nil
}

// isReference reports whether e is a slice, map or pointer: indexing it or
// selecting through it reaches what its value refers to.
func (l *lowerer) isReference(e ast.Expr) bool {
	tv, ok := l.info.Types[e]
	if !ok || tv.Type == nil {
		return false
	}
	switch tv.Type.Underlying().(type) {
	case *types.Slice, *types.Map, *types.Pointer:
		return true
	}
	return false
}

// mayChange reports whether an earlier assignment of the statement can
// change the value of e.
func (l *lowerer) mayChange(e ast.Expr, assigned map[types.Object]bool, indirect bool) bool {
	if tv, ok := l.info.Types[e]; ok && tv.Value != nil {
		return false // a constant
	}
	changes := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			if assigned[l.info.Uses[n]] {
				changes = true
			}
		case *ast.IndexExpr, *ast.StarExpr, *ast.CallExpr:
			if indirect {
				changes = true
			}
		case *ast.SelectorExpr:
			if indirect && l.info.Selections[n] != nil {
				changes = true
			}
		case *ast.FuncLit:
			return false
		}
		return !changes
	})
	return changes
}

// evalFirst replaces *op with a temporary and returns the statement that
// sets it.
func (l *lowerer) evalFirst(op *ast.Expr) ast.Stmt {
	def, use := l.typedTemp("O", (*op).Pos(), l.info.Types[*op].Type)
	set := &ast.AssignStmt{Lhs: []ast.Expr{def}, Tok: token.DEFINE, Rhs: []ast.Expr{*op}, TokPos: (*op).Pos()}
	*op = use
	return set
}

// typedTemp makes a fresh variable of type t, known to the checker's
// tables as the passes after this one read them: the identifier that
// declares it and one that uses it.
func (l *lowerer) typedTemp(what string, pos token.Pos, t types.Type) (def, use *ast.Ident) {
	def = l.fresh(what)
	obj := types.NewVar(pos, l.pkg, def.Name, t)
	l.info.Defs[def] = obj
	use = &ast.Ident{NamePos: pos, Name: def.Name}
	l.info.Uses[use] = obj
	l.info.Types[use] = types.TypeAndValue{Type: t}
	return def, use
}

// lowerMultiToAny makes the values that an assignment or declaration of
// several places, all of one interface type (any, or the declared type),
// stores the results of a func returning them: yaegi kept a boxed value of a type with
// methods in a temporary of the value's own type (`x, y = Circle{1},
// Circle{1}` with x and y of type any panicked in reflect.Set).
//
//	x, y = Circle{1}, 2
//
// becomes
//
//	x, y = func() (interface{}, interface{}) { return Circle{1}, 2 }()
func (l *lowerer) lowerMultiToAny(root ast.Node) {
	ast.Inspect(root, func(n ast.Node) bool {
		var lhs, rhs []ast.Expr
		var set func(ast.Expr)
		var typ ast.Expr // of every place
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok != token.ASSIGN {
				return true
			}
			lhs, rhs = n.Lhs, n.Rhs
			set = func(e ast.Expr) { n.Rhs = []ast.Expr{e} }
		case *ast.ValueSpec:
			for _, id := range n.Names {
				lhs = append(lhs, id)
			}
			rhs = n.Values
			set = func(e ast.Expr) { n.Values = []ast.Expr{e} }
			typ = n.Type
		default:
			return true
		}
		if len(lhs) < 2 || len(lhs) != len(rhs) {
			return true
		}
		concrete := false
		for i, place := range lhs {
			t := l.placeType(place)
			if t == nil || !types.IsInterface(t) {
				return true
			}
			if it, ok := t.Underlying().(*types.Interface); ok && it.Empty() {
				typ = nil // written interface{}: yaegi's any results lose the box
			} else if typ == nil {
				return true // a named interface, only declared with its name
			}
			concrete = concrete || l.concreteValue(rhs[i])
		}
		if !concrete {
			return true
		}
		if typ == nil {
			typ = &ast.InterfaceType{Methods: &ast.FieldList{}}
		}
		results := &ast.FieldList{}
		for range rhs {
			results.List = append(results.List, &ast.Field{Type: typ})
		}
		lit := &ast.FuncLit{
			Type: &ast.FuncType{Params: &ast.FieldList{}, Results: results},
			Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ReturnStmt{Results: rhs}}},
		}
		set(&ast.CallExpr{Fun: lit})
		return true
	})
}

// placeType is the type of a place assigned or declared.
func (l *lowerer) placeType(place ast.Expr) types.Type {
	if id, ok := place.(*ast.Ident); ok && l.info.Defs[id] != nil {
		return l.info.Defs[id].Type()
	}
	if tv, ok := l.info.Types[place]; ok {
		return tv.Type
	}
	return nil
}

// concreteValue reports whether e is a value of a type that is not an
// interface (nil and untyped constants are not).
func (l *lowerer) concreteValue(e ast.Expr) bool {
	tv, ok := l.info.Types[e]
	if !ok || tv.Type == nil || tv.IsNil() || tv.Value != nil || types.IsInterface(tv.Type) {
		return false
	}
	b, ok := tv.Type.(*types.Basic)
	return !ok || b.Info()&types.IsUntyped == 0
}
