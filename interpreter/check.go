package interpreter

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"runtime"
	"sort"
	"strconv"
	"strings"
)

// goVersion is the language version cells are checked against: the one of
// the toolchain that built gopar.
var goVersion = func() string {
	v := runtime.Version()
	if parts := strings.SplitN(v, ".", 3); len(parts) >= 2 && strings.HasPrefix(v, "go") {
		return parts[0] + "." + parts[1]
	}
	return ""
}()

// cellFunc names the func a cell's statements run in.
func cellFunc(n int) string { return "_goparCell" + strconv.Itoa(n) }

// checked is a cell after type checking: the file the checker saw and what
// it learned about it.
type checked struct {
	fset     *token.FileSet
	file     *ast.File
	info     *types.Info
	pkg      *types.Package
	body     *ast.BlockStmt           // the cell's statements, as checked
	defined  map[string]types.Object  // top-level names the statements define
	previous map[ast.Decl]*declRecord // declarations of earlier cells
	dropped  []droppedDecl            // earlier declarations that no longer compile
	base     *checkBase               // what the cell was checked against, when not everything
}

// globalVar is a package-level variable the cells made.
type globalVar struct {
	name    string
	typeSrc string // the type, written as cells can name it
	display string // the type, as the user would write it
	decl    string // "var name typeSrc", made once (line)
}

// line declares the variable, as Snapshot lists it.
func (g *globalVar) line() string {
	if g.decl == "" {
		g.decl = "var " + g.name + " " + g.typeSrc
	}
	return g.decl
}

// displayType writes a type with package names, and cell types bare.
func displayType(t types.Type, main *types.Package) string {
	return types.TypeString(t, func(p *types.Package) string {
		if p == main {
			return ""
		}
		return p.Name()
	})
}

// checkCell type-checks a cell in the context of everything the session
// declared before: its imports, declarations and variables. Errors come back
// in the Go compiler's wording with cell positions. A standard package the
// cell uses without importing it is imported when its name is unambiguous
// (imports_missing.go).
func (s *Session) checkCell(pc *parsedCell, cellNo int) (*checked, *Error) {
	c, errs := s.checkCellOnce(pc, cellNo)
	if len(errs) == 0 {
		return c, nil
	}
	added := s.addMissingImports(pc, errs)
	if len(added) == 0 {
		return nil, s.typeErrors(s.suggestImports(pc, errs))
	}
	if c, errs = s.checkCellOnce(pc, cellNo); len(errs) > 0 {
		return nil, s.typeErrors(s.suggestImports(pc, errs))
	}
	for _, p := range added {
		fmt.Fprintf(s.opts.Stderr, "added import %q\n", p)
	}
	return c, nil
}

// checkCellOnce is checkCell with the cell's imports as they are.
func (s *Session) checkCellOnce(pc *parsedCell, cellNo int) (*checked, []typeError) {
	if c := s.checkAgainstBase(pc); c != nil {
		return c, nil
	}
	// Earlier declarations the cell does not redefine.
	redefined := map[string]bool{}
	for _, d := range pc.decls {
		for _, k := range pc.keys[d] {
			for _, part := range strings.Split(k, ", ") {
				redefined[part] = true
				redefined[declName(part)] = true
			}
		}
	}
	var extraGlobals []*globalVar
	var drop map[*declRecord]bool
	why := map[*declRecord]string{}
	for attempt := 0; ; attempt++ {
		c, errs := s.typecheck(pc, cellNo, redefined, extraGlobals, drop)
		if len(errs) == 0 {
			for r := range drop {
				c.dropped = append(c.dropped, droppedDecl{key: r.key, why: why[r]})
			}
			sort.Slice(c.dropped, func(i, j int) bool { return c.dropped[i].key < c.dropped[j].key })
			return c, nil
		}
		if attempt >= 3 {
			return nil, errs
		}
		// Declarations of this cell may use variables its statements define
		// (a notebook runs top to bottom): declare those as globals and retry.
		more := s.globalsUsedByDecls(pc, c, errs)
		// Earlier declarations broken by a redefinition are dropped.
		broken := brokenEarlier(c, errs, why)
		if len(more) == 0 && len(broken) == 0 {
			return nil, errs
		}
		extraGlobals = append(extraGlobals, more...)
		if len(broken) > 0 {
			if drop == nil {
				drop = map[*declRecord]bool{}
			}
			for _, r := range broken {
				drop[r] = true
			}
		}
	}
}

// declName is the name in a declaration key ("func f" -> "f").
func declName(key string) string {
	if i := strings.LastIndexByte(key, ' '); i >= 0 {
		return key[i+1:]
	}
	return key
}

// droppedDecl is an earlier declaration a cell made invalid.
type droppedDecl struct {
	key, why string
}

type typeError struct {
	pos  token.Position
	msg  string
	soft bool
}

// typecheck runs go/types once over the cell and the session's state.
func (s *Session) typecheck(pc *parsedCell, cellNo int, redefined map[string]bool, extra []*globalVar, drop map[*declRecord]bool) (*checked, []typeError) {
	c := &checked{fset: pc.fset, previous: map[ast.Decl]*declRecord{}, defined: map[string]types.Object{}}
	file := &ast.File{Name: ast.NewIdent("main")}

	// Imports: the session's, the hidden ones, the cell's.
	file.Decls = append(file.Decls, s.importDecl(pc))

	// Earlier declarations.
	for i := range s.decls {
		r := &s.decls[i]
		if r.kind == recImport || drop[r] || redefinedBy(r, redefined) {
			continue
		}
		for _, d := range parseRecord(pc.fset, r) {
			c.previous[d] = r
			file.Decls = append(file.Decls, d)
		}
	}
	// Variables of earlier cells, and those this cell's declarations need.
	globals := map[string]*globalVar{}
	for _, g := range s.globals {
		globals[g.name] = g
	}
	for _, g := range extra {
		globals[g.name] = g
	}
	names := make([]string, 0, len(globals))
	for n := range globals {
		if !redefined["func "+n] && !redefined["type "+n] && !redefined["const "+n] {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		if d := s.globalDecl(globals[n]); d != nil {
			file.Decls = append(file.Decls, d)
		}
	}
	file.Decls = append(file.Decls, pc.decls...)
	c.body = &ast.BlockStmt{List: pc.stmts}
	file.Decls = append(file.Decls, &ast.FuncDecl{
		Name: ast.NewIdent(cellFunc(cellNo)),
		Type: &ast.FuncType{Params: &ast.FieldList{}},
		Body: c.body,
	})
	c.file = file

	var errs []typeError
	conf := cellConfig(pc.fset, &errs)
	c.info = newInfo()
	c.pkg, _ = conf.Check("main", pc.fset, []*ast.File{file}, c.info)
	c.collectDefined(pc)
	return c, filterErrors(errs, c)
}

// newInfo asks the checker for everything the lowering passes use.
func newInfo() *types.Info {
	return &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Implicits:  map[ast.Node]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
		Scopes:     map[ast.Node]*types.Scope{},
		Instances:  map[*ast.Ident]types.Instance{},
	}
}

// collectDefined records the names the statements define at the top level,
// which become globals.
func (c *checked) collectDefined(pc *parsedCell) {
	for _, st := range pc.stmts {
		for _, id := range topLevelDefs(st) {
			if obj := c.info.Defs[id]; obj != nil {
				c.defined[id.Name] = obj
			}
		}
	}
}

// redefinedBy reports whether the cell redefines what r declares.
func redefinedBy(r *declRecord, redefined map[string]bool) bool {
	for _, part := range strings.Split(r.key, ", ") {
		if redefined[part] {
			return true
		}
	}
	return false
}

// topLevelDefs lists the identifiers a top-level statement of a cell
// declares: x in `x := 1`, `var x int`.
func topLevelDefs(st ast.Stmt) []*ast.Ident {
	var out []*ast.Ident
	switch st := st.(type) {
	case *ast.AssignStmt:
		if st.Tok == token.DEFINE {
			for _, e := range st.Lhs {
				if id, ok := e.(*ast.Ident); ok && id.Name != "_" {
					out = append(out, id)
				}
			}
		}
	case *ast.DeclStmt:
		if gd, ok := st.Decl.(*ast.GenDecl); ok && gd.Tok == token.VAR {
			for _, sp := range gd.Specs {
				for _, id := range sp.(*ast.ValueSpec).Names {
					if id.Name != "_" {
						out = append(out, id)
					}
				}
			}
		}
	case *ast.LabeledStmt:
		return topLevelDefs(st.Stmt)
	}
	return out
}

// filterErrors drops what is no error in a notebook: imports not used by
// this cell, and top-level variables the cell defines but does not use.
func filterErrors(errs []typeError, c *checked) []typeError {
	var out []typeError
	for _, e := range errs {
		if unusedImport(e.msg) {
			continue
		}
		if strings.HasSuffix(e.msg, " is not used") && c.isTrailing(e.pos) {
			continue // the cell's result
		}
		if name, ok := strings.CutPrefix(e.msg, "declared and not used: "); ok {
			if _, top := c.defined[name]; top && c.defined[name].Parent() == c.info.Scopes[c.cellType()] {
				continue
			}
		}
		out = append(out, e)
	}
	return out
}

// cellType is the node whose scope holds the cell's top-level names.
func (c *checked) cellType() ast.Node {
	fd := c.file.Decls[len(c.file.Decls)-1].(*ast.FuncDecl)
	return fd.Type
}

// typeErrors formats checker errors like the Go compiler does.
func (s *Session) typeErrors(errs []typeError) *Error {
	sort.SliceStable(errs, func(i, j int) bool {
		a, b := errs[i].pos, errs[j].pos
		if (a.Filename == "_.go") != (b.Filename == "_.go") {
			return a.Filename == "_.go"
		}
		return a.Line < b.Line || a.Line == b.Line && a.Column < b.Column
	})
	var lines []string
	for _, e := range errs {
		where := fmt.Sprintf("%d:%d", e.pos.Line, e.pos.Column)
		if e.pos.Filename != "_.go" {
			where = "(earlier cell) " + where
		}
		lines = append(lines, where+": "+e.msg)
		if len(lines) == 10 {
			lines = append(lines, "too many errors")
			break
		}
	}
	return compileFailure(lines...)
}

// globalsUsedByDecls finds names that the cell's declarations use and its
// statements define, with the types the statements give them.
func (s *Session) globalsUsedByDecls(pc *parsedCell, c *checked, errs []typeError) []*globalVar {
	if c == nil {
		return nil
	}
	// Only a declaration's use counts: a statement that uses a variable a
	// later statement defines is an error, as in a func body (it read
	// the zero value, a silent wrong answer).
	undefined := map[string]bool{}
	for _, e := range errs {
		if name, ok := strings.CutPrefix(e.msg, "undefined: "); ok && e.pos.Filename == "_.go" && inDecl(pc, e.pos) {
			undefined[name] = true
		}
	}
	var out []*globalVar
	for name := range undefined {
		obj := c.defined[name]
		if obj == nil {
			continue
		}
		src, ok := s.typeSource(obj.Type(), c.pkg)
		if !ok {
			continue
		}
		out = append(out, &globalVar{name: name, typeSrc: src})
	}
	return out
}

// inDecl reports whether p, a cell position, is inside one of the cell's
// declarations.
func inDecl(pc *parsedCell, p token.Position) bool {
	for _, d := range pc.decls {
		from, to := pc.fset.Position(d.Pos()), pc.fset.Position(d.End())
		after := p.Line > from.Line || p.Line == from.Line && p.Column >= from.Column
		before := p.Line < to.Line || p.Line == to.Line && p.Column < to.Column
		if after && before {
			return true
		}
	}
	return false
}

// brokenEarlier lists earlier declarations that have errors now (a type or
// func they use was redefined incompatibly).
func brokenEarlier(c *checked, errs []typeError, why map[*declRecord]string) []*declRecord {
	if c == nil {
		return nil
	}
	var out []*declRecord
	seen := map[*declRecord]bool{}
	for _, e := range errs {
		if e.pos.Filename == "_.go" || e.soft {
			continue
		}
		for d, r := range c.previous {
			if seen[r] {
				continue
			}
			if within(e.pos, d, r) {
				seen[r] = true
				out = append(out, r)
				why[r] = e.msg
			}
		}
	}
	return out
}

// within reports whether an error position falls in declaration d, parsed
// from record r.
func within(p token.Position, d ast.Decl, r *declRecord) bool {
	return p.Filename == r.file && p.Line >= r.line && p.Line < r.line+r.lines
}

// parseRecord parses an earlier declaration again; its positions are those
// of the cell it came from, in a file named for the record.
func parseRecord(fset *token.FileSet, r *declRecord) []ast.Decl {
	src := "package main;" + lineDirectiveFile(r.file, r.line, r.col) + r.src + "\n"
	f, err := parser.ParseFile(fset, r.file, src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil
	}
	return f.Decls
}

func lineDirectiveFile(file string, line, col int) string {
	return "/*line " + file + ":" + strconv.Itoa(line) + ":" + strconv.Itoa(col) + "*/"
}

// globalDecl declares a cell variable for the checker: var x T.
func (s *Session) globalDecl(g *globalVar) ast.Decl {
	t, err := parser.ParseExpr(g.typeSrc)
	if err != nil {
		return nil
	}
	clearPositions(t)
	return &ast.GenDecl{Tok: token.VAR, Specs: []ast.Spec{&ast.ValueSpec{
		Names: []*ast.Ident{ast.NewIdent(g.name)},
		Type:  t,
	}}}
}

// importSpecs are the imports every cell sees: the session's and the hidden
// ones the generated code uses.
func (s *Session) importSpecs() []*ast.ImportSpec {
	var out []*ast.ImportSpec
	for _, r := range s.decls {
		if r.kind != recImport {
			continue
		}
		name, path := r.importName, r.importPath
		is := &ast.ImportSpec{Path: &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(path)}}
		if name != "" {
			is.Name = ast.NewIdent(name)
		}
		out = append(out, is)
	}
	for _, path := range sortedKeys(s.hidden) {
		out = append(out, &ast.ImportSpec{
			Name: ast.NewIdent(s.hidden[path]),
			Path: &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(path)},
		})
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// typeSource writes t as Go source a cell can use, importing packages under
// hidden names when the cells did not import them. Types that cannot be
// named (unexported types of other packages, types local to a func) fail.
func (s *Session) typeSource(t types.Type, main *types.Package) (string, bool) {
	return s.typeSourceIn(t, main, false)
}

// typeSourceLocal is typeSource for code written in the scope where t is
// used: types declared in a func are named there, by their names.
func (s *Session) typeSourceLocal(t types.Type, main *types.Package) (string, bool) {
	return s.typeSourceIn(t, main, true)
}

func (s *Session) typeSourceIn(t types.Type, main *types.Package, local bool) (string, bool) {
	if _, tuple := t.(*types.Tuple); tuple {
		return "", false // several results: no type to write
	}
	ok := true
	var walk func(types.Type)
	walk = typeWalker(func(t types.Type) bool {
		switch t := t.(type) {
		case *types.Named:
			obj := t.Obj()
			if obj.Pkg() != nil && obj.Pkg() != main && !obj.Exported() {
				ok = false
			}
			if obj.Pkg() == main && obj.Parent() != main.Scope() && !local {
				ok = false // declared inside a func: named only in its scope
			}
		case *types.Struct:
			for i := 0; i < t.NumFields(); i++ {
				if f := t.Field(i); !f.Exported() && f.Pkg() != main {
					ok = false
				}
			}
		case *types.Interface:
			for i := 0; i < t.NumMethods(); i++ {
				m := t.Method(i)
				if !m.Exported() && m.Pkg() != main {
					ok = false
				}
				walk(m.Type()) // embedded ones' too, which the walker leaves
			}
		case *types.Basic:
			if t.Info()&types.IsUntyped != 0 {
				ok = false
			}
		}
		return ok
	})
	walk(t)
	if !ok {
		return "", false
	}
	return s.typeString(t, main), true
}

// qualifier names packages in generated code: by the name the cells
// imported them under, or by a hidden import.
func (s *Session) qualifier(main *types.Package) types.Qualifier {
	return func(p *types.Package) string {
		if p == main {
			return ""
		}
		for _, r := range s.decls {
			if r.kind == recImport && r.importPath == p.Path() && r.importName != "_" && r.importName != "." {
				if r.importName != "" {
					return r.importName
				}
				return p.Name()
			}
		}
		return s.hiddenImport(p.Path())
	}
}

// hiddenImport returns the name under which generated code refers to the
// package path, adding the import to the session if needed.
func (s *Session) hiddenImport(path string) string {
	if name, ok := s.hidden[path]; ok {
		return name
	}
	name := "_goparpkg_" + strings.NewReplacer("/", "_", ".", "_", "-", "_").Replace(path)
	s.hidden[path] = name
	s.versions.hidden++ // Snapshot lists hidden imports
	s.pendingHidden = append(s.pendingHidden, path)
	return name
}

// isTrailing reports whether p is where the cell's last statement, an
// expression, starts.
func (c *checked) isTrailing(p token.Position) bool {
	n := len(c.body.List)
	if n == 0 {
		return false
	}
	es, ok := c.body.List[n-1].(*ast.ExprStmt)
	if !ok {
		return false
	}
	q := c.fset.Position(es.Pos())
	return p.Filename == q.Filename && p.Line == q.Line && p.Column == q.Column
}

// cellConfig is how cells are type-checked: the errors go to errs, with
// positions in the cell.
func cellConfig(fset *token.FileSet, errs *[]typeError) types.Config {
	return types.Config{
		Importer:  sharedImporter(),
		GoVersion: goVersion,
		Error: func(err error) {
			te := err.(types.Error)
			*errs = append(*errs, typeError{pos: fset.Position(te.Pos), msg: te.Msg, soft: te.Soft})
		},
	}
}
