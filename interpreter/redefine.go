package interpreter

import (
	"context"
	"fmt"
	"go/ast"
	"go/printer"
	"go/token"
	"go/types"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// Redefinition. Funcs live in variables (lower_funcvar.go) and variables
// are assigned in place, so redefining them needs nothing more. yaegi
// ignores a new version of a type, method, interface, constant or generic
// func, and cannot change what an import name means: then the session
// starts a fresh interpreter, replays the latest version of every
// declaration, and carries over the variables whose values it can (plain
// data: numbers, strings, and slices, maps, arrays, structs and pointers of
// them). The user is told in one line what was rebuilt and which variables
// must be recomputed.

// rebuildReasons lists what the cell redefines that needs a fresh
// interpreter.
func (s *Session) rebuildReasons(pc *parsedCell, c *checked) []string {
	var out []string
	var byKey map[string]*declRecord
	earlier := func(key string) (*declRecord, bool) {
		if c.base != nil && key != "func init" && key != "func _" {
			// Checked against the base, which holds every earlier
			// declaration: its names were all new.
			return nil, false
		}
		if byKey == nil {
			byKey = map[string]*declRecord{}
			for i := range s.decls {
				byKey[s.decls[i].key] = &s.decls[i]
			}
		}
		r, ok := byKey[key]
		return r, ok
	}
	for _, d := range pc.decls {
		src, ok := pc.sources[d]
		if !ok {
			continue
		}
		for _, key := range pc.keys[d] {
			old, ok := earlier(key)
			if !ok || normalize(old.src) == normalize(src.text) {
				continue
			}
			if fd, ok := d.(*ast.FuncDecl); ok && funcVarCandidate(fd) && old.kind == recFunc && !strings.Contains(old.src, "[") {
				// A func variable: only a new signature needs a rebuild.
				obj, ok := c.info.Defs[fd.Name].(*types.Func)
				if !ok {
					continue
				}
				if sig, ok := s.typeSource(obj.Type(), c.pkg); ok && sig == s.funcs[fd.Name.Name] {
					continue
				}
				out = append(out, key+" (new signature)")
				continue
			}
			out = append(out, key)
		}
	}
	// A variable that earlier declarations use, given a new type.
	for name, obj := range c.defined {
		g := s.globals[name]
		if g == nil {
			continue
		}
		src, ok := s.typeSource(obj.Type(), c.pkg)
		if ok && src == g.typeSrc {
			continue
		}
		if usedByEarlier(c, name) {
			out = append(out, "var "+name+" (new type)")
		}
	}
	// An import name given to another package.
	imported := map[string]string{}
	if len(pc.imports) > 0 {
		for _, r := range s.decls {
			if r.kind == recImport {
				name := r.importName
				if name == "" {
					name = packageName(r.importPath)
				}
				imported[name] = r.importPath
			}
		}
	}
	for _, d := range pc.imports {
		for _, sp := range d.Specs {
			is := sp.(*ast.ImportSpec)
			p, _ := strconv.Unquote(is.Path.Value)
			name := packageName(p)
			if is.Name != nil {
				name = is.Name.Name
			}
			if old, ok := imported[name]; ok && old != p && name != "_" {
				out = append(out, "import "+name)
			}
		}
	}
	sort.Strings(out)
	return out
}

// normalize reprints declaration source so that layout changes do not
// count as redefinitions.
func normalize(src string) string {
	f, err := parseSource("package p\n" + src)
	if err != nil {
		return src
	}
	var b strings.Builder
	for _, d := range f.Decls {
		_ = (&printer.Config{Mode: printer.RawFormat}).Fprint(&b, token.NewFileSet(), d)
	}
	return b.String()
}

// usedByEarlier reports whether an earlier declaration refers to the
// package-level name.
func usedByEarlier(c *checked, name string) bool {
	if c.base != nil {
		return c.base.usedGlobals[name]
	}
	obj := c.pkg.Scope().Lookup(name)
	if obj == nil {
		return false
	}
	used := false
	for d := range c.previous {
		ast.Inspect(d, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && id.Name == name && c.info.Uses[id] == obj {
				used = true
			}
			return !used
		})
		if used {
			return true
		}
	}
	return false
}

// rebuild starts a fresh interpreter and replays the session into it,
// except the declarations the running cell is about to make again. It
// reports on Stderr what it did.
func (s *Session) rebuild(ctx context.Context, pc *parsedCell, c *checked, reasons []string) error {
	skip := map[string]bool{}
	for _, d := range c.dropped {
		skip[d.key] = true
		fmt.Fprintf(s.opts.Stderr, "gopar: removed %s of an earlier cell, which no longer compiles: %s\n", d.key, d.why)
	}
	for _, d := range pc.decls {
		for _, key := range pc.keys[d] {
			skip[key] = true
		}
	}
	// Values to carry over, read before the old interpreter goes.
	old := s.in.Globals()
	hidden := s.hidden
	decls := s.decls
	globals := s.globals

	if err := s.start(); err != nil {
		return err
	}
	for _, p := range sortedKeys(hidden) {
		s.hiddenImport(p)
	}
	s.resetTables()
	var code strings.Builder
	for _, r := range decls {
		if r.kind == recImport {
			code.WriteString(r.src + "\n")
		}
	}
	for _, r := range decls {
		if r.kind != recImport && !skip[r.key] {
			code.WriteString(r.src + "\n")
		}
	}
	// The cell's own declarations, which the others may need; the cell then
	// runs as usual and finds them unchanged.
	for _, d := range pc.decls {
		code.WriteString(pc.sources[d].text + "\n")
	}
	for _, d := range pc.imports {
		for _, sp := range d.Specs {
			is := sp.(*ast.ImportSpec)
			if is.Name != nil {
				code.WriteString("import " + is.Name.Name + " " + is.Path.Value + "\n")
			} else {
				code.WriteString("import " + is.Path.Value + "\n")
			}
		}
	}
	names := sortedKeys(globals)
	for _, name := range names {
		code.WriteString("var " + name + " " + globals[name].typeSrc + "\n")
	}
	var replayErr error
	if _, err := s.execute(ctx, code.String()); err != nil {
		replayErr = err
	}

	// Carry the values over.
	fresh := s.in.Globals()
	var lost []string
	for _, name := range names {
		ov, nv := old[name], fresh[name]
		if !ov.IsValid() || !nv.IsValid() || !nv.CanSet() || !plainData(ov.Type()) || !ov.Type().AssignableTo(nv.Type()) {
			lost = append(lost, name)
			continue
		}
		nv.Set(ov)
	}
	msg := "gopar: rebuilt the interpreter for the new " + strings.Join(reasons, ", ")
	switch {
	case len(names) == 0:
	case len(lost) == 0:
		msg += "; all variables kept"
	default:
		msg += "; recompute " + strings.Join(lost, ", ")
	}
	fmt.Fprintln(s.opts.Stderr, msg)
	if replayErr != nil {
		fmt.Fprintf(s.opts.Stderr, "gopar: replaying the declarations failed: %v\n", replayErr)
	}
	return nil
}

// plainData reports types whose values mean the same in a fresh
// interpreter: no funcs, channels or interfaces, which may hold code or
// state of the old one.
func plainData(t reflect.Type) bool {
	seen := map[reflect.Type]bool{}
	var plain func(t reflect.Type) bool
	plain = func(t reflect.Type) bool {
		if seen[t] {
			return true
		}
		seen[t] = true
		switch t.Kind() {
		case reflect.Func, reflect.Chan, reflect.Interface, reflect.UnsafePointer:
			return false
		case reflect.Array, reflect.Slice, reflect.Pointer:
			return plain(t.Elem())
		case reflect.Map:
			return plain(t.Key()) && plain(t.Elem())
		case reflect.Struct:
			for i := 0; i < t.NumField(); i++ {
				if !plain(t.Field(i).Type) {
					return false
				}
			}
		}
		return true
	}
	return plain(t)
}
