package interpreter

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
)

// lowerConsts writes the value of each constant of a const declaration
// that uses iota or repeats an earlier expression as the checker computed
// it, in full: yaegi evaluated those itself and got some wrong (`c = iota
// << b; d` was "constant definition loop").
//
//	const (
//		KB = 1 << (10 * (iota + 1))
//		MB
//	)
//
// becomes
//
//	const (
//		KB = 1024
//		MB = 1048576
//	)
//
// Typed constants keep their type (`Monday Weekday = iota` becomes
// `Monday = Weekday(1)`), untyped runes stay runes.
func (l *lowerer) lowerConsts(root ast.Node) {
	ast.Inspect(root, func(n ast.Node) bool {
		gd, ok := n.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			return true
		}
		if !usesIota(gd) {
			return false // yaegi computes it as written
		}
		for _, sp := range gd.Specs {
			vs := sp.(*ast.ValueSpec)
			values := make([]ast.Expr, len(vs.Names))
			for i, id := range vs.Names {
				c, ok := l.info.Defs[id].(*types.Const)
				if !ok || c.Val().Kind() == constant.Unknown {
					values[i] = &ast.BasicLit{Kind: token.INT, Value: "0"} // a blank one
					continue
				}
				values[i] = l.constValue(c)
			}
			vs.Type, vs.Values = nil, values
		}
		return false
	})
}

// usesIota reports whether a const declaration uses iota or repeats an
// earlier spec's expressions.
func usesIota(gd *ast.GenDecl) bool {
	found := false
	for _, sp := range gd.Specs {
		vs := sp.(*ast.ValueSpec)
		if len(vs.Values) == 0 {
			return true
		}
		for _, v := range vs.Values {
			ast.Inspect(v, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok && id.Name == "iota" {
					found = true
				}
				return !found
			})
		}
	}
	return found
}

// constValue is the literal of c's value, converted to its type when it
// has one.
func (l *lowerer) constValue(c *types.Const) ast.Expr {
	if b, ok := c.Type().(*types.Basic); ok && b.Kind() == types.UntypedRune {
		if r, exact := constant.Int64Val(c.Val()); exact && r >= 0 && r <= 0x10FFFF {
			return &ast.BasicLit{Kind: token.CHAR, Value: strconv.QuoteRune(rune(r))}
		}
	}
	if b, ok := c.Type().(*types.Basic); ok && b.Kind() == types.UntypedFloat {
		// Exactly, as a quotient of integers: 1.0/3 times 3 is 1.
		v := constant.ToFloat(c.Val())
		num, den := constant.Num(v), constant.Denom(v)
		if num.Kind() == constant.Int && den.Kind() == constant.Int {
			x := &ast.BasicLit{Kind: token.FLOAT, Value: num.ExactString() + ".0"}
			if constant.Compare(den, token.EQL, constant.MakeInt64(1)) {
				return x
			}
			return &ast.ParenExpr{X: &ast.BinaryExpr{X: x, Op: token.QUO, Y: &ast.BasicLit{Kind: token.INT, Value: den.ExactString()}}}
		}
	}
	return l.constantExpr(types.TypeAndValue{Type: c.Type(), Value: c.Val()})
}
