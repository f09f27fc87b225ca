package interpreter

import (
	"go/ast"
)

// lowerDeferClosure keeps deferred code from deadlocking yaegi. While a
// func runs its deferred calls, yaegi holds the lock of the func's frame,
// and a closure created in that frame takes the same lock when it returns:
// `f := func() {...}; defer func() { f() }()` hung. In a func with defer
// statements, each func literal (other than the deferred one itself) is
// therefore created in a frame of its own:
//
//	f := func() { ... }
//
// becomes
//
//	f := func() func() { return func() { ... } }()
func (l *lowerer) lowerDeferClosure(root ast.Node) {
	ast.Inspect(root, func(n ast.Node) bool {
		var body *ast.BlockStmt
		switch n := n.(type) {
		case *ast.FuncDecl:
			body = n.Body
		case *ast.FuncLit:
			body = n.Body
		}
		if body != nil && hasOwnDefer(body) {
			wrapClosures(body)
		}
		return true
	})
}

// hasOwnDefer reports whether body defers a call itself (not in a nested
// func literal), other than a goroutine's guard (lowerGo).
func hasOwnDefer(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			if isGoGuard(n) {
				return false
			}
			found = true
		}
		return !found
	})
	return found
}

// wrapClosures wraps the func literals of body (not those nested in other
// literals, nor a deferred literal itself) in a func literal returning it.
func wrapClosures(body *ast.BlockStmt) {
	direct := map[*ast.FuncLit]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		if ds, ok := n.(*ast.DeferStmt); ok {
			if lit, ok := ds.Call.Fun.(*ast.FuncLit); ok {
				ast.Inspect(lit.Body, func(n ast.Node) bool {
					if lit, ok := n.(*ast.FuncLit); ok {
						direct[lit] = true
						return false
					}
					return true
				})
				for _, a := range ds.Call.Args {
					ast.Inspect(a, func(n ast.Node) bool {
						if lit, ok := n.(*ast.FuncLit); ok {
							direct[lit] = true
							return false
						}
						return true
					})
				}
				return false
			}
		}
		if lit, ok := n.(*ast.FuncLit); ok {
			direct[lit] = true
			return false
		}
		return true
	})
	rewriteExprs(body, func(e ast.Expr) ast.Expr {
		lit, ok := e.(*ast.FuncLit)
		if !ok || !direct[lit] {
			return e
		}
		delete(direct, lit)
		outer := &ast.FuncLit{
			Type: &ast.FuncType{Params: &ast.FieldList{}, Results: &ast.FieldList{List: []*ast.Field{{Type: lit.Type}}}},
			Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ReturnStmt{Results: []ast.Expr{lit}}}},
		}
		return &ast.CallExpr{Fun: outer}
	})
}
