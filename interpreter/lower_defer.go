package interpreter

import (
	"go/ast"
	"go/token"
	"go/types"
)

// lowerDefer evaluates the arguments of deferred calls at the defer
// statement, as Go does; yaegi evaluated them when the call ran.
//
//	defer fmt.Println("x =", x)
//
// becomes
//
//	{
//		_goparD1 := x
//		defer fmt.Println("x =", _goparD1)
//	}
func (l *lowerer) lowerDefer(root ast.Node) {
	done := map[*ast.DeferStmt]bool{}
	rewriteStmts(root, func(st ast.Stmt) []ast.Stmt {
		ds, ok := st.(*ast.DeferStmt)
		if !ok || done[ds] {
			return nil
		}
		done[ds] = true
		if out, lowered := l.deferMethod(ds); out != nil {
			done[lowered] = true
			return out
		}
		var names, values []ast.Expr
		for i, a := range ds.Call.Args {
			if isConstantLike(a) {
				continue
			}
			if tv, ok := l.info.Types[a]; ok && tv.Value != nil {
				continue // a constant
			}
			id := l.fresh("D")
			names = append(names, id)
			values = append(values, a)
			ds.Call.Args[i] = ast.NewIdent(id.Name)
		}
		if len(names) == 0 {
			return nil
		}
		assign := &ast.AssignStmt{Lhs: names, Tok: token.DEFINE, Rhs: values}
		return []ast.Stmt{&ast.BlockStmt{List: []ast.Stmt{assign, ds}}}
	})
}

// deferMethod lowers a deferred method call. yaegi reads the receiver when
// the call runs, so it goes to a func literal as an argument, with the
// other arguments:
//
//	defer r.Close(x)
//
// becomes
//
//	{
//		_goparD1, _goparD2 := r, x
//		defer func(_goparR *Res, _goparA0 int) { _goparR.Close(_goparA0) }(_goparD1, _goparD2)
//	}
func (l *lowerer) deferMethod(ds *ast.DeferStmt) ([]ast.Stmt, *ast.DeferStmt) {
	sel, ok := ds.Call.Fun.(*ast.SelectorExpr)
	if !ok {
		return nil, nil
	}
	s := l.info.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal {
		return nil, nil
	}
	sig := s.Type().(*types.Signature)
	recv, recvType := l.receiverValue(sel, s)
	r := l.fresh("D")
	names := []ast.Expr{r}
	values := []ast.Expr{recv}
	params := &ast.FieldList{List: []*ast.Field{{Names: []*ast.Ident{ast.NewIdent("_goparR")}, Type: l.typeAST(recvType)}}}
	call := &ast.CallExpr{Fun: &ast.SelectorExpr{X: ast.NewIdent("_goparR"), Sel: sel.Sel}, Ellipsis: ds.Call.Ellipsis}
	outerArgs := []ast.Expr{ast.NewIdent(r.Name)}
	n := sig.Params().Len()
	for i, a := range ds.Call.Args {
		var t types.Type
		switch {
		case sig.Variadic() && i >= n-1 && !ds.Call.Ellipsis.IsValid():
			t = sig.Params().At(n - 1).Type().(*types.Slice).Elem()
		case i < n:
			t = sig.Params().At(i).Type()
		default:
			return nil, nil
		}
		d := l.fresh("D")
		names = append(names, d)
		values = append(values, a)
		p := "_goparA" + itoa(i)
		params.List = append(params.List, &ast.Field{Names: []*ast.Ident{ast.NewIdent(p)}, Type: l.typeAST(t)})
		call.Args = append(call.Args, ast.NewIdent(p))
		outerArgs = append(outerArgs, ast.NewIdent(d.Name))
	}
	lit := &ast.FuncLit{Type: &ast.FuncType{Params: params}, Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ExprStmt{X: call}}}}
	deferred := &ast.DeferStmt{Defer: ds.Defer, Call: &ast.CallExpr{Fun: lit, Args: outerArgs}}
	assign := &ast.AssignStmt{Lhs: names, Tok: token.DEFINE, Rhs: values}
	return []ast.Stmt{&ast.BlockStmt{List: []ast.Stmt{assign, deferred}}}, deferred
}

// receiverValue is what a method value binds, with its type: the
// receiver itself, or its address for a pointer method called on an
// addressable value (wg.Done() means (&wg).Done()), or a copy of the value
// a pointer points to for a value method. A promoted method binds the
// embedded field it is declared on, reached now: t.M with M promoted
// through embedded pointers means (*t.T2.T3.T4).M, which panics at once
// when one of them is nil.
func (l *lowerer) receiverValue(sel *ast.SelectorExpr, s *types.Selection) (ast.Expr, types.Type) {
	x, t := sel.X, l.info.Types[sel.X].Type
	recv := s.Obj().Type().(*types.Signature).Recv()
	if recv == nil || t == nil {
		return x, s.Recv()
	}
	path := s.Index()
	for _, i := range path[:len(path)-1] {
		st, ok := derefType(t).Underlying().(*types.Struct)
		if !ok {
			return sel.X, s.Recv()
		}
		f := st.Field(i)
		x, t = &ast.SelectorExpr{X: x, Sel: ast.NewIdent(f.Name())}, f.Type()
	}
	if types.IsInterface(t) {
		return x, t
	}
	_, ptrRecv := recv.Type().Underlying().(*types.Pointer)
	p, ptrX := t.Underlying().(*types.Pointer)
	switch {
	case ptrRecv && !ptrX:
		return &ast.UnaryExpr{Op: token.AND, X: x}, types.NewPointer(t)
	case !ptrRecv && ptrX:
		// A copy of the value, made now: later changes are not seen, and
		// a nil pointer panics here.
		return &ast.StarExpr{X: x}, p.Elem()
	}
	return x, t
}

// derefType is the type t points to, or t.
func derefType(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}
