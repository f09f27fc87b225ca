package interpreter

import (
	"go/ast"
	"go/token"
	"go/types"
)

// lowerTypeSwitch rewrites type switches into comma-ok type assertions
// followed by an expression switch: yaegi's type switch does not match
// compiled values against interface cases (case error: missed the errors
// fmt.Errorf makes), while its assertions do.
//
//	switch x := v.(type) {
//	case int:
//		a(x)
//	case error, nil:
//		b(x)
//	}
//
// becomes
//
//	{
//		_goparV1 := v
//		_goparK2 := 0
//		if _, ok := _goparV1.(int); ok {
//			_goparK2 = 1
//		} else if _, ok := _goparV1.(error); ok {
//			_goparK2 = 2
//		} else if _goparV1 == nil {
//			_goparK2 = 2
//		}
//		switch _goparK2 {
//		case 1:
//			x := _goparV1.(int)
//			a(x)
//		case 2:
//			x := _goparV1
//			b(x)
//		}
//	}
//
// break keeps leaving the switch, and a label on it stays on the switch.
func (l *lowerer) lowerTypeSwitch(root ast.Node) {
	rewriteStmts(root, func(st ast.Stmt) []ast.Stmt {
		ts, ok := st.(*ast.TypeSwitchStmt)
		if !ok {
			return nil
		}
		return []ast.Stmt{l.typeSwitch(ts)}
	})
}

func (l *lowerer) typeSwitch(ts *ast.TypeSwitchStmt) ast.Stmt {
	var bind *ast.Ident // x in x := v.(type)
	var subject ast.Expr
	switch a := ts.Assign.(type) {
	case *ast.AssignStmt:
		bind = a.Lhs[0].(*ast.Ident)
		subject = a.Rhs[0].(*ast.TypeAssertExpr).X
	case *ast.ExprStmt:
		subject = a.X.(*ast.TypeAssertExpr).X
	}
	v := l.fresh("V")
	k := l.fresh("K")
	out := []ast.Stmt{}
	if ts.Init != nil {
		out = append(out, ts.Init)
	}
	out = append(out,
		&ast.AssignStmt{Lhs: []ast.Expr{v}, Tok: token.DEFINE, Rhs: []ast.Expr{subject}},
		&ast.AssignStmt{Lhs: []ast.Expr{k}, Tok: token.DEFINE, Rhs: []ast.Expr{intLit(0)}},
	)
	var chain *ast.IfStmt
	var tail *ast.IfStmt
	sw := &ast.SwitchStmt{Switch: ts.Switch, Tag: ast.NewIdent(k.Name), Body: &ast.BlockStmt{}}
	for i, c := range ts.Body.List {
		cc := c.(*ast.CaseClause)
		code := i + 1
		clause := &ast.CaseClause{Case: cc.Case, Colon: cc.Colon, Body: cc.Body}
		if cc.List == nil {
			clause.List = nil // default
		} else {
			clause.List = []ast.Expr{intLit(code)}
			for _, te := range cc.List {
				set := &ast.IfStmt{Body: &ast.BlockStmt{List: []ast.Stmt{
					&ast.AssignStmt{Lhs: []ast.Expr{ast.NewIdent(k.Name)}, Tok: token.ASSIGN, Rhs: []ast.Expr{intLit(code)}},
				}}}
				if l.isNil(te) {
					set.Cond = &ast.BinaryExpr{X: ast.NewIdent(v.Name), Op: token.EQL, Y: ast.NewIdent("nil")}
				} else if okName, _, boxed := l.boxedCase(te); boxed {
					set.Init = &ast.AssignStmt{
						Lhs: []ast.Expr{ast.NewIdent("_"), ast.NewIdent("_goparOK")},
						Tok: token.DEFINE,
						Rhs: []ast.Expr{&ast.CallExpr{Fun: helperFunc(okName, token.NoPos), Args: []ast.Expr{ast.NewIdent(v.Name)}}},
					}
					set.Cond = ast.NewIdent("_goparOK")
				} else {
					set.Init = &ast.AssignStmt{
						Lhs: []ast.Expr{ast.NewIdent("_"), ast.NewIdent("_goparOK")},
						Tok: token.DEFINE,
						Rhs: []ast.Expr{&ast.TypeAssertExpr{X: ast.NewIdent(v.Name), Type: te}},
					}
					set.Cond = ast.NewIdent("_goparOK")
				}
				if chain == nil {
					chain = set
				} else {
					tail.Else = set
				}
				tail = set
			}
		}
		if bind != nil {
			// The clause's variable: the asserted type for a one-type case,
			// the switch's own type otherwise.
			var val ast.Expr = ast.NewIdent(v.Name)
			if len(cc.List) == 1 && !l.isNil(cc.List[0]) {
				val = &ast.TypeAssertExpr{X: ast.NewIdent(v.Name), Type: cc.List[0]}
				if _, mustName, boxed := l.boxedCase(cc.List[0]); boxed {
					val = &ast.CallExpr{Fun: helperFunc(mustName, token.NoPos), Args: []ast.Expr{ast.NewIdent(v.Name)}}
				}
			}
			x := ast.NewIdent(bind.Name)
			if obj := l.info.Implicits[cc]; obj != nil {
				l.info.Defs[x] = obj
			}
			decl := &ast.AssignStmt{Lhs: []ast.Expr{x}, Tok: token.DEFINE, Rhs: []ast.Expr{val}}
			use := &ast.AssignStmt{Lhs: []ast.Expr{ast.NewIdent("_")}, Tok: token.ASSIGN, Rhs: []ast.Expr{ast.NewIdent(bind.Name)}}
			clause.Body = append([]ast.Stmt{decl, use}, clause.Body...)
		}
		sw.Body.List = append(sw.Body.List, clause)
	}
	if chain != nil {
		out = append(out, chain)
	}
	out = append(out, sw)
	return &ast.BlockStmt{List: out}
}

// boxedCase reports a case type whose values may be boxed (lower_box.go),
// with the helpers that assert it.
func (l *lowerer) boxedCase(te ast.Expr) (okName, mustName string, ok bool) {
	tv, found := l.info.Types[te]
	if found && tv.IsType() {
		if okName, mustName, ok := l.typeParamAssert(tv.Type); ok {
			return okName, mustName, true
		}
	}
	if !found || !tv.IsType() || !l.wrappedValueType(tv.Type) || types.NewMethodSet(tv.Type).Len() == 0 {
		return "", "", false
	}
	return l.assertHelper(tv.Type)
}

func (l *lowerer) isNil(e ast.Expr) bool {
	tv, ok := l.info.Types[e]
	return ok && tv.IsNil()
}
