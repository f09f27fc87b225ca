package interpreter

import (
	"go/ast"
	"go/token"
	"sort"
)

// program is a lowered cell: one file of declarations for yaegi, ending
// with the func that runs the cell's statements.
type program struct {
	file       *ast.File
	hasBody    bool
	globals    []*globalVar      // variables the cell declares or retypes
	funcVars   map[string]string // funcs the cell declares, with their signatures
	funcImpls  map[string]string // and the funcs that implement them
	stdSources []string          // std packages whose generic source the cell needs
}

// lowerCell rewrites a checked cell into what yaegi runs right. The passes
// run in order on the checked trees, each rewriting one construct.
func (s *Session) lowerCell(pc *parsedCell, c *checked, cellNo int) *program {
	l := &lowerer{s: s, fset: pc.fset, info: c.info, pkg: c.pkg, cellNo: cellNo, packages: map[string]bool{}, funcVars: map[string]string{}, funcImpls: map[string]string{}}
	for name := range s.importedPackages() {
		l.packages[name] = true
	}
	for _, d := range pc.imports {
		for _, sp := range d.Specs {
			is := sp.(*ast.ImportSpec)
			if is.Name != nil {
				l.packages[is.Name.Name] = true
			} else if p, err := unquote(is.Path.Value); err == nil {
				l.packages[packageName(p)] = true
			}
		}
	}
	prog := &program{file: &ast.File{Name: ast.NewIdent("main")}}

	// Variables the statements define at top level.
	var names []string
	for name := range c.defined {
		names = append(names, name)
	}
	sort.Strings(names)
	var varDecls []ast.Decl
	for _, name := range names {
		obj := c.defined[name]
		src, ok := s.typeSource(obj.Type(), c.pkg)
		if !ok {
			src = "any"
		}
		g := &globalVar{name: name, typeSrc: src, display: displayType(obj.Type(), c.pkg)}
		prog.globals = append(prog.globals, g)
		if old := s.globals[name]; old != nil && old.typeSrc == src {
			continue // same variable, assigned in place
		}
		varDecls = append(varDecls, &ast.GenDecl{Tok: token.VAR, Specs: []ast.Spec{&ast.ValueSpec{
			Names: []*ast.Ident{ast.NewIdent(name)},
			Type:  l.typeAST(obj.Type()),
		}}})
	}

	body := c.body
	// Passes over everything the cell declares and runs.
	roots := append([]ast.Node{}, body)
	for _, d := range pc.decls {
		roots = append(roots, d)
	}
	needs := map[string]bool{}
	for _, r := range roots {
		renameUniverse(r, c.info, c.pkg, c.defined)
	}
	for _, r := range roots {
		l.lowerConsts(r)
		l.lowerHugeConstants(r)
		l.lowerRangeAssign(r)
		l.lowerMultiAssign(r)
		l.lowerUnnamedParams(r)
		l.lowerBox(r)
		l.lowerErrors(r)
		l.lowerPanic(r)
		l.lowerAssert(r)
		l.lowerFmt(r)
		l.lowerLogFatal(r)
		l.lowerGeneric(r)
		l.lowerMethodExpr(r)
		l.lowerMethodValue(r)
		l.lowerShift(r) // before lowerComplex: constant counts may be complex
		l.lowerComplex(r)
		l.lowerBuiltins(r)
		l.lowerArrayPointerAddr(r)
		l.lowerDefer(r)
		l.lowerTypeSwitch(r)
		l.lowerTaglessCases(r)
		l.lowerRangeFunc(r)
		l.lowerRangeInt(r)
		l.lowerLoopVar(r)
		l.lowerRangeChanSlice(r)
		l.lowerStdSource(r, needs)
		l.lowerGo(r)
		l.lowerClosureArg(r)
		l.lowerDeferClosure(r)
		renameTypeParams(r, c.info)
	}
	l.insertLocalFormatters(roots)
	l.lowerTopLevel(body, c.defined)
	l.lowerResult(body)
	funcVarDecls, funcAssigns := l.lowerFuncVar(pc.decls)
	prog.funcVars = l.funcVars
	prog.funcImpls = l.funcImpls

	for p := range needs {
		prog.stdSources = append(prog.stdSources, p)
	}
	sort.Strings(prog.stdSources)
	prog.file.Decls = append(prog.file.Decls, varDecls...)
	prog.file.Decls = append(prog.file.Decls, funcVarDecls...)
	prog.file.Decls = append(prog.file.Decls, withoutBlankTypes(pc.decls)...)
	prog.file.Decls = append(prog.file.Decls, l.helpers...)
	prog.file.Decls = append(prog.file.Decls, l.fmt.decls()...)
	if len(body.List) > 0 || len(funcAssigns) > 0 {
		prog.hasBody = true
		// The cell's funcs are in place before its statements run. The
		// session runs the func under the cell's recover (runCellFunc).
		body.List = append(funcAssigns, body.List...)
		prog.file.Decls = append(prog.file.Decls, &ast.FuncDecl{
			Name: ast.NewIdent(cellFunc(cellNo)),
			Type: &ast.FuncType{Params: &ast.FieldList{}},
			Body: body,
		})
	}
	return prog
}

// withoutBlankTypes leaves out the types declared as _: nothing can use
// them, and the interpreter rejects the name.
func withoutBlankTypes(decls []ast.Decl) []ast.Decl {
	out := make([]ast.Decl, 0, len(decls))
	for _, d := range decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.TYPE {
			out = append(out, d)
			continue
		}
		var specs []ast.Spec
		for _, sp := range gd.Specs {
			if ts := sp.(*ast.TypeSpec); ts.Name.Name != "_" {
				specs = append(specs, sp)
			}
		}
		if len(specs) == len(gd.Specs) {
			out = append(out, d)
		} else if len(specs) > 0 {
			copied := *gd
			copied.Specs = specs
			out = append(out, &copied)
		}
	}
	return out
}
