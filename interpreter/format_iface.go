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
		spec.WriteString(" " + n.Obj().Name())
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
	return out
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

// reflectString writes t as reflect (and so %T) writes compiled types:
// main.Point, []interface {}, struct { X int; Y int }.
func reflectString(t types.Type) string {
	var b strings.Builder
	writeReflectType(&b, t, false)
	return b.String()
}

// writeReflectType writes t; fullPath names packages by path, as reflect
// does in the type arguments of generic types.
func writeReflectType(b *strings.Builder, t types.Type, fullPath bool) {
	switch t := t.(type) {
	case *types.Basic:
		if t.Kind() == types.UnsafePointer {
			b.WriteString("unsafe.Pointer")
			return
		}
		b.WriteString(types.Typ[t.Kind()].Name()) // byte is uint8
	case *types.Alias:
		writeReflectType(b, types.Unalias(t), fullPath)
	case *types.Named:
		obj := t.Obj()
		switch {
		case obj.Pkg() == nil:
		case fullPath:
			b.WriteString(obj.Pkg().Path() + ".")
		default:
			b.WriteString(obj.Pkg().Name() + ".")
		}
		b.WriteString(obj.Name())
		if args := t.TypeArgs(); args != nil && args.Len() > 0 {
			b.WriteByte('[')
			for i := 0; i < args.Len(); i++ {
				if i > 0 {
					b.WriteByte(',')
				}
				writeReflectType(b, args.At(i), true)
			}
			b.WriteByte(']')
		}
	case *types.Pointer:
		b.WriteByte('*')
		writeReflectType(b, t.Elem(), fullPath)
	case *types.Slice:
		b.WriteString("[]")
		writeReflectType(b, t.Elem(), fullPath)
	case *types.Array:
		b.WriteString("[" + strconv.FormatInt(t.Len(), 10) + "]")
		writeReflectType(b, t.Elem(), fullPath)
	case *types.Map:
		b.WriteString("map[")
		writeReflectType(b, t.Key(), fullPath)
		b.WriteByte(']')
		writeReflectType(b, t.Elem(), fullPath)
	case *types.Chan:
		switch t.Dir() {
		case types.SendOnly:
			b.WriteString("chan<- ")
		case types.RecvOnly:
			b.WriteString("<-chan ")
		default:
			b.WriteString("chan ")
			if e, ok := t.Elem().(*types.Chan); ok && e.Dir() == types.RecvOnly {
				b.WriteByte('(')
				writeReflectType(b, e, fullPath)
				b.WriteByte(')')
				return
			}
		}
		writeReflectType(b, t.Elem(), fullPath)
	case *types.Signature:
		b.WriteString("func")
		writeReflectSignature(b, t, fullPath)
	case *types.Struct:
		if t.NumFields() == 0 {
			b.WriteString("struct {}")
			return
		}
		b.WriteString("struct {")
		for i := 0; i < t.NumFields(); i++ {
			f := t.Field(i)
			if i > 0 {
				b.WriteByte(';')
			}
			b.WriteByte(' ')
			if !f.Embedded() {
				b.WriteString(f.Name() + " ")
			}
			writeReflectType(b, f.Type(), fullPath)
			if tag := t.Tag(i); tag != "" {
				b.WriteString(" " + strconv.Quote(tag))
			}
		}
		b.WriteString(" }")
	case *types.Interface:
		if t.NumMethods() == 0 {
			b.WriteString("interface {}")
			return
		}
		b.WriteString("interface {")
		ms := make([]*types.Func, 0, t.NumMethods())
		for i := 0; i < t.NumMethods(); i++ {
			ms = append(ms, t.Method(i))
		}
		sort.Slice(ms, func(i, j int) bool { return ms[i].Name() < ms[j].Name() })
		for i, m := range ms {
			if i > 0 {
				b.WriteByte(';')
			}
			b.WriteString(" " + m.Name())
			writeReflectSignature(b, m.Type().(*types.Signature), fullPath)
		}
		b.WriteString(" }")
	default:
		b.WriteString(types.TypeString(t, func(p *types.Package) string { return p.Name() }))
	}
}

func writeReflectSignature(b *strings.Builder, sig *types.Signature, fullPath bool) {
	b.WriteByte('(')
	for i := 0; i < sig.Params().Len(); i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		pt := sig.Params().At(i).Type()
		if sig.Variadic() && i == sig.Params().Len()-1 {
			b.WriteString("...")
			pt = pt.(*types.Slice).Elem()
		}
		writeReflectType(b, pt, fullPath)
	}
	b.WriteByte(')')
	switch n := sig.Results().Len(); {
	case n == 1:
		b.WriteByte(' ')
		writeReflectType(b, sig.Results().At(0).Type(), fullPath)
	case n > 1:
		b.WriteString(" (")
		for i := 0; i < n; i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			writeReflectType(b, sig.Results().At(i).Type(), fullPath)
		}
		b.WriteByte(')')
	}
}
