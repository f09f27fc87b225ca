package interpreter

import (
	"fmt"
	"go/ast"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// embedFiles gives each variable of the cell that a //go:embed directive
// names the content of its file, read before the cell is checked, as go
// build reads it when it compiles: `//go:embed hello.txt` above `var s string` (or []byte) makes
// it `var s string = "<the file>"`. Patterns are relative to the working
// directory, the notebook's. An embed.FS cannot be made outside the
// compiler: the cell is refused with what to use instead, rather than
// running with an empty file system.
func (pc *parsedCell) embedFiles() error {
	for _, d := range pc.decls {
		if err := embedDecl(pc.fset, d); err != nil {
			return err
		}
	}
	for _, st := range pc.stmts {
		if ds, ok := st.(*ast.DeclStmt); ok {
			if err := embedDecl(pc.fset, ds.Decl); err != nil {
				return err
			}
		}
	}
	return nil
}

// embedDecl is embedFiles for one declaration.
func embedDecl(fset *token.FileSet, d ast.Decl) error {
	gd, ok := d.(*ast.GenDecl)
	if !ok || gd.Tok != token.VAR {
		return nil
	}
	for _, sp := range gd.Specs {
		vs := sp.(*ast.ValueSpec)
		doc := vs.Doc
		if doc == nil && !gd.Lparen.IsValid() {
			doc = gd.Doc
		}
		patterns := embedPatterns(doc)
		if len(patterns) == 0 {
			continue
		}
		where := fset.Position(vs.Pos())
		fail := func(format string, args ...any) error {
			return fmt.Errorf("%d:%d: %s", where.Line, where.Column, fmt.Sprintf(format, args...))
		}
		if len(vs.Names) != 1 || len(vs.Values) > 0 {
			return fail("go:embed cannot apply to var with initializer or several names")
		}
		var asBytes bool
		switch t := vs.Type.(type) {
		case *ast.Ident:
			if t.Name != "string" {
				return fail("go:embed cannot apply to var of type %s", t.Name)
			}
		case *ast.ArrayType:
			if id, ok := t.Elt.(*ast.Ident); !ok || t.Len != nil || id.Name != "byte" {
				return fail("go:embed cannot apply to var of this type (string, []byte or embed.FS)")
			}
			asBytes = true
		case *ast.SelectorExpr:
			return fail("go:embed into an embed.FS is not supported in a cell; read the files with os.ReadFile, or os.DirFS(%q) for a file system", ".")
		default:
			return fail("go:embed cannot apply to var without a type (string, []byte or embed.FS)")
		}
		var files []string
		for _, p := range patterns {
			matches, err := filepath.Glob(filepath.FromSlash(p))
			if err != nil || len(matches) == 0 {
				return fail("pattern %s: no matching files found", p)
			}
			files = append(files, matches...)
		}
		if len(files) != 1 {
			return fail("invalid go:embed: multiple files for type %s", map[bool]string{false: "string", true: "[]byte"}[asBytes])
		}
		data, err := os.ReadFile(files[0])
		if err != nil {
			return fail("go:embed %s: %v", patterns[0], err)
		}
		var value ast.Expr = &ast.BasicLit{ValuePos: vs.Names[0].End(), Kind: token.STRING, Value: strconv.Quote(string(data))}
		if asBytes {
			value = &ast.CallExpr{Fun: &ast.ArrayType{Elt: ast.NewIdent("byte")}, Args: []ast.Expr{value}}
		}
		vs.Values = []ast.Expr{value}
	}
	return nil
}

// embedPatterns are the patterns of the //go:embed lines of a doc comment.
func embedPatterns(doc *ast.CommentGroup) []string {
	if doc == nil {
		return nil
	}
	var out []string
	for _, c := range doc.List {
		if rest, ok := strings.CutPrefix(c.Text, "//go:embed "); ok {
			for _, f := range strings.Fields(rest) {
				if u, err := strconv.Unquote(f); err == nil {
					f = u
				}
				out = append(out, f)
			}
		}
	}
	return out
}
