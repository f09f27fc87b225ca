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
// and the cell starts with `area = _goparF_area_7`; the cell itself calls
// _goparF_area_7 directly. Methods and generic funcs cannot be variables;
// changing them rebuilds the interpreter.
func (l *lowerer) lowerFuncVar(decls []ast.Decl, body *ast.BlockStmt) (vars []ast.Decl, assigns []ast.Stmt) {
	impls := map[types.Object]string{}
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
	// The cell's own code calls its funcs directly (recursion is the hot
	// path); only code of other cells goes through the variables.
	for _, n := range append(append([]ast.Node{}, nodesOf(decls)...), body) {
		ast.Inspect(n, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if impl, ok := impls[l.info.Uses[id]]; ok {
					id.Name = impl
				}
			}
			return true
		})
	}
	return vars, assigns
}

func nodesOf(decls []ast.Decl) []ast.Node {
	out := make([]ast.Node, len(decls))
	for i, d := range decls {
		out[i] = d
	}
	return out
}

// funcVarCandidate reports funcs that can live in a variable: plain,
// non-generic funcs with a name.
func funcVarCandidate(fd *ast.FuncDecl) bool {
	return fd.Recv == nil && fd.Type.TypeParams == nil && fd.Name.Name != "_" && fd.Name.Name != "init" && fd.Body != nil
}
