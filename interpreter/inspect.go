package interpreter

import (
	"go/ast"
	"go/build"
	"go/doc"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/gopar/gopar/internal/goparsrc"
)

// Inspect returns a MIME bundle (text/plain and text/markdown) describing
// the symbol at cursor: its declaration and doc comment, for the standard
// library, the gopar runtime and what cells defined. detailLevel 1 adds the
// whole source of cell definitions.
func (s *Session) Inspect(code string, cursor, detailLevel int) (map[string]any, bool) {
	live := s
	s = s.current()
	b := byteOffset(code, cursor)
	// The whole identifier under (or just before) the cursor.
	e := b
	for e < len(code) {
		r, size := utf8.DecodeRuneInString(code[e:])
		if !isIdentRune(r) {
			break
		}
		e += size
	}
	if identBefore(code, e) == "" {
		return nil, false
	}
	pr := s.newProbe(code, e, "")
	if !pr.ok {
		return nil, false
	}
	id := pr.identAt()
	if id == nil {
		return nil, false
	}
	obj := pr.c.info.Uses[id]
	if obj == nil {
		obj = pr.c.info.Defs[id]
	}
	if obj == nil {
		return nil, false
	}
	return s.describe(obj, pr.c, detailLevel, live), true
}

// describe writes what Inspect shows for obj.
func (s *Session) describe(obj types.Object, c *checked, detail int, live *Session) map[string]any {
	q := func(p *types.Package) string {
		if p == c.pkg {
			return ""
		}
		return p.Name()
	}
	sig := types.ObjectString(obj, q)
	var docText, source string
	switch {
	case obj.Pkg() == c.pkg:
		// Declared by a cell: its own source, doc comment included.
		for _, r := range s.decls {
			if r.kind != recImport && (declName(r.key) == obj.Name() || strings.HasSuffix(r.key, "."+obj.Name())) {
				source = r.src
				docText = leadingComment(r.src)
				break
			}
		}
		if g, ok := s.globals[obj.Name()]; ok {
			// The value, unless a cell is running and changing it.
			if live.mu.TryLock() {
				if v, ok := live.in.Globals()[g.name]; ok && v.IsValid() {
					sig += " = " + shortValue(v)
				}
				live.mu.Unlock()
			}
		}
	case obj.Pkg() != nil:
		if d := docOf(obj); d.decl != "" {
			sig = d.decl
			docText = d.text
		}
	}
	if pn, ok := obj.(*types.PkgName); ok {
		sig = "package " + pn.Imported().Name() + " (\"" + pn.Imported().Path() + "\")"
		docText = packageSynopsis(pn.Imported().Path())
	}
	text := sig
	if docText != "" {
		text += "\n\n" + strings.TrimSpace(docText)
	}
	md := "```go\n" + sig + "\n```\n"
	if docText != "" {
		md += "\n" + strings.TrimSpace(docText) + "\n"
	}
	if detail > 0 && source != "" {
		text += "\n\n" + source
		md += "\n```go\n" + source + "\n```\n"
	}
	return map[string]any{"text/plain": text, "text/markdown": md}
}

// leadingComment is the // comment block a declaration starts with.
func leadingComment(src string) string {
	var lines []string
	for _, l := range strings.Split(src, "\n") {
		t := strings.TrimSpace(l)
		if !strings.HasPrefix(t, "//") {
			break
		}
		lines = append(lines, strings.TrimSpace(strings.TrimPrefix(t, "//")))
	}
	return strings.Join(lines, "\n")
}

// objDoc is the declaration and doc comment of a package-level object, as
// its source says them.
type objDoc struct {
	decl, text string
}

// docOf finds obj's documentation in the source of its package: the Go
// root for the standard library, the module for the gopar runtime.
func docOf(obj types.Object) objDoc {
	p := packageDoc(obj.Pkg().Path())
	if p == nil {
		return objDoc{}
	}
	name := obj.Name()
	// A method: find its type.
	if f, ok := obj.(*types.Func); ok {
		if recv := f.Type().(*types.Signature).Recv(); recv != nil {
			t := recv.Type()
			if ptr, ok := t.(*types.Pointer); ok {
				t = ptr.Elem()
			}
			if n, ok := t.(*types.Named); ok {
				for _, dt := range p.pkg.Types {
					if dt.Name == n.Obj().Name() {
						for _, m := range dt.Methods {
							if m.Name == name {
								return objDoc{p.decl(m.Decl), m.Doc}
							}
						}
					}
				}
			}
			return objDoc{}
		}
	}
	for _, f := range p.pkg.Funcs {
		if f.Name == name {
			return objDoc{p.decl(f.Decl), f.Doc}
		}
	}
	for _, t := range p.pkg.Types {
		if t.Name == name {
			return objDoc{p.decl(t.Decl), t.Doc}
		}
		for _, f := range t.Funcs {
			if f.Name == name {
				return objDoc{p.decl(f.Decl), f.Doc}
			}
		}
		for _, v := range append(t.Vars, t.Consts...) {
			for _, n := range v.Names {
				if n == name {
					return objDoc{"", v.Doc}
				}
			}
		}
	}
	for _, v := range append(p.pkg.Vars, p.pkg.Consts...) {
		for _, n := range v.Names {
			if n == name {
				return objDoc{"", v.Doc}
			}
		}
	}
	return objDoc{}
}

// docPackage is a package's documentation, parsed once.
type docPackage struct {
	pkg  *doc.Package
	fset *token.FileSet
}

func (p *docPackage) decl(d ast.Decl) string {
	if fd, ok := d.(*ast.FuncDecl); ok {
		fd.Body = nil
		fd.Doc = nil
	}
	if gd, ok := d.(*ast.GenDecl); ok {
		gd.Doc = nil
	}
	var b strings.Builder
	_ = printConfig.Fprint(&b, p.fset, d)
	return b.String()
}

var docCache sync.Map // import path -> *docPackage (nil when not found)

func packageDoc(importPath string) *docPackage {
	if v, ok := docCache.Load(importPath); ok {
		p, _ := v.(*docPackage)
		return p
	}
	var p *docPackage
	if dir := sourceDir(importPath); dir != "" {
		fset := token.NewFileSet()
		var files []*ast.File
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			name := e.Name()
			if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
				continue
			}
			if ok, err := build.Default.MatchFile(dir, name); err != nil || !ok {
				continue
			}
			f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.ParseComments)
			if err == nil {
				files = append(files, f)
			}
		}
		if len(files) > 0 {
			if dp, err := doc.NewFromFiles(fset, files, importPath, doc.AllDecls); err == nil {
				p = &docPackage{pkg: dp, fset: fset}
			}
		}
	}
	docCache.Store(importPath, p)
	return p
}

// packageSynopsis is the first sentence of a package's doc comment.
func packageSynopsis(importPath string) string {
	if p := packageDoc(importPath); p != nil {
		return p.pkg.Synopsis(p.pkg.Doc)
	}
	return ""
}

// sourceDir finds the source of a package cells can import: the standard
// library under the Go root; gopar's runtime packages ("gopar/async" is
// runtime/async) in the module the process runs from, when it is there.
func sourceDir(importPath string) string {
	if rest, ok := strings.CutPrefix(importPath, "gopar/"); ok {
		if root := goparsrc.Root(); root != "" {
			for _, dir := range []string{filepath.Join(root, "runtime", rest), filepath.Join(root, rest)} {
				if isDir(dir) {
					return dir
				}
			}
		}
		return ""
	}
	if build.Default.GOROOT == "" {
		return ""
	}
	dir := filepath.Join(build.Default.GOROOT, "src", filepath.FromSlash(importPath))
	if isDir(dir) {
		return dir
	}
	return ""
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}
