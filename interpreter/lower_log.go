package interpreter

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"io"
	"log"
	"reflect"

	"github.com/gopar/gopar/third_party/yaegi/interp"
)

// lowerLogFatal makes the Fatal methods of a *log.Logger end the cell as
// os.Exit(1) does in a cell: the compiled methods call the real os.Exit,
// which would end the worker with the whole session in it. The method,
// called or taken as a value, becomes a func of the logger that logs and
// then exits through the cells' os.Exit:
//
//	lg.Fatalf("bad %d", n)  ->  _goparcell.LogFatalf(lg)("bad %d", n)
//	s.Fatal (promoted)      ->  _goparcell.LogFatal(s.Logger)
//
// A Fatal method reached through an interface still runs the compiled one.
func (l *lowerer) lowerLogFatal(root ast.Node) {
	rewriteExprs(root, func(e ast.Expr) ast.Expr {
		sel, ok := e.(*ast.SelectorExpr)
		if !ok {
			return e
		}
		s := l.info.Selections[sel]
		if s == nil || s.Kind() != types.MethodVal || !isLoggerFatal(s.Obj()) {
			return e
		}
		return &ast.CallExpr{
			Fun:  &ast.SelectorExpr{X: ast.NewIdent(cellName), Sel: ast.NewIdent("Log" + sel.Sel.Name)},
			Args: []ast.Expr{l.logger(sel, s)},
		}
	})
}

// isLoggerFatal reports whether obj is (*log.Logger).Fatal, Fatalf or Fatalln.
func isLoggerFatal(obj types.Object) bool {
	fn, ok := obj.(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "log" {
		return false
	}
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil {
		return false
	}
	switch fn.Name() {
	case "Fatal", "Fatalf", "Fatalln":
		return true
	}
	return false
}

// logger writes the *log.Logger a Fatal method selector calls its method
// on: through the embedded fields the selection goes through, and
// addressed when it is a log.Logger variable.
func (l *lowerer) logger(sel *ast.SelectorExpr, s *types.Selection) ast.Expr {
	x, t := sel.X, l.info.Types[sel.X].Type
	path := s.Index()
	for _, i := range path[:len(path)-1] {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		f := t.Underlying().(*types.Struct).Field(i)
		x = &ast.SelectorExpr{X: x, Sel: ast.NewIdent(f.Name())}
		t = f.Type()
	}
	if _, ok := t.Underlying().(*types.Pointer); !ok {
		x = &ast.UnaryExpr{Op: token.AND, X: x}
	}
	return x
}

// fatalFuncs returns the Fatal, Fatalf and Fatalln of lg as cells have
// them: they log as the compiled methods do, then end the cell through
// exit, the cells' os.Exit.
func fatalFuncs(lg *log.Logger, exit func(int)) (fatal func(...any), fatalf func(string, ...any), fatalln func(...any)) {
	fatal = func(v ...any) {
		lg.Output(2, fmt.Sprint(v...))
		exit(1)
	}
	fatalf = func(format string, v ...any) {
		lg.Output(2, fmt.Sprintf(format, v...))
		exit(1)
	}
	fatalln = func(v ...any) {
		lg.Output(2, fmt.Sprintln(v...))
		exit(1)
	}
	return fatal, fatalf, fatalln
}

// cellExit is os.Exit as cells have it.
func cellExit() func(int) {
	return baseExports()["os/os"]["Exit"].Interface().(func(int))
}

// logFatalExports are the helpers lowerLogFatal calls.
func logFatalExports() map[string]reflect.Value {
	exit := cellExit()
	return map[string]reflect.Value{
		"LogFatal": reflect.ValueOf(func(lg *log.Logger) func(...any) {
			f, _, _ := fatalFuncs(lg, exit)
			return f
		}),
		"LogFatalf": reflect.ValueOf(func(lg *log.Logger) func(string, ...any) {
			_, f, _ := fatalFuncs(lg, exit)
			return f
		}),
		"LogFatalln": reflect.ValueOf(func(lg *log.Logger) func(...any) {
			_, _, f := fatalFuncs(lg, exit)
			return f
		}),
	}
}

// logExports is the session's log package: its standard logger writes to
// the session's stderr, as a program's writes to its own, and is the one
// log.Default returns, so that log.SetPrefix and log.Default().SetPrefix
// change the same logger. Its Fatal functions end the cell as os.Exit(1).
// MapTypes lets the printing functions see the methods of cell values, as
// for the compiled ones.
func logExports(stderr io.Writer) interp.Exports {
	std := log.New(stderr, "", log.LstdFlags)
	fatal, fatalf, fatalln := fatalFuncs(std, cellExit())
	m := map[string]reflect.Value{
		"Default":   reflect.ValueOf(func() *log.Logger { return std }),
		"Fatal":     reflect.ValueOf(fatal),
		"Fatalf":    reflect.ValueOf(fatalf),
		"Fatalln":   reflect.ValueOf(fatalln),
		"Flags":     reflect.ValueOf(std.Flags),
		"Output":    reflect.ValueOf(std.Output),
		"Panic":     reflect.ValueOf(std.Panic),
		"Panicf":    reflect.ValueOf(std.Panicf),
		"Panicln":   reflect.ValueOf(std.Panicln),
		"Prefix":    reflect.ValueOf(std.Prefix),
		"Print":     reflect.ValueOf(std.Print),
		"Printf":    reflect.ValueOf(std.Printf),
		"Println":   reflect.ValueOf(std.Println),
		"SetFlags":  reflect.ValueOf(std.SetFlags),
		"SetOutput": reflect.ValueOf(std.SetOutput),
		"SetPrefix": reflect.ValueOf(std.SetPrefix),
		"Writer":    reflect.ValueOf(std.Writer),
	}
	mt := map[reflect.Value][]reflect.Type{}
	compiled := baseExports()["."]["MapTypes"].Interface().(map[reflect.Value][]reflect.Type)
	for _, name := range []string{"Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln", "Print", "Printf", "Println"} {
		if types, ok := compiled[reflect.ValueOf(logFuncs[name])]; ok {
			mt[m[name]] = types
		}
	}
	return interp.Exports{
		"log/log": m,
		".":       {"MapTypes": reflect.ValueOf(mt)},
	}
}

// logFuncs are log's printing functions, whose MapTypes entries the
// session's own carry over.
var logFuncs = map[string]any{
	"Fatal": log.Fatal, "Fatalf": log.Fatalf, "Fatalln": log.Fatalln,
	"Panic": log.Panic, "Panicf": log.Panicf, "Panicln": log.Panicln,
	"Print": log.Print, "Printf": log.Printf, "Println": log.Println,
}
