package interpreter

import (
	"fmt"
	"go/ast"
	"go/types"
)

// lowerAssert fixes type assertions to a cell-defined value type (not a
// pointer, not an interface). Such values are stored in interfaces with
// methods through a pointer (lower_box.go), and yaegi's own wrappers could
// not be asserted to a value type; the helper accepts the value, the
// pointer, or what a wrapper holds.
//
//	v, ok := err.(ValidationError)  ->  v, ok := _goparAssert3_1(err)
//	err.(ValidationError)           ->  _goparMust3_1(err)
func (l *lowerer) lowerAssert(root ast.Node) {
	commaOK := map[*ast.TypeAssertExpr]bool{}
	ast.Inspect(root, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) == 2 && len(n.Rhs) == 1 {
				if ta, ok := n.Rhs[0].(*ast.TypeAssertExpr); ok {
					commaOK[ta] = true
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == 2 && len(n.Values) == 1 {
				if ta, ok := n.Values[0].(*ast.TypeAssertExpr); ok {
					commaOK[ta] = true
				}
			}
		}
		return true
	})
	rewriteExprs(root, func(e ast.Expr) ast.Expr {
		ta, ok := e.(*ast.TypeAssertExpr)
		if !ok || ta.Type == nil {
			return e
		}
		if xt, ok := l.info.Types[ta.X]; !ok || !types.IsInterface(xt.Type) {
			return e
		}
		tv, ok := l.info.Types[ta.Type]
		if !ok || !l.wrappedValueType(tv.Type) {
			return e
		}
		okName, mustName, ok := l.assertHelper(tv.Type)
		if !ok {
			return e
		}
		name := mustName
		if commaOK[ta] {
			name = okName
		}
		return &ast.CallExpr{Fun: &ast.Ident{NamePos: ta.Pos(), Name: name}, Args: []ast.Expr{ta.X}}
	})
}

// wrappedValueType reports cell types that assertions on wrappers miss.
func (l *lowerer) wrappedValueType(t types.Type) bool {
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Pkg() != l.pkg {
		return false
	}
	switch t.Underlying().(type) {
	case *types.Interface, *types.Pointer:
		return false
	}
	return true
}

// assertHelper writes, once per type, the comma-ok and the panicking
// assertion to t.
func (l *lowerer) assertHelper(t types.Type) (okName, mustName string, ok bool) {
	src, ok := l.s.typeSource(t, l.pkg)
	if !ok {
		return "", "", false
	}
	if l.asserts == nil {
		l.asserts = map[string][2]string{}
	}
	if names, ok := l.asserts[src]; ok {
		return names[0], names[1], true
	}
	n := len(l.asserts) + 1
	okName = fmt.Sprintf("_goparAssert%d_%d", l.cellNo, n)
	mustName = fmt.Sprintf("_goparMust%d_%d", l.cellNo, n)
	l.asserts[src] = [2]string{okName, mustName}
	l.addHelper(fmt.Sprintf(`package main

func %[1]s(x any) (%[3]s, bool) {
	if v, ok := x.(%[3]s); ok {
		return v, true
	}
	if p, ok := x.(*%[3]s); ok && p != nil {
		return *p, true
	}
	var v %[3]s
	return v, _goparcell.AsValue(x, &v)
}

func %[2]s(x any) %[3]s {
	v, ok := %[1]s(x)
	if !ok {
		panic(_goparfmt.Sprintf("interface conversion: interface is %%T, not %[4]s", x))
	}
	return v
}
`, okName, mustName, src, types.TypeString(t, func(p *types.Package) string { return p.Name() })))
	return okName, mustName, true
}
