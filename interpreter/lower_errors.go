package interpreter

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// lowerErrors makes error wrapping work with error types defined in cells.
// The compiled errors.Is, errors.As and fmt.Errorf("%w") cannot see the
// methods of interpreted values, so these calls go to interpreted versions:
//
//	errors.Is(err, ErrX)            ->  _goparErrorsIs(err, ErrX)
//	errors.As(err, &target)         ->  _goparAs3_1(err, &target)  (generated for target's type)
//	errors.Unwrap(err)              ->  _goparErrorsUnwrap(err)
//	errors.Join(a, b)               ->  _goparErrorsJoin(a, b)
//	errors.AsType[T](err)           ->  _goparAsType3_1(err)           (generated for T)
//	fmt.Errorf("f: %w", err)        ->  _goparWrap(fmt.Sprintf("f: %v", err), err)
func (l *lowerer) lowerErrors(root ast.Node) {
	rewriteExprs(root, func(e ast.Expr) ast.Expr {
		call, ok := e.(*ast.CallExpr)
		if !ok {
			return e
		}
		if name, ok := l.asTypeHelper(call); ok {
			return l.callNamed(name, call)
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return e
		}
		fn, ok := l.info.Uses[sel.Sel].(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Type().(*types.Signature).Recv() != nil {
			return e
		}
		switch fn.Pkg().Path() + "." + fn.Name() {
		case "errors.Is":
			return l.callNamed(l.errorHelpers()+"Is", call)
		case "errors.Unwrap":
			return l.callNamed(l.errorHelpers()+"Unwrap1", call)
		case "errors.Join":
			return l.callNamed("_goparErrorsJoin", call)
		case "errors.As":
			if len(call.Args) != 2 {
				return e
			}
			ptr, ok := l.info.Types[call.Args[1]].Type.(*types.Pointer)
			if !ok {
				return e
			}
			name, ok := l.asHelper(ptr.Elem())
			if !ok {
				return e
			}
			return l.callNamed(name, call)
		case "fmt.Errorf":
			return l.errorf(call)
		}
		return e
	})
}

func (l *lowerer) callNamed(name string, call *ast.CallExpr) ast.Expr {
	return &ast.CallExpr{Fun: &ast.Ident{NamePos: call.Pos(), Name: name}, Args: call.Args, Ellipsis: call.Ellipsis, Lparen: call.Lparen, Rparen: call.Rparen}
}

// asHelper writes errors.As for one target type: a type assertion along the
// error tree.
func (l *lowerer) asHelper(target types.Type) (string, bool) {
	src, ok := l.s.typeSource(target, l.pkg)
	if !ok {
		return "", false
	}
	prefix := l.errorHelpers()
	if l.asHelpers == nil {
		l.asHelpers = map[string]string{}
	}
	if name, ok := l.asHelpers[src]; ok {
		return name, true
	}
	name := fmt.Sprintf("_goparAs%d_%d", l.cellNo, len(l.asHelpers)+1)
	l.asHelpers[src] = name
	match := fmt.Sprintf("if x, ok := err.(%s); ok {\n\t\t\t*target = x\n\t\t\treturn true\n\t\t}", src)
	if l.wrappedValueType(target) {
		// A value type: stored through a pointer (lower_box.go), or in a
		// wrapper of yaegi's.
		match = fmt.Sprintf("if x, ok := err.(%[1]s); ok {\n\t\t\t*target = x\n\t\t\treturn true\n\t\t}\n"+
			"\t\tif p, ok := err.(*%[1]s); ok && p != nil {\n\t\t\t*target = *p\n\t\t\treturn true\n\t\t}\n"+
			"\t\tif _goparcell.AsValue(err, target) {\n\t\t\treturn true\n\t\t}", src)
	}
	code := fmt.Sprintf(`package main
func %[1]s(err error, target *%[2]s) bool {
	for err != nil {
		%[4]s
		if %[3]sAsMethod(err, target) {
			return true
		}
		one, many := %[3]sUnwrap(err)
		if many != nil {
			for _, e := range many {
				if %[1]s(e, target) {
					return true
				}
			}
			return false
		}
		err = one
	}
	return false
}
`, name, src, prefix, match)
	l.addHelper(code)
	return name, true
}

// asTypeHelper writes errors.AsType for the type a call instantiates it
// with, on top of the errors.As of that type: the generic source's As is
// the compiled one, blind to the methods of cell types.
func (l *lowerer) asTypeHelper(call *ast.CallExpr) (string, bool) {
	var fun ast.Expr
	switch f := call.Fun.(type) {
	case *ast.IndexExpr:
		fun = f.X
	case *ast.IndexListExpr:
		fun = f.X
	default:
		return "", false
	}
	sel, ok := fun.(*ast.SelectorExpr)
	if !ok || len(call.Args) != 1 {
		return "", false
	}
	fn, ok := l.info.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "errors" || fn.Name() != "AsType" {
		return "", false
	}
	inst, ok := l.info.Instances[sel.Sel]
	if !ok || inst.TypeArgs.Len() != 1 {
		return "", false
	}
	target := inst.TypeArgs.At(0)
	if mentionsTypeParam(target) {
		return "", false // known when instantiated: the generic source runs
	}
	src, ok := l.s.typeSource(target, l.pkg)
	if !ok {
		return "", false
	}
	as, ok := l.asHelper(target)
	if !ok {
		return "", false
	}
	key := "AsType " + src
	if name, ok := l.asHelpers[key]; ok {
		return name, true
	}
	name := fmt.Sprintf("_goparAsType%d_%d", l.cellNo, len(l.asHelpers)+1)
	l.asHelpers[key] = name
	l.addHelper(fmt.Sprintf(`package main
func %[1]s(err error) (%[2]s, bool) {
	var target %[2]s
	ok := %[3]s(err, &target)
	return target, ok
}
`, name, src, as))
	return name, true
}

// mentionsTypeParam reports whether t is or is made of a type parameter.
func mentionsTypeParam(t types.Type) bool {
	switch t := t.(type) {
	case *types.TypeParam:
		return true
	case *types.Pointer:
		return mentionsTypeParam(t.Elem())
	case *types.Slice:
		return mentionsTypeParam(t.Elem())
	case *types.Array:
		return mentionsTypeParam(t.Elem())
	case *types.Chan:
		return mentionsTypeParam(t.Elem())
	case *types.Map:
		return mentionsTypeParam(t.Key()) || mentionsTypeParam(t.Elem())
	case *types.Named:
		for i := 0; i < t.TypeArgs().Len(); i++ {
			if mentionsTypeParam(t.TypeArgs().At(i)) {
				return true
			}
		}
	}
	return false
}

// errorf rewrites fmt.Errorf with %w verbs into the formatted message and
// the wrapped errors.
func (l *lowerer) errorf(call *ast.CallExpr) ast.Expr {
	if len(call.Args) == 0 || call.Ellipsis.IsValid() {
		return call
	}
	tv, ok := l.info.Types[call.Args[0]]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return call
	}
	format := constant.StringVal(tv.Value)
	verbs, ok := parseVerbs(format)
	if !ok {
		return call
	}
	var wrapped []ast.Expr
	var b strings.Builder
	last := 0
	for _, v := range verbs {
		if v.verb != 'w' {
			continue
		}
		b.WriteString(format[last:v.end-1] + "v")
		last = v.end
		if i := 1 + v.arg; i < len(call.Args) {
			wrapped = append(wrapped, l.box(call.Args[i], types.Universe.Lookup("error").Type()))
		}
	}
	if len(wrapped) == 0 {
		return call
	}
	b.WriteString(format[last:])
	lit := &ast.BasicLit{ValuePos: call.Args[0].Pos(), Kind: token.STRING, Value: strconv.Quote(b.String())}
	l.info.Types[lit] = types.TypeAndValue{Type: types.Typ[types.UntypedString], Value: constant.MakeString(b.String())}
	sprintf := &ast.SelectorExpr{X: call.Fun.(*ast.SelectorExpr).X, Sel: ast.NewIdent("Sprintf")}
	l.info.Uses[sprintf.Sel] = l.fmtFunc("Sprintf")
	msg := &ast.CallExpr{Fun: sprintf, Args: append([]ast.Expr{lit}, call.Args[1:]...)}
	return &ast.CallExpr{Fun: ast.NewIdent("_goparWrap"), Args: append([]ast.Expr{msg}, wrapped...)}
}

// fmtFunc is the checker's object for a func of package fmt.
func (l *lowerer) fmtFunc(name string) types.Object {
	p, err := sharedImporter().Import("fmt")
	if err != nil {
		return nil
	}
	return p.Scope().Lookup(name)
}

// addHelper adds generated declarations to the cell.
func (l *lowerer) addHelper(code string) {
	f, err := parseSource(code)
	if err != nil {
		panic(fmt.Sprintf("generated helper does not parse: %v\n%s", err, code))
	}
	clearPositions(f)
	l.helpers = append(l.helpers, f.Decls...)
}

// errorHelpers writes, once per cell, the interpreted errors.Is and
// errors.Unwrap, and returns the prefix of their names. yaegi keeps a cell
// value stored in an error in a wrapper that only has Error, so the methods
// Unwrap, Is and As of cell types are reached by asserting each concrete
// cell type that has them; compiled errors answer interface assertions.
func (l *lowerer) errorHelpers() string {
	prefix := fmt.Sprintf("_goparErr%d", l.cellNo)
	if l.errorsDone {
		return prefix
	}
	l.errorsDone = true
	var unwrap, is, as strings.Builder
	for _, name := range l.pkg.Scope().Names() {
		tn, ok := l.pkg.Scope().Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		if n, ok := tn.Type().(*types.Named); !ok || n.TypeParams().Len() > 0 {
			continue
		}
		if _, isIface := tn.Type().Underlying().(*types.Interface); isIface {
			continue
		}
		for _, t := range []types.Type{tn.Type(), types.NewPointer(tn.Type())} {
			if !methodOf(t, "Error") {
				continue
			}
			src := l.s.typeString(t, l.pkg)
			if hasMethod(t, "Unwrap", "func() error") {
				fmt.Fprintf(&unwrap, "\tif x, ok := err.(%s); ok {\n\t\treturn x.Unwrap(), nil\n\t}\n", src)
			} else if hasMethod(t, "Unwrap", "func() []error") {
				fmt.Fprintf(&unwrap, "\tif x, ok := err.(%s); ok {\n\t\treturn nil, x.Unwrap()\n\t}\n", src)
			}
			if hasMethod(t, "Is", "func(error) bool") {
				fmt.Fprintf(&is, "\tif x, ok := err.(%s); ok {\n\t\treturn x.Is(target)\n\t}\n", src)
			}
			if hasMethod(t, "As", "func(any) bool") {
				fmt.Fprintf(&as, "\tif x, ok := err.(%s); ok {\n\t\treturn x.As(target)\n\t}\n", src)
			}
		}
	}
	code := fmt.Sprintf(`package main

func %[1]sUnwrap(err error) (error, []error) {
	if x, ok := err.(*_goparWrapError); ok {
		return x.err, nil
	}
	if x, ok := err.(*_goparWrapErrors); ok {
		return nil, x.errs
	}
%[2]s	if x, ok := err.(interface{ Unwrap() error }); ok {
		return x.Unwrap(), nil
	}
	if x, ok := err.(interface{ Unwrap() []error }); ok {
		return nil, x.Unwrap()
	}
	return nil, nil
}

func %[1]sUnwrap1(err error) error {
	one, _ := %[1]sUnwrap(err)
	return one
}

func %[1]sIsMethod(err, target error) bool {
%[3]s	if x, ok := err.(interface{ Is(error) bool }); ok {
		return x.Is(target)
	}
	return false
}

func %[1]sAsMethod(err error, target any) bool {
%[4]s	if x, ok := err.(interface{ As(any) bool }); ok {
		return x.As(target)
	}
	return false
}

func %[1]sIs(err, target error) bool {
	if err == nil || target == nil {
		return err == target
	}
	for err != nil {
		if err == target || %[1]sIsMethod(err, target) {
			return true
		}
		one, many := %[1]sUnwrap(err)
		if many != nil {
			for _, e := range many {
				if %[1]sIs(e, target) {
					return true
				}
			}
			return false
		}
		err = one
	}
	return false
}
`, prefix, unwrap.String(), is.String(), as.String())
	l.addHelper(code)
	return prefix
}

// hasMethod reports whether the method set of t has name with the given
// signature (written without the receiver).
func hasMethod(t types.Type, name, sig string) bool {
	ms := types.NewMethodSet(t)
	for i := 0; i < ms.Len(); i++ {
		f := ms.At(i).Obj()
		if f.Name() == name {
			return types.TypeString(f.Type(), nil) == sig
		}
	}
	return false
}
