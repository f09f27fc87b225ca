package interpreter

import (
	"go/ast"
	"go/token"
	"go/types"
)

// lowerArrayPointerAddr writes the address of an element reached through a
// pointer to an array with the dereference Go leaves implicit, which the
// interpreter needs in order to take the address:
//
//	&p[i]  ->  &(*p)[i]
//
// A nil p still panics with a nil dereference, as in Go.
func (l *lowerer) lowerArrayPointerAddr(root ast.Node) {
	ast.Inspect(root, func(n ast.Node) bool {
		u, ok := n.(*ast.UnaryExpr)
		if !ok || u.Op != token.AND {
			return true
		}
		ix, ok := u.X.(*ast.IndexExpr)
		if !ok {
			return true
		}
		if _, ok := l.arrayPointerLen(ix.X); ok {
			star := &ast.StarExpr{Star: ix.X.Pos(), X: ix.X}
			arr := l.info.Types[ix.X].Type.Underlying().(*types.Pointer).Elem()
			l.info.Types[star] = types.TypeAndValue{Type: arr}
			paren := &ast.ParenExpr{Lparen: ix.X.Pos(), X: star}
			l.info.Types[paren] = types.TypeAndValue{Type: arr}
			ix.X = paren
		}
		return true
	})
}
