package interpreter

import (
	"fmt"
	"go/ast"
	"go/token"
	"strconv"
	"strings"
)

// recordKind says what a declaration record declares.
type recordKind int

const (
	recImport recordKind = iota
	recFunc
	recMethod
	recType
	recConst
)

// declRecord is the latest version of one declaration a cell made, kept as
// its original source so it can be checked again with later cells, replayed
// into a fresh interpreter, or handed to the kernel (Snapshot).
type declRecord struct {
	kind recordKind
	key  string // "func f", "method T.M", "type T", "const N", "import \"fmt\""
	src  string // as the user wrote it

	file             string // names the cell it came from in positions
	line, col, lines int    // where src starts in that cell, and its length

	importName, importPath string // imports only
}

func (s *Session) recordImport(fset *token.FileSet, is *ast.ImportSpec) {
	path, _ := strconv.Unquote(is.Path.Value)
	r := declRecord{kind: recImport, key: "import " + importKey(is), importPath: path}
	if is.Name != nil {
		r.importName = is.Name.Name
		r.src = "import " + is.Name.Name + " " + is.Path.Value
	} else {
		r.src = "import " + is.Path.Value
	}
	s.record(r)
}

func importKey(is *ast.ImportSpec) string {
	name := ""
	if is.Name != nil {
		name = is.Name.Name + " "
	}
	return name + is.Path.Value
}

func quote(s string) string { return strconv.Quote(s) }

// commit records what a cell declared once the interpreter accepted it.
func (s *Session) commit(pc *parsedCell, c *checked, prog *program) {
	for _, d := range pc.decls {
		src, ok := pc.sources[d]
		if !ok {
			continue
		}
		kind := recFunc
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv != nil {
				kind = recMethod
			}
		case *ast.GenDecl:
			kind = recType
			if d.Tok == token.CONST {
				kind = recConst
			}
		}
		for _, key := range pc.keys[d] {
			s.record(declRecord{
				kind: kind, key: key, src: src.text,
				file: "cell" + strconv.Itoa(s.cells) + ".go",
				line: src.line, col: src.col, lines: strings.Count(src.text, "\n") + 1,
			})
		}
	}
	// A declaration replaces a variable of the same name, and the reverse.
	for _, d := range pc.decls {
		for _, key := range pc.keys[d] {
			for _, part := range strings.Split(key, ", ") {
				s.deleteGlobal(declName(part))
			}
		}
	}
	for _, g := range prog.globals {
		s.setGlobal(g)
		s.dropDecl(g.name)
		s.deleteFunc(g.name)
	}
	for name, sig := range prog.funcVars {
		s.setFunc(name, sig, prog.funcImpls[name])
	}
	s.interrupted = false
	for _, d := range c.dropped {
		s.dropKey(d.key)
		fmt.Fprintf(s.opts.Stderr, "gopar: removed %s of an earlier cell, which no longer compiles: %s\n", d.key, d.why)
	}
}

// declKeys names what a declaration defines.
func declKeys(d ast.Decl) []string {
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv != nil && len(d.Recv.List) > 0 {
			return []string{"method " + recvTypeName(d.Recv.List[0].Type) + "." + d.Name.Name}
		}
		return []string{"func " + d.Name.Name}
	case *ast.GenDecl:
		var keys []string
		for _, sp := range d.Specs {
			switch sp := sp.(type) {
			case *ast.TypeSpec:
				keys = append(keys, "type "+sp.Name.Name)
			case *ast.ValueSpec:
				for _, n := range sp.Names {
					keys = append(keys, d.Tok.String()+" "+n.Name)
				}
			}
		}
		if len(keys) > 1 {
			// A grouped declaration is replayed as one piece.
			return []string{strings.Join(keys, ", ")}
		}
		return keys
	}
	return nil
}

// recvTypeName is the base type name of a method receiver.
func recvTypeName(e ast.Expr) string {
	for {
		switch t := e.(type) {
		case *ast.StarExpr:
			e = t.X
		case *ast.ParenExpr:
			e = t.X
		case *ast.IndexExpr:
			e = t.X
		case *ast.IndexListExpr:
			e = t.X
		case *ast.Ident:
			return t.Name
		default:
			return "?"
		}
	}
}
