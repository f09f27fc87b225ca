package interpreter

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
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
		xt, ok := l.info.Types[ta.X]
		if !ok || !types.IsInterface(xt.Type) {
			return e
		}
		tv, ok := l.info.Types[ta.Type]
		if !ok {
			return e
		}
		if okName, mustName, ok := l.typeParamAssert(tv.Type); ok {
			name := okName
			if !commaOK[ta] {
				name = mustName
			}
			return &ast.CallExpr{Fun: helperFunc(name, ta.Pos()), Args: []ast.Expr{ta.X}}
		}
		if !l.wrappedValueType(tv.Type) {
			return e
		}
		okName, mustName, ok := l.assertHelper(tv.Type)
		if !ok {
			return e
		}
		name := okName
		if !commaOK[ta] {
			name = mustName
			if n, ok := l.mustHelper(tv.Type, xt.Type, okName); ok {
				name = n
			}
		}
		return &ast.CallExpr{Fun: &ast.Ident{NamePos: ta.Pos(), Name: name}, Args: []ast.Expr{ta.X}}
	})
}

// mustHelper writes, once per type and interface, the assertion of a value
// of interface type iface to t that panics as Go does when it fails:
// "interface conversion: main.Shape is *main.Rect, not main.Circle". Its
// parameter has the interface type, so that the dynamic type is named from
// the cell types that implement it (dyntype.go).
func (l *lowerer) mustHelper(t, iface types.Type, okName string) (string, bool) {
	isrc, ok := l.s.typeSource(iface, l.pkg)
	if !ok {
		return "", false
	}
	typeOf, ok := l.formatter().tableCall("TypeOf", iface, ast.NewIdent("x"))
	if !ok {
		return "", false
	}
	var call strings.Builder
	if err := printConfig.Fprint(&call, token.NewFileSet(), typeOf); err != nil {
		return "", false
	}
	src, ok := l.s.typeSource(t, l.pkg)
	if !ok {
		return "", false
	}
	key := src + " from " + isrc
	if name, ok := l.musts[key]; ok {
		return name, true
	}
	if l.musts == nil {
		l.musts = map[string]string{}
	}
	name := l.fresh("Must").Name
	l.musts[key] = name
	l.addHelper(fmt.Sprintf(`package main

func %[1]s(x %[3]s) %[4]s {
	if v, ok := %[2]s(x); ok {
		return v
	}
	if x == nil {
		panic(%[5]q)
	}
	panic(%[6]q + %[7]s + %[8]q)
}
`, name, okName, isrc, src, "interface conversion: "+reflectString(iface)+" is nil, not "+reflectString(t),
		"interface conversion: "+reflectString(iface)+" is ", call.String(), ", not "+reflectString(t)))
	return name, true
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

// typeParamAssert gives the comma-ok and the panicking assertion to a
// type parameter or a type made of one, instantiated with it: an instance's value type may be
// boxed (lower_box.go), which x.(T) alone misses. (The helpers' own type
// parameter has an unlikely name, as _goparMin's has; the panicking one
// does not call the other: yaegi fails on a generic call in a generic
// body that is never instantiated.)
func (l *lowerer) typeParamAssert(t types.Type) (okName, mustName string, ok bool) {
	var arg string
	if tp, isParam := t.(*types.TypeParam); isParam {
		arg = typeParamName(tp.Obj().Name())
	} else if mentionsTypeParam(t) {
		// A type made of the type parameters of the generic func the
		// assertion is in (x.(Cons[T])): a helper of its own, written at
		// the top level, could not name them.
		if arg, ok = l.s.typeSource(t, l.pkg); !ok {
			return "", "", false
		}
	} else {
		return "", "", false
	}
	okName = fmt.Sprintf("_goparAssertTP%d", l.cellNo)
	mustName = fmt.Sprintf("_goparMustTP%d", l.cellNo)
	if l.asserts == nil {
		l.asserts = map[string][2]string{}
	}
	if _, written := l.asserts[okName]; !written {
		l.asserts[okName] = [2]string{okName, mustName}
		l.addHelper(fmt.Sprintf(`package main

func %[1]s[_goparT any](x any) (_goparT, bool) {
	if v, ok := x.(_goparT); ok {
		return v, true
	}
	if p, ok := x.(*_goparT); ok && p != nil {
		return *p, true
	}
	var v _goparT
	return v, false
}

func %[2]s[_goparT any](x any) _goparT {
	if v, ok := x.(_goparT); ok {
		return v
	}
	if p, ok := x.(*_goparT); ok && p != nil {
		return *p
	}
	var v _goparT
	panic(_goparfmt.Sprintf("interface conversion: interface is %%T, not %%T", x, v))
}
`, okName, mustName))
	}
	return okName + "[" + arg + "]", mustName + "[" + arg + "]", true
}

// helperFunc is the func expression of a helper's name, which may be
// instantiated (_goparAssertTP3[_goparTP_T]).
func helperFunc(name string, pos token.Pos) ast.Expr {
	base, arg, generic := strings.Cut(name, "[")
	fun := &ast.Ident{NamePos: pos, Name: base}
	if !generic {
		return fun
	}
	return &ast.IndexExpr{X: fun, Index: ast.NewIdent(strings.TrimSuffix(arg, "]"))}
}
