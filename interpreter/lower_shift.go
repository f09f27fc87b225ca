package interpreter

import (
	"go/ast"
	"go/constant"
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
		// A constant count may be a float or complex constant with an
		// integer value (x << 1., x << (1+0i)): it goes over as that uint.
		if tv, ok := l.info.Types[b.Y]; ok && tv.Value != nil && tv.Value.Kind() != constant.Int {
			if n := constant.ToInt(tv.Value); n.Kind() == constant.Int {
				b.Y = l.constantExpr(types.TypeAndValue{Type: types.Typ[types.Uint], Value: n})
			}
		}
		tv, ok := l.info.Types[b.X]
		if !ok || tv.Value == nil {
			return true
		}
		if basic, ok := tv.Type.(*types.Basic); ok && basic.Info()&types.IsUntyped != 0 {
			// Still untyped (a shift count itself: x << (1 << s)): an
			// integer constant takes its default type, int.
			if basic.Info()&types.IsInteger != 0 {
				b.X = l.constantExpr(types.TypeAndValue{Type: types.Typ[types.Int], Value: constant.ToInt(tv.Value)})
			}
			return true
		}
		if tv.Value.Kind() == constant.Float || tv.Value.Kind() == constant.Complex {
			// 1. << x in an int context is int(1) << x, not a conversion
			// of a float or complex the interpreter may refuse.
			if n := constant.ToInt(tv.Value); n.Kind() == constant.Int {
				b.X = l.constantExpr(types.TypeAndValue{Type: tv.Type, Value: n})
				return true
			}
		}
		b.X = &ast.CallExpr{Fun: l.typeAST(tv.Type), Lparen: b.X.Pos(), Args: []ast.Expr{b.X}}
		return true
	})
}
