package interpreter

import (
	"go/ast"
	"go/token"
	"go/types"
)

// lowerRangeChanSlice rewrites ranging over a slice or array of channels,
// which yaegi fails at ("call of reflect.Value.Len on int Value"), into
// ranging over its indexes:
//
//	for _, c := range cs { body }
//
// becomes
//
//	{
//		_goparS1 := cs
//		for _goparK2 := range _goparS1 {
//			c := _goparS1[_goparK2]
//			body
//		}
//	}
func (l *lowerer) lowerRangeChanSlice(root ast.Node) {
	rewriteStmts(root, func(st ast.Stmt) []ast.Stmt {
		r, ok := st.(*ast.RangeStmt)
		if !ok || r.Value == nil || isBlank(r.Value) {
			return nil
		}
		tv, ok := l.info.Types[r.X]
		if !ok {
			return nil
		}
		var elem types.Type
		switch u := tv.Type.Underlying().(type) {
		case *types.Slice:
			elem = u.Elem()
		case *types.Array:
			elem = u.Elem()
		default:
			return nil
		}
		if _, isChan := elem.Underlying().(*types.Chan); !isChan {
			return nil
		}
		sl := l.fresh("S")
		key := r.Key
		if key == nil || isBlank(key) {
			key = l.fresh("K")
		}
		keyName := key.(*ast.Ident).Name
		elemAssign := &ast.AssignStmt{
			Lhs: []ast.Expr{r.Value},
			Tok: r.Tok,
			Rhs: []ast.Expr{&ast.IndexExpr{X: ast.NewIdent(sl.Name), Index: ast.NewIdent(keyName)}},
		}
		tok := r.Tok
		if r.Key == nil || isBlank(r.Key) {
			tok = token.DEFINE
		}
		loop := &ast.RangeStmt{For: r.For, Key: key, Tok: tok, X: ast.NewIdent(sl.Name), Body: r.Body}
		loop.Body.List = append([]ast.Stmt{elemAssign}, loop.Body.List...)
		return []ast.Stmt{&ast.BlockStmt{List: []ast.Stmt{
			&ast.AssignStmt{Lhs: []ast.Expr{sl}, Tok: token.DEFINE, Rhs: []ast.Expr{r.X}},
			loop,
		}}}
	})
}
