package interpreter

import (
	"go/ast"
	"go/token"
)

// initOrder puts the package-level variables of a pasted program in the
// order Go initialises them: repeatedly the earliest in declaration order
// that depends on no variable not yet initialised, where a variable
// depends on the variables its initialiser refers to, directly or through
// the funcs and methods it calls. A cell's statements run in the order
// written, so `var a = b + 1; var b = 2` gave a the value 1.
//
// References are found by name, without types: a local name that shadows
// a package variable makes a dependency that is not there, which can only
// delay a variable past others it could have preceded (never before its
// own dependencies). A cycle, which the compiler rejects, keeps the
// written order. Statements other than var declarations keep their places
// and stop the reordering: such a cell is no longer a Go file.
func initOrder(stmts []ast.Stmt, decls []ast.Decl) []ast.Stmt {
	var vars []*varUnit
	for _, st := range stmts {
		ds, ok := st.(*ast.DeclStmt)
		if !ok || ds.Decl.(*ast.GenDecl).Tok != token.VAR {
			return stmts
		}
		gd := ds.Decl.(*ast.GenDecl)
		for _, sp := range gd.Specs {
			vs := sp.(*ast.ValueSpec)
			u := &varUnit{stmt: ds}
			if len(gd.Specs) > 1 {
				// Each spec of a group is a unit of its own.
				u.stmt = &ast.DeclStmt{Decl: &ast.GenDecl{Doc: gd.Doc, TokPos: vs.Pos(), Tok: token.VAR, Specs: []ast.Spec{vs}}}
			}
			for _, id := range vs.Names {
				u.names = append(u.names, id.Name)
			}
			u.refs = map[string]bool{}
			for _, v := range vs.Values {
				collectNames(v, u.refs)
			}
			vars = append(vars, u)
		}
	}
	if len(vars) < 2 {
		return stmts
	}

	// What each func and method (by name) refers to, directly.
	funcRefs := map[string]map[string]bool{}
	for _, d := range decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Body == nil {
			continue
		}
		refs := funcRefs[fd.Name.Name]
		if refs == nil {
			refs = map[string]bool{}
			funcRefs[fd.Name.Name] = refs
		}
		collectNames(fd.Body, refs)
	}
	declaredBy := map[string]*varUnit{}
	for _, u := range vars {
		for _, n := range u.names {
			declaredBy[n] = u
		}
	}
	// The variables each unit depends on, through funcs transitively.
	for _, u := range vars {
		u.deps = map[*varUnit]bool{}
		seen := map[string]bool{}
		var visit func(refs map[string]bool)
		visit = func(refs map[string]bool) {
			for name := range refs {
				if seen[name] {
					continue
				}
				seen[name] = true
				if v := declaredBy[name]; v != nil && v != u {
					u.deps[v] = true
				}
				if fr := funcRefs[name]; fr != nil {
					visit(fr)
				}
			}
		}
		visit(u.refs)
	}

	done := map[*varUnit]bool{}
	out := make([]ast.Stmt, 0, len(vars))
	for len(out) < len(vars) {
		picked := false
		for _, u := range vars {
			if done[u] || !allDone(u.deps, done) {
				continue
			}
			done[u] = true
			out = append(out, u.stmt)
			picked = true
			break
		}
		if !picked {
			// A cycle: the rest in written order.
			for _, u := range vars {
				if !done[u] {
					done[u] = true
					out = append(out, u.stmt)
				}
			}
		}
	}
	return out
}

// varUnit is one var spec of a program: what it declares and refers to.
type varUnit struct {
	stmt  ast.Stmt
	names []string
	refs  map[string]bool
	deps  map[*varUnit]bool
}

func allDone(deps, done map[*varUnit]bool) bool {
	for d := range deps {
		if !done[d] {
			return false
		}
	}
	return true
}

// collectNames adds every identifier under n to names, the selected names
// of selectors included (a method called as x.M).
func collectNames(n ast.Node, names map[string]bool) {
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			names[id.Name] = true
		}
		return true
	})
}
