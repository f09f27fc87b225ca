package interpreter

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// lowerBox stores values of cell-defined struct and other non-pointer
// types in interfaces with methods (error, fmt.Stringer...) through a
// pointer. yaegi keeps such a value in a wrapper that holds only one field
// of it, so errors.As, type assertions and type switches could never get
// the value back; a pointer survives. Assertions to the value type look
// for the pointer too (lower_assert.go, lower_typeswitch.go, errors.As).
//
//	return ValidationError{"email"}   // in a func returning error
//
// becomes
//
//	return _goparBox3_1(ValidationError{"email"})
//
// with func _goparBox3_1(v ValidationError) error { return &v }.
// The conversions boxed are the implicit ones (returns, call arguments,
// assignments, composite literal elements and sends) and explicit ones.
func (l *lowerer) lowerBox(root ast.Node) {
	var walk func(n ast.Node, results *types.Tuple)
	walk = func(n ast.Node, results *types.Tuple) {
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				if n.Body == nil {
					return false
				}
				var res *types.Tuple
				if obj, ok := l.info.Defs[n.Name].(*types.Func); ok {
					res = obj.Type().(*types.Signature).Results()
				}
				walk(n.Body, res)
				return false
			case *ast.FuncLit:
				var res *types.Tuple
				if sig, ok := l.info.Types[n].Type.(*types.Signature); ok {
					res = sig.Results()
				}
				walk(n.Body, res)
				return false
			case *ast.ReturnStmt:
				if results != nil && len(n.Results) == results.Len() {
					for i, e := range n.Results {
						n.Results[i] = l.box(e, results.At(i).Type())
					}
				}
			case *ast.CallExpr:
				l.boxArgs(n)
			case *ast.AssignStmt:
				if n.Tok == token.ASSIGN && len(n.Lhs) == len(n.Rhs) {
					for i, e := range n.Rhs {
						if tv, ok := l.info.Types[n.Lhs[i]]; ok && tv.Type != nil {
							n.Rhs[i] = l.box(e, tv.Type)
						}
					}
				}
			case *ast.ValueSpec:
				if n.Type != nil && len(n.Names) == len(n.Values) {
					if tv, ok := l.info.Types[n.Type]; ok {
						for i, e := range n.Values {
							n.Values[i] = l.box(e, tv.Type)
						}
					}
				}
			case *ast.SendStmt:
				if tv, ok := l.info.Types[n.Chan]; ok {
					if ch, ok := tv.Type.Underlying().(*types.Chan); ok {
						n.Value = l.box(n.Value, ch.Elem())
					}
				}
			case *ast.CompositeLit:
				l.boxElements(n)
			}
			return true
		})
	}
	walk(root, nil)
}

// boxArgs boxes the arguments of a call that its parameters convert.
func (l *lowerer) boxArgs(call *ast.CallExpr) {
	tv, ok := l.info.Types[call.Fun]
	if !ok {
		return
	}
	if tv.IsType() {
		// An explicit conversion to an interface, error(E{}), boxes as
		// the implicit ones do.
		if len(call.Args) == 1 && types.IsInterface(tv.Type) {
			call.Args[0] = l.box(call.Args[0], tv.Type)
		}
		return
	}
	sig, ok := tv.Type.Underlying().(*types.Signature)
	if !ok {
		return
	}
	n := sig.Params().Len()
	for i, a := range call.Args {
		var t types.Type
		switch {
		case sig.Variadic() && i >= n-1 && !call.Ellipsis.IsValid():
			t = sig.Params().At(n - 1).Type().(*types.Slice).Elem()
		case i < n:
			t = sig.Params().At(i).Type()
		default:
			continue
		}
		call.Args[i] = l.box(a, t)
	}
}

// boxElements boxes the elements of a composite literal of interfaces.
func (l *lowerer) boxElements(lit *ast.CompositeLit) {
	tv, ok := l.info.Types[lit]
	if !ok {
		return
	}
	var elem, key types.Type
	switch u := tv.Type.Underlying().(type) {
	case *types.Slice:
		elem = u.Elem()
	case *types.Array:
		elem = u.Elem()
	case *types.Map:
		elem, key = u.Elem(), u.Key()
	case *types.Struct:
		for i, e := range lit.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					for j := 0; j < u.NumFields(); j++ {
						if u.Field(j).Name() == id.Name {
							kv.Value = l.box(kv.Value, u.Field(j).Type())
						}
					}
				}
			} else if i < u.NumFields() {
				lit.Elts[i] = l.box(e, u.Field(i).Type())
			}
		}
		return
	default:
		return
	}
	for i, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			kv.Value = l.box(kv.Value, elem)
			if key != nil {
				kv.Key = l.box(kv.Key, key)
			}
			continue
		}
		lit.Elts[i] = l.box(e, elem)
	}
}

// box wraps e when it converts a cell value type to an interface with
// methods.
func (l *lowerer) box(e ast.Expr, target types.Type) ast.Expr {
	it, ok := target.Underlying().(*types.Interface)
	if !ok || it.NumMethods() == 0 {
		return e
	}
	tv, ok := l.info.Types[e]
	if !ok || tv.Type == nil || !l.wrappedValueType(tv.Type) || types.NewMethodSet(tv.Type).Len() == 0 {
		return e
	}
	if call, ok := l.boxCall(e, tv.Type, target); ok {
		return call
	}
	return e
}

// boxCall is the call of the helper that boxes e, of type t, as iface.
func (l *lowerer) boxCall(e ast.Expr, t, iface types.Type) (ast.Expr, bool) {
	name, params, ok := l.boxHelper(t, iface)
	if !ok {
		return nil, false
	}
	var fun ast.Expr = &ast.Ident{NamePos: e.Pos(), Name: name}
	if len(params) > 0 {
		// In a generic body the helper is generic too: instantiated with
		// the body's type parameters, it boxes each instance's values.
		var args []ast.Expr
		for _, p := range params {
			args = append(args, ast.NewIdent(p))
		}
		if len(args) == 1 {
			fun = &ast.IndexExpr{X: fun, Index: args[0]}
		} else {
			fun = &ast.IndexListExpr{X: fun, Indices: args}
		}
	}
	return &ast.CallExpr{Fun: fun, Args: []ast.Expr{e}}, true
}

// boxHelper writes, once per type and interface, the func that boxes a
// value. It returns the interface: only a func result makes yaegi build
// the interface value right.
// The names of the type parameters the two types mention, if any, are the
// helper's type parameters, in order.
func (l *lowerer) boxHelper(t, iface types.Type) (string, []string, bool) {
	src, ok := l.s.typeSource(t, l.pkg)
	if !ok {
		return "", nil, false
	}
	isrc, ok := l.s.typeSource(iface, l.pkg)
	if !ok {
		return "", nil, false
	}
	var params []string
	seen := map[string]bool{}
	for _, tp := range typeParamsIn(types.NewTuple(
		types.NewVar(token.NoPos, nil, "", t), types.NewVar(token.NoPos, nil, "", iface))) {
		if name := typeParamName(tp.Obj().Name()); !seen[name] {
			seen[name] = true
			params = append(params, name)
		}
	}
	if l.boxes == nil {
		l.boxes = map[string]string{}
	}
	key := src + " as " + isrc
	if name, ok := l.boxes[key]; ok {
		return name, params, true
	}
	name := fmt.Sprintf("_goparBox%d_%d", l.cellNo, len(l.boxes)+1)
	l.boxes[key] = name
	tparams := ""
	if len(params) > 0 {
		tparams = "[" + strings.Join(params, ", ") + " any]"
	}
	l.addHelper(fmt.Sprintf("package main\n\nfunc %s%s(v %s) %s { return &v }\n", name, tparams, src, isrc))
	return name, params, true
}

// typeParamsIn lists the type parameters t is made of, in the order they
// appear.
func typeParamsIn(t types.Type) []*types.TypeParam {
	var out []*types.TypeParam
	typeWalker(func(t types.Type) bool {
		if tp, ok := t.(*types.TypeParam); ok {
			out = append(out, tp)
		}
		return true
	})(t)
	return out
}

// typeWalker returns a func that calls visit on a type and, while visit
// returns true, on the types it is written with: elements, keys, fields,
// parameters and results, methods, embedded types and type arguments
// (not a named type's underlying type, which visit may walk itself with
// the same func). Each type is visited once.
func typeWalker(visit func(types.Type) bool) func(types.Type) {
	seen := map[types.Type]bool{}
	var walk func(types.Type)
	walk = func(t types.Type) {
		if t == nil || seen[t] {
			return
		}
		seen[t] = true
		if !visit(t) {
			return
		}
		switch t := t.(type) {
		case *types.Named:
			for i := 0; i < t.TypeArgs().Len(); i++ {
				walk(t.TypeArgs().At(i))
			}
		case *types.Alias:
			walk(types.Unalias(t))
		case *types.Pointer:
			walk(t.Elem())
		case *types.Slice:
			walk(t.Elem())
		case *types.Array:
			walk(t.Elem())
		case *types.Chan:
			walk(t.Elem())
		case *types.Map:
			walk(t.Key())
			walk(t.Elem())
		case *types.Tuple:
			for i := 0; i < t.Len(); i++ {
				walk(t.At(i).Type())
			}
		case *types.Signature:
			walk(t.Params())
			walk(t.Results())
		case *types.Struct:
			for i := 0; i < t.NumFields(); i++ {
				walk(t.Field(i).Type())
			}
		case *types.Interface:
			for i := 0; i < t.NumExplicitMethods(); i++ {
				walk(t.ExplicitMethod(i).Type())
			}
			for i := 0; i < t.NumEmbeddeds(); i++ {
				walk(t.EmbeddedType(i))
			}
		}
	}
	return walk
}
