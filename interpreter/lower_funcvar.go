package interpreter

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
)

// lowerFuncVar makes every cell func a variable, so that redefining it
// reaches the code of earlier cells that call it (yaegi alone keeps calling
// the first version, traefik/yaegi#1673):
//
//	func area(r float64) float64 { ... }
//
// becomes
//
//	var area func(float64) float64       // once, or when the signature changes
//	func _goparF_area_7(r float64) float64 { ... }
//
// and the cell starts with `area = _goparF_area_7`. Only area's own
// recursive calls name _goparF_area_7. Methods and generic funcs cannot be variables;
// changing them rebuilds the interpreter.
func (l *lowerer) lowerFuncVar(decls []ast.Decl) (vars []ast.Decl, assigns []ast.Stmt) {
	impls := map[types.Object]string{}
	selfs := map[*ast.FuncDecl]types.Object{}
	for _, d := range decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || !funcVarCandidate(fd) {
			continue
		}
		obj, ok := l.info.Defs[fd.Name].(*types.Func)
		if !ok {
			continue
		}
		sig, ok := l.s.typeSource(obj.Type(), l.pkg)
		if !ok {
			continue // a signature cells cannot write: keep a plain func
		}
		name := fd.Name.Name
		impl := "_goparF_" + name + "_" + strconv.Itoa(l.cellNo)
		impls[obj] = impl
		selfs[fd] = obj
		fd.Name = &ast.Ident{NamePos: fd.Name.Pos(), Name: impl}
		if l.s.funcs[name] != sig {
			vars = append(vars, &ast.GenDecl{Tok: token.VAR, Specs: []ast.Spec{&ast.ValueSpec{
				Names: []*ast.Ident{ast.NewIdent(name)},
				Type:  l.typeAST(obj.Type()),
			}}})
		}
		l.funcVars[name] = sig
		l.funcImpls[name] = impl
		assigns = append(assigns, &ast.AssignStmt{
			Lhs: []ast.Expr{ast.NewIdent(name)},
			Tok: token.ASSIGN,
			Rhs: []ast.Expr{ast.NewIdent(impl)},
		})
	}
	// After an interrupt, the funcs of earlier cells are assigned again:
	// yaegi stops interpreted code by changing its run id, and a func value
	// made before that keeps the old id and returns at once.
	if l.s.interrupted {
		for _, name := range sortedKeys(l.s.funcImpls) {
			if _, mine := l.funcImpls[name]; mine {
				continue
			}
			assigns = append(assigns, &ast.AssignStmt{
				Lhs: []ast.Expr{ast.NewIdent(name)},
				Tok: token.ASSIGN,
				Rhs: []ast.Expr{ast.NewIdent(l.s.funcImpls[name])},
			})
		}
	}
	// A func calls itself directly: recursion is the hot path, and the
	// version running is the one its recursive calls mean. Every other use
	// of a cell func, also by funcs and code of the same cell, goes through
	// its variable, so that a later version reaches it.
	// Only its calls: as a value (return lexStart, a state func returning
	// itself) it is its variable, a func value, as everywhere else.
	for fd, obj := range selfs {
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && l.info.Uses[id] == obj {
					id.Name = impls[obj]
				}
			}
			return true
		})
	}
	return vars, assigns
}

// funcVarCandidate reports funcs that can live in a variable: plain,
// non-generic funcs with a name.
func funcVarCandidate(fd *ast.FuncDecl) bool {
	return fd.Recv == nil && fd.Type.TypeParams == nil && fd.Name.Name != "_" && fd.Name.Name != "init" && fd.Body != nil
}
