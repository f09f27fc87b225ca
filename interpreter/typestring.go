package interpreter

import (
	"go/ast"
	"go/types"
	"sort"
	"strconv"
	"strings"
)

// typeString writes t as Go source for generated code: packages by the
// names cells import them under (or hidden imports), and the generic types
// of std source packages by their mangled names. Like types.TypeString
// otherwise.
func (s *Session) typeString(t types.Type, main *types.Package) string {
	return typeString(t, main, s.qualifier(main))
}

// typeString writes t with package names given by q.
func typeString(t types.Type, main *types.Package, q types.Qualifier) string {
	var b strings.Builder
	w := typeWriter{b: &b, main: main, q: q}
	w.writeType(t)
	return b.String()
}

// reflectString writes t as reflect (and so %T) writes compiled types:
// main.Point, []interface {}, struct { X int; Y int }.
func reflectString(t types.Type) string {
	var b strings.Builder
	typeWriter{b: &b, reflect: true}.writeType(t)
	return b.String()
}

// typeWriter writes types as Go source for generated code or, with
// reflect set, as reflect writes them.
type typeWriter struct {
	b    *strings.Builder
	main *types.Package
	q    types.Qualifier

	reflect  bool
	fullPath bool // reflect: packages by path, as in the type arguments of generic types
}

// transparent reports generic std source types that generated code writes
// as their underlying type: iter.Seq and iter.Seq2 are func types, and
// yaegi handles generic funcs over them better that way.
func transparent(n *types.Named) bool {
	if !isStdSourceObject(n.Obj()) {
		return false
	}
	_, ok := n.Underlying().(*types.Signature)
	return ok
}

func (w typeWriter) writeType(t types.Type) {
	b, main, q := w.b, w.main, w.q
	switch t := t.(type) {
	case *types.Basic:
		switch {
		case t.Kind() == types.UnsafePointer && w.reflect:
			b.WriteString("unsafe.Pointer")
		case t.Kind() == types.UnsafePointer:
			b.WriteString(q(types.Unsafe) + ".Pointer")
		case w.reflect:
			b.WriteString(types.Typ[t.Kind()].Name()) // byte is uint8
		default:
			b.WriteString(t.Name())
		}
	case *types.Alias:
		w.writeType(types.Unalias(t))
	case *types.Named:
		if w.reflect {
			w.writeReflectNamed(t)
			return
		}
		obj := t.Obj()
		if transparent(t) {
			w.writeType(t.Underlying())
			return
		}
		switch {
		case obj.Pkg() == nil:
			b.WriteString(obj.Name()) // error, comparable
		case isStdSourceObject(obj):
			b.WriteString(mangled(obj.Pkg().Path(), obj.Name()))
		case obj.Pkg() == main:
			b.WriteString(obj.Name())
		default:
			b.WriteString(q(obj.Pkg()) + "." + obj.Name())
		}
		if args := t.TypeArgs(); args != nil && args.Len() > 0 {
			b.WriteByte('[')
			for i := 0; i < args.Len(); i++ {
				if i > 0 {
					b.WriteString(", ")
				}
				w.writeType(args.At(i))
			}
			b.WriteByte(']')
		}
	case *types.TypeParam:
		if w.reflect {
			b.WriteString(t.Obj().Name())
			return
		}
		b.WriteString(typeParamName(t.Obj().Name()))
	case *types.Pointer:
		b.WriteByte('*')
		w.writeType(t.Elem())
	case *types.Slice:
		b.WriteString("[]")
		w.writeType(t.Elem())
	case *types.Array:
		b.WriteString("[" + strconv.FormatInt(t.Len(), 10) + "]")
		w.writeType(t.Elem())
	case *types.Map:
		b.WriteString("map[")
		w.writeType(t.Key())
		b.WriteByte(']')
		w.writeType(t.Elem())
	case *types.Chan:
		switch t.Dir() {
		case types.SendOnly:
			b.WriteString("chan<- ")
		case types.RecvOnly:
			b.WriteString("<-chan ")
		default:
			b.WriteString("chan ")
			if c, ok := t.Elem().(*types.Chan); ok && c.Dir() == types.RecvOnly {
				b.WriteByte('(')
				w.writeType(t.Elem())
				b.WriteByte(')')
				return
			}
		}
		w.writeType(t.Elem())
	case *types.Signature:
		b.WriteString("func")
		w.writeSignature(t)
	case *types.Struct:
		if w.reflect {
			w.writeReflectStruct(t)
			return
		}
		b.WriteString("struct{")
		for i := 0; i < t.NumFields(); i++ {
			if i > 0 {
				b.WriteString("; ")
			}
			f := t.Field(i)
			if !f.Embedded() {
				b.WriteString(f.Name() + " ")
			}
			w.writeType(f.Type())
			if tag := t.Tag(i); tag != "" {
				b.WriteString(" " + strconv.Quote(tag))
			}
		}
		b.WriteByte('}')
	case *types.Interface:
		if w.reflect {
			w.writeReflectInterface(t)
			return
		}
		if t.Empty() {
			b.WriteString("any")
			return
		}
		b.WriteString("interface{")
		first := true
		for i := 0; i < t.NumExplicitMethods(); i++ {
			if !first {
				b.WriteString("; ")
			}
			first = false
			m := t.ExplicitMethod(i)
			b.WriteString(m.Name())
			w.writeSignature(m.Type().(*types.Signature))
		}
		for i := 0; i < t.NumEmbeddeds(); i++ {
			if !first {
				b.WriteString("; ")
			}
			first = false
			w.writeType(t.EmbeddedType(i))
		}
		b.WriteByte('}')
	case *types.Union:
		for i := 0; i < t.Len(); i++ {
			if i > 0 {
				b.WriteString(" | ")
			}
			if t.Term(i).Tilde() {
				b.WriteByte('~')
			}
			w.writeType(t.Term(i).Type())
		}
	case *types.Tuple:
		b.WriteByte('(')
		for i := 0; i < t.Len(); i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			w.writeType(t.At(i).Type())
		}
		b.WriteByte(')')
	default:
		if w.reflect {
			q = func(p *types.Package) string { return p.Name() }
		}
		b.WriteString(types.TypeString(t, q))
	}
}

func (w typeWriter) writeReflectNamed(t *types.Named) {
	b, obj := w.b, t.Obj()
	switch {
	case obj.Pkg() == nil:
	case w.fullPath:
		b.WriteString(obj.Pkg().Path() + ".")
	default:
		b.WriteString(obj.Pkg().Name() + ".")
	}
	b.WriteString(obj.Name())
	if args := t.TypeArgs(); args != nil && args.Len() > 0 {
		inner := w
		inner.fullPath = true
		b.WriteByte('[')
		for i := 0; i < args.Len(); i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			inner.writeType(args.At(i))
		}
		b.WriteByte(']')
	}
}

func (w typeWriter) writeReflectStruct(t *types.Struct) {
	b := w.b
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
		w.writeType(f.Type())
		if tag := t.Tag(i); tag != "" {
			b.WriteString(" " + strconv.Quote(tag))
		}
	}
	b.WriteString(" }")
}

// writeReflectInterface writes an interface's whole method set, sorted, as
// reflect does.
func (w typeWriter) writeReflectInterface(t *types.Interface) {
	b := w.b
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
		w.writeSignature(m.Type().(*types.Signature))
	}
	b.WriteString(" }")
}

func (w typeWriter) writeSignature(sig *types.Signature) {
	b := w.b
	b.WriteByte('(')
	for i := 0; i < sig.Params().Len(); i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		p := sig.Params().At(i)
		if sig.Variadic() && i == sig.Params().Len()-1 {
			b.WriteString("...")
			if sl, ok := p.Type().(*types.Slice); ok {
				w.writeType(sl.Elem())
				continue
			}
		}
		w.writeType(p.Type())
	}
	b.WriteByte(')')
	switch n := sig.Results().Len(); n {
	case 0:
	case 1:
		b.WriteByte(' ')
		w.writeType(sig.Results().At(0).Type())
	default:
		b.WriteString(" (")
		for i := 0; i < n; i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			w.writeType(sig.Results().At(i).Type())
		}
		b.WriteByte(')')
	}
}

// typeParamName is the name generated code gives a type parameter: yaegi
// confuses a type parameter with a package-level type of the same name
// declared later (func F[T any] broke a later type T).
func typeParamName(name string) string {
	if name == "_" {
		return name
	}
	return "_goparTP_" + name
}

// renameTypeParams renames every type parameter under root, see
// typeParamName.
func renameTypeParams(root ast.Node, info *types.Info) {
	ast.Inspect(root, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		obj := info.Defs[id]
		if obj == nil {
			obj = info.Uses[id]
		}
		if tn, ok := obj.(*types.TypeName); ok {
			if _, isParam := tn.Type().(*types.TypeParam); isParam && !strings.HasPrefix(id.Name, "_goparTP_") {
				id.Name = typeParamName(id.Name)
			}
		}
		return true
	})
}
