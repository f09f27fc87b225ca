package interpreter

import (
	"go/ast"
	"go/token"
	"go/types"
)

// lowerRangeInt rewrites ranging over an integer (Go 1.22), which yaegi does
// not know, into a counting loop with a fresh variable per iteration:
//
//	for i := range n { body }
//
// becomes
//
//	{
//		_goparN1 := n
//		for _goparI2 := 0; _goparI2 < _goparN1; _goparI2++ {
//			i := _goparI2
//			body
//		}
//	}
//
// The count is evaluated once, and changing i in the body does not change
// the iteration, as the spec says.
func (l *lowerer) lowerRangeInt(root ast.Node) {
	rewriteStmts(root, func(st ast.Stmt) []ast.Stmt {
		r, ok := st.(*ast.RangeStmt)
		if !ok {
			return nil
		}
		tv, ok := l.info.Types[r.X]
		if !ok {
			return nil
		}
		b, ok := tv.Type.Underlying().(*types.Basic)
		if !ok || b.Info()&types.IsInteger == 0 {
			return nil
		}
		return []ast.Stmt{l.countingLoop(r, tv)}
	})
}

func (l *lowerer) countingLoop(r *ast.RangeStmt, tv types.TypeAndValue) ast.Stmt {
	typ := tv.Type
	if b, ok := typ.(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
		typ = types.Typ[types.Int]
		if r.Key != nil && r.Tok == token.ASSIGN {
			if kt, ok := l.info.Types[r.Key]; ok {
				typ = kt.Type
			}
		}
	}
	zero := ast.Expr(&ast.BasicLit{Kind: token.INT, Value: "0"})
	if !types.Identical(typ, types.Typ[types.Int]) {
		zero = &ast.CallExpr{Fun: l.conversionFun(typ), Args: []ast.Expr{zero}}
	}
	var pre []ast.Stmt
	limit := r.X
	if tv.Value == nil {
		n := l.fresh("N")
		pre = append(pre, &ast.AssignStmt{Lhs: []ast.Expr{n}, Tok: token.DEFINE, Rhs: []ast.Expr{r.X}})
		limit = ast.NewIdent(n.Name)
	}
	i := l.fresh("I")
	// When the body neither changes the variable nor lets it escape (a
	// closure, an address), the loop can count with it directly: no copy
	// per iteration.
	if key, ok := r.Key.(*ast.Ident); ok && key.Name != "_" && r.Tok == token.DEFINE {
		vars := map[types.Object]bool{l.info.Defs[key]: true}
		if !l.capturesOrAddresses(r.Body, vars) && !l.assigns(r.Body, vars) {
			i = key
			r.Key = nil
		}
	}
	loop := &ast.ForStmt{
		For:  r.For,
		Init: &ast.AssignStmt{Lhs: []ast.Expr{i}, Tok: token.DEFINE, Rhs: []ast.Expr{zero}},
		Cond: &ast.BinaryExpr{X: ast.NewIdent(i.Name), Op: token.LSS, Y: limit},
		Post: &ast.IncDecStmt{X: ast.NewIdent(i.Name), Tok: token.INC},
		Body: r.Body,
	}
	if key, ok := r.Key.(*ast.Ident); ok && key.Name != "_" || r.Key != nil && r.Tok == token.ASSIGN {
		tok := r.Tok
		loop.Body.List = append([]ast.Stmt{&ast.AssignStmt{Lhs: []ast.Expr{r.Key}, Tok: tok, Rhs: []ast.Expr{ast.NewIdent(i.Name)}}}, loop.Body.List...)
	}
	if len(pre) == 0 {
		return loop
	}
	return &ast.BlockStmt{List: append(pre, loop)}
}
