package interpreter

import (
	"go/ast"
	"go/scanner"
	"go/token"
	"go/types"
	"strings"
)

// A probe type-checks a cell that is being edited, to answer completion
// and inspection: the cell is cut at the point of interest and its open
// brackets are closed, so that what precedes parses, and the checker tells
// the types and scopes there (errors are ignored).
type probe struct {
	pc        *parsedCell
	c         *checked
	line, col int // cell position of the point of interest
	ok        bool
}

// probeName stands for the identifier being completed.
const probeName = "_goparProbe"

// newProbe checks code[:cut] followed by tail and the closers of its open
// brackets. The point of interest is the end of code[:cut] + tail.
func (s *Session) newProbe(code string, cut int, tail string) *probe {
	text := code[:cut] + tail
	p := &probe{}
	p.line = strings.Count(text, "\n") + 1
	p.col = len(text) - strings.LastIndexByte(text, '\n')
	text += closers(text)
	pc, err := parseCell(text)
	if err != nil {
		return p
	}
	c := s.checkLoose(pc)
	if c == nil {
		return p
	}
	p.pc, p.c, p.ok = pc, c, true
	return p
}

// closers returns what closes the brackets left open at the end of text.
func closers(text string) string {
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(text))
	var s scanner.Scanner
	s.Init(file, []byte(text), func(token.Position, string) {}, 0)
	var open []token.Token
	for {
		_, t, _ := s.Scan()
		if t == token.EOF {
			break
		}
		switch t {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			open = append(open, t)
		case token.RPAREN, token.RBRACK, token.RBRACE:
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		}
	}
	var b strings.Builder
	for i := len(open) - 1; i >= 0; i-- {
		switch open[i] {
		case token.LPAREN:
			b.WriteString(")")
		case token.LBRACK:
			b.WriteString("]")
		case token.LBRACE:
			b.WriteString("\n}")
		}
	}
	return b.String()
}

// checkLoose type-checks a cell like checkCell but keeps going past
// errors: what is known is enough for completion.
func (s *Session) checkLoose(pc *parsedCell) *checked {
	redefined := map[string]bool{}
	for _, d := range pc.decls {
		for _, k := range pc.keys[d] {
			for _, part := range strings.Split(k, ", ") {
				redefined[part] = true
				redefined[declName(part)] = true
			}
		}
	}
	c, _ := s.typecheck(pc, s.cells+1, redefined, nil, nil)
	return c
}

// exprEndingAt finds the outermost expression of the probe that ends at the
// point of interest.
func (p *probe) exprEndingAt() ast.Expr {
	var best ast.Expr
	bestLen := -1
	ast.Inspect(p.c.file, func(n ast.Node) bool {
		e, ok := n.(ast.Expr)
		if !ok || n == nil || !e.Pos().IsValid() {
			return true
		}
		switch e.(type) {
		case *ast.Ident, *ast.SelectorExpr, *ast.CallExpr, *ast.IndexExpr, *ast.IndexListExpr,
			*ast.ParenExpr, *ast.CompositeLit, *ast.TypeAssertExpr, *ast.SliceExpr, *ast.BasicLit:
			// what can stand before a dot
		default:
			return true
		}
		end := p.pc.fset.Position(e.End())
		if end.Filename != "_.go" || end.Line != p.line || end.Column != p.col {
			return true
		}
		start := p.pc.fset.Position(e.Pos())
		if l := (p.line-start.Line)*10000 + (p.col - start.Column); l > bestLen {
			best, bestLen = e, l
		}
		return true
	})
	return best
}

// identAt finds the identifier of the probe that ends at the point of
// interest.
func (p *probe) identAt() *ast.Ident {
	var found *ast.Ident
	ast.Inspect(p.c.file, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || !id.Pos().IsValid() {
			return true
		}
		end := p.pc.fset.Position(id.End())
		if end.Filename == "_.go" && end.Line == p.line && end.Column == p.col {
			found = id
		}
		return true
	})
	return found
}

// scopeAt is the innermost scope around the point of interest.
func (p *probe) scopeAt() *types.Scope {
	best := p.c.pkg.Scope()
	bestSize := -1
	for _, sc := range p.c.info.Scopes {
		if !sc.Pos().IsValid() {
			continue
		}
		start, end := p.pc.fset.Position(sc.Pos()), p.pc.fset.Position(sc.End())
		if start.Filename != "_.go" || !before(start, p.line, p.col) || !before2(p.line, p.col, end) {
			continue
		}
		size := (end.Line-start.Line)*10000 + end.Column - start.Column
		if bestSize < 0 || size < bestSize {
			best, bestSize = sc, size
		}
	}
	return best
}

func before(a token.Position, line, col int) bool {
	return a.Line < line || a.Line == line && a.Column <= col
}

func before2(line, col int, b token.Position) bool {
	return line < b.Line || line == b.Line && col <= b.Column
}
