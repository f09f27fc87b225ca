package interpreter

import (
	"go/ast"
	"go/types"
)

// lowerPanic fixes what recover returns. yaegi panics with the reflect
// value of the panic argument, and recover hands back that reflect value:
// r.(string) and r.(error) failed. Recovered unwraps it. A value of a cell
// type with an Error method is panicked as an error, so that its method
// survives the trip through compiled code.
//
//	recover()  ->  _goparcell.Recovered(recover())
//	panic(E{}) ->  panic(func() error { return E{} }())
func (l *lowerer) lowerPanic(root ast.Node) {
	rewriteExprs(root, func(e ast.Expr) ast.Expr {
		call, ok := e.(*ast.CallExpr)
		if !ok {
			return e
		}
		switch {
		case l.isBuiltin(call.Fun, "recover"):
			return recovered(call)
		case l.isBuiltin(call.Fun, "panic") && len(call.Args) == 1:
			tv, ok := l.info.Types[call.Args[0]]
			if !ok || tv.Type == nil {
				return e
			}
			if l.wrappedValueType(tv.Type) && methodOf(tv.Type, "Error") {
				// Panicked through a pointer, which keeps the value.
				if boxed, ok := l.boxCall(call.Args[0], tv.Type, types.Universe.Lookup("error").Type()); ok {
					call.Args[0] = boxed
					return e
				}
			}
			if _, isIface := tv.Type.Underlying().(*types.Interface); !isIface && methodOf(tv.Type, "Error") {
				// Only a func result converts a cell value to the wrapper
				// that keeps its Error method.
				call.Args[0] = &ast.CallExpr{Fun: &ast.FuncLit{
					Type: &ast.FuncType{Params: &ast.FieldList{}, Results: &ast.FieldList{List: []*ast.Field{{Type: ast.NewIdent("error")}}}},
					Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ReturnStmt{Results: []ast.Expr{call.Args[0]}}}},
				}}
			}
		}
		return e
	})
}

// recovered wraps a call of recover.
func recovered(call ast.Expr) ast.Expr {
	return &ast.CallExpr{Fun: &ast.SelectorExpr{X: ast.NewIdent(cellName), Sel: ast.NewIdent("Recovered")}, Args: []ast.Expr{call}}
}
