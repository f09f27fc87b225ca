package interpreter

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
)

// rewriteStmts walks every statement list under root (blocks, case and
// select clauses, labelled statements) and replaces each statement st by
// f(st) when f returns non-nil. Replacements are walked in turn, so f must
// recognise what it generated.
func rewriteStmts(root ast.Node, f func(ast.Stmt) []ast.Stmt) {
	rewriteStmtsShallow(root, f, func(ast.Node) bool { return true })
}

// rewriteStmtsShallow is rewriteStmts that enters a node below root only
// when descend says so.
func rewriteStmtsShallow(root ast.Node, f func(ast.Stmt) []ast.Stmt, descend func(ast.Node) bool) {
	apply := func(list []ast.Stmt) []ast.Stmt {
		var out []ast.Stmt // made at the first change
		for i, st := range list {
			repl := f(st)
			if repl == nil {
				if out != nil {
					out = append(out, st)
				}
				continue
			}
			if out == nil {
				out = append(make([]ast.Stmt, 0, len(list)+len(repl)), list[:i]...)
			}
			out = append(out, repl...)
		}
		if out == nil {
			return list
		}
		return out
	}
	ast.Inspect(root, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		if n != root && !descend(n) {
			return false
		}
		switch n := n.(type) {
		case *ast.BlockStmt:
			n.List = apply(n.List)
		case *ast.CaseClause:
			n.Body = apply(n.Body)
		case *ast.CommClause:
			n.Body = apply(n.Body)
		case *ast.LabeledStmt:
			if repl := f(n.Stmt); repl != nil {
				n.Stmt = asOneStmt(repl)
			}
		}
		return true
	})
}

// asOneStmt makes one statement of a list, wrapping it in a block if needed.
func asOneStmt(list []ast.Stmt) ast.Stmt {
	if len(list) == 1 {
		return list[0]
	}
	return &ast.BlockStmt{List: list}
}

// lowerer holds what the passes share while one cell is lowered.
type lowerer struct {
	s        *Session
	fset     *token.FileSet
	info     *types.Info
	pkg      *types.Package // the checked package main
	cellNo   int
	tmp      int             // numbers fresh names
	packages map[string]bool // names of imported packages
	fmt      *fmtGen         // formatters the cell needs
	helpers  []ast.Decl      // other generated declarations

	deferLists    map[*ast.BlockStmt]bool // func bodies given a list of deferred calls
	pendingDefers []*ast.BlockStmt        // func bodies that need one
	asHelpers     map[string]string       // errors.As helpers by target type
	errorsDone    bool                    // the cell's errors helpers are written
	funcVars      map[string]string       // funcs the cell declares, with their signatures
	funcImpls     map[string]string       // and the funcs that implement them
	asserts       map[string][2]string    // assertion helpers by type
	musts         map[string]string       // panicking assertion helpers by type and interface
	boxes         map[string]string       // box helpers by type
}

// fresh returns a new name no cell can clash with.
func (l *lowerer) fresh(what string) *ast.Ident {
	l.tmp++
	return ast.NewIdent("_gopar" + what + itoa(l.tmp))
}

// where is the cell position of p as "line:col".
func (l *lowerer) where(p token.Pos) string {
	pos := l.fset.Position(p)
	return itoa(pos.Line) + ":" + itoa(pos.Column)
}

// zeroValue writes the zero value of t: *new(T), or nil for an interface,
// where yaegi's *new(I) of a cell's interface type is not equal to nil and
// panics when printed.
func (l *lowerer) zeroValue(t types.Type) ast.Expr {
	if types.IsInterface(t) {
		return ast.NewIdent("nil")
	}
	return &ast.StarExpr{X: &ast.CallExpr{Fun: ast.NewIdent("new"), Args: []ast.Expr{l.typeAST(t)}}}
}

// typeAST writes t as a type expression cells can use (any when t cannot
// be named). The expression goes where t is used, so a type declared in a
// func is named there; a declaration of the package never has such a type.
func (l *lowerer) typeAST(t types.Type) ast.Expr {
	src, ok := l.s.typeSourceLocal(t, l.pkg)
	if !ok {
		return ast.NewIdent("any")
	}
	e, err := parser.ParseExpr(src)
	if err != nil {
		return ast.NewIdent("any")
	}
	clearPositions(e)
	return e
}
