package interpreter

import (
	"go/ast"
	"go/parser"
	"go/types"
)

// lowerGeneric writes out the type arguments of every use of a generic
// function, as the checker inferred them: yaegi's own inference gets many
// of them wrong (Map[T, U] infers U = T).
//
//	Map(xs, strconv.Itoa)  ->  Map[int, string](xs, strconv.Itoa)
func (l *lowerer) lowerGeneric(root ast.Node) {
	explicitTypeArgs(root, l.info, func(t types.Type) (string, bool) {
		if tp, ok := t.(*types.TypeParam); ok {
			return typeParamName(tp.Obj().Name()), true
		}
		// Written where the use is: a type declared in the func that
		// uses the generic func is named there.
		return l.s.typeSourceLocal(t, l.pkg)
	})
}

// explicitTypeArgs adds the inferred type arguments to generic function
// uses under root; write gives the source of a type argument (false when
// it cannot be written, which leaves that use alone).
func explicitTypeArgs(root ast.Node, info *types.Info, write func(types.Type) (string, bool)) {
	explicit := map[ast.Expr]bool{}
	ast.Inspect(root, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IndexExpr:
			explicit[n.X] = true
		case *ast.IndexListExpr:
			explicit[n.X] = true
		}
		return true
	})
	typeArgs := func(e ast.Expr) []ast.Expr {
		var id *ast.Ident
		switch x := e.(type) {
		case *ast.Ident:
			id = x
		case *ast.SelectorExpr:
			id = x.Sel
		default:
			return nil
		}
		inst, ok := info.Instances[id]
		if !ok {
			return nil
		}
		if _, isFunc := info.Uses[id].(*types.Func); !isFunc {
			return nil
		}
		var out []ast.Expr
		for i := 0; i < inst.TypeArgs.Len(); i++ {
			src, ok := write(inst.TypeArgs.At(i))
			if !ok {
				return nil
			}
			x, err := parser.ParseExpr(src)
			if err != nil {
				return nil
			}
			clearPositions(x)
			out = append(out, x)
		}
		return out
	}
	rewriteExprs(root, func(e ast.Expr) ast.Expr {
		switch x := e.(type) {
		case *ast.Ident, *ast.SelectorExpr:
			if explicit[e] {
				return e
			}
			if args := typeArgs(e); args != nil {
				return instantiate(e, args)
			}
		case *ast.IndexExpr:
			if args := typeArgs(x.X); args != nil {
				return instantiate(x.X, args)
			}
		case *ast.IndexListExpr:
			if args := typeArgs(x.X); args != nil {
				return instantiate(x.X, args)
			}
		}
		return e
	})
}

func instantiate(fn ast.Expr, args []ast.Expr) ast.Expr {
	if len(args) == 1 {
		return &ast.IndexExpr{X: fn, Index: args[0]}
	}
	return &ast.IndexListExpr{X: fn, Indices: args}
}
