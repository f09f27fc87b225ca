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
