package interpreter

import (
	"go/ast"
	"go/parser"
	"go/types"
)

// lowerStdSource renames references to the generic parts of standard
// packages, which the interpreter runs from source under mangled names:
//
//	slices.Sort[[]int, int](xs)  ->  _gopar_slices_Sort[[]int, int](xs)
//	iter.Seq[int]                ->  _gopar_iter_Seq[int]
//
// and notes which of those packages the cell needs loaded.
func (l *lowerer) lowerStdSource(root ast.Node, needs map[string]bool) {
	replaceTransparent(root, l.info, func(t types.Type) string { return l.s.typeString(t, l.pkg) })
	rewriteExprs(root, func(e ast.Expr) ast.Expr {
		sel, ok := e.(*ast.SelectorExpr)
		if !ok {
			return e
		}
		x, ok := sel.X.(*ast.Ident)
		if !ok {
			return e
		}
		pn, ok := l.info.Uses[x].(*types.PkgName)
		if !ok {
			return e
		}
		obj := l.info.Uses[sel.Sel]
		if !isStdSourceObject(obj) {
			return e
		}
		p := pn.Imported().Path()
		needs[p] = true
		return &ast.Ident{NamePos: sel.Pos(), Name: mangled(p, sel.Sel.Name)}
	})
}

// replaceTransparent rewrites type expressions that name an instance of a
// transparent generic std type (iter.Seq[int]) into its underlying type,
// written by write.
func replaceTransparent(root ast.Node, info *types.Info, write func(types.Type) string) {
	rewriteExprs(root, func(e ast.Expr) ast.Expr {
		switch e.(type) {
		case *ast.IndexExpr, *ast.IndexListExpr, *ast.Ident, *ast.SelectorExpr:
		default:
			return e
		}
		tv, ok := info.Types[e]
		if !ok || !tv.IsType() {
			return e
		}
		n, ok := tv.Type.(*types.Named)
		if !ok || !transparent(n) || n.TypeParams().Len() > 0 && n.TypeArgs().Len() == 0 {
			return e
		}
		x, err := parser.ParseExpr(write(n.Underlying()))
		if err != nil {
			return e
		}
		clearPositions(x)
		return x
	})
}
