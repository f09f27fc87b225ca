package interpreter

import (
	"bytes"
	"context"
	"embed"
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"go/types"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
)

// The generic parts of standard packages (slices, maps, iter, cmp,
// atomic.Pointer, rand.N, ...) as Go source: compiled code cannot hand
// generic functions or types to the interpreter. Each directory under stdsrc
// is one package, named by its import path; it also builds as ordinary Go.
// The cell passes do not run over this source, so it is written in what
// yaegi runs as is: no min, max or clear, no range over ints or funcs, no
// closures capturing loop variables.
//
//go:embed stdsrc
var stdsrcFS embed.FS

// stdSource is the source of one package's generic part.
type stdSource struct {
	path, name string
	files      []string
	declares   map[string]bool // top-level names it declares
	checked    *checkedSource  // set once the importer has checked it

	once    sync.Once
	lowered string   // the source as yaegi runs it, in package main
	needs   []string // import paths it uses (hidden imports, other sources)
	err     error
}

// checkedSource is a type-checked std source package.
type checkedSource struct {
	files []*ast.File
	info  *types.Info
	pkg   *types.Package
	fset  *token.FileSet
}

var stdSources = sync.OnceValue(func() map[string]*stdSource {
	out := map[string]*stdSource{}
	err := fs.WalkDir(stdsrcFS, "stdsrc", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		dir := strings.TrimPrefix(path.Dir(p), "stdsrc/")
		b, err := stdsrcFS.ReadFile(p)
		if err != nil {
			return err
		}
		src := out[dir]
		if src == nil {
			src = &stdSource{path: dir, declares: map[string]bool{}}
			out[dir] = src
		}
		src.files = append(src.files, string(b))
		return nil
	})
	if err != nil {
		panic(err)
	}
	for _, src := range out {
		for _, code := range src.files {
			f, err := parseSource(code)
			if err != nil {
				panic(fmt.Sprintf("stdsrc/%s: %v", src.path, err))
			}
			src.name = f.Name.Name
			for _, d := range f.Decls {
				switch d := d.(type) {
				case *ast.FuncDecl:
					if d.Recv == nil {
						src.declares[d.Name.Name] = true
					}
				case *ast.GenDecl:
					for _, sp := range d.Specs {
						switch sp := sp.(type) {
						case *ast.TypeSpec:
							src.declares[sp.Name.Name] = true
						case *ast.ValueSpec:
							for _, n := range sp.Names {
								src.declares[n.Name] = true
							}
						}
					}
				}
			}
		}
	}
	return out
})

// mangled is the name under which the interpreter knows a declaration of a
// std source package: top-level in package main, out of the user's way.
func mangled(pkgPath, name string) string {
	return "_gopar_" + identFor(pkgPath) + "_" + name
}

func identFor(p string) string {
	return strings.NewReplacer("/", "_", ".", "_", "-", "_").Replace(p)
}

// hiddenName is the name generated code imports a package under.
func hiddenName(p string) string { return "_goparpkg_" + identFor(p) }

// isStdSourceObject reports whether obj is declared by a std source package
// (rather than by its compiled part).
func isStdSourceObject(obj types.Object) bool {
	if obj == nil || obj.Pkg() == nil {
		return false
	}
	src := stdSources()[obj.Pkg().Path()]
	if src == nil || !src.declares[obj.Name()] {
		return false
	}
	// Only package-level objects are renamed.
	return obj.Parent() == obj.Pkg().Scope()
}

// lower rewrites the source into package main: its declarations get mangled
// names, references to the compiled part of any package go through hidden
// imports.
func (src *stdSource) lower() (string, []string, error) {
	src.once.Do(func() {
		if _, err := sharedImporter().Import(src.path); err != nil {
			src.err = err
			return
		}
		c := src.checked
		needs := map[string]bool{}
		var buf bytes.Buffer
		q := func(p *types.Package) string {
			needs[p.Path()] = true
			return hiddenName(p.Path())
		}
		for _, f := range c.files {
			explicitTypeArgs(f, c.info, func(t types.Type) (string, bool) { return typeString(t, c.pkg, q), true })
			replaceTransparent(f, c.info, func(t types.Type) string { return typeString(t, c.pkg, q) })
			rewriteRefs(f, c.info, needs)
			renameTypeParams(f, c.info)
			for _, d := range f.Decls {
				if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
					continue
				}
				if err := (&printer.Config{Mode: printer.UseSpaces | printer.TabIndent, Tabwidth: 8}).Fprint(&buf, c.fset, d); err != nil {
					src.err = err
					return
				}
				buf.WriteString("\n\n")
			}
		}
		delete(needs, "")
		for p := range needs {
			src.needs = append(src.needs, p)
		}
		sort.Strings(src.needs)
		src.lowered = buf.String()
	})
	return src.lowered, src.needs, src.err
}

// rewriteRefs renames, in a checked tree, every reference to a std source
// declaration to its mangled name, and every other package-qualified
// reference to go through the hidden import of its package. needs collects
// the packages referred to.
func rewriteRefs(root ast.Node, info *types.Info, needs map[string]bool) {
	// Selectors first: pkg.Name becomes one identifier, or hidden.Name.
	ast.Inspect(root, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		x, ok := sel.X.(*ast.Ident)
		if !ok {
			return true
		}
		pn, ok := info.Uses[x].(*types.PkgName)
		if !ok {
			return true
		}
		p := pn.Imported().Path()
		obj := info.Uses[sel.Sel]
		needs[p] = true
		if isStdSourceObject(obj) {
			// Keep the selector shape, with an empty package: printed as the
			// mangled name alone.
			x.Name = ""
			sel.Sel.Name = mangled(p, sel.Sel.Name)
			return false
		}
		x.Name = hiddenName(p)
		return false
	})
	// Then plain identifiers of the package's own declarations.
	ast.Inspect(root, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || id.Name == "" {
			return true
		}
		obj := info.Defs[id]
		if obj == nil {
			obj = info.Uses[id]
		}
		if isStdSourceObject(obj) && !strings.HasPrefix(id.Name, "_gopar_") {
			id.Name = mangled(obj.Pkg().Path(), id.Name)
		}
		return true
	})
	// Selectors with an emptied package print as ".Name": drop the dot.
	replaceEmptySelectors(root)
}

// replaceEmptySelectors turns selectors whose package part was emptied into
// the bare (mangled) identifier.
func replaceEmptySelectors(root ast.Node) {
	rewriteExprs(root, func(e ast.Expr) ast.Expr {
		if sel, ok := e.(*ast.SelectorExpr); ok {
			if x, ok := sel.X.(*ast.Ident); ok && x.Name == "" {
				return sel.Sel
			}
		}
		return e
	})
}

// loadStdSource makes the generic part of a std package, and those it
// needs, available in the interpreter (once per interpreter).
func (s *Session) loadStdSource(ctx context.Context, p string) error {
	if s.loaded[p] {
		return nil
	}
	src := stdSources()[p]
	if src == nil {
		return nil
	}
	code, needs, err := src.lower()
	if err != nil {
		return err
	}
	s.loaded[p] = true
	for _, dep := range needs {
		if dep != p && stdSources()[dep] != nil {
			if err := s.loadStdSource(ctx, dep); err != nil {
				return err
			}
		}
	}
	for _, dep := range needs {
		if sharedImporter().hasTable(dep) {
			s.hiddenImport(dep)
		}
	}
	if err := s.flushHidden(); err != nil {
		return err
	}
	em := &emitted{base: s.nextBase()}
	em.src = "package main\n" + lineComment(em.base) + code
	text := em.src
	s.register(em)
	if _, err := s.in.EvalWithContext(ctx, text); err != nil {
		return fmt.Errorf("loading the generic part of %s: %w", p, err)
	}
	return nil
}

func parseSource(code string) (*ast.File, error) {
	return parser.ParseFile(token.NewFileSet(), "", code, parser.SkipObjectResolution)
}
