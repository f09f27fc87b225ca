package interpreter

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
)

// programParts are the parts of a cell that make it a whole program as
// `go run` takes it: a package clause, init funcs and func main. A learner
// pastes programs from tutorials and books; they run as go run would run
// them. The inits and main become statements of the cell (func literals
// called in place), so that they run once, when the cell runs, and again
// when it runs again: inits first, in order, then the cell's other
// statements, then main. Neither is a declaration the session keeps, as
// neither can be named by other code in Go (a program calling its own main
// is the one exception, and is not supported).
type programParts struct {
	pkg   string     // the package clause's name, "" when the cell has none
	inits []ast.Stmt // each init's body, called in place
	main  ast.Stmt   // main's body, called in place; nil when there is none
}

// isProgram reports whether the cell is a program with a func main.
func (p *programParts) isProgram() bool { return p.main != nil }

// packageClause takes a cell's package clause, which must come first.
func (pc *parsedCell) packageClause(src string, c chunk) error {
	if pc.chunks > 0 || pc.program.pkg != "" {
		return fmt.Errorf("%d:%d: syntax error: package clause must come first in a cell", c.line, c.col)
	}
	f, err := parser.ParseFile(pc.fset, "_.go", src[len("package main\n"):], parser.PackageClauseOnly)
	if err != nil {
		return err
	}
	pc.program.pkg = f.Name.Name
	pc.chunks++
	return nil
}

// take turns d into a program part when it is func init or func main, and
// reports whether it did. Their rules are the compiler's.
func (p *programParts) take(fset *token.FileSet, d ast.Decl) (bool, error) {
	fd, ok := d.(*ast.FuncDecl)
	if !ok || fd.Recv != nil || (fd.Name.Name != "init" && fd.Name.Name != "main") {
		return false, nil
	}
	name := fd.Name.Name
	at := fset.Position(fd.Pos())
	if fd.Type.TypeParams != nil {
		return true, fmt.Errorf("%d:%d: func %s must have no type parameters", at.Line, at.Column, name)
	}
	if fd.Type.Params.NumFields() > 0 || fd.Type.Results.NumFields() > 0 {
		return true, fmt.Errorf("%d:%d: func %s must have no arguments and no return values", at.Line, at.Column, name)
	}
	if fd.Body == nil {
		return true, fmt.Errorf("%d:%d: missing function body", at.Line, at.Column)
	}
	if name == "main" && p.main != nil {
		return true, fmt.Errorf("%d:%d: main redeclared in this block", at.Line, at.Column)
	}
	call := &ast.ExprStmt{X: &ast.CallExpr{
		Fun:    &ast.FuncLit{Type: &ast.FuncType{Func: fd.Type.Func, Params: &ast.FieldList{}}, Body: fd.Body},
		Lparen: fd.Body.Rbrace,
		Rparen: fd.Body.Rbrace,
	}}
	if name == "init" {
		p.inits = append(p.inits, call)
	} else {
		p.main = call
	}
	return true, nil
}

// around puts the inits after the cell's last variable declaration, as a
// program's package-level variables are set before its inits run, and main
// after all of the cell's statements.
func (p *programParts) around(stmts []ast.Stmt) []ast.Stmt {
	if len(p.inits) == 0 && p.main == nil {
		return stmts
	}
	at := 0
	for i, st := range stmts {
		if ds, ok := st.(*ast.DeclStmt); ok && ds.Decl.(*ast.GenDecl).Tok == token.VAR {
			at = i + 1
		}
	}
	out := append([]ast.Stmt{}, stmts[:at]...)
	out = append(out, p.inits...)
	out = append(out, stmts[at:]...)
	if p.main != nil {
		out = append(out, p.main)
	}
	return out
}
