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

// lowerHugeConstants writes each constant expression that involves an
// integer too large for 64 bits as the value the checker computed for it:
// yaegi converts such integers to int64 and panics ("constant 2^100
// overflows int64"), where Go computes constant expressions exactly.
//
//	chuge > chuge-1  ->  true
//	f = chuge        ->  f = float64(1.2676506002282294e+30)
//
// Untyped constants stay as declared: yaegi keeps their values exact.
func (l *lowerer) lowerHugeConstants(root ast.Node) {
	huge := map[ast.Expr]bool{}
	ast.Inspect(root, func(n ast.Node) bool {
		if gd, ok := n.(*ast.GenDecl); ok && gd.Tok == token.CONST {
			l.lowerHugeTypedConsts(gd)
			return false
		}
		e, ok := n.(ast.Expr)
		if !ok {
			return true
		}
		tv, ok := l.info.Types[e]
		if !ok || tv.Value == nil || tv.IsType() {
			return true
		}
		if l.involvesHugeInt(e) {
			huge[e] = true
		}
		return false // the largest constant expression is the one to write
	})
	if len(huge) == 0 {
		return
	}
	rewriteExprs(root, func(e ast.Expr) ast.Expr {
		if !huge[e] {
			return e
		}
		return l.constantExpr(floatIfFloatType(l.info.Types[e]))
	})
}

// lowerHugeTypedConsts writes the values of typed constants computed from
// integers too large for 64 bits, which yaegi would convert to int64:
// `fhuge float64 = 1 << 100`. Untyped ones stay exact as written.
// (A float's value counts as its integer when it has one.)
func (l *lowerer) lowerHugeTypedConsts(gd *ast.GenDecl) {
	for _, sp := range gd.Specs {
		vs := sp.(*ast.ValueSpec)
		if vs.Type == nil || len(vs.Values) != len(vs.Names) {
			continue
		}
		for i, v := range vs.Values {
			c, ok := l.info.Defs[vs.Names[i]].(*types.Const)
			if ok && (l.involvesHugeInt(v) || isHugeInt(constant.ToInt(c.Val()))) {
				vs.Values[i] = l.constantExpr(floatIfFloatType(types.TypeAndValue{Type: c.Type(), Value: c.Val()}))
			}
		}
	}
}

// floatIfFloatType has the value of a constant of a float or complex type
// as a float, so that it is written as one.
func floatIfFloatType(tv types.TypeAndValue) types.TypeAndValue {
	if b, ok := tv.Type.Underlying().(*types.Basic); ok && b.Info()&(types.IsFloat|types.IsComplex) != 0 {
		tv.Value = constant.ToFloat(tv.Value)
	}
	return tv
}

// involvesHugeInt reports whether e or a constant inside it is an integer
// that no 64-bit integer holds.
func (l *lowerer) involvesHugeInt(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		x, ok := n.(ast.Expr)
		if !ok || found {
			return !found
		}
		var v constant.Value
		if tv, ok := l.info.Types[x]; ok {
			v = tv.Value
		}
		// A named constant is what the interpreter evaluates, before the
		// conversion the checker recorded for this use.
		if id, ok := x.(*ast.Ident); ok {
			if c, ok := l.info.Uses[id].(*types.Const); ok {
				v = c.Val()
			}
		}
		found = v != nil && isHugeInt(v)
		return !found
	})
	return found
}

// isHugeInt reports whether v is an integer no 64-bit integer holds.
func isHugeInt(v constant.Value) bool {
	if v.Kind() != constant.Int {
		return false
	}
	_, fitsInt := constant.Int64Val(v)
	_, fitsUint := constant.Uint64Val(v)
	return !fitsInt && !fitsUint
}
