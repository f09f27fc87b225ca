package interpreter

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
)

// lowerMethodValue binds the receiver of a method value when the value is
// made, as Go does; yaegi read it when the method was called, so method
// values made in a loop all ran on the last receiver.
//
//	w.Run
//
// becomes
//
//	func() func(int) error {
//		_goparMV := w
//		return func(_goparA0 int) error { return _goparMV.Run(_goparA0) }
//	}()
func (l *lowerer) lowerMethodValue(root ast.Node) {
	called := map[ast.Expr]bool{}
	ast.Inspect(root, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			called[c.Fun] = true
		}
		return true
	})
	rewriteExprs(root, func(e ast.Expr) ast.Expr {
		sel, ok := e.(*ast.SelectorExpr)
		if !ok || called[sel] {
			return e
		}
		s := l.info.Selections[sel]
		if s == nil || s.Kind() != types.MethodVal {
			return e
		}
		sig := s.Type().(*types.Signature)
		recv, recvType := l.receiverValue(sel, s)
		params := &ast.FieldList{}
		call := &ast.CallExpr{Fun: &ast.SelectorExpr{X: ast.NewIdent("_goparMV"), Sel: ast.NewIdent(sel.Sel.Name)}}
		for i := 0; i < sig.Params().Len(); i++ {
			name := "_goparA" + strconv.Itoa(i)
			var typ ast.Expr
			if sig.Variadic() && i == sig.Params().Len()-1 {
				typ = &ast.Ellipsis{Elt: l.typeAST(sig.Params().At(i).Type().(*types.Slice).Elem())}
				call.Ellipsis = token.Pos(1)
			} else {
				typ = l.typeAST(sig.Params().At(i).Type())
			}
			params.List = append(params.List, &ast.Field{Names: []*ast.Ident{ast.NewIdent(name)}, Type: typ})
			call.Args = append(call.Args, ast.NewIdent(name))
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
		inner := &ast.FuncLit{Type: &ast.FuncType{Params: params, Results: results}, Body: &ast.BlockStmt{List: []ast.Stmt{body}}}
		outer := &ast.FuncLit{
			Type: &ast.FuncType{Params: &ast.FieldList{}, Results: &ast.FieldList{List: []*ast.Field{{Type: inner.Type}}}},
			Body: &ast.BlockStmt{List: []ast.Stmt{
				&ast.DeclStmt{Decl: &ast.GenDecl{Tok: token.VAR, Specs: []ast.Spec{&ast.ValueSpec{
					Names:  []*ast.Ident{ast.NewIdent("_goparMV")},
					Type:   l.typeAST(recvType),
					Values: []ast.Expr{recv},
				}}}},
				&ast.ReturnStmt{Results: []ast.Expr{inner}},
			}},
		}
		if _, param := recvType.(*types.TypeParam); types.IsInterface(recvType) && !param {
			// The method value of a nil interface panics when it is made.
			// (A type parameter's values cannot be compared with nil.)
			check := &ast.IfStmt{
				Cond: &ast.BinaryExpr{X: ast.NewIdent("_goparMV"), Op: token.EQL, Y: ast.NewIdent("nil")},
				Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ExprStmt{X: &ast.CallExpr{Fun: &ast.SelectorExpr{X: ast.NewIdent(cellName), Sel: ast.NewIdent("NilDeref")}}}}},
			}
			body := outer.Body.List
			outer.Body.List = []ast.Stmt{body[0], check, body[1]}
		}
		return &ast.CallExpr{Fun: outer, Lparen: sel.Pos()}
	})
}
