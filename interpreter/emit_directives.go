package interpreter

import (
	"go/ast"
	"strings"
)

// dropDirectiveDocs removes from the doc comments of decls the line
// directives parseCellIn wrote before a chunk: printed back, a directive
// renumbers the lines after it, and positions in the func that follows (a
// breakpoint, an error) no longer lead back to the cell.
func dropDirectiveDocs(decls []ast.Decl) {
	for _, d := range decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			d.Doc = withoutLineDirectives(d.Doc)
		case *ast.GenDecl:
			d.Doc = withoutLineDirectives(d.Doc)
		}
	}
}

// withoutLineDirectives is g without its line directives, nil when
// nothing else is left.
func withoutLineDirectives(g *ast.CommentGroup) *ast.CommentGroup {
	if g == nil {
		return nil
	}
	var kept []*ast.Comment
	for _, c := range g.List {
		if !strings.HasPrefix(c.Text, "/*line ") && !strings.HasPrefix(c.Text, "//line ") {
			kept = append(kept, c)
		}
	}
	switch {
	case len(kept) == len(g.List):
		return g
	case len(kept) == 0:
		return nil
	}
	return &ast.CommentGroup{List: kept}
}
