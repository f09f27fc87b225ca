package interpreter

import (
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"strings"
)

// chunkKind says where a piece of a cell goes in the program yaegi sees.
type chunkKind int

const (
	chunkImport  chunkKind = iota // import declaration
	chunkDecl                     // func, method, type, var or const declaration
	chunkStmt                     // statement run in order
	chunkPackage                  // the package clause of a pasted program
)

// chunk is one top-level piece of a cell: the text between two semicolons
// (written or automatic) at bracket depth 0.
type chunk struct {
	kind      chunkKind
	text      string
	line, col int // 1-based cell position of the first character
}

// splitCell cuts a cell into chunks. Mixed cells are the norm in a notebook,
// but yaegi decides a whole source's kind from its first token, so the cell is
// cut at depth 0 and every chunk classified on its own.
func splitCell(code string) []chunk {
	fset := token.NewFileSet()
	file := fset.AddFile("_.go", -1, len(code))
	var s scanner.Scanner
	s.Init(file, []byte(code), func(token.Position, string) {}, 0)

	var (
		chunks []chunk
		cur    []scanned
		depth  int
		begin  int  // where the next chunk's text starts, leading comments included
		header bool // inside the header of a for, if or switch
	)
	flush := func(end int) {
		if len(cur) == 0 {
			begin = end + 1
			return
		}
		start := begin
		begin = end + 1
		p := fset.Position(file.Pos(start))
		c := chunk{kind: chunkStmt, text: strings.TrimRight(code[start:end], " \t\r\n;"), line: p.Line, col: p.Column}
		switch cur[0].tok {
		case token.IMPORT:
			c.kind = chunkImport
		case token.PACKAGE:
			c.kind = chunkPackage
		case token.TYPE, token.CONST:
			c.kind = chunkDecl
		case token.FUNC:
			if isFuncDecl(cur) {
				c.kind = chunkDecl
			}
		}
		chunks = append(chunks, c)
		cur = cur[:0]
	}
	for {
		pos, t, _ := s.Scan()
		if t == token.EOF {
			flush(len(code))
			break
		}
		switch t {
		case token.FOR, token.IF, token.SWITCH:
			if depth == 0 {
				header = true // its semicolons do not end the statement
			}
		case token.LBRACE:
			if depth == 0 {
				header = false
			}
			depth++
		case token.LPAREN, token.LBRACK:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth--
		case token.SEMICOLON:
			if depth <= 0 && !header {
				flush(file.Offset(pos))
				continue
			}
		}
		cur = append(cur, scanned{pos, t})
	}
	return chunks
}

// scanned is one token of a cell.
type scanned struct {
	pos token.Pos
	tok token.Token
}

// isFuncDecl tells a func declaration (`func f(`, `func (r T) M(`) from a
// statement starting with a func literal (`func() { ... }()`).
func isFuncDecl(toks []scanned) bool {
	if len(toks) < 2 {
		return false
	}
	if toks[1].tok == token.IDENT {
		return true
	}
	if toks[1].tok != token.LPAREN {
		return false
	}
	// A method: the receiver's closing paren is followed by a name and "(".
	depth := 0
	for i := 1; i < len(toks); i++ {
		switch toks[i].tok {
		case token.LPAREN:
			depth++
		case token.RPAREN:
			depth--
			if depth == 0 {
				return i+2 < len(toks) && toks[i+1].tok == token.IDENT &&
					(toks[i+2].tok == token.LPAREN || toks[i+2].tok == token.LBRACK)
			}
		}
	}
	return false
}

// parsedCell is a cell parsed with cell-relative positions.
type parsedCell struct {
	fset    *token.FileSet
	sources map[ast.Decl]declSource // original text of each declaration
	keys    map[ast.Decl][]string   // what each declaration declares (see declKeys)
	imports []*ast.GenDecl          // import declarations
	decls   []ast.Decl              // funcs, methods, types, vars, consts
	stmts   []ast.Stmt              // statements, in cell order
	order   []ast.Node              // decls and stmts in cell order
	chunks  int                     // top-level pieces parsed so far
	program programParts            // the package clause, inits and main of a pasted program
}

// lineDirective makes the parser give the next character the cell position
// line:col, so that every position in the parsed tree is cell-relative.
func lineDirective(line, col int) string {
	return "/*line _.go:" + itoa(line) + ":" + itoa(col) + "*/"
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// parseCell splits and parses a cell. Parse errors are reported with cell
// positions.
func parseCell(code string) (*parsedCell, error) {
	return parseCellIn(token.NewFileSet(), code)
}

// parseCellIn parses a cell into fset.
func parseCellIn(fset *token.FileSet, code string) (*parsedCell, error) {
	pc := &parsedCell{fset: fset, sources: map[ast.Decl]declSource{}, keys: map[ast.Decl][]string{}}
	for _, c := range splitCell(code) {
		// A newline keeps a doc comment from being taken for a comment on
		// the package clause.
		src := "package main\n"
		if c.kind == chunkStmt {
			// On a line of its own, so that a comment starting the chunk
			// is the doc of its first declaration (//go:embed).
			src += "func _() {\n"
		}
		src += lineDirective(c.line, c.col) + c.text + "\n"
		if c.kind == chunkStmt {
			src += "}"
		}
		if c.kind == chunkPackage {
			if err := pc.packageClause(src, c); err != nil {
				return nil, err
			}
			continue
		}
		f, err := parser.ParseFile(pc.fset, "_.go", src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		switch c.kind {
		case chunkImport:
			for _, d := range f.Decls {
				pc.imports = append(pc.imports, d.(*ast.GenDecl))
			}
		case chunkDecl:
			for _, d := range f.Decls {
				if taken, err := pc.program.take(pc.fset, d); taken || err != nil {
					if err != nil {
						return nil, err
					}
					continue
				}
				pc.decls = append(pc.decls, d)
				pc.order = append(pc.order, d)
				pc.sources[d] = sourceOf(pc.fset, src, d)
				pc.keys[d] = declKeys(d)
			}
		case chunkStmt:
			body := f.Decls[0].(*ast.FuncDecl).Body
			for _, st := range body.List {
				pc.stmts = append(pc.stmts, st)
				pc.order = append(pc.order, st)
			}
		}
		pc.chunks++
	}
	if pc.program.pkg != "" {
		pc.stmts = initOrder(pc.stmts, pc.decls)
	}
	pc.stmts = pc.program.around(pc.stmts)
	return pc, nil
}

// declSource is the text of a declaration as the user wrote it, and where
// it starts in the cell.
type declSource struct {
	text      string
	line, col int
}

// sourceOf cuts the text of d, doc comment included, out of the chunk source
// it was parsed from.
func sourceOf(fset *token.FileSet, src string, d ast.Decl) declSource {
	start := d.Pos()
	var docs *ast.CommentGroup
	switch d := d.(type) {
	case *ast.FuncDecl:
		docs = d.Doc
	case *ast.GenDecl:
		docs = d.Doc
	}
	if docs != nil {
		// The doc comment, without the line directive parseCell put first.
		for _, c := range docs.List {
			if !strings.HasPrefix(c.Text, "/*line ") {
				start = c.Pos()
				break
			}
		}
	}
	f := fset.File(start)
	text := src[f.Offset(start):f.Offset(d.End())]
	p := fset.Position(start)
	return declSource{text: text, line: p.Line, col: p.Column}
}
