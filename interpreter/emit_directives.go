package interpreter

import (
	"go/ast"
	"strings"
)

// dropDirectiveDocs removes the doc comments of decls that are only the
// line directives parseCellIn wrote before a chunk: printed back, a
// directive renumbers the lines after it, and positions in the func that
// follows (a breakpoint, an error) no longer lead back to the cell.
func dropDirectiveDocs(decls []ast.Decl) {
	for _, d := range decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if onlyLineDirectives(d.Doc) {
				d.Doc = nil
			}
		case *ast.GenDecl:
			if onlyLineDirectives(d.Doc) {
				d.Doc = nil
			}
		}
	}
}

func onlyLineDirectives(g *ast.CommentGroup) bool {
	if g == nil {
		return false
	}
	for _, c := range g.List {
		if !strings.HasPrefix(c.Text, "/*line ") && !strings.HasPrefix(c.Text, "//line ") {
			return false
		}
	}
	return true
}
