package interpreter

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// lowerResult hands the value of a cell's trailing expression to the
// session, with its text as fmt would print it (computed inside the
// interpreter, where the String and Error methods of cell types exist):
//
//	x * 2
//
// becomes
//
//	_goparR1 := x * 2
//	_goparcell.Result(_goparShow(_goparR1), _goparR1)
//
// or, when fmt prints the value right by itself,
//
//	_goparR1 := x * 2
//	_goparcell.Value(_goparR1)
//
// Calls made for their printing (fmt.Println), calls without results and
// values ending in a nil error show nothing.
func (l *lowerer) lowerResult(body *ast.BlockStmt) {
	n := len(body.List)
	if n == 0 {
		return
	}
	es, ok := body.List[n-1].(*ast.ExprStmt)
	if !ok || l.isPrintCall(es.X) {
		return
	}
	tv, ok := l.info.Types[es.X]
	if !ok || tv.IsVoid() || tv.IsType() {
		return
	}
	var vars []types.Type
	if tup, ok := tv.Type.(*types.Tuple); ok {
		for i := 0; i < tup.Len(); i++ {
			vars = append(vars, tup.At(i).Type())
		}
	} else {
		vars = []types.Type{tv.Type}
	}
	if len(vars) == 1 && !needsFormatter(vars[0], l.pkg) && !isUntypedNil(vars[0]) {
		// fmt prints the value right by itself, and it has no methods of
		// cell types to keep: the session formats it (Result costs yaegi
		// more to compile, as it checks its argument for rich methods).
		id := l.fresh("R")
		assign := &ast.AssignStmt{Lhs: []ast.Expr{id}, TokPos: es.Pos(), Tok: token.DEFINE, Rhs: []ast.Expr{es.X}}
		report := &ast.ExprStmt{X: &ast.CallExpr{
			Fun:  &ast.SelectorExpr{X: ast.NewIdent(cellName), Sel: ast.NewIdent("Value")},
			Args: []ast.Expr{ast.NewIdent(id.Name)},
		}}
		body.List = append(body.List[:n-1], assign, unlessNilError(vars, []ast.Expr{id}, report))
		return
	}
	var lhs, texts, values []ast.Expr
	for _, t := range vars {
		id := l.fresh("R")
		lhs = append(lhs, id)
		if b, ok := t.(*types.Basic); ok && b.Kind() == types.UntypedNil {
			texts = append(texts, &ast.BasicLit{Kind: token.STRING, Value: `"<nil>"`})
			values = append(values, ast.NewIdent("nil"))
			lhs[len(lhs)-1] = ast.NewIdent("_")
			continue
		}
		texts = append(texts, l.formatCall(t, ast.NewIdent(id.Name)))
		values = append(values, ast.NewIdent(id.Name))
	}
	text := texts[0]
	for _, t := range texts[1:] {
		text = &ast.BinaryExpr{X: &ast.BinaryExpr{X: text, Op: token.ADD, Y: &ast.BasicLit{Kind: token.STRING, Value: `" "`}}, Op: token.ADD, Y: t}
	}
	value := values[0]
	if len(values) > 1 {
		value = ast.NewIdent("nil")
	}
	assign := &ast.AssignStmt{Lhs: lhs, TokPos: es.Pos(), Tok: token.DEFINE, Rhs: []ast.Expr{es.X}}
	if allBlank(lhs) {
		assign.Tok = token.ASSIGN
	}
	report := &ast.ExprStmt{X: &ast.CallExpr{
		Fun:  &ast.SelectorExpr{X: ast.NewIdent(cellName), Sel: ast.NewIdent("Result")},
		Args: []ast.Expr{text, value},
	}}
	body.List = append(body.List[:n-1], assign, unlessNilError(vars, lhs, report))
}

// unlessNilError makes report conditional when the last of the values
// (of types ts, held in vars) is an error: a nil error is what a call
// made for its effect returns (`p := fmt.Println; p("x")`,
// `t.Execute(w, data)`), and shows nothing, as IPython shows no None. A
// non-nil error shows with the other values.
func unlessNilError(ts []types.Type, vars []ast.Expr, report ast.Stmt) ast.Stmt {
	last := ts[len(ts)-1]
	if !types.IsInterface(last) || !types.Implements(last, errorInterface) {
		return report
	}
	id, ok := vars[len(vars)-1].(*ast.Ident)
	if !ok || id.Name == "_" {
		return report
	}
	return &ast.IfStmt{
		Cond: &ast.BinaryExpr{X: ast.NewIdent(id.Name), Op: token.NEQ, Y: ast.NewIdent("nil")},
		Body: &ast.BlockStmt{List: []ast.Stmt{report}},
	}
}

// errorInterface is the interface of the predeclared type error.
var errorInterface = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

func isUntypedNil(t types.Type) bool {
	b, ok := t.(*types.Basic)
	return ok && b.Kind() == types.UntypedNil
}

func allBlank(es []ast.Expr) bool {
	for _, e := range es {
		if id, ok := e.(*ast.Ident); !ok || id.Name != "_" {
			return false
		}
	}
	return true
}

// isPrintCall reports calls made for their output (fmt.Println, println,
// log.Printf...), whose results a notebook should not show.
func (l *lowerer) isPrintCall(e ast.Expr) bool {
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return false
	}
	var obj types.Object
	switch f := call.Fun.(type) {
	case *ast.Ident:
		obj = l.info.Uses[f]
	case *ast.SelectorExpr:
		obj = l.info.Uses[f.Sel]
	}
	switch obj := obj.(type) {
	case *types.Func:
		if sig, ok := obj.Type().(*types.Signature); ok && sig.Recv() != nil {
			// Writers: what they write is the output, not their result.
			switch obj.Name() {
			case "Write", "WriteString", "WriteByte", "WriteRune", "Print", "Printf", "Println":
				return true
			}
			return false
		}
	}
	switch obj := obj.(type) {
	case *types.Builtin:
		return obj.Name() == "print" || obj.Name() == "println"
	case *types.Func:
		if obj.Pkg() == nil {
			return false
		}
		switch obj.Pkg().Path() {
		case "fmt":
			return strings.HasPrefix(obj.Name(), "Print") || strings.HasPrefix(obj.Name(), "Fprint")
		case "log":
			return strings.HasPrefix(obj.Name(), "Print")
		}
	}
	return false
}
