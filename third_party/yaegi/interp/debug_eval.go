package interp

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"reflect"
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"
)

// This file is gopar's addition to yaegi's debugger: a Go expression
// evaluated where a goroutine stopped, as a debug console or a hover asks.
// The expression is compiled by the interpreter itself, in a func scope
// whose variables are those of the stopped frame (the very values, so a
// method with a pointer receiver sees the frame's variable) under the
// package scope, and run on the calling goroutine, which never stops at a
// breakpoint meanwhile.

// EvalResult is the value of an evaluated expression and its type.
type EvalResult struct {
	Value reflect.Value
	Type  *Type // nil when unknown
}

// Evaluate evaluates expr in the frame: its variables, then the package's.
func (f *DebugFrame) Evaluate(expr string) (EvalResult, error) {
	return f.event.debugger.interp.evalIn(f.frames, expr)
}

// EvalExpr evaluates expr in the package scope of main.
func (interp *Interpreter) EvalExpr(expr string) (EvalResult, error) {
	return interp.evalIn(nil, expr)
}

// evalIn compiles expr in a scope made of the variables of frames (the
// innermost first, which hides the others), and runs it.
func (interp *Interpreter) evalIn(frames []*frame, expr string) (res EvalResult, err error) {
	// Named as the sources are, whose file-scoped imports it then sees.
	name := interp.name
	if name == "" {
		name = DefaultSourceName
	}
	e, err := parser.ParseExprFrom(interp.fset, name, expr, 0)
	if err != nil {
		return res, evalError(expr, err)
	}
	root, fr, err := interp.compileEval(frames, e)
	if err != nil {
		return res, evalError(expr, err)
	}
	defer interp.forgetRoot(root)

	if dbg := interp.debugger; dbg != nil {
		// The goroutine evaluating never stops: not at a breakpoint of a
		// func the expression calls, nor on a panic.
		g := &debugRoutine{mode: debugRun, quiet: true, resume: make(chan struct{})}
		fr.debug = &frameDebugData{kind: frameCall, g: g, scope: root.scope}
		defer dbg.evaluating(g)()
	}
	defer func() {
		if r := recover(); r != nil {
			if exiting(r) {
				panic(r)
			}
			err = fmt.Errorf("%s panicked: %s", expr, panicText(r))
		}
	}()
	runCfg(root.start, fr, root, nil)
	return EvalResult{Value: genValue(root)(fr), Type: typeOf(root.typ)}, nil
}

func typeOf(t *itype) *Type {
	if t == nil {
		return nil
	}
	return &Type{t}
}

// compileEval compiles e and makes the frame it runs in.
func (interp *Interpreter) compileEval(frames []*frame, e ast.Expr) (root *node, fr *frame, err error) {
	interp.compileMu.Lock()
	defer interp.compileMu.Unlock()
	defer func() {
		if r := recover(); r != nil {
			var pc [64]uintptr
			n := runtime.Callers(1, pc[:])
			err = Panic{Value: r, Callers: pc[:n], Stack: debug.Stack()}
		}
	}()
	_, root, err = interp.ast(&ast.BlockStmt{Lbrace: e.Pos(), List: []ast.Stmt{&ast.ExprStmt{X: e}}, Rbrace: e.End()})
	if err != nil {
		return nil, nil, err
	}
	interp.mutex.RLock()
	pkg := interp.scopes[mainID]
	interp.mutex.RUnlock()
	if pkg == nil {
		return root, nil, errors.New("nothing has run yet")
	}
	sc := pkg.pushFunc()
	var values []reflect.Value
	for _, f := range frames {
		if f.debug == nil || f.debug.scope == nil {
			continue
		}
		index := map[int]*symbol{}
		names := map[int]string{}
		scanScopeSymbols(f.debug.scope, index, names)
		for i, sym := range index {
			name := names[i]
			if _, hidden := sc.sym[name]; hidden || name == "_" {
				continue
			}
			switch sym.kind {
			case typeSym, constSym:
				sc.sym[name] = sym
			case varSym:
				if sym.typ == nil || i >= len(f.data) || !f.data[i].IsValid() {
					continue
				}
				if t := f.data[i].Type(); t.AssignableTo(rNodeType) || t.Kind() == reflect.Ptr && t.Elem().AssignableTo(rNodeType) {
					continue
				}
				sc.sym[name] = &symbol{kind: varSym, typ: sym.typ, index: sc.add(sym.typ)}
				values = append(values, f.data[i])
			}
		}
	}
	if _, err = interp.cfg(root, sc, mainID, mainID); err != nil {
		return root, nil, err
	}
	setExec(root.start)
	if err = genRun(root); err != nil {
		return root, nil, err
	}
	fr = newFrame(interp.frame, len(sc.types), interp.runid())
	for i, t := range sc.types {
		if i < len(values) {
			fr.data[i] = values[i]
		} else {
			fr.data[i] = reflect.New(t).Elem()
		}
	}
	return root, fr, nil
}

// forgetRoot drops the tree of an evaluated expression, which a debugger
// attached meanwhile would keep among those it sets breakpoints in.
func (interp *Interpreter) forgetRoot(root *node) {
	if root == nil {
		return
	}
	interp.mutex.Lock()
	defer interp.mutex.Unlock()
	for i, r := range interp.roots {
		if r == root {
			interp.roots = append(interp.roots[:i], interp.roots[i+1:]...)
			break
		}
	}
}

// evaluating makes the calling goroutine run as g until the returned func
// is called: funcs that compiled code calls back (a String method fmt
// calls) then never stop either.
func (dbg *Debugger) evaluating(g *debugRoutine) func() {
	s := dbg.session
	if s == nil {
		return func() {}
	}
	id := goid()
	s.mu.Lock()
	prev, had := s.byGoid[id]
	s.byGoid[id] = g
	s.mu.Unlock()
	return func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		if had {
			s.byGoid[id] = prev
		} else {
			delete(s.byGoid, id)
		}
	}
}

var errPosition = regexp.MustCompile(`^(\S*:)?\d+:\d+: `)

// evalError is a compile error of expr, without positions in it (it is one
// line the user just typed).
func evalError(expr string, err error) error {
	var list scanner.ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		return fmt.Errorf("cannot evaluate %s: %s", expr, list[0].Msg)
	}
	var p Panic
	if errors.As(err, &p) {
		return fmt.Errorf("cannot evaluate %s: %v", expr, p.Value)
	}
	msg := strings.TrimSpace(errPosition.ReplaceAllString(err.Error(), ""))
	return fmt.Errorf("cannot evaluate %s: %s", expr, msg)
}

// panicText is what a panic of an evaluation says.
func panicText(r any) string {
	if v, ok := r.(reflect.Value); ok && v.IsValid() && v.CanInterface() {
		r = v.Interface()
	}
	switch r := r.(type) {
	case error:
		return r.Error()
	case fmt.Stringer:
		return r.String()
	}
	return fmt.Sprint(r)
}
