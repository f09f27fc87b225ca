package interpreter

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"os"
	"reflect"
	"sort"
	"strings"
)

// emitted is Go source handed to yaegi, with the way back from its positions
// to the cell's. Lowered trees are printed with go/printer, which reflows
// code; positions are mapped back by walking the lowered tree and the
// re-parsed printout side by side, which match node for node.
type emitted struct {
	src    string
	file   *ast.File   // src parsed in the interpreter's file set (emitFile)
	parsed *token.File // its file in that set
	points []posPair   // sorted by the printed position
	base   int         // line number of the first printed line
	cell   int         // the cell it came from
}

// posPair maps the start of a printed node to the start of its cell node.
type posPair struct {
	line, col         int // printed
	cellLine, cellCol int // cell
}

// emitFile prints a whole file (imports and declarations) whose lines are
// numbered from base. The printout is parsed once, into yaegiFset, both to
// map positions and for yaegi to compile: its own Compile would parse the
// text a second time.
func emitFile(fset *token.FileSet, f *ast.File, base int, yaegiFset *token.FileSet) (*emitted, error) {
	var buf bytes.Buffer
	buf.WriteString("package main\n")
	buf.WriteString(lineComment(base))
	dropDirectiveDocs(f.Decls)
	decls := f.Decls
	var last *ast.FuncDecl
	if n := len(decls); n > 0 && isPlainFunc(decls[n-1]) {
		last, decls = decls[n-1].(*ast.FuncDecl), decls[:n-1]
	}
	if len(decls) > 0 {
		rest := *f
		rest.Decls = decls
		var b bytes.Buffer
		if err := printConfig.Fprint(&b, fset, &rest); err != nil {
			return nil, err
		}
		text := b.String()
		buf.WriteString(text[strings.IndexByte(text, '\n')+1:]) // the package clause is written
	}
	if last != nil {
		// The func of the cell's statements, printed by hand around them:
		// go/printer would print them twice, trying to fit the func on
		// one line.
		buf.WriteString("\nfunc " + last.Name.Name + "() ")
		if err := printConfig.Fprint(&buf, fset, last.Body); err != nil {
			return nil, err
		}
		buf.WriteString("\n")
	}
	src := buf.String()
	if os.Getenv("GOPAR_DUMP") != "" {
		// Debugging a lowering: see the Go source yaegi gets.
		os.Stderr.WriteString(src)
	}
	pf, err := parser.ParseFile(yaegiFset, "_.go", src, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	e := &emitted{src: src, file: pf, parsed: yaegiFset.File(pf.FileStart), base: base}
	e.pair(fset, f, yaegiFset, pf)
	return e, nil
}

// isPlainFunc reports a func declaration with neither receiver, type
// parameters, parameters nor results, which "func name() " writes in full.
func isPlainFunc(d ast.Decl) bool {
	fd, ok := d.(*ast.FuncDecl)
	return ok && fd.Recv == nil && fd.Body != nil && fd.Type.TypeParams == nil &&
		fd.Type.Params != nil && len(fd.Type.Params.List) == 0 &&
		(fd.Type.Results == nil || len(fd.Type.Results.List) == 0)
}

// lineComment numbers the following lines from base. The file name must
// stay "_.go": yaegi scopes imports by the file name of positions.
func lineComment(base int) string {
	return "//line _.go:" + itoa(base) + ":1\n"
}

var printConfig = printer.Config{Mode: printer.UseSpaces | printer.TabIndent, Tabwidth: 8}

// pair records, for every node of the lowered tree that has a cell
// position, where its printed twin starts.
func (e *emitted) pair(fset *token.FileSet, lowered ast.Node, pfset *token.FileSet, printed ast.Node) {
	a, b := preorder(lowered), preorder(printed)
	if len(a) != len(b) {
		// The trees should match; if the printer merged something, keep the
		// common prefix, which still covers most positions.
		if len(b) < len(a) {
			a = a[:len(b)]
		}
	}
	for i, n := range a {
		if reflect.TypeOf(n) != reflect.TypeOf(b[i]) {
			break
		}
		if !n.Pos().IsValid() || !b[i].Pos().IsValid() {
			continue
		}
		cp, pp := fset.Position(n.Pos()), pfset.Position(b[i].Pos())
		if cp.Filename != "_.go" {
			continue
		}
		e.points = append(e.points, posPair{pp.Line, pp.Column, cp.Line, cp.Column})
	}
	sort.SliceStable(e.points, func(i, j int) bool {
		p, q := e.points[i], e.points[j]
		return p.line < q.line || p.line == q.line && p.col < q.col
	})
}

func preorder(n ast.Node) []ast.Node {
	var out []ast.Node
	ast.Inspect(n, func(n ast.Node) bool {
		switch n.(type) {
		case nil:
			return false
		case *ast.CommentGroup, *ast.Comment:
			return false
		}
		out = append(out, n)
		return true
	})
	return out
}

// cellPos maps a printed position to the cell: exact when a node starts
// there, else the closest node start before it on the same line (shifted by
// the column difference), else the closest one before it.
func (e *emitted) cellPos(line, col int) (int, int, bool) {
	if e == nil || len(e.points) == 0 {
		return 0, 0, false
	}
	i := sort.Search(len(e.points), func(i int) bool {
		p := e.points[i]
		return p.line > line || p.line == line && p.col > col
	})
	if i == 0 {
		// Before the first node: a generated prologue.
		p := e.points[0]
		return p.cellLine, p.cellCol, true
	}
	p := e.points[i-1]
	if p.line == line {
		return p.cellLine, p.cellCol + col - p.col, true
	}
	return p.cellLine, p.cellCol, true
}
