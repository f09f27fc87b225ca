package interpreter

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
)

// lowerMethodExpr rewrites method expressions, which yaegi types wrong,
// into func literals:
//
//	Acc.Get     ->  func(_goparRecv Acc) int { return _goparRecv.Get() }
//	(*Acc).Add  ->  func(_goparRecv *Acc, _goparA0 int) { _goparRecv.Add(_goparA0) }
func (l *lowerer) lowerMethodExpr(root ast.Node) {
	rewriteExprs(root, func(e ast.Expr) ast.Expr {
		sel, ok := e.(*ast.SelectorExpr)
		if !ok {
			return e
		}
		s := l.info.Selections[sel]
		if s == nil || s.Kind() != types.MethodExpr {
			return e
		}
		sig, ok := s.Type().(*types.Signature) // the receiver is the first parameter
		if !ok || sig.Params().Len() == 0 {
			return e
		}
		params := &ast.FieldList{}
		var args []ast.Expr
		recv := ast.NewIdent("_goparRecv")
		for i := 0; i < sig.Params().Len(); i++ {
			p := sig.Params().At(i)
			name := recv
			if i > 0 {
				name = ast.NewIdent("_goparA" + strconv.Itoa(i))
				args = append(args, ast.NewIdent(name.Name))
			}
			var typ ast.Expr
			if sig.Variadic() && i == sig.Params().Len()-1 {
				typ = &ast.Ellipsis{Elt: l.typeAST(p.Type().(*types.Slice).Elem())}
			} else {
				typ = l.typeAST(p.Type())
			}
			params.List = append(params.List, &ast.Field{Names: []*ast.Ident{name}, Type: typ})
		}
		call := &ast.CallExpr{Fun: &ast.SelectorExpr{X: ast.NewIdent(recv.Name), Sel: ast.NewIdent(sel.Sel.Name)}, Args: args}
		if sig.Variadic() {
			call.Ellipsis = token.Pos(1)
		}
		var results *ast.FieldList
		var body ast.Stmt = &ast.ExprStmt{X: call}
		if sig.Results().Len() > 0 {
			results = &ast.FieldList{}
			for i := 0; i < sig.Results().Len(); i++ {
				results.List = append(results.List, &ast.Field{Type: l.typeAST(sig.Results().At(i).Type())})
			}
			body = &ast.ReturnStmt{Results: []ast.Expr{call}}
		}
		return &ast.FuncLit{
			Type: &ast.FuncType{Func: sel.Pos(), Params: params, Results: results},
			Body: &ast.BlockStmt{List: []ast.Stmt{body}},
		}
	})
}
