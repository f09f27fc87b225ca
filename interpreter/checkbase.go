package interpreter

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// checkBase is the checker's view of what earlier cells declared: their
// declarations and variables, checked once into a package. A cell that
// declares and imports nothing, the common case, is then checked alone as
// one more file of that package (go/types checks further files into a
// checked package), so that its cost does not grow with the session.
// Cells that declare or import something are checked with everything, as
// they may redefine what the package holds; the base is built again from
// the session's records when they no longer match it.
type checkBase struct {
	fset        *token.FileSet
	start       int // where the positions of its own files start
	pkg         *types.Package
	ok          bool              // the earlier declarations check without errors
	decls       []declRecord      // the records it was built from, imports left out
	globals     map[string]string // the variables it was built from, with their types
	usedGlobals map[string]bool   // variables the earlier declarations refer to
}

// matches reports whether the base still holds the session's declarations
// and variables. Imports are file-scoped: each cell's file names them
// itself, so they do not matter here.
func (b *checkBase) matches(s *Session) bool {
	i := 0
	for k := range s.decls {
		r := &s.decls[k]
		if r.kind == recImport {
			continue
		}
		if i >= len(b.decls) || !sameRecord(&b.decls[i], r) {
			return false
		}
		i++
	}
	if i != len(b.decls) || len(s.globals) != len(b.globals) {
		return false
	}
	for name, g := range s.globals {
		if t, ok := b.globals[name]; !ok || t != g.typeSrc {
			return false
		}
	}
	return true
}

func sameRecord(a, b *declRecord) bool {
	return a.kind == b.kind && a.key == b.key && a.src == b.src &&
		a.file == b.file && a.line == b.line && a.col == b.col && a.lines == b.lines
}

// apart reports whether the cell's positions lie wholly before or after
// those of the base's files, as reservePositions arranges.
func (b *checkBase) apart(pc *parsedCell) bool {
	if pc.fset.Base() <= b.start {
		return true
	}
	for _, st := range pc.stmts {
		if int(st.Pos()) < b.fset.Base() {
			return false
		}
	}
	return true
}

// reservePositions makes the positions fset hands out start after those of
// another file set (up to base), so that the objects of a package checked
// in one and the nodes of a cell parsed in the other are never confused.
func reservePositions(fset *token.FileSet, base int) {
	if base > 1 {
		fset.AddFile("", -1, base)
	}
}

// buildBase checks the session's declarations and variables into a fresh
// package, whose positions come after base.
func (s *Session) buildBase(base int) *checkBase {
	b := &checkBase{fset: token.NewFileSet(), globals: map[string]string{}, usedGlobals: map[string]bool{}}
	reservePositions(b.fset, base)
	b.start = b.fset.Base()
	file := &ast.File{Name: ast.NewIdent("main")}
	if imp := s.importDecl(nil); len(imp.Specs) > 0 {
		file.Decls = append(file.Decls, imp)
	}
	var previous []ast.Decl
	for i := range s.decls {
		r := s.decls[i]
		if r.kind == recImport {
			continue
		}
		b.decls = append(b.decls, r)
		previous = append(previous, parseRecord(b.fset, &r)...)
	}
	file.Decls = append(file.Decls, previous...)
	for _, name := range sortedKeys(s.globals) {
		g := s.globals[name]
		b.globals[name] = g.typeSrc
		if d := s.globalDecl(g); d != nil {
			file.Decls = append(file.Decls, d)
		}
	}
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}}
	b.ok = true
	conf := types.Config{
		Importer:  sharedImporter(),
		GoVersion: goVersion,
		Error: func(err error) {
			if te, ok := err.(types.Error); ok && unusedImport(te.Msg) {
				return
			}
			b.ok = false
		},
	}
	b.pkg, _ = conf.Check("main", b.fset, []*ast.File{file}, info)
	for _, d := range previous {
		ast.Inspect(d, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if v, ok := info.Uses[id].(*types.Var); ok && v.Parent() == b.pkg.Scope() {
					b.usedGlobals[id.Name] = true
				}
			}
			return true
		})
	}
	return b
}

// importDecl declares the imports every cell sees, and the cell's own.
func (s *Session) importDecl(pc *parsedCell) *ast.GenDecl {
	imp := &ast.GenDecl{Tok: token.IMPORT, Lparen: 1}
	seen := map[string]bool{}
	addImport := func(is *ast.ImportSpec) {
		k := importKey(is)
		if !seen[k] {
			seen[k] = true
			imp.Specs = append(imp.Specs, is)
		}
	}
	for _, is := range s.importSpecs() {
		addImport(is)
	}
	if pc != nil {
		for _, d := range pc.imports {
			for _, sp := range d.Specs {
				addImport(sp.(*ast.ImportSpec))
			}
		}
	}
	return imp
}

// checkAgainstBase checks a cell that declares and imports nothing against
// the base. It returns nil when the cell must be checked with everything:
// it declares something, the base does not check, or the cell has errors
// (whose handling needs the whole picture).
func (s *Session) checkAgainstBase(pc *parsedCell) *checked {
	if len(pc.decls) > 0 || len(pc.imports) > 0 {
		return nil
	}
	if s.base == nil || !s.base.matches(s) {
		s.base = s.buildBase(pc.fset.Base())
	}
	b := s.base
	if !b.ok || !b.apart(pc) {
		return nil
	}
	c := &checked{fset: pc.fset, pkg: b.pkg, base: b, previous: map[ast.Decl]*declRecord{}, defined: map[string]types.Object{}}
	c.body = &ast.BlockStmt{List: pc.stmts}
	// A blank func: checked like any, but adds nothing to the package.
	c.file = &ast.File{Name: ast.NewIdent("main"), Decls: []ast.Decl{
		s.importDecl(nil),
		&ast.FuncDecl{Name: ast.NewIdent("_"), Type: &ast.FuncType{Params: &ast.FieldList{}}, Body: c.body},
	}}
	c.info = newInfo()
	var errs []typeError
	conf := cellConfig(pc.fset, &errs)
	_ = types.NewChecker(&conf, pc.fset, b.pkg, c.info).Files([]*ast.File{c.file})
	c.collectDefined(pc)
	if len(filterErrors(errs, c)) > 0 {
		return nil
	}
	return c
}

// unusedImport reports the checker's complaint about an import no code
// uses, which is none in a notebook.
func unusedImport(msg string) bool {
	return strings.HasSuffix(msg, "imported and not used") ||
		strings.Contains(msg, "\" imported as ") && strings.HasSuffix(msg, "and not used")
}
