package interpreter

import (
	"go/ast"
	"go/token"
	"go/types"
)

// lowerClosureArg names func literals handed straight to compiled funcs
// (wg.Go, sort.Slice, time.AfterFunc...): yaegi made such a literal see the
// last value of the loop-body variables it captured (traefik/yaegi#1634),
// while a literal stored in a variable first behaves.
//
//	wg.Go(func() { r[i] = i })
//
// becomes
//
//	_goparFL1 := func() { r[i] = i }
//	wg.Go(_goparFL1)
func (l *lowerer) lowerClosureArg(root ast.Node) {
	rewriteStmts(root, func(st ast.Stmt) []ast.Stmt {
		switch st.(type) {
		case *ast.ExprStmt, *ast.AssignStmt, *ast.ReturnStmt, *ast.SendStmt, *ast.DeclStmt:
		default:
			return nil
		}
		var pre []ast.Stmt
		ast.Inspect(st, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false // its own statements are visited on their own
			case *ast.CallExpr:
				if !l.compiledCallee(n.Fun) {
					return true
				}
				for i, a := range n.Args {
					lit, ok := a.(*ast.FuncLit)
					if !ok {
						continue
					}
					id := l.fresh("FL")
					pre = append(pre, &ast.AssignStmt{Lhs: []ast.Expr{id}, Tok: token.DEFINE, Rhs: []ast.Expr{lit}})
					n.Args[i] = ast.NewIdent(id.Name)
				}
			}
			return true
		})
		if len(pre) == 0 {
			return nil
		}
		return append(pre, st)
	})
}

// compiledCallee reports whether fun is a func or method of a compiled
// package (not one cells or std sources define).
func (l *lowerer) compiledCallee(fun ast.Expr) bool {
	var id *ast.Ident
	switch f := fun.(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	default:
		return false
	}
	fn, ok := l.info.Uses[id].(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg() == l.pkg {
		return false
	}
	return !isStdSourceObject(fn)
}
