package interpreter

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
)

// lowerGo makes every go statement under root recover from a panic and
// report it instead of killing the process: yaegi runs each goroutine
// without a recover of its own.
//
//	go f(a, b)
//
// becomes
//
//	{
//		_goparArg1, _goparArg2 := a, b
//		go func() {
//			defer func() { if r := recover(); r != nil { _goparcell.GoPanic("3:1", _goparPanicText(r)) } }()
//			f(_goparArg1, _goparArg2)
//		}()
//	}
//
// which evaluates the arguments at the go statement, as Go does. A func
// literal gets the deferred recover first in its own body instead. The
// body runs in the literal's own frame: each goroutine makes one frame and
// one deferred call, not a literal of its own for the body (and another,
// returning it, that lowerDeferClosure made of it).
func (l *lowerer) lowerGo(root ast.Node) {
	done := map[*ast.GoStmt]bool{}
	rewriteStmts(root, func(st ast.Stmt) []ast.Stmt {
		gs, ok := st.(*ast.GoStmt)
		if !ok || done[gs] {
			return nil
		}
		done[gs] = true
		guard := l.goGuard(gs.Pos())
		if lit, ok := gs.Call.Fun.(*ast.FuncLit); ok {
			lit.Body = goGuarded(guard, lit.Body)
			return []ast.Stmt{gs}
		}
		// Evaluate the arguments now, call later.
		var names []ast.Expr
		var values []ast.Expr
		call := &ast.CallExpr{Fun: gs.Call.Fun, Ellipsis: gs.Call.Ellipsis}
		for _, a := range gs.Call.Args {
			if isConstantLike(a) {
				call.Args = append(call.Args, a)
				continue
			}
			id := l.fresh("Arg")
			names = append(names, id)
			values = append(values, a)
			call.Args = append(call.Args, ast.NewIdent(id.Name))
		}
		if id, ok := gs.Call.Fun.(*ast.Ident); ok {
			// A func value held in a variable is evaluated now too.
			if _, isVar := l.info.Uses[id].(*types.Var); isVar {
				fn := l.fresh("Fn")
				names = append(names, fn)
				values = append(values, id)
				call.Fun = ast.NewIdent(fn.Name)
			}
		}
		if l.isComputedFunc(gs.Call.Fun) {
			// A func that is the result of a call (`go mk(i)()`), an element
			// or an assertion is evaluated now too: in the goroutine's literal
			// the call would run late, with the variables of the next
			// iterations.
			fn := l.fresh("Fn")
			names = append(names, fn)
			values = append(values, gs.Call.Fun)
			call.Fun = ast.NewIdent(fn.Name)
		}
		if sel, ok := gs.Call.Fun.(*ast.SelectorExpr); ok && !isConstantLike(sel.X) && !l.isPackage(sel.X) {
			// The receiver of a method call is evaluated at the go statement too.
			if s := l.info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
				id := l.fresh("Recv")
				names = append(names, id)
				recv, _ := l.receiverValue(sel, s)
				values = append(values, recv)
				call.Fun = &ast.SelectorExpr{X: ast.NewIdent(id.Name), Sel: sel.Sel}
			} else if s == nil || s.Kind() == types.FieldVal {
				// A func-typed field or a selector on a value: evaluate it now.
				id := l.fresh("Recv")
				names = append(names, id)
				values = append(values, sel)
				call.Fun = ast.NewIdent(id.Name)
			}
		}
		body := goGuarded(guard, &ast.BlockStmt{List: []ast.Stmt{&ast.ExprStmt{X: call}}})
		ngs := &ast.GoStmt{Go: gs.Go, Call: &ast.CallExpr{Fun: &ast.FuncLit{Type: &ast.FuncType{Params: &ast.FieldList{}}, Body: body}}}
		done[ngs] = true
		if len(names) == 0 {
			return []ast.Stmt{ngs}
		}
		assign := &ast.AssignStmt{Lhs: names, Tok: token.DEFINE, Rhs: values}
		return []ast.Stmt{&ast.BlockStmt{List: []ast.Stmt{assign, ngs}}}
	})
}

// goGuarded is body with guard first.
func goGuarded(guard ast.Stmt, body *ast.BlockStmt) *ast.BlockStmt {
	return &ast.BlockStmt{Lbrace: body.Lbrace, List: append([]ast.Stmt{guard}, body.List...), Rbrace: body.Rbrace}
}

// isGoGuard reports whether st is the deferred recover goGuard makes. It
// calls nothing made in the goroutine's frame, so it does not make
// lowerDeferClosure wrap the literals of the goroutine's body.
func isGoGuard(st ast.Node) bool {
	ds, ok := st.(*ast.DeferStmt)
	if !ok {
		return false
	}
	lit, ok := ds.Call.Fun.(*ast.FuncLit)
	if !ok || len(ds.Call.Args) != 0 {
		return false
	}
	found := false
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok && sel.Sel.Name == "GoPanic" {
			if x, ok := sel.X.(*ast.Ident); ok && x.Name == cellName {
				found = true
			}
		}
		return !found
	})
	return found
}

// goGuard is the deferred recover put at the top of a goroutine.
func (l *lowerer) goGuard(pos token.Pos) ast.Stmt {
	report := &ast.SelectorExpr{X: ast.NewIdent(cellName), Sel: ast.NewIdent("GoPanic")}
	return l.recoverGuard(report, []ast.Expr{&ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(l.where(pos))}}, false)
}

// recoverGuard is `defer func() { if p := recover(); p != nil { if r :=
// _goparcell.Recovered(p); r != nil { report(args..., _goparPanicText(r))
// } } }()`, with `panic(r)` after the report when repanic is set. Recovered,
// a compiled func, is called only on a panic: a call through reflect grows
// a new goroutine's stack.
func (l *lowerer) recoverGuard(report ast.Expr, args []ast.Expr, repanic bool) ast.Stmt {
	r := ast.NewIdent("_goparR")
	call := &ast.CallExpr{
		Fun:  report,
		Args: append(args, &ast.CallExpr{Fun: ast.NewIdent(panicTextFunc), Args: []ast.Expr{ast.NewIdent(r.Name)}}),
	}
	check := &ast.IfStmt{
		Init: &ast.AssignStmt{Lhs: []ast.Expr{r}, Tok: token.DEFINE, Rhs: []ast.Expr{recovered(ast.NewIdent("_goparP"))}},
		Cond: &ast.BinaryExpr{X: ast.NewIdent(r.Name), Op: token.NEQ, Y: ast.NewIdent("nil")},
		Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ExprStmt{X: call}}},
	}
	if repanic {
		check.Body.List = append(check.Body.List, &ast.ExprStmt{X: &ast.CallExpr{Fun: ast.NewIdent("panic"), Args: []ast.Expr{ast.NewIdent(r.Name)}}})
	}
	raw := &ast.IfStmt{
		Init: &ast.AssignStmt{Lhs: []ast.Expr{ast.NewIdent("_goparP")}, Tok: token.DEFINE, Rhs: []ast.Expr{&ast.CallExpr{Fun: ast.NewIdent("recover")}}},
		Cond: &ast.BinaryExpr{X: ast.NewIdent("_goparP"), Op: token.NEQ, Y: ast.NewIdent("nil")},
		Body: &ast.BlockStmt{List: []ast.Stmt{check}},
	}
	return &ast.DeferStmt{Call: &ast.CallExpr{Fun: &ast.FuncLit{
		Type: &ast.FuncType{Params: &ast.FieldList{}},
		Body: &ast.BlockStmt{List: []ast.Stmt{raw}},
	}}}
}

// isComputedFunc reports whether fun, the func of a go statement, is
// computed by an expression other than a name, a selector, a func literal
// or an instantiation of a generic func.
func (l *lowerer) isComputedFunc(fun ast.Expr) bool {
	fun = ast.Unparen(fun)
	switch fun := fun.(type) {
	case *ast.Ident, *ast.SelectorExpr, *ast.FuncLit:
		return false
	case *ast.IndexExpr:
		return !l.isGenericFunc(fun.X)
	case *ast.IndexListExpr:
		return false
	}
	return true
}

// isGenericFunc reports whether e names a generic func.
func (l *lowerer) isGenericFunc(e ast.Expr) bool {
	var id *ast.Ident
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	default:
		return false
	}
	fn, ok := l.info.Uses[id].(*types.Func)
	return ok && fn.Type().(*types.Signature).TypeParams() != nil
}

// isConstantLike reports expressions whose value cannot change between the
// go statement and the goroutine's start: literals and package selectors.
func isConstantLike(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.BasicLit:
		return true
	case *ast.Ident:
		return e.Name == "nil" || e.Name == "true" || e.Name == "false"
	}
	return false
}

// isPackage reports whether e names an imported package.
func (l *lowerer) isPackage(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && l.packages[id.Name]
}
