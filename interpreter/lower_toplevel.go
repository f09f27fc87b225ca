package interpreter

import (
	"go/ast"
	"go/token"
	"go/types"
)

// lowerTopLevel turns the declarations among a cell's top-level statements
// into assignments to package-level variables, so that the statements can
// run inside a generated func (where yaegi has none of its global-scope
// bugs) while the names stay visible to later cells:
//
//	x := f()        ->  x = f()
//	v, ok := m[k]   ->  v, ok = m[k]
//	var y = x + 1   ->  y = x + 1
//	var z []int     ->  z = *new([]int)
//
// The variables themselves are declared by the caller (var x T).
func (l *lowerer) lowerTopLevel(body *ast.BlockStmt, defined map[string]types.Object) {
	for i, st := range body.List {
		body.List[i] = l.topLevelStmt(st, defined)
	}
}

func (l *lowerer) topLevelStmt(st ast.Stmt, defined map[string]types.Object) ast.Stmt {
	switch st := st.(type) {
	case *ast.AssignStmt:
		if st.Tok == token.DEFINE && definesGlobals(st, defined) {
			st.Tok = token.ASSIGN
		}
		return st
	case *ast.LabeledStmt:
		st.Stmt = l.topLevelStmt(st.Stmt, defined)
		return st
	case *ast.DeclStmt:
		gd, ok := st.Decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			return st
		}
		var out []ast.Stmt
		for _, sp := range gd.Specs {
			vs := sp.(*ast.ValueSpec)
			if len(vs.Values) > 0 {
				var lhs []ast.Expr
				for _, n := range vs.Names {
					lhs = append(lhs, n)
				}
				// The package-level variable has the declared type, so untyped
				// constants convert to it as they would in the declaration.
				out = append(out, &ast.AssignStmt{Lhs: lhs, TokPos: vs.Pos(), Tok: token.ASSIGN, Rhs: vs.Values})
				continue
			}
			for _, n := range vs.Names {
				if n.Name == "_" {
					continue
				}
				var t types.Type = types.Universe.Lookup("any").Type()
				if obj := l.info.Defs[n]; obj != nil {
					t = obj.Type()
				}
				out = append(out, &ast.AssignStmt{Lhs: []ast.Expr{n}, TokPos: n.Pos(), Tok: token.ASSIGN, Rhs: []ast.Expr{l.zeroValue(t)}})
			}
		}
		if len(out) == 0 {
			return &ast.EmptyStmt{Semicolon: st.Pos(), Implicit: true}
		}
		return asOneStmtFlat(out)
	}
	return st
}

// asOneStmtFlat makes one statement of several without opening a scope: a
// block would hide nothing here, since all names are package-level.
func asOneStmtFlat(list []ast.Stmt) ast.Stmt {
	if len(list) == 1 {
		return list[0]
	}
	return &ast.BlockStmt{List: list}
}

// definesGlobals reports whether a := of the cell's top level declares
// cell variables (and not temporaries that lowering added).
func definesGlobals(st *ast.AssignStmt, defined map[string]types.Object) bool {
	for _, e := range st.Lhs {
		if id, ok := e.(*ast.Ident); ok && id.Name != "_" {
			if _, ok := defined[id.Name]; !ok {
				return false
			}
		}
	}
	return true
}
