package interpreter

import (
	"go/ast"
	"go/token"
	"go/types"
)

// lowerShift gives the untyped constant on the left of a non-constant shift
// the type the checker inferred from its context: yaegi panicked compiling
// "reflect: call of reflect.Value.Interface on zero Value" when such a shift
// sat in a call argument.
//
//	f(8 / (1 << i))  ->  f(8 / (int(1) << i))
func (l *lowerer) lowerShift(root ast.Node) {
	ast.Inspect(root, func(n ast.Node) bool {
		b, ok := n.(*ast.BinaryExpr)
		if !ok || (b.Op != token.SHL && b.Op != token.SHR) {
			return true
		}
		if tv, ok := l.info.Types[b]; !ok || tv.Value != nil {
			return true // a constant shift: the checker folds it
		}
		tv, ok := l.info.Types[b.X]
		if !ok || tv.Value == nil {
			return true
		}
		if basic, ok := tv.Type.(*types.Basic); ok && basic.Info()&types.IsUntyped != 0 {
			return true // still untyped: nothing better to say
		}
		b.X = &ast.CallExpr{Fun: l.typeAST(tv.Type), Lparen: b.X.Pos(), Args: []ast.Expr{b.X}}
		return true
	})
}
