package interpreter

import (
	"go/ast"
	"go/token"
	"go/types"
)

// lowerLoopVar gives loops declared with := a fresh variable per iteration,
// as Go 1.22 does; yaegi shares one variable across iterations, so closures
// and goroutines started in the loop all saw its last value.
//
//	for i := 0; i < n; i++ { go f(func() { use(i) }) }
//
// becomes
//
//	for _goparL1 := 0; _goparL1 < n; _goparL1++ { i := _goparL1; go f(func() { use(i) }) }
//
// When the body assigns the variable, the new value is copied back before
// the post statement (at the end of the body and before each continue).
// Loops whose body neither makes closures nor takes the variables' address
// cannot tell the difference and are left alone.
func (l *lowerer) lowerLoopVar(root ast.Node) {
	l.walkLoops(root, "")
}

// walkLoops finds loops, passing down the label of a labelled loop.
func (l *lowerer) walkLoops(n ast.Node, label string) {
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.LabeledStmt:
			switch n.Stmt.(type) {
			case *ast.ForStmt, *ast.RangeStmt:
				l.walkLoops(n.Stmt, n.Label.Name)
				return false
			}
		case *ast.ForStmt:
			l.forLoop(n, label)
			label = ""
		case *ast.RangeStmt:
			l.rangeLoop(n)
			label = ""
		}
		return true
	})
}

// loopVars are the objects a loop header declares, with their identifiers.
func (l *lowerer) loopVars(ids ...ast.Expr) (map[types.Object]bool, []*ast.Ident) {
	objs := map[types.Object]bool{}
	var out []*ast.Ident
	for _, e := range ids {
		id, ok := e.(*ast.Ident)
		if !ok || id.Name == "_" {
			continue
		}
		if obj := l.info.Defs[id]; obj != nil {
			objs[obj] = true
			out = append(out, id)
		}
	}
	return objs, out
}

// capturesOrAddresses reports whether body makes a func literal or takes the
// address of one of vars: only then is a per-iteration variable observable.
func (l *lowerer) capturesOrAddresses(body ast.Node, vars map[types.Object]bool) bool {
	found := false
	calledAt := map[*ast.SelectorExpr]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			if sel, ok := c.Fun.(*ast.SelectorExpr); ok {
				calledAt[sel] = true
			}
		}
		return true
	})
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			found = true
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				if id, ok := n.X.(*ast.Ident); ok && vars[l.info.Uses[id]] {
					found = true
				}
			}
		case *ast.SelectorExpr:
			// A method value keeps its receiver, like a closure.
			if sel := l.info.Selections[n]; sel != nil && sel.Kind() == types.MethodVal && !calledAt[n] {
				found = true
			}
			// A method with a pointer receiver, called on the variable
			// itself, takes its address.
			if id, ok := n.X.(*ast.Ident); ok && vars[l.info.Uses[id]] {
				if sel := l.info.Selections[n]; sel != nil && sel.Kind() == types.MethodVal {
					recv := sel.Obj().Type().(*types.Signature).Recv()
					_, ptrRecv := recv.Type().(*types.Pointer)
					_, ptrVar := l.info.Uses[id].Type().Underlying().(*types.Pointer)
					if ptrRecv && !ptrVar {
						found = true
					}
				}
			}
		}
		return !found
	})
	return found
}

// assigns reports whether body changes one of vars.
func (l *lowerer) assigns(body ast.Node, vars map[types.Object]bool) bool {
	found := false
	is := func(e ast.Expr) bool {
		id, ok := e.(*ast.Ident)
		return ok && vars[l.info.Uses[id]]
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, e := range n.Lhs {
				if is(e) {
					found = true
				}
			}
		case *ast.IncDecStmt:
			if is(n.X) {
				found = true
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && is(n.X) {
				found = true
			}
		}
		return !found
	})
	return found
}

func (l *lowerer) forLoop(f *ast.ForStmt, label string) {
	init, ok := f.Init.(*ast.AssignStmt)
	if !ok || init.Tok != token.DEFINE {
		return
	}
	vars, ids := l.loopVars(init.Lhs...)
	if len(ids) == 0 || !l.capturesOrAddresses(f.Body, vars) {
		return
	}
	// The header works on outer copies.
	outer := map[types.Object]string{}
	var inner, outerIDs []ast.Expr
	names := make([]string, len(ids)) // before the header is renamed
	for i, id := range ids {
		names[i] = id.Name
		name := l.fresh("L").Name
		outer[l.info.Defs[id]] = name
		inner = append(inner, ast.NewIdent(id.Name))
		outerIDs = append(outerIDs, ast.NewIdent(name))
	}
	rename := func(n ast.Node) {
		if n == nil {
			return
		}
		ast.Inspect(n, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				obj := l.info.Defs[id]
				if obj == nil {
					obj = l.info.Uses[id]
				}
				if name, ok := outer[obj]; ok {
					id.Name = name
				}
			}
			return true
		})
	}
	// The loop body keeps the original identifiers (and their types); a
	// copy of each is declared at the top of the body.
	copyIn := &ast.AssignStmt{Lhs: inner, Tok: token.DEFINE, Rhs: outerIDs}
	rename(f.Init)
	rename(f.Cond)
	rename(f.Post)
	if l.assigns(f.Body, vars) {
		copyBack := func() ast.Stmt {
			var lhs, rhs []ast.Expr
			for i := range ids {
				lhs = append(lhs, ast.NewIdent(outerIDs[i].(*ast.Ident).Name))
				rhs = append(rhs, ast.NewIdent(names[i]))
			}
			return &ast.AssignStmt{Lhs: lhs, Tok: token.ASSIGN, Rhs: rhs}
		}
		rewriteContinues(f.Body, label, func(c *ast.BranchStmt) []ast.Stmt {
			return []ast.Stmt{copyBack(), c}
		})
		f.Body.List = append(f.Body.List, copyBack())
	}
	f.Body.List = append([]ast.Stmt{copyIn}, f.Body.List...)
}

func (l *lowerer) rangeLoop(r *ast.RangeStmt) {
	if r.Tok != token.DEFINE {
		return
	}
	vars, ids := l.loopVars(r.Key, r.Value)
	if len(ids) == 0 || !l.capturesOrAddresses(r.Body, vars) {
		return
	}
	var inner, outer []ast.Expr
	for _, id := range ids {
		name := l.fresh("L").Name
		inner = append(inner, ast.NewIdent(id.Name))
		outer = append(outer, ast.NewIdent(name))
		id.Name = name
	}
	copyIn := &ast.AssignStmt{Lhs: inner, Tok: token.DEFINE, Rhs: outer}
	r.Body.List = append([]ast.Stmt{copyIn}, r.Body.List...)
}

// rewriteContinues replaces the continue statements that continue the loop
// whose body is body (unlabelled ones not inside an inner loop, and those
// naming label) by what f returns.
func rewriteContinues(body *ast.BlockStmt, label string, f func(*ast.BranchStmt) []ast.Stmt) {
	var walk func(n ast.Node, inner bool)
	walk = func(n ast.Node, inner bool) {
		rewriteStmtsShallow(n, func(st ast.Stmt) []ast.Stmt {
			if br, ok := st.(*ast.BranchStmt); ok && br.Tok == token.CONTINUE {
				if (br.Label == nil && !inner) || (br.Label != nil && br.Label.Name == label && label != "") {
					return f(br)
				}
			}
			return nil
		}, func(child ast.Node) bool {
			switch child.(type) {
			case *ast.ForStmt, *ast.RangeStmt:
				walk(child, true)
				return false
			case *ast.FuncLit:
				return false
			}
			return true
		})
	}
	walk(body, false)
}
