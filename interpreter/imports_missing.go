package interpreter

import (
	"go/ast"
	"go/token"
	"sort"
	"strings"
	"sync"

	"github.com/gopar/gopar/interpreter/stdsyms"
)

// A cell may use a standard package it did not import, as goimports lets
// a Go file do: `strings.ToUpper("x")` alone imports "strings", with a note
// on stderr, and the import stays for later cells as if the user had
// written it. Only a package name that one standard package has is
// imported so: rand (crypto/rand, math/rand, math/rand/v2), template,
// scanner and pprof are a choice the user makes, and their compile error
// names the packages to choose from.

// stdByName maps each package name to the standard packages of that name.
var stdByName = sync.OnceValue(func() map[string][]string {
	paths := map[string]bool{"unsafe": true}
	for key := range stdsyms.Symbols {
		if i := strings.LastIndexByte(key, '/'); i > 0 {
			paths[key[:i]] = true
		}
	}
	for p := range stdSources() {
		paths[p] = true
	}
	out := map[string][]string{}
	for p := range paths {
		name := packageName(p)
		out[name] = append(out[name], p)
	}
	for _, ps := range out {
		sort.Strings(ps)
	}
	return out
})

// packageUses lists the names the cell's errors call undefined that the
// cell uses as a package (name.Member), with the members it uses.
func packageUses(pc *parsedCell, errs []typeError) map[string][]string {
	undefined := map[string]bool{}
	for _, e := range errs {
		if name, ok := strings.CutPrefix(e.msg, "undefined: "); ok && e.pos.Filename == "_.go" && token.IsIdentifier(name) {
			undefined[name] = true
		}
	}
	if len(undefined) == 0 {
		return nil
	}
	uses := map[string][]string{}
	seen := map[string]bool{}
	visit := func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		if id, ok := sel.X.(*ast.Ident); ok && undefined[id.Name] && !seen[id.Name+"."+sel.Sel.Name] {
			seen[id.Name+"."+sel.Sel.Name] = true
			uses[id.Name] = append(uses[id.Name], sel.Sel.Name)
		}
		return true
	}
	for _, d := range pc.decls {
		ast.Inspect(d, visit)
	}
	for _, st := range pc.stmts {
		ast.Inspect(st, visit)
	}
	return uses
}

// addMissingImports adds to the cell the import of each package it uses
// without importing it, when one standard package has that name, and
// returns their paths.
func (s *Session) addMissingImports(pc *parsedCell, errs []typeError) []string {
	uses := packageUses(pc, errs)
	var added []string
	for name := range uses {
		if paths := stdByName()[name]; len(paths) == 1 {
			added = append(added, paths[0])
		}
	}
	if len(added) == 0 {
		return nil
	}
	sort.Strings(added)
	d := &ast.GenDecl{Tok: token.IMPORT}
	for _, p := range added {
		d.Specs = append(d.Specs, &ast.ImportSpec{Path: &ast.BasicLit{Kind: token.STRING, Value: quote(p)}})
	}
	pc.imports = append(pc.imports, d)
	return added
}

// suggestImports adds to each "undefined: name" error, where the cell uses
// name as a package that several standard packages are named, the imports
// to choose from: first those that have every member the cell uses.
func (s *Session) suggestImports(pc *parsedCell, errs []typeError) []typeError {
	uses := packageUses(pc, errs)
	if len(uses) == 0 {
		return errs
	}
	out := make([]typeError, len(errs))
	copy(out, errs)
	for i, e := range out {
		name, ok := strings.CutPrefix(e.msg, "undefined: ")
		paths := stdByName()[name]
		if !ok || e.pos.Filename != "_.go" || uses[name] == nil || len(paths) == 0 {
			continue
		}
		var fit, other []string
		for _, p := range paths {
			if hasMembers(p, uses[name]) {
				fit = append(fit, p)
			} else {
				other = append(other, p)
			}
		}
		switch {
		case len(fit) == 1 && len(other) > 0:
			out[i].msg += " (import " + quote(fit[0]) + "; " + orList(other, "and") + " are also named " + name + ")"
		case len(fit) > 0:
			out[i].msg += " (import " + orList(fit, "or") + ")"
		default:
			out[i].msg += " (import " + orList(paths, "or") + ")"
		}
	}
	return out
}

// hasMembers reports whether the standard package path declares every
// exported name in members.
func hasMembers(path string, members []string) bool {
	pkg, err := sharedImporter().Import(path)
	if err != nil {
		return false
	}
	for _, m := range members {
		if obj := pkg.Scope().Lookup(m); obj == nil || !obj.Exported() {
			return false
		}
	}
	return true
}

// orList quotes paths into `"a", "b" or "c"` (with "and" as and).
func orList(paths []string, and string) string {
	q := make([]string, len(paths))
	for i, p := range paths {
		q[i] = quote(p)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " " + and + " " + q[len(q)-1]
}
