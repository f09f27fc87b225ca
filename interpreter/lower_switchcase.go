package interpreter

import (
	"go/ast"
	"go/token"
	"go/types"
)

// lowerTaglessCases compares a case of interface type in a switch without
// a tag with true, as Go does (a tagless switch is `switch true`): yaegi
// used the case as a condition and asked reflect for the bool of an
// interface value (Go's test/switch.go).
//
//	switch { case i: ... }  ->  switch { case i == true: ... }
func (l *lowerer) lowerTaglessCases(root ast.Node) {
	ast.Inspect(root, func(n ast.Node) bool {
		sw, ok := n.(*ast.SwitchStmt)
		if !ok || sw.Tag != nil {
			return true
		}
		for _, c := range sw.Body.List {
			cc := c.(*ast.CaseClause)
			for i, e := range cc.List {
				tv, ok := l.info.Types[e]
				if !ok || tv.Type == nil || !types.IsInterface(tv.Type) {
					continue
				}
				yes := ast.NewIdent("true")
				l.info.Types[yes] = types.TypeAndValue{Type: types.Typ[types.Bool]}
				cmp := &ast.BinaryExpr{X: e, OpPos: e.Pos(), Op: token.EQL, Y: yes}
				l.info.Types[cmp] = types.TypeAndValue{Type: types.Typ[types.Bool]}
				cc.List[i] = cmp
			}
		}
		return true
	})
}
