package interpreter

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
)

// lowerRangeFunc rewrites ranging over a function (Go 1.23 iterators, such
// as iter.Seq and iter.Seq2), which yaegi does not know, into a call of the
// function with the loop body as the yield callback:
//
//	for k, v := range seq { body }
//
// becomes
//
//	{
//		var _goparCtl int
//		seq(func(k K, v V) bool { body'; return true })
//		if _goparCtl == ... { ... }
//	}
//
// In body', continue becomes `return true` and break `return false`; a
// return from the enclosing func, or a break or continue of an outer loop,
// sets _goparCtl (and the results) and stops the iteration, and the code
// after the call carries it out. A defer in the body is deferred to the end
// of the enclosing func, as in Go.
func (l *lowerer) lowerRangeFunc(root ast.Node) {
	funcs := enclosingFuncs(root)
	var lower func(n ast.Node)
	lower = func(n ast.Node) {
		rewriteStmts(n, func(st ast.Stmt) []ast.Stmt {
			r, _ := st.(*ast.RangeStmt)
			label := ""
			if ls, ok := st.(*ast.LabeledStmt); ok {
				r, _ = ls.Stmt.(*ast.RangeStmt)
				label = ls.Label.Name
			}
			if r == nil || !l.isRangeFunc(r) {
				return nil
			}
			lower(r.Body) // inner loops first
			return []ast.Stmt{l.rangeFuncCall(r, label, funcs[r])}
		})
	}
	lower(root)
	// Declared once the walk is over: the walk rebuilds statement lists.
	for _, body := range l.pendingDefers {
		l.ensureDeferList(body)
	}
	l.pendingDefers = nil
}

func (l *lowerer) isRangeFunc(r *ast.RangeStmt) bool {
	tv, ok := l.info.Types[r.X]
	if !ok {
		return false
	}
	_, ok = tv.Type.Underlying().(*types.Signature)
	return ok
}

// funcInfo is the func a range statement is in.
type funcInfo struct {
	typ  *ast.FuncType
	body *ast.BlockStmt
}

// enclosingFuncs maps every range statement under root to its func (a
// root block stands for a func without results).
func enclosingFuncs(root ast.Node) map[*ast.RangeStmt]funcInfo {
	out := map[*ast.RangeStmt]funcInfo{}
	var walk func(n ast.Node, fi funcInfo)
	walk = func(n ast.Node, fi funcInfo) {
		ast.Inspect(n, func(c ast.Node) bool {
			switch c := c.(type) {
			case *ast.FuncDecl:
				if c.Body != nil && c != n {
					walk(c.Body, funcInfo{c.Type, c.Body})
					return false
				}
			case *ast.FuncLit:
				if c != n {
					walk(c.Body, funcInfo{c.Type, c.Body})
					return false
				}
			case *ast.RangeStmt:
				out[c] = fi
			}
			return true
		})
	}
	fi := funcInfo{typ: &ast.FuncType{Params: &ast.FieldList{}}}
	switch r := root.(type) {
	case *ast.BlockStmt:
		fi.body = r
	case *ast.FuncDecl:
		if r.Body != nil {
			fi = funcInfo{r.Type, r.Body}
			root = r.Body
		}
	}
	walk(root, fi)
	return out
}

// rangeFuncCall builds the call that replaces a range-over-func loop.
func (l *lowerer) rangeFuncCall(r *ast.RangeStmt, label string, fi funcInfo) ast.Stmt {
	sig := l.info.Types[r.X].Type.Underlying().(*types.Signature)
	yield := sig.Params().At(0).Type().Underlying().(*types.Signature)

	ctl := l.fresh("Ctl")
	// The yield callback's parameters.
	params := &ast.FieldList{}
	var pre []ast.Stmt
	vars := []ast.Expr{r.Key, r.Value}
	var assignL, assignR []ast.Expr
	for i := 0; i < yield.Params().Len(); i++ {
		t := yield.Params().At(i).Type()
		name := ast.NewIdent("_")
		if i < len(vars) && vars[i] != nil {
			if id, ok := vars[i].(*ast.Ident); ok && r.Tok == token.DEFINE {
				name = id
			} else if r.Tok == token.ASSIGN && !isBlank(vars[i]) {
				p := l.fresh("Y")
				name = p
				assignL = append(assignL, vars[i])
				assignR = append(assignR, ast.NewIdent(p.Name))
			}
		}
		params.List = append(params.List, &ast.Field{Names: []*ast.Ident{name}, Type: l.typeAST(t)})
	}
	if len(assignL) > 0 {
		pre = append(pre, &ast.AssignStmt{Lhs: assignL, Tok: token.ASSIGN, Rhs: assignR})
	}

	// Results of the enclosing func, to carry a return out of the body.
	named := fi.typ != nil && fi.typ.Results != nil && len(fi.typ.Results.List) > 0 && len(fi.typ.Results.List[0].Names) > 0
	var results []*ast.Ident
	var resultDecls []ast.Stmt
	if named {
		// The body assigns the named results itself.
		for _, f := range fi.typ.Results.List {
			results = append(results, f.Names...)
		}
	} else if fi.typ != nil && fi.typ.Results != nil {
		for _, f := range fi.typ.Results.List {
			n := max(1, len(f.Names))
			for range n {
				id := l.fresh("Ret")
				results = append(results, id)
				resultDecls = append(resultDecls, &ast.DeclStmt{Decl: &ast.GenDecl{Tok: token.VAR, Specs: []ast.Spec{
					&ast.ValueSpec{Names: []*ast.Ident{id}, Type: l.typeAST(l.info.Types[f.Type].Type)},
				}}})
			}
		}
	}

	var after []ast.Stmt
	codes := map[string]int{} // outer branch -> control code
	setCtl := func(code int) ast.Stmt {
		return &ast.AssignStmt{Lhs: []ast.Expr{ast.NewIdent(ctl.Name)}, Tok: token.ASSIGN, Rhs: []ast.Expr{intLit(code)}}
	}
	retBool := func(v bool) ast.Stmt {
		return &ast.ReturnStmt{Results: []ast.Expr{ast.NewIdent(strconv.FormatBool(v))}}
	}
	usesReturn, usesDefer := false, false

	var walk func(n ast.Node, inLoop, inSwitch bool)
	walk = func(n ast.Node, inLoop, inSwitch bool) {
		rewriteStmtsShallow(n, func(st ast.Stmt) []ast.Stmt {
			switch st := st.(type) {
			case *ast.BranchStmt:
				switch {
				case st.Label == nil && st.Tok == token.CONTINUE && !inLoop,
					st.Label != nil && st.Label.Name == label && st.Tok == token.CONTINUE:
					return []ast.Stmt{retBool(true)}
				case st.Label == nil && st.Tok == token.BREAK && !inLoop && !inSwitch,
					st.Label != nil && st.Label.Name == label && st.Tok == token.BREAK:
					return []ast.Stmt{retBool(false)}
				case st.Label != nil && (st.Tok == token.BREAK || st.Tok == token.CONTINUE) && !l.labelInside(r.Body, st.Label.Name):
					key := st.Tok.String() + " " + st.Label.Name
					code, ok := codes[key]
					if !ok {
						code = len(codes) + 1
						codes[key] = code
						after = append(after, &ast.IfStmt{
							Cond: &ast.BinaryExpr{X: ast.NewIdent(ctl.Name), Op: token.EQL, Y: intLit(code)},
							Body: &ast.BlockStmt{List: []ast.Stmt{&ast.BranchStmt{Tok: st.Tok, Label: ast.NewIdent(st.Label.Name)}}},
						})
					}
					return []ast.Stmt{setCtl(code), retBool(false)}
				}
			case *ast.ReturnStmt:
				usesReturn = true
				var out []ast.Stmt
				if len(st.Results) > 0 {
					var lhs []ast.Expr
					for _, id := range results {
						lhs = append(lhs, ast.NewIdent(id.Name))
					}
					out = append(out, &ast.AssignStmt{Lhs: lhs, Tok: token.ASSIGN, Rhs: st.Results})
				}
				return append(out, setCtl(-1), retBool(false))
			case *ast.DeferStmt:
				usesDefer = true
				return []ast.Stmt{deferAppend(st)}
			}
			return nil
		}, func(c ast.Node) bool {
			switch c := c.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ForStmt:
				walk(c.Body, true, inSwitch)
				return false
			case *ast.RangeStmt:
				walk(c.Body, true, inSwitch)
				return false
			case *ast.SwitchStmt:
				walk(c.Body, inLoop, true)
				return false
			case *ast.TypeSwitchStmt:
				walk(c.Body, inLoop, true)
				return false
			case *ast.SelectStmt:
				walk(c.Body, inLoop, true)
				return false
			}
			return true
		})
	}
	walk(r.Body, false, false)

	body := append(pre, r.Body.List...)
	body = append(body, retBool(true))
	lit := &ast.FuncLit{
		Type: &ast.FuncType{Func: r.For, Params: params, Results: &ast.FieldList{List: []*ast.Field{{Type: ast.NewIdent("bool")}}}},
		Body: &ast.BlockStmt{List: body},
	}
	call := &ast.ExprStmt{X: &ast.CallExpr{Fun: r.X, Args: []ast.Expr{lit}}}

	if usesReturn {
		ret := &ast.ReturnStmt{}
		if !named {
			for _, id := range results {
				ret.Results = append(ret.Results, ast.NewIdent(id.Name))
			}
		}
		after = append(after, &ast.IfStmt{
			Cond: &ast.BinaryExpr{X: ast.NewIdent(ctl.Name), Op: token.EQL, Y: intLit(-1)},
			Body: &ast.BlockStmt{List: []ast.Stmt{ret}},
		})
	}
	if usesDefer && fi.body != nil {
		l.pendingDefers = append(l.pendingDefers, fi.body)
	}
	stmts := []ast.Stmt{&ast.DeclStmt{Decl: &ast.GenDecl{Tok: token.VAR, Specs: []ast.Spec{
		&ast.ValueSpec{Names: []*ast.Ident{ctl}, Type: ast.NewIdent("int")},
	}}}}
	stmts = append(stmts, resultDecls...)
	stmts = append(stmts, call)
	stmts = append(stmts, after...)
	// Keep the compiler quiet about an unused control variable.
	stmts = append(stmts, &ast.AssignStmt{Lhs: []ast.Expr{ast.NewIdent("_")}, Tok: token.ASSIGN, Rhs: []ast.Expr{ast.NewIdent(ctl.Name)}})
	return &ast.BlockStmt{List: stmts}
}

// deferListName holds the calls deferred inside range-over-func bodies.
const deferListName = "_goparDefers"

// ensureDeferList declares the list of deferred calls at the top of a func
// body, with the deferred loop that runs them in reverse order.
func (l *lowerer) ensureDeferList(body *ast.BlockStmt) {
	if l.deferLists == nil {
		l.deferLists = map[*ast.BlockStmt]bool{}
	}
	if l.deferLists[body] {
		return
	}
	l.deferLists[body] = true
	// The func's other defers join the list, to keep the order of all.
	rewriteStmtsShallow(body, func(st ast.Stmt) []ast.Stmt {
		if ds, ok := st.(*ast.DeferStmt); ok {
			return []ast.Stmt{deferAppend(ds)}
		}
		return nil
	}, func(n ast.Node) bool {
		_, lit := n.(*ast.FuncLit)
		return !lit
	})
	decl := &ast.DeclStmt{Decl: &ast.GenDecl{Tok: token.VAR, Specs: []ast.Spec{&ast.ValueSpec{
		Names: []*ast.Ident{ast.NewIdent(deferListName)},
		Type:  &ast.ArrayType{Elt: &ast.FuncType{Params: &ast.FieldList{}}},
	}}}}
	i := ast.NewIdent("_goparI")
	run := &ast.DeferStmt{Call: &ast.CallExpr{Fun: &ast.FuncLit{
		Type: &ast.FuncType{Params: &ast.FieldList{}},
		Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ForStmt{
			Init: &ast.AssignStmt{Lhs: []ast.Expr{i}, Tok: token.DEFINE, Rhs: []ast.Expr{&ast.BinaryExpr{
				X: &ast.CallExpr{Fun: ast.NewIdent("len"), Args: []ast.Expr{ast.NewIdent(deferListName)}}, Op: token.SUB, Y: intLit(1)}}},
			Cond: &ast.BinaryExpr{X: ast.NewIdent(i.Name), Op: token.GEQ, Y: intLit(0)},
			Post: &ast.IncDecStmt{X: ast.NewIdent(i.Name), Tok: token.DEC},
			Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ExprStmt{X: &ast.CallExpr{Fun: &ast.IndexExpr{X: ast.NewIdent(deferListName), Index: ast.NewIdent(i.Name)}}}}},
		}}},
	}}}
	body.List = append([]ast.Stmt{decl, run}, body.List...)
}

// deferAppend turns a defer statement into adding its call to the list.
func deferAppend(ds *ast.DeferStmt) ast.Stmt {
	call := &ast.FuncLit{Type: &ast.FuncType{Params: &ast.FieldList{}}, Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ExprStmt{X: ds.Call}}}}
	return &ast.AssignStmt{
		Lhs: []ast.Expr{ast.NewIdent(deferListName)},
		Tok: token.ASSIGN,
		Rhs: []ast.Expr{&ast.CallExpr{Fun: ast.NewIdent("append"), Args: []ast.Expr{ast.NewIdent(deferListName), call}}},
	}
}

// labelInside reports whether label is declared within n.
func (l *lowerer) labelInside(n ast.Node, label string) bool {
	found := false
	ast.Inspect(n, func(c ast.Node) bool {
		if ls, ok := c.(*ast.LabeledStmt); ok && ls.Label.Name == label {
			found = true
		}
		return !found
	})
	return found
}

func isBlank(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "_"
}

func intLit(n int) ast.Expr {
	if n < 0 {
		return &ast.UnaryExpr{Op: token.SUB, X: &ast.BasicLit{Kind: token.INT, Value: strconv.Itoa(-n)}}
	}
	return &ast.BasicLit{Kind: token.INT, Value: strconv.Itoa(n)}
}
