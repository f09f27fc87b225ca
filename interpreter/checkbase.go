package interpreter

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strings"
	"sync"
	"unsafe"
)

// checkBase is the checker's view of what earlier cells declared: their
// declarations and variables, checked into a package. A cell is checked as
// one more file of that package (go/types checks further files into a
// checked package), so that its cost does not grow with the session: a
// cell that declares nothing adds nothing to it, and one that declares new
// names adds them (they are "absorbed" until the session records them). A
// cell the base cannot take (it redeclares a name the package holds, adds
// a method to an earlier type, or has errors, whose handling needs the whole
// picture) is checked with everything instead. Declarations and variables
// that reach the session another way are checked into the base as a file
// of their own when the next cell comes; when the session no longer
// extends what the base holds (something was redefined or dropped), the
// base is built again from the session's records.
type checkBase struct {
	fset        *token.FileSet
	spans       []posSpan // the positions its own files occupy
	pkg         *types.Package
	ok          bool              // the earlier declarations check without errors
	globals     map[string]string // the variables it holds, with their types
	usedGlobals map[string]bool   // variables the earlier declarations refer to
	absorbed    map[string]string // declarations a cell checked in, not yet recorded: key -> source
	again       map[string]bool   // funcs a cell declared again with their signature: the base holds them still
}

// holdsAgain reports whether the base holds, as it is, the func whose
// record key names: a cell declared it again with its signature (the
// record it replaces goes, the base's object stays).
func (b *checkBase) holdsAgain(key string) bool {
	if b == nil || !b.again[key] {
		return false
	}
	delete(b.again, key)
	return true
}

// posSpan is a range of positions [from, to).
type posSpan struct{ from, to int }

// sync brings the base up to the session's declarations and variables,
// checking in those that only extend it. It reports false when the session
// no longer extends what the base holds, which must then be built again.
// Imports are file-scoped: each cell's file names them itself, so they do
// not matter here.
func (b *checkBase) sync(s *Session, pc *parsedCell) bool {
	ch := s.changes
	s.changes = baseChanges{}
	clear(b.again) // the records the funcs declared again replaced are gone
	if ch.replaced {
		return false
	}
	var extra []declRecord
	for _, r := range s.decls[len(s.decls)-min(ch.appended, len(s.decls)):] {
		if r.kind == recImport {
			continue
		}
		if src, ok := b.absorbed[r.key]; ok && src == r.src {
			delete(b.absorbed, r.key)
			continue
		}
		extra = append(extra, r)
	}
	if len(b.absorbed) > 0 {
		return false // a cell checked declarations in that it never made
	}
	var globals []*globalVar
	for _, name := range sortedKeys(ch.globals) {
		g := s.globals[name]
		t, held := b.globals[name]
		switch {
		case g == nil && held, g != nil && held && t != g.typeSrc:
			return false // gone, or of another type
		case g != nil && !held:
			globals = append(globals, g)
		}
	}
	if (len(extra) > 0 || len(globals) > 0) && !b.extend(s, pc, extra, globals) {
		return false
	}
	for _, g := range globals {
		b.globals[g.name] = g.typeSrc
	}
	return true
}

// extend checks declarations and variables the base lacks into it, as a
// file whose positions come after the cell's.
func (b *checkBase) extend(s *Session, pc *parsedCell, recs []declRecord, globals []*globalVar) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false // go/types cannot take this file into a checked package
		}
	}()
	scope := b.pkg.Scope()
	if gap := pc.fset.Base() - b.fset.Base(); gap > 0 {
		skipPositions(b.fset, gap)
	}
	from := b.fset.Base()
	var decls []ast.Decl
	for i := range recs {
		r := &recs[i]
		if r.kind == recMethod && scope.Lookup(methodRecvName(r.key)) != nil {
			return false // go/types adds methods only to types of the same check
		}
		ds := parseRecord(b.fset, r)
		if ds == nil {
			return false
		}
		decls = append(decls, ds...)
	}
	for _, g := range globals {
		d := s.globalDecl(g)
		if d == nil {
			return false
		}
		decls = append(decls, d)
	}
	file := &ast.File{Name: ast.NewIdent("main"), Decls: append([]ast.Decl{s.importDecl(nil)}, decls...)}
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}}
	ok = true
	conf := baseConfig(&ok)
	_ = types.NewChecker(&conf, b.fset, b.pkg, info).Files([]*ast.File{file})
	b.spans = append(b.spans, posSpan{from, b.fset.Base()})
	forgetLastFileScope(scope)
	b.noteUsedGlobals(decls, info)
	return ok
}

// noteUsedGlobals records the package variables decls refer to.
func (b *checkBase) noteUsedGlobals(decls []ast.Decl, info *types.Info) {
	for _, d := range decls {
		ast.Inspect(d, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if v, ok := info.Uses[id].(*types.Var); ok && v.Parent() == b.pkg.Scope() {
					b.usedGlobals[id.Name] = true
				}
			}
			return true
		})
	}
}

// methodRecvName is the receiver type's name in a method's key
// ("method T.M" -> "T").
func methodRecvName(key string) string {
	name, _ := strings.CutPrefix(key, "method ")
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		return name[:i]
	}
	return name
}

// apart reports whether the cell's positions lie wholly outside those of
// the base's files, as reservePositions arranges.
func (b *checkBase) apart(pc *parsedCell) bool {
	from, to := cellSpan(pc)
	for _, sp := range b.spans {
		if sp.from < sp.to && from < sp.to && sp.from < to {
			return false
		}
	}
	return true
}

// cellSpan is the range of positions of the cell's own files: those after
// the space reserved for another file set.
func cellSpan(pc *parsedCell) (from, to int) {
	from, to = pc.fset.Base(), pc.fset.Base()
	pc.fset.Iterate(func(f *token.File) bool {
		if f.Name() != "" && f.Base() < from {
			from = f.Base()
		}
		return true
	})
	return from, to
}

// reservePositions makes the positions fset hands out start after those of
// another file set (up to base), so that the objects of a package checked
// in one and the nodes of a cell parsed in the other are never confused.
func reservePositions(fset *token.FileSet, base int) {
	if base > 1 {
		skipPositions(fset, base)
	}
}

// skipPositions moves the base of fset n positions on. The file that takes
// them is removed at once: a set keeps its files, a session's base set one
// more a cell, and only the base matters.
func skipPositions(fset *token.FileSet, n int) {
	fset.RemoveFile(fset.AddFile("", -1, n))
}

// buildBase checks the session's declarations and variables into a fresh
// package, whose positions come after base.
func (s *Session) buildBase(base int) *checkBase {
	s.changes = baseChanges{}
	b := &checkBase{fset: token.NewFileSet(), globals: map[string]string{}, usedGlobals: map[string]bool{}, absorbed: map[string]string{}, again: map[string]bool{}}
	reservePositions(b.fset, base)
	start := b.fset.Base()
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
		previous = append(previous, parseRecord(b.fset, &r)...)
	}
	file.Decls = append(file.Decls, previous...)
	for _, name := range s.globalNames {
		g := s.globals[name]
		b.globals[name] = g.typeSrc
		if d := s.globalDecl(g); d != nil {
			file.Decls = append(file.Decls, d)
		}
	}
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}}
	b.ok = true
	conf := baseConfig(&b.ok)
	b.pkg, _ = conf.Check("main", b.fset, []*ast.File{file}, info)
	b.spans = []posSpan{{start, b.fset.Base()}}
	b.noteUsedGlobals(previous, info)
	return b
}

// baseConfig checks the base's files, setting *ok to false on an error
// other than an unused import.
func baseConfig(ok *bool) types.Config {
	return types.Config{
		Importer:  sharedImporter(),
		GoVersion: goVersion,
		Error: func(err error) {
			if te, isType := err.(types.Error); isType && unusedImport(te.Msg) {
				return
			}
			*ok = false
		},
	}
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

// checkAgainstBase checks a cell as one more file of the base package. It
// returns nil when the cell must be checked with everything: the base
// cannot take it, does not check, or the cell has errors (whose handling
// needs the whole picture).
func (s *Session) checkAgainstBase(pc *parsedCell) (c *checked) {
	if s.checkEverything {
		return nil
	}
	if s.base == nil || !s.base.sync(s, pc) {
		s.base = s.buildBase(pc.fset.Base())
	}
	b := s.base
	if !b.ok || !b.apart(pc) {
		return nil
	}
	// Funcs the cell declares again are checked as blank funcs, and taken
	// for the earlier ones if their signatures are the same: the base then
	// holds what it held (later cells see the same func), and the cell
	// needs no check with everything.
	again := s.declaredAgain(pc)
	names := map[*ast.FuncDecl]*ast.Ident{}
	for fd := range again {
		names[fd] = fd.Name
		fd.Name = &ast.Ident{NamePos: fd.Name.NamePos, Name: "_"}
	}
	defer func() {
		for fd, name := range names {
			if c != nil {
				c.info.Defs[name] = again[fd]
			}
			fd.Name = name
		}
	}()
	if !b.takes(pc) {
		return nil
	}
	scope := b.pkg.Scope()
	defer func() {
		if recover() != nil {
			c = nil
		}
		if c == nil && len(pc.decls) > 0 {
			s.base = nil // it may hold some of the cell's declarations
		}
	}()
	c = &checked{fset: pc.fset, pkg: b.pkg, base: b, previous: map[ast.Decl]*declRecord{}, defined: map[string]types.Object{}}
	c.body = &ast.BlockStmt{List: pc.stmts}
	// The statements go in a blank func: checked like any, but adding
	// nothing to the package.
	c.file = &ast.File{Name: ast.NewIdent("main"), Decls: []ast.Decl{s.importDecl(pc)}}
	c.file.Decls = append(c.file.Decls, pc.decls...)
	c.file.Decls = append(c.file.Decls, &ast.FuncDecl{Name: ast.NewIdent("_"), Type: &ast.FuncType{Params: &ast.FieldList{}}, Body: c.body})
	c.info = newInfo()
	var errs []typeError
	conf := cellConfig(pc.fset, &errs)
	_ = types.NewChecker(&conf, pc.fset, b.pkg, c.info).Files([]*ast.File{c.file})
	forgetLastFileScope(scope)
	c.collectDefined(pc)
	if len(filterErrors(errs, c)) > 0 {
		return nil
	}
	for fd, old := range again {
		f, ok := c.info.Defs[fd.Name].(*types.Func)
		if !ok {
			return nil
		}
		if sig, known := s.typeSource(f.Type(), c.pkg); !known || sig != s.funcs[old.Name()] {
			return nil // a new signature: its users are checked again
		}
		b.again[pc.keys[fd][0]] = true
	}
	if len(pc.decls) > 0 {
		for _, d := range pc.decls {
			for _, key := range pc.keys[d] {
				b.absorbed[key] = pc.sources[d].text
			}
		}
		b.noteUsedGlobals(pc.decls, c.info)
		// The package now holds objects at the cell's positions: later
		// cells' positions come after them.
		from, to := cellSpan(pc)
		b.spans = append(b.spans, posSpan{from, to})
		if gap := to - b.fset.Base(); gap > 0 {
			skipPositions(b.fset, gap)
		}
	}
	return c
}

// declaredAgain lists the cell's funcs that declare again a func held in a
// variable (a cell's plain func, not generic), with the object the base
// holds for it.
func (s *Session) declaredAgain(pc *parsedCell) map[*ast.FuncDecl]*types.Func {
	var again map[*ast.FuncDecl]*types.Func
	named := map[string]int{}
	for _, d := range pc.decls {
		for _, key := range pc.keys[d] {
			for _, part := range strings.Split(key, ", ") {
				named[declName(part)]++
			}
		}
	}
	for _, d := range pc.decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || !funcVarCandidate(fd) || fd.Name.Name == "main" || s.funcs[fd.Name.Name] == "" {
			continue
		}
		if named[fd.Name.Name] > 1 {
			continue // declared twice in the cell: the check with everything says so
		}
		if f, ok := s.base.pkg.Scope().Lookup(fd.Name.Name).(*types.Func); ok {
			if again == nil {
				again = map[*ast.FuncDecl]*types.Func{}
			}
			again[fd] = f
		}
	}
	return again
}

// takes reports whether the cell's declarations can be checked into the
// base: each has its source (the session records it), declares names the
// package does not hold yet, and adds methods only to the cell's own types
// (go/types adds methods only to types of the same check).
func (b *checkBase) takes(pc *parsedCell) bool {
	scope := b.pkg.Scope()
	for _, d := range pc.decls {
		if _, ok := pc.sources[d]; !ok {
			return false
		}
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv != nil {
				if len(d.Recv.List) == 0 || scope.Lookup(recvTypeName(d.Recv.List[0].Type)) != nil {
					return false
				}
			} else if d.Name.Name != "init" && d.Name.Name != "_" && scope.Lookup(d.Name.Name) != nil {
				return false
			}
		case *ast.GenDecl:
			for _, sp := range d.Specs {
				switch sp := sp.(type) {
				case *ast.TypeSpec:
					if scope.Lookup(sp.Name.Name) != nil {
						return false
					}
				case *ast.ValueSpec:
					for _, n := range sp.Names {
						if n.Name != "_" && scope.Lookup(n.Name) != nil {
							return false
						}
					}
				}
			}
		}
	}
	return true
}

// forgetLastFileScope drops the file scope a check just added to the
// package scope. Nothing looks there again (the cell's own scopes are in
// its types.Info), and keeping one per cell would grow the worker with the
// session. go/types has no API for it; the field is read through reflect.
func forgetLastFileScope(pkgScope *types.Scope) {
	i := scopeChildren()
	if i < 0 {
		return
	}
	v := reflect.ValueOf(pkgScope).Elem().Field(i)
	if v.Len() == 0 {
		return
	}
	v = reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem()
	v.Index(v.Len() - 1).Set(reflect.Zero(v.Type().Elem()))
	v.SetLen(v.Len() - 1)
}

// scopeChildren is the index of types.Scope's children field, or -1 when
// this Go release has none.
var scopeChildren = sync.OnceValue(func() int {
	f, ok := reflect.TypeFor[types.Scope]().FieldByName("children")
	if !ok || f.Type.Kind() != reflect.Slice || len(f.Index) != 1 {
		return -1
	}
	return f.Index[0]
})

// unusedImport reports the checker's complaint about an import no code
// uses, which is none in a notebook.
func unusedImport(msg string) bool {
	return strings.HasSuffix(msg, "imported and not used") ||
		strings.Contains(msg, "\" imported as ") && strings.HasSuffix(msg, "and not used")
}
