package interpreter

import "go/ast"

// lowerUnnamedParams names the unnamed parameters of funcs with bodies
// "_": yaegi mixes up the frame slots of a closure with an unnamed
// parameter that calls compiled code ("reflect.Set: value of type int is
// not assignable to type func(int64) int64").
//
//	func(int) { native.SumRange(10) }  ->  func(_ int) { native.SumRange(10) }
func (l *lowerer) lowerUnnamedParams(root ast.Node) {
	ast.Inspect(root, func(n ast.Node) bool {
		switch f := n.(type) {
		case *ast.FuncLit:
			nameParams(f.Type)
		case *ast.FuncDecl:
			if f.Body != nil {
				nameParams(f.Type)
			}
		}
		return true
	})
}

func nameParams(t *ast.FuncType) {
	if t.Params == nil {
		return
	}
	for _, field := range t.Params.List {
		if len(field.Names) == 0 {
			field.Names = []*ast.Ident{{NamePos: field.Pos(), Name: "_"}}
		}
	}
}
