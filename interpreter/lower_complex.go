package interpreter

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// lowerComplex replaces constant expressions of complex type by the
// constant the checker computed, written with float literals: yaegi mixes
// up the types of untyped constants in them (complex(0, math.Pi) failed
// with "mismatched types untyped float and untyped float64").
//
//	complex(0, math.Pi)  ->  complex(0.0, 3.141592653589793)
func (l *lowerer) lowerComplex(root ast.Node) {
	rewriteExprs(root, func(e ast.Expr) ast.Expr {
		tv, ok := l.info.Types[e]
		if !ok || tv.Value == nil || tv.IsType() {
			return e
		}
		b, ok := tv.Type.Underlying().(*types.Basic)
		if !ok || b.Info()&types.IsComplex == 0 {
			return e
		}
		re, _ := constant.Float64Val(constant.Real(tv.Value))
		im, _ := constant.Float64Val(constant.Imag(tv.Value))
		var out ast.Expr = &ast.CallExpr{Fun: ast.NewIdent("complex"), Lparen: e.Pos(), Args: []ast.Expr{
			&ast.BasicLit{Kind: token.FLOAT, Value: floatLiteral(re)},
			&ast.BasicLit{Kind: token.FLOAT, Value: floatLiteral(im)},
		}}
		if b.Info()&types.IsUntyped == 0 {
			out = &ast.CallExpr{Fun: l.conversionFun(tv.Type), Args: []ast.Expr{out}}
		}
		return out
	})
}
