package interpreter

import (
	"go/ast"
	"go/types"
	"strings"
)

// universePrefix starts the name generated code gives a declaration named
// like a predeclared identifier.
const universePrefix = "_goparU_"

// renameUniverse renames what the cell declares under the name of a
// predeclared identifier (const int = 15, func true(ok bool), nil := 0):
// yaegi looks those names up for its own use (the type of a comparison is
// whatever "bool" names, an identifier "nil" is the nil literal), and the
// code the lowering writes uses them too, so that nil := 0 printed <nil>
// and a program declaring func true failed to compile. Types keep their
// names, which %T prints, and so do the package's variables and the
// variables the cell's statements define, which the session keeps by name.
// It runs before the other passes, which then copy the new names.
func renameUniverse(root ast.Node, info *types.Info, pkg *types.Package, defined map[string]types.Object) {
	keep := map[types.Object]bool{}
	for _, obj := range defined {
		keep[obj] = true
	}
	ast.Inspect(root, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || types.Universe.Lookup(id.Name) == nil {
			return true
		}
		obj := info.Defs[id]
		if obj == nil {
			obj = info.Uses[id]
		}
		if obj == nil || obj.Parent() == nil || obj.Parent() == types.Universe || keep[obj] {
			return true // predeclared, a field or method, or kept
		}
		switch obj.(type) {
		case *types.TypeName, *types.PkgName, *types.Label:
			return true
		case *types.Var:
			if obj.Parent() == pkg.Scope() {
				return true
			}
		}
		id.Name = universePrefix + id.Name
		return true
	})
}

// userName is the name the cell gave what generated code names name.
func userName(name string) string {
	return strings.TrimPrefix(name, universePrefix)
}
