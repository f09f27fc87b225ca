package interpreter

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// lowerBuiltins replaces the builtins yaegi lacks (Go 1.21): min and max of
// named types become calls of generic helpers with explicit type arguments
// (those of basic types stay builtins, which the interpreter has; constant
// ones become the constant they compute), clear becomes a loop. Constant
// len and cap become their constant.
//
//	min(a, b)  ->  _goparMin[celsius](a, b)
//	min(n, 1)  ->  _goparBuiltinMin(n, int(1))
//	clear(m)   ->  { _goparC1 := m; _goparcell.ClearMap(_goparC1) }
func (l *lowerer) lowerBuiltins(root ast.Node) {
	rewriteStmts(root, func(st ast.Stmt) []ast.Stmt {
		es, ok := st.(*ast.ExprStmt)
		if !ok {
			return nil
		}
		call, ok := es.X.(*ast.CallExpr)
		if !ok || !l.isBuiltin(call.Fun, "clear") || len(call.Args) != 1 {
			return nil
		}
		return []ast.Stmt{l.clearLoop(call.Args[0])}
	})
	ast.Inspect(root, func(n ast.Node) bool {
		// Ranging over a pointer to an array for its indexes only does not
		// dereference it (nil too): it ranges over the array's length.
		rs, ok := n.(*ast.RangeStmt)
		if !ok || rs.Value != nil && !isBlank(rs.Value) {
			return true
		}
		if length, ok := l.arrayPointerLen(rs.X); ok {
			rs.X = l.lenOfArrayPointer(rs.X, length)
		}
		return true
	})
	rewriteExprs(root, func(e ast.Expr) ast.Expr {
		call, ok := e.(*ast.CallExpr)
		if !ok {
			return e
		}
		var helper, builtin string
		switch {
		case l.isBuiltin(call.Fun, "len") || l.isBuiltin(call.Fun, "cap"):
			// len and cap of an array without calls or receives are
			// constants, and their operand is not evaluated: len(s[10])
			// of an empty slice s of arrays is no index out of range.
			if tv := l.info.Types[call]; tv.Value != nil {
				return l.constantExpr(tv)
			}
			if len(call.Args) == 1 {
				if length, ok := l.arrayPointerLen(call.Args[0]); ok {
					return l.lenOfArrayPointer(call.Args[0], length)
				}
			}
			return e
		case l.unsafeBuiltin(call.Fun) != "":
			return l.lowerUnsafeBuiltin(call)
		case l.isBuiltin(call.Fun, "min"):
			helper, builtin = "_goparMin", "_goparBuiltinMin"
		case l.isBuiltin(call.Fun, "max"):
			helper, builtin = "_goparMax", "_goparBuiltinMax"
		default:
			return e
		}
		tv := l.info.Types[call]
		if tv.Value != nil {
			return l.constantExpr(tv)
		}
		if b, ok := tv.Type.(*types.Basic); ok && b.Info()&types.IsOrdered != 0 && b.Info()&types.IsUntyped == 0 {
			// The interpreter's own min and max (under names a cell cannot
			// shadow) take arguments of one basic type; untyped constants
			// among them get it explicitly.
			for i, a := range call.Args {
				if atv := l.info.Types[a]; atv.Value != nil {
					call.Args[i] = &ast.CallExpr{Fun: l.typeAST(tv.Type), Lparen: a.Pos(), Args: []ast.Expr{a}}
				}
			}
			call.Fun = &ast.Ident{NamePos: call.Fun.Pos(), Name: builtin}
			return call
		}
		fn := &ast.IndexExpr{X: ast.NewIdent(helper), Index: l.typeAST(tv.Type)}
		return &ast.CallExpr{Fun: fn, Lparen: call.Lparen, Args: call.Args, Rparen: call.Rparen}
	})
}

// arrayPointerLen is the length of the array x points to, when x is a
// pointer to an array.
func (l *lowerer) arrayPointerLen(x ast.Expr) (int64, bool) {
	tv, ok := l.info.Types[x]
	if !ok || tv.Type == nil {
		return 0, false
	}
	p, ok := tv.Type.Underlying().(*types.Pointer)
	if !ok {
		return 0, false
	}
	a, ok := p.Elem().Underlying().(*types.Array)
	if !ok {
		return 0, false
	}
	return a.Len(), true
}

// lenOfArrayPointer is the length of the array x points to, with x
// evaluated but not dereferenced (it may be nil):
// func(interface{}) int { return 10 }(x).
func (l *lowerer) lenOfArrayPointer(x ast.Expr, length int64) ast.Expr {
	intType := l.typeAST(types.Typ[types.Int])
	res := &ast.CallExpr{Fun: &ast.FuncLit{
		Type: &ast.FuncType{
			Params:  &ast.FieldList{List: []*ast.Field{{Type: &ast.InterfaceType{Methods: &ast.FieldList{}}}}},
			Results: &ast.FieldList{List: []*ast.Field{{Type: intType}}},
		},
		Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ReturnStmt{Results: []ast.Expr{intLit(int(length))}}}},
	}, Args: []ast.Expr{x}}
	l.info.Types[res] = types.TypeAndValue{Type: types.Typ[types.Int]}
	return res
}

// unsafeBuiltin is the name of the builtin of package unsafe fun names
// (String, Slice, StringData, SliceData), or "".
func (l *lowerer) unsafeBuiltin(fun ast.Expr) string {
	sel, ok := fun.(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	b, ok := l.info.Uses[sel.Sel].(*types.Builtin)
	if !ok {
		return ""
	}
	switch name := b.Name(); name {
	case "String", "Slice", "StringData", "SliceData":
		return name
	}
	return ""
}

// lowerUnsafeBuiltin calls the session's compiled unsafe.String, Slice,
// StringData or SliceData, which the interpreter lacks. Their length may
// be of any integer type: it goes over as an int64, and a uint64 too large
// for one turns negative and is out of range there, as it is in Go. The
// generic ones go over as any and come back asserted to their type.
//
//	unsafe.Slice(p, n)  ->  _goparcell.UnsafeSlice(p, int64(n)).([]T)
func (l *lowerer) lowerUnsafeBuiltin(call *ast.CallExpr) ast.Expr {
	name := l.unsafeBuiltin(call.Fun)
	args := call.Args
	if len(args) == 2 {
		args = []ast.Expr{args[0], &ast.CallExpr{Fun: l.typeAST(types.Typ[types.Int64]), Lparen: args[1].Pos(), Args: []ast.Expr{args[1]}}}
	}
	res := ast.Expr(&ast.CallExpr{
		Fun:    &ast.SelectorExpr{X: ast.NewIdent(cellName), Sel: &ast.Ident{NamePos: call.Fun.Pos(), Name: "Unsafe" + name}},
		Lparen: call.Lparen, Args: args, Rparen: call.Rparen,
	})
	if name == "Slice" || name == "SliceData" {
		res = &ast.TypeAssertExpr{X: res, Type: l.typeAST(l.info.Types[call].Type)}
	}
	return res
}

// isBuiltin reports whether fun names the builtin called name.
func (l *lowerer) isBuiltin(fun ast.Expr, name string) bool {
	id, ok := fun.(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := l.info.Uses[id].(*types.Builtin)
	return ok && b.Name() == name
}

// constantExpr writes a constant the checker computed, converted to its
// type when it has one.
func (l *lowerer) constantExpr(tv types.TypeAndValue) ast.Expr {
	var lit ast.Expr
	switch tv.Value.Kind() {
	case constant.String:
		lit = &ast.BasicLit{Kind: token.STRING, Value: tv.Value.ExactString()}
	case constant.Bool:
		lit = ast.NewIdent(tv.Value.String())
	case constant.Int:
		lit = &ast.BasicLit{Kind: token.INT, Value: tv.Value.ExactString()}
	case constant.Float:
		f, _ := constant.Float64Val(tv.Value)
		lit = &ast.BasicLit{Kind: token.FLOAT, Value: floatLiteral(f)}
	default:
		lit = &ast.BasicLit{Kind: token.FLOAT, Value: tv.Value.String()}
	}
	if b, ok := tv.Type.(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
		return lit
	}
	return &ast.CallExpr{Fun: l.conversionFun(tv.Type), Args: []ast.Expr{lit}}
}

// conversionFun is the type t written as the func of a conversion: in
// parentheses only when its text needs them (*T, func(), chan int).
// yaegi compiled a parenthesized named type, (int)(2) != 2, into a
// comparison whose condition read another frame slot inside a func
// literal.
func (l *lowerer) conversionFun(t types.Type) ast.Expr {
	x := l.typeAST(t)
	switch x.(type) {
	case *ast.Ident, *ast.SelectorExpr, *ast.IndexExpr, *ast.IndexListExpr:
		return x
	}
	return &ast.ParenExpr{X: x}
}

func (l *lowerer) clearLoop(x ast.Expr) ast.Stmt {
	tv := l.info.Types[x]
	c := l.fresh("C")
	k := l.fresh("K")
	var loop ast.Stmt
	switch tv.Type.Underlying().(type) {
	case *types.Map:
		loop = &ast.ExprStmt{X: &ast.CallExpr{
			Fun:  &ast.SelectorExpr{X: ast.NewIdent(cellName), Sel: ast.NewIdent("ClearMap")},
			Args: []ast.Expr{ast.NewIdent(c.Name)},
		}}
	default: // a slice: zero every element
		zero := l.zeroValue(elemType(tv.Type))
		loop = &ast.RangeStmt{Key: k, Tok: token.DEFINE, X: ast.NewIdent(c.Name), Body: &ast.BlockStmt{List: []ast.Stmt{
			&ast.AssignStmt{Lhs: []ast.Expr{&ast.IndexExpr{X: ast.NewIdent(c.Name), Index: ast.NewIdent(k.Name)}}, Tok: token.ASSIGN, Rhs: []ast.Expr{zero}},
		}}}
	}
	return &ast.BlockStmt{List: []ast.Stmt{
		&ast.AssignStmt{Lhs: []ast.Expr{c}, Tok: token.DEFINE, Rhs: []ast.Expr{x}},
		loop,
	}}
}

func elemType(t types.Type) types.Type {
	switch u := t.Underlying().(type) {
	case *types.Slice:
		return u.Elem()
	case *types.Array:
		return u.Elem()
	case *types.Map:
		return u.Elem()
	case *types.Pointer:
		return elemType(u.Elem())
	}
	return t
}

// floatLiteral writes f so that it parses back as the same float.
func floatLiteral(f float64) string {
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eEn") {
		s += ".0"
	}
	return s
}
