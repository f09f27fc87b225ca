package interpreter

import (
	"go/ast"
	"go/token"
	"go/types"
)

// lowerEqual rewrites == and != between values of non-empty interface
// types (error, fmt.Stringer...). yaegi stores a cell value in such an
// interface inside a wrapper that cannot be compared, so comparing two of
// them panicked; Same compares what the wrappers hold.
//
//	errors.Unwrap(err) == ErrX  ->  _goparcell.Same(errors.Unwrap(err), ErrX)
func (l *lowerer) lowerEqual(root ast.Node) {
	rewriteExprs(root, func(e ast.Expr) ast.Expr {
		b, ok := e.(*ast.BinaryExpr)
		if !ok || b.Op != token.EQL && b.Op != token.NEQ {
			return e
		}
		if l.isNil(b.X) || l.isNil(b.Y) || !l.methodIface(b.X) && !l.methodIface(b.Y) {
			return e
		}
		var out ast.Expr = &ast.CallExpr{
			Fun:  &ast.SelectorExpr{X: ast.NewIdent(cellName), Sel: ast.NewIdent("Same")},
			Args: []ast.Expr{b.X, b.Y},
		}
		if b.Op == token.NEQ {
			out = &ast.UnaryExpr{OpPos: b.OpPos, Op: token.NOT, X: out}
		}
		return out
	})
}

func (l *lowerer) isNil(e ast.Expr) bool {
	tv, ok := l.info.Types[e]
	return ok && tv.IsNil()
}

// methodIface reports whether e has a static interface type with methods.
func (l *lowerer) methodIface(e ast.Expr) bool {
	tv, ok := l.info.Types[e]
	if !ok || tv.Type == nil {
		return false
	}
	it, ok := tv.Type.Underlying().(*types.Interface)
	return ok && it.NumMethods() > 0
}
