package interpreter

import (
	"go/ast"
	"go/token"
	"go/types"
)

// lowerRangeAssign rewrites a range loop that assigns to existing
// variables into one that declares fresh ones and assigns them first
// thing in each iteration:
//
//	for i, v = range xs { body }
//
// becomes
//
//	for _goparK1, _goparV2 := range xs { i, v = _goparK1, _goparV2; body }
//
// yaegi declared new variables for both forms, so after the loop i kept
// the value it had before it (Go's test suite: for.go, range.go). Ranging
// over integers and funcs has passes of its own, which handle both forms.
func (l *lowerer) lowerRangeAssign(root ast.Node) {
	ast.Inspect(root, func(n ast.Node) bool {
		r, ok := n.(*ast.RangeStmt)
		if !ok || r.Tok != token.ASSIGN || r.Key == nil {
			return true
		}
		tv, ok := l.info.Types[r.X]
		if !ok {
			return true
		}
		key, val := rangeTypes(tv.Type)
		if key == nil {
			return true
		}
		var lhs, rhs []ast.Expr
		fresh := func(dst ast.Expr, t types.Type, what string) ast.Expr {
			if dst == nil {
				return nil
			}
			if id, ok := dst.(*ast.Ident); ok && id.Name == "_" {
				return dst
			}
			def, use := l.typedTemp(what, dst.Pos(), t)
			lhs = append(lhs, dst)
			rhs = append(rhs, use)
			return def
		}
		newKey := fresh(r.Key, key, "K")
		newVal := fresh(r.Value, val, "V")
		if len(lhs) == 0 {
			return true
		}
		r.Key, r.Value, r.Tok = newKey, newVal, token.DEFINE
		assign := &ast.AssignStmt{Lhs: lhs, Tok: token.ASSIGN, Rhs: rhs, TokPos: r.For}
		r.Body.List = append([]ast.Stmt{assign}, r.Body.List...)
		return true
	})
}

// rangeTypes are the types of the key and value a range over a value of
// type t yields; nil for the ranges other passes lower (integers, funcs).
func rangeTypes(t types.Type) (key, val types.Type) {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		if u.Info()&types.IsString != 0 {
			return types.Typ[types.Int], types.Typ[types.Rune]
		}
	case *types.Slice:
		return types.Typ[types.Int], u.Elem()
	case *types.Array:
		return types.Typ[types.Int], u.Elem()
	case *types.Pointer:
		if a, ok := u.Elem().Underlying().(*types.Array); ok {
			return types.Typ[types.Int], a.Elem()
		}
	case *types.Map:
		return u.Key(), u.Elem()
	case *types.Chan:
		return u.Elem(), nil
	}
	return nil, nil
}
