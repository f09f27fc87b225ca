package interpreter

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"
)

// table returns the type table (dyntype.go) of interface type iface, as a
// string constant in Go syntax: the cell types of the package a value of
// iface may have. It is written at each use: a constant of the package
// would take a slot in the interpreter's global frame for every cell.
func (g *fmtGen) table(iface types.Type) (string, bool) {
	key := "table|" + types.TypeString(iface, nil)
	if spec, ok := g.names[key]; ok {
		return spec, spec != ""
	}
	it, ok := iface.Underlying().(*types.Interface)
	if !ok {
		g.names[key] = ""
		return "", false
	}
	nonEmpty := it.NumMethods() > 0
	var spec strings.Builder
	if nonEmpty {
		spec.WriteByte('i')
	}
	for _, n := range g.candidates(it) {
		spec.WriteString(" " + g.tableName(n))
		if nonEmpty && types.Implements(n, it) && types.NewMethodSet(n).Len() > 0 {
			spec.WriteString("*") // a *T in the interface is a boxed T
		}
	}
	lit := strconv.Quote(spec.String())
	g.names[key] = lit
	return lit, true
}

// candidates lists the cell types a value of interface type it may have:
// the defined types of the package (not those declared inside funcs, which
// a table cannot name) that implement it.
func (g *fmtGen) candidates(it *types.Interface) []*types.Named {
	scope := g.l.pkg.Scope()
	var out []*types.Named
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() || strings.HasPrefix(name, "_gopar") {
			continue
		}
		n, ok := tn.Type().(*types.Named)
		if !ok || n.TypeParams().Len() > 0 || types.IsInterface(n) {
			continue
		}
		if it.NumMethods() > 0 && !types.Implements(n, it) && !types.Implements(types.NewPointer(n), it) {
			continue
		}
		out = append(out, n)
	}
	// Instances of the package's generic types the cell uses: yaegi
	// knows each as a type of its own (main.Cons[int]).
	var inst []*types.Named
	seen := map[string]bool{}
	for _, in := range g.l.info.Instances {
		n, ok := in.Type.(*types.Named)
		if !ok || n.Obj().Parent() != scope || types.IsInterface(n) {
			continue
		}
		name := g.tableName(n)
		if seen[name] || strings.ContainsAny(name, " \t") || g.hasTypeParams(n) {
			continue
		}
		if it.NumMethods() > 0 && !types.Implements(n, it) && !types.Implements(types.NewPointer(n), it) {
			continue
		}
		seen[name] = true
		inst = append(inst, n)
	}
	sort.Slice(inst, func(i, j int) bool { return g.tableName(inst[i]) < g.tableName(inst[j]) })
	return append(out, inst...)
}

// tableName names n in a type table: a type by its name, an instance as
// yaegi names it, main.Pair[int,main.Point].
func (g *fmtGen) tableName(n *types.Named) string {
	if n.TypeArgs().Len() == 0 {
		return n.Obj().Name()
	}
	return types.TypeString(n, func(p *types.Package) string { return p.Name() })
}

// hasTypeParams reports whether an instance's type arguments mention type
// parameters (an instance inside a generic func's body).
func (g *fmtGen) hasTypeParams(n *types.Named) bool {
	found := false
	var walk func(t types.Type)
	walk = func(t types.Type) {
		if found {
			return
		}
		switch t := t.(type) {
		case *types.TypeParam:
			found = true
		case *types.Named:
			for i := 0; i < t.TypeArgs().Len(); i++ {
				walk(t.TypeArgs().At(i))
			}
		case interface{ Elem() types.Type }:
			walk(t.Elem())
		}
	}
	walk(n)
	return found
}

// ifaceTable returns the table of t when t is an interface type whose
// values the compiled helper prints without a formatter of its own (%#v
// needs one to name the interface of a nil value).
func (g *fmtGen) ifaceTable(t types.Type, mode fmtMode) (string, bool) {
	if _, ok := t.Underlying().(*types.Interface); !ok || mode.sharp {
		return "", false
	}
	return g.table(t)
}

// ifaceBody writes the formatter of an interface type, which %#v needs
// (other verbs call the compiled helper in place): a nil value prints as
// the interface's type, a value as the compiled helper prints it.
func (g *fmtGen) ifaceBody(b *strings.Builder, t types.Type, mode fmtMode) {
	if mode.sharp {
		fmt.Fprintf(b, "if v == nil {\n if depth == 0 {\n return \"<nil>\"\n}\n return %s\n}\n", strconv.Quote(reflectString(t)+"(nil)"))
	} else {
		b.WriteString("if v == nil {\n return \"<nil>\"\n}\n")
	}
	tab, ok := g.table(t)
	if !ok {
		fmt.Fprintf(b, "return _goparFmtAny(v, depth, %v, %v)", mode.methods, mode.plus)
		return
	}
	fmt.Fprintf(b, "return _goparcell.Format(v, %s, depth, %q, %v)", tab, mode.verb(), mode.methods)
}

// tableCall is the call of the helper fn of the cell package (Operand,
// TypeOf, Plain...) with x, of interface type t, its table, and more
// arguments.
func (g *fmtGen) tableCall(fn string, t types.Type, x ast.Expr, more ...ast.Expr) (ast.Expr, bool) {
	tab, ok := g.table(t)
	if !ok {
		return nil, false
	}
	return &ast.CallExpr{
		Fun:  &ast.SelectorExpr{X: ast.NewIdent(cellName), Sel: ast.NewIdent(fn)},
		Args: append([]ast.Expr{x, &ast.BasicLit{Kind: token.STRING, Value: tab}}, more...),
	}, true
}
