package interpreter

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// fmtGen writes formatters for values whose printing yaegi gets wrong: the
// formatter of a static type follows fmt's %v (or %+v, %#v) rules, calling
// the Error and String methods of cell-defined types wherever fmt would,
// also inside slices, maps and structs, and naming cell types as compiled
// Go does. Values of compiled types go straight to fmt, which prints them
// right. The formatter of an interface type finds the cell type of its
// value through a typeTable (dyntype.go).
type fmtGen struct {
	l      *lowerer
	names  map[string]string // type and mode -> formatter name; interface type -> its table
	src    strings.Builder   // generated funcs
	n      int
	locals []localFormatter // formatters (and comparers) of types declared in funcs
}

// localFormatter is the formatter (or the comparer of map keys) of a type
// made of types declared inside a func, which no func of the package can
// name: a variable holding a func literal of type sig, declared right
// after the last of those type declarations (insertLocalFormatters), where
// each of them is in scope.
type localFormatter struct {
	name, sig, body string
	after           *types.TypeName
}

// fmtMode is how a value is printed.
type fmtMode struct {
	plus    bool // %+v: field names
	sharp   bool // %#v: Go syntax
	methods bool // Error and String may be called (fmt cannot call them on unexported fields)
}

func (m fmtMode) key() string {
	return fmt.Sprintf("%v|%v|%v", m.plus, m.sharp, m.methods)
}

// verb is the verb a mode prints with: "v", "+v" or "#v".
func (m fmtMode) verb() string {
	switch {
	case m.sharp:
		return "#v"
	case m.plus:
		return "+v"
	}
	return "v"
}

// needsFormatter reports whether fmt alone would print t wrong: when t holds
// cell-defined named types or interfaces (which may hold them).
func needsFormatter(t types.Type, main *types.Package) bool {
	seen := map[types.Type]bool{}
	var walk func(types.Type) bool
	walk = func(t types.Type) bool {
		if seen[t] {
			return false
		}
		seen[t] = true
		switch t := t.(type) {
		case *types.Named:
			if t.Obj().Pkg() == main && main != nil {
				return true
			}
			if _, ok := t.Underlying().(*types.Interface); ok {
				return true
			}
			return false // compiled types print right
		case *types.Alias:
			return walk(types.Unalias(t))
		case *types.Interface:
			return true
		case *types.Pointer:
			return walk(t.Elem())
		case *types.Slice:
			return walk(t.Elem())
		case *types.Array:
			return walk(t.Elem())
		case *types.Map:
			return walk(t.Key()) || walk(t.Elem())
		case *types.Struct:
			for i := 0; i < t.NumFields(); i++ {
				if walk(t.Field(i).Type()) {
					return true
				}
			}
		case *types.Chan:
			return walk(t.Elem()) // %T names it
		case *types.Signature:
			for _, tup := range []*types.Tuple{t.Params(), t.Results()} {
				for i := 0; i < tup.Len(); i++ {
					if walk(tup.At(i).Type()) {
						return true
					}
				}
			}
		}
		return false
	}
	return walk(t)
}

// formatCall is an expression giving the %v text of x, of type t.
func (l *lowerer) formatCall(t types.Type, x ast.Expr) ast.Expr {
	return l.formatter().call(t, x, fmtMode{methods: true})
}

func (l *lowerer) formatter() *fmtGen {
	if l.fmt == nil {
		l.fmt = &fmtGen{l: l, names: map[string]string{}}
	}
	return l.fmt
}

func (g *fmtGen) call(t types.Type, x ast.Expr, mode fmtMode) ast.Expr {
	if !needsFormatter(t, g.l.pkg) {
		return sprintCall(x, mode)
	}
	if tab, ok := g.ifaceTable(t, mode); ok {
		return &ast.CallExpr{
			Fun: &ast.SelectorExpr{X: ast.NewIdent(cellName), Sel: ast.NewIdent("Format")},
			Args: []ast.Expr{x, &ast.BasicLit{Kind: token.STRING, Value: tab}, ast.NewIdent("0"),
				&ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(mode.verb())}, ast.NewIdent(strconv.FormatBool(mode.methods))},
		}
	}
	name, ok := g.formatter(t, mode)
	if !ok {
		return sprintCall(x, mode)
	}
	return &ast.CallExpr{Fun: ast.NewIdent(name), Args: []ast.Expr{x, ast.NewIdent("0")}}
}

func sprintCall(x ast.Expr, mode fmtMode) ast.Expr {
	verb := ""
	switch {
	case mode.sharp:
		verb = "%#v"
	case mode.plus:
		verb = "%+v"
	}
	if verb == "" {
		return &ast.CallExpr{Fun: &ast.SelectorExpr{X: ast.NewIdent("_goparfmt"), Sel: ast.NewIdent("Sprint")}, Args: []ast.Expr{x}}
	}
	return &ast.CallExpr{Fun: &ast.SelectorExpr{X: ast.NewIdent("_goparfmt"), Sel: ast.NewIdent("Sprintf")},
		Args: []ast.Expr{&ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(verb)}, x}}
}

// decls returns the generated formatters.
func (g *fmtGen) decls() []ast.Decl {
	if g == nil || g.src.Len() == 0 {
		return nil
	}
	f, err := parser.ParseFile(g.l.fset, "_fmt.go", "package main\n"+g.src.String(), parser.SkipObjectResolution)
	if err != nil {
		panic(fmt.Sprintf("generated formatter does not parse: %v\n%s", err, g.src.String()))
	}
	clearPositions(f)
	return f.Decls
}

// formatter returns the name of the formatter of t in mode, writing it (and
// those it needs) on first use. It fails when t cannot be named in source.
func (g *fmtGen) formatter(t types.Type, mode fmtMode) (string, bool) {
	after := lastLocalType(t, g.l.pkg)
	key := types.TypeString(t, nil) + "|" + mode.key()
	if after != nil {
		// Two funcs may declare types of one name.
		key += fmt.Sprintf("|%d", after.Pos())
	}
	if name, ok := g.names[key]; ok {
		return name, name != ""
	}
	var typ string
	var ok bool
	if after == nil {
		typ, ok = g.l.s.typeSource(t, g.l.pkg)
	} else {
		typ, ok = g.l.s.typeSourceLocal(t, g.l.pkg)
	}
	if !ok {
		g.names[key] = ""
		return "", false
	}
	g.n++
	name := fmt.Sprintf("_goparFmt%d_%d", g.l.cellNo, g.n)
	g.names[key] = name
	body := g.body(t, mode)
	if after != nil {
		g.locals = append(g.locals, localFormatter{name: name, sig: "func(v " + typ + ", depth int) string", body: body, after: after})
		return name, true
	}
	fmt.Fprintf(&g.src, "func %s(v %s, depth int) string {\n%s\n}\n", name, typ, body)
	return name, true
}

// lastLocalType is the type declared inside a func that t is made of and
// that is declared last, or nil. The types t is made of are all in scope
// where t is used, so each is declared before it, in its scope or in one
// around it.
func lastLocalType(t types.Type, main *types.Package) *types.TypeName {
	var last *types.TypeName
	var walk func(types.Type)
	walk = typeWalker(func(t types.Type) bool {
		n, ok := t.(*types.Named)
		if !ok {
			return true
		}
		obj := n.Obj()
		if main != nil && obj.Pkg() == main && obj.Parent() != nil && obj.Parent() != main.Scope() {
			if last == nil || obj.Pos() > last.Pos() {
				last = obj
			}
			walk(n.Underlying()) // its fields may be of other local types
		}
		return true
	})
	walk(t)
	return last
}

// insertLocalFormatters declares the formatters of types declared in funcs
// right after the last type declaration each needs. They are all declared
// before any is assigned, as they may call each other. Each func literal is
// made in a frame of its own, as lowerDeferClosure makes them: a deferred
// call may print.
func (l *lowerer) insertLocalFormatters(roots []ast.Node) {
	if l.fmt == nil || len(l.fmt.locals) == 0 {
		return
	}
	after := map[*types.TypeName][]localFormatter{}
	for _, f := range l.fmt.locals {
		after[f.after] = append(after[f.after], f)
	}
	for _, r := range roots {
		rewriteStmts(r, func(st ast.Stmt) []ast.Stmt {
			ds, ok := st.(*ast.DeclStmt)
			if !ok {
				return nil
			}
			gd, ok := ds.Decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE {
				return nil
			}
			var fs []localFormatter
			for _, sp := range gd.Specs {
				if tn, ok := l.info.Defs[sp.(*ast.TypeSpec).Name].(*types.TypeName); ok {
					fs = append(fs, after[tn]...)
					delete(after, tn)
				}
			}
			if len(fs) == 0 {
				return nil
			}
			var src strings.Builder
			src.WriteString("package main\nfunc _() {\n")
			for _, f := range fs {
				fmt.Fprintf(&src, "var %s %s\n", f.name, f.sig)
			}
			for _, f := range fs {
				fmt.Fprintf(&src, "%s = func() %s {\nreturn %s {\n%s\n}\n}()\n", f.name, f.sig, f.sig, f.body)
			}
			src.WriteString("}\n")
			file, err := parser.ParseFile(l.fset, "_fmt.go", src.String(), parser.SkipObjectResolution)
			if err != nil {
				panic(fmt.Sprintf("generated formatter does not parse: %v\n%s", err, src.String()))
			}
			clearPositions(file)
			body := file.Decls[0].(*ast.FuncDecl).Body.List
			return append([]ast.Stmt{st}, body...)
		})
	}
}

// sub formats a component of a value (an element, a field).
func (g *fmtGen) sub(t types.Type, x string, mode fmtMode) string {
	if tab, ok := g.ifaceTable(t, mode); ok {
		return fmt.Sprintf("_goparcell.Format(%s, %s, depth+1, %q, %v)", x, tab, mode.verb(), mode.methods)
	}
	if needsFormatter(t, g.l.pkg) {
		if name, ok := g.formatter(t, mode); ok {
			return fmt.Sprintf("%s(%s, depth+1)", name, x)
		}
	}
	switch {
	case mode.sharp:
		return fmt.Sprintf(`_goparfmt.Sprintf("%%#v", %s)`, x)
	case mode.plus:
		return fmt.Sprintf(`_goparfmt.Sprintf("%%+v", %s)`, x)
	}
	return fmt.Sprintf("_goparfmt.Sprint(%s)", x)
}

// body is the code of the formatter of t.
func (g *fmtGen) body(t types.Type, mode fmtMode) string {
	var b strings.Builder
	if _, isIface := t.Underlying().(*types.Interface); mode.methods && !isIface {
		methods := []string{"Error", "String"}
		if mode.sharp {
			methods = []string{"GoString"}
		}
		for _, m := range methods {
			if methodOf(t, m) {
				writeMethodCall(&b, t, m)
				return b.String()
			}
		}
	}
	if mode.sharp {
		return g.sharpBody(t, mode)
	}
	switch u := t.Underlying().(type) {
	case *types.Interface:
		g.ifaceBody(&b, t, mode)
	case *types.Pointer:
		switch u.Elem().Underlying().(type) {
		case *types.Struct, *types.Array, *types.Slice, *types.Map:
			fmt.Fprintf(&b, "if v == nil {\n return \"<nil>\"\n}\n")
			fmt.Fprintf(&b, "if depth == 0 {\n return \"&\" + %s\n}\n", g.sub(u.Elem(), "(*v)", mode))
			fmt.Fprintf(&b, "return _goparfmt.Sprintf(\"%%p\", v)")
		default:
			fmt.Fprintf(&b, "if v == nil {\n return \"<nil>\"\n}\nreturn _goparfmt.Sprintf(\"%%p\", v)")
		}
	case *types.Slice, *types.Array:
		fmt.Fprintf(&b, "s := \"[\"\nfor i := range v {\nif i > 0 {\ns += \" \"\n}\ns += %s\n}\nreturn s + \"]\"", g.sub(elemOf(u), "v[i]", mode))
	case *types.Map:
		g.sortedKeys(&b, u)
		fmt.Fprintf(&b, "s := \"map[\"\nfor i, k := range keys {\nif i > 0 {\ns += \" \"\n}\ns += %s + \":\" + %s\n}\nreturn s + \"]\"",
			g.sub(u.Key(), "k", mode), g.sub(u.Elem(), "v[k]", mode))
	case *types.Struct:
		b.WriteString("s := \"{\"\n")
		for i := 0; i < u.NumFields(); i++ {
			f := u.Field(i)
			if i > 0 {
				b.WriteString("s += \" \"\n")
			}
			if mode.plus {
				fmt.Fprintf(&b, "s += %q\n", f.Name()+":")
			}
			if f.Name() == "_" {
				// A blank field cannot be named; fmt prints it from reflect.
				fmt.Fprintf(&b, "s += _goparfmt.Sprint(_goparreflect.ValueOf(v).Field(%d))\n", i)
				continue
			}
			fm := mode
			fm.methods = mode.methods && f.Exported()
			fmt.Fprintf(&b, "s += %s\n", g.sub(f.Type(), "v."+f.Name(), fm))
		}
		b.WriteString("return s + \"}\"")
	default:
		if mode.plus {
			b.WriteString("return _goparfmt.Sprintf(\"%+v\", v)")
		} else {
			b.WriteString("return _goparfmt.Sprint(v)")
		}
	}
	return b.String()
}

// sharpBody is the code of the %#v formatter of t: Go syntax, with the
// names of cell types.
func (g *fmtGen) sharpBody(t types.Type, mode fmtMode) string {
	var b strings.Builder
	name := strconv.Quote(reflectString(t))
	nilText := strconv.Quote("(" + reflectString(t) + ")(nil)")
	switch u := t.Underlying().(type) {
	case *types.Interface:
		g.ifaceBody(&b, t, mode)
	case *types.Pointer:
		fmt.Fprintf(&b, "if v == nil {\n return %s\n}\n", nilText)
		switch u.Elem().Underlying().(type) {
		case *types.Struct, *types.Array, *types.Slice, *types.Map:
			fmt.Fprintf(&b, "if depth == 0 {\n return \"&\" + %s\n}\n", g.sub(u.Elem(), "(*v)", mode))
		}
		fmt.Fprintf(&b, "return \"(\" + %s + \")(\" + _goparfmt.Sprintf(\"%%p\", v) + \")\"", name)
	case *types.Slice, *types.Array:
		if _, ok := u.(*types.Slice); ok {
			fmt.Fprintf(&b, "if v == nil {\n return %s + \"(nil)\"\n}\n", name)
		}
		fmt.Fprintf(&b, "s := %s + \"{\"\nfor i := range v {\nif i > 0 {\ns += \", \"\n}\ns += %s\n}\nreturn s + \"}\"", name, g.sub(elemOf(u), "v[i]", mode))
	case *types.Map:
		fmt.Fprintf(&b, "if v == nil {\n return %s + \"(nil)\"\n}\n", name)
		g.sortedKeys(&b, u)
		fmt.Fprintf(&b, "s := %s + \"{\"\nfor i, k := range keys {\nif i > 0 {\ns += \", \"\n}\ns += %s + \":\" + %s\n}\nreturn s + \"}\"",
			name, g.sub(u.Key(), "k", mode), g.sub(u.Elem(), "v[k]", mode))
	case *types.Struct:
		fmt.Fprintf(&b, "s := %s + \"{\"\n", name)
		for i := 0; i < u.NumFields(); i++ {
			f := u.Field(i)
			if i > 0 {
				b.WriteString("s += \", \"\n")
			}
			if f.Name() == "_" {
				fmt.Fprintf(&b, "s += \"_:\" + _goparfmt.Sprintf(\"%%#v\", _goparreflect.ValueOf(v).Field(%d))\n", i)
				continue
			}
			fm := mode
			fm.methods = mode.methods && f.Exported()
			fmt.Fprintf(&b, "s += %q + %s\n", f.Name()+":", g.sub(f.Type(), "v."+f.Name(), fm))
		}
		b.WriteString("return s + \"}\"")
	case *types.Basic:
		if u.Kind() == types.UnsafePointer {
			fmt.Fprintf(&b, "return \"(\" + %s + \")(\" + _goparfmt.Sprintf(\"%%p\", v) + \")\"", name)
			break
		}
		// The underlying value: fmt would print a wrapper of a value with
		// methods as a struct.
		fmt.Fprintf(&b, "return _goparfmt.Sprintf(\"%%#v\", %s(v))", types.Typ[u.Kind()].Name())
	default: // chan, func
		fmt.Fprintf(&b, "if v == nil {\n return %s\n}\n", nilText)
		fmt.Fprintf(&b, "return \"(\" + %s + \")(\" + _goparfmt.Sprintf(\"%%p\", v) + \")\"", name)
	}
	return b.String()
}

func elemOf(t types.Type) types.Type {
	switch t := t.(type) {
	case *types.Slice:
		return t.Elem()
	case *types.Array:
		return t.Elem()
	}
	return nil
}

// sortedKeys writes the keys of map v as fmt sorts them, into keys.
func (g *fmtGen) sortedKeys(b *strings.Builder, u *types.Map) {
	fmt.Fprintf(b, "keys := make([]%s, 0, len(v))\nfor k := range v {\nkeys = append(keys, k)\n}\n", g.typeName(u.Key()))
	if less := orderedLess(u.Key()); less != "" {
		fmt.Fprintf(b, "_goparsort.Slice(keys, func(i, j int) bool {\n a, b := keys[i], keys[j]\n return %s\n})\n", less)
	} else if cmp, ok := g.comparer(u.Key()); ok {
		fmt.Fprintf(b, "_goparsort.Slice(keys, func(i, j int) bool {\n return %s(keys[i], keys[j]) < 0\n})\n", cmp)
	}
}

// typeName writes t for generated code, falling back to any. A type
// declared in a func is named only in the formatter of a type made of it,
// which is declared in its scope.
func (g *fmtGen) typeName(t types.Type) string {
	if s, ok := g.l.s.typeSourceLocal(t, g.l.pkg); ok {
		return s
	}
	return "any"
}

// methodOf reports whether the method set of t has name() string.
func methodOf(t types.Type, name string) bool {
	ms := types.NewMethodSet(t)
	for i := 0; i < ms.Len(); i++ {
		f := ms.At(i).Obj()
		if f.Name() != name {
			continue
		}
		sig, ok := f.Type().(*types.Signature)
		if !ok || sig.Params().Len() != 0 || sig.Results().Len() != 1 {
			return false
		}
		b, ok := sig.Results().At(0).Type().(*types.Basic)
		return ok && b.Kind() == types.String
	}
	return false
}

// writeMethodCall calls the Error or String method as fmt does: a nil
// pointer prints "<nil>", a panic prints fmt's %!v(PANIC=...) text.
func writeMethodCall(b *strings.Builder, t types.Type, method string) {
	if _, ok := t.Underlying().(*types.Pointer); ok {
		b.WriteString("if v == nil {\n return \"<nil>\"\n}\n")
	}
	fmt.Fprintf(b, "return _goparCallText(%q, v.%s)", method, method)
}

// orderedLess is the comparison fmt sorts map keys of type t with, for the
// key types it orders by value.
func orderedLess(t types.Type) string {
	b, ok := t.Underlying().(*types.Basic)
	if !ok {
		return ""
	}
	switch {
	case b.Info()&(types.IsInteger|types.IsFloat|types.IsString) != 0:
		return "a < b"
	case b.Kind() == types.Bool:
		return "!a && b"
	}
	return ""
}

// comparer writes a func ordering values of t as fmt sorts map keys:
// numbers and strings by value, false before true, structs and arrays
// field by field. It fails for other kinds.
func (g *fmtGen) comparer(t types.Type) (string, bool) {
	after := lastLocalType(t, g.l.pkg)
	key := "cmp|" + types.TypeString(t, nil)
	var typ string
	var ok bool
	if after != nil {
		key += fmt.Sprintf("|%d", after.Pos())
		typ, ok = g.l.s.typeSourceLocal(t, g.l.pkg)
	} else {
		typ, ok = g.l.s.typeSource(t, g.l.pkg)
	}
	if name, found := g.names[key]; found {
		return name, name != ""
	}
	if !ok {
		g.names[key] = ""
		return "", false
	}
	var body strings.Builder
	compare := func(a, b string, ft types.Type) bool {
		if less := orderedLess(ft); less != "" {
			lt := strings.NewReplacer("a", a, "b", b).Replace(less)
			gt := strings.NewReplacer("a", b, "b", a).Replace(less)
			fmt.Fprintf(&body, "if %s {\n return -1\n}\nif %s {\n return 1\n}\n", lt, gt)
			return true
		}
		name, ok := g.comparer(ft)
		if !ok {
			return false
		}
		fmt.Fprintf(&body, "if c := %s(%s, %s); c != 0 {\n return c\n}\n", name, a, b)
		return true
	}
	g.n++
	name := fmt.Sprintf("_goparCmp%d_%d", g.l.cellNo, g.n)
	g.names[key] = name
	switch u := t.Underlying().(type) {
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			f := u.Field(i).Name()
			if f == "_" || !compare("x."+f, "y."+f, u.Field(i).Type()) {
				g.names[key] = ""
				return "", false
			}
		}
	case *types.Array:
		body.WriteString("for i := range x {\n")
		if !compare("x[i]", "y[i]", u.Elem()) {
			g.names[key] = ""
			return "", false
		}
		body.WriteString("}\n")
	default:
		if !compare("x", "y", t) {
			g.names[key] = ""
			return "", false
		}
	}
	if after != nil {
		g.locals = append(g.locals, localFormatter{name: name, sig: "func(x, y " + typ + ") int", body: body.String() + "return 0", after: after})
		return name, true
	}
	fmt.Fprintf(&g.src, "func %s(x, y %s) int {\n%sreturn 0\n}\n", name, typ, body.String())
	return name, true
}
