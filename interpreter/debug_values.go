package interpreter

import (
	"cmp"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/gopar/gopar/third_party/yaegi/interp"
)

// debugValue is a value the debugger shows, with its interpreted type
// when known (reflect alone cannot name a cell's types).
type debugValue struct {
	value reflect.Value
	typ   *interp.Type
}

// maxChildren bounds the elements of a slice, array or map listed at once.
const maxChildren = 100

// resolved looks through the interpreter's representation of values in
// interfaces of cell types, and through interfaces.
func (v debugValue) resolved() debugValue {
	rv := v.value
	for rv.IsValid() && rv.Kind() == reflect.Interface && !rv.IsNil() {
		rv = rv.Elem()
	}
	if rv.IsValid() && rv.CanInterface() {
		if t, inner, ok := interp.ValueType(rv.Interface()); ok {
			return debugValue{value: inner, typ: t}.resolvedInner()
		}
	}
	return debugValue{value: rv, typ: v.typ}
}

func (v debugValue) resolvedInner() debugValue {
	if v.value.IsValid() && v.value.Kind() == reflect.Interface && !v.value.IsNil() {
		return debugValue{value: v.value.Elem(), typ: v.typ}
	}
	return v
}

func (v debugValue) typeName() string {
	r := v.resolved()
	if r.typ != nil {
		return r.typ.String()
	}
	if !r.value.IsValid() {
		return "nil"
	}
	return r.value.Type().String()
}

func (v debugValue) text() string {
	r := v.resolved()
	if !r.value.IsValid() {
		return "nil"
	}
	if r.value.Kind() == reflect.String {
		return strconv.Quote(shortValue(r.value))
	}
	return shortValue(r.value)
}

func (v debugValue) expandable() bool {
	r := v.resolved().value
	if !r.IsValid() {
		return false
	}
	switch r.Kind() {
	case reflect.Struct:
		return r.NumField() > 0
	case reflect.Slice, reflect.Map, reflect.Array:
		return r.Len() > 0
	case reflect.Pointer:
		return !r.IsNil()
	}
	return false
}

type namedValue struct {
	name     string
	value    debugValue
	declared string // the type as the cell wrote it, when known
}

// children are the fields, elements or pointee of v.
func (v debugValue) children() []namedValue {
	r := v.resolved()
	rv := r.value
	var out []namedValue
	switch rv.Kind() {
	case reflect.Struct:
		t := r.typ
		if t != nil && t.NumField() != rv.NumField() {
			t = nil
		}
		for i := 0; i < rv.NumField(); i++ {
			name := rv.Type().Field(i).Name
			var ft *interp.Type
			if t != nil {
				name, _, ft = t.Field(i)
			}
			out = append(out, namedValue{name: name, value: debugValue{value: rv.Field(i), typ: ft}})
		}
	case reflect.Slice, reflect.Array:
		var et *interp.Type
		if r.typ != nil && (r.typ.Kind() == reflect.Slice || r.typ.Kind() == reflect.Array) {
			et = r.typ.Elem()
		}
		for i := 0; i < rv.Len() && i < maxChildren; i++ {
			out = append(out, namedValue{name: "[" + strconv.Itoa(i) + "]", value: debugValue{value: rv.Index(i), typ: et}})
		}
	case reflect.Map:
		keys := rv.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return compareKeys(keys[i], keys[j]) < 0 })
		for i, k := range keys {
			if i == maxChildren {
				break
			}
			name := "[" + debugValue{value: k}.text() + "]"
			out = append(out, namedValue{name: name, value: debugValue{value: rv.MapIndex(k)}})
		}
	case reflect.Pointer:
		var et *interp.Type
		if r.typ != nil && r.typ.Kind() == reflect.Pointer {
			et = r.typ.Elem()
		}
		out = append(out, namedValue{name: "*", value: debugValue{value: rv.Elem(), typ: et}})
	}
	return out
}

// DebugEvaluate evaluates expr in frame fid: a variable of the frame or
// of the session, and selectors, indexes and dereferences of it
// (p.Name, xs[2], m["k"], *p, len(xs)).
func (s *Session) DebugEvaluate(fid int, expr string) (DebugVariable, error) {
	e, err := parser.ParseExpr(expr)
	if err != nil {
		return DebugVariable{}, fmt.Errorf("not an expression: %s", expr)
	}
	scope := map[string]debugValue{}
	for _, g := range s.globalValues() {
		scope[g.name] = g.value
	}
	if fid != 0 {
		f, ok := s.debug.frameOf(fid)
		if !ok {
			return DebugVariable{}, fmt.Errorf("no frame %d: the goroutine has run on since", fid)
		}
		for _, sc := range f.frame.Scopes() {
			for _, v := range sc.TypedVariables() {
				scope[v.Name] = debugValue{value: v.Value, typ: v.Type} // locals hide globals
			}
		}
	}
	v, err := evalDebugExpr(e, scope)
	if err != nil {
		return DebugVariable{}, err
	}
	return s.debug.variable(expr, v), nil
}

// globalValues are the session's variables with their values, sorted by
// name: as the running cell sees them while the debugger is attached, else
// as the last finished cell left them.
func (s *Session) globalValues() []namedValue {
	var in *interp.Interpreter
	declared := map[string]string{}
	d := &s.debug
	d.mu.Lock()
	if d.in != nil && d.globals != nil {
		in = d.in
		maps.Copy(declared, d.globals)
	}
	d.mu.Unlock()
	if in == nil {
		view := s.current()
		if view == nil {
			return nil
		}
		in = view.in
		for name, g := range view.globals {
			declared[name] = cmp.Or(g.display, g.typeSrc)
		}
	}
	values := in.Globals()
	var out []namedValue
	for _, name := range sortedKeys(declared) {
		if v, ok := values[name]; ok && v.IsValid() {
			out = append(out, namedValue{name: name, value: debugValue{value: v}, declared: declared[name]})
		}
	}
	return out
}

var errDebugExpr = errors.New("the debugger evaluates variables and their fields, elements and lengths only")

func evalDebugExpr(e ast.Expr, scope map[string]debugValue) (debugValue, error) {
	switch e := e.(type) {
	case *ast.ParenExpr:
		return evalDebugExpr(e.X, scope)
	case *ast.Ident:
		v, ok := scope[e.Name]
		if !ok {
			return debugValue{}, fmt.Errorf("undefined: %s", e.Name)
		}
		return v, nil
	case *ast.StarExpr:
		x, err := evalDebugExpr(e.X, scope)
		if err != nil {
			return x, err
		}
		r := x.resolved()
		if r.value.Kind() != reflect.Pointer || r.value.IsNil() {
			return debugValue{}, fmt.Errorf("cannot dereference %s", x.text())
		}
		return debugValue{value: r.value.Elem()}, nil
	case *ast.SelectorExpr:
		x, err := evalDebugExpr(e.X, scope)
		if err != nil {
			return x, err
		}
		if r := x.resolved(); r.value.Kind() == reflect.Pointer && !r.value.IsNil() {
			x = debugValue{value: r.value.Elem()}
			if r.typ != nil && r.typ.Kind() == reflect.Pointer {
				x.typ = r.typ.Elem()
			}
		}
		for _, c := range x.children() {
			if c.name == e.Sel.Name {
				return c.value, nil
			}
		}
		return debugValue{}, fmt.Errorf("%s has no field %s", x.typeName(), e.Sel.Name)
	case *ast.IndexExpr:
		x, err := evalDebugExpr(e.X, scope)
		if err != nil {
			return x, err
		}
		lit, ok := e.Index.(*ast.BasicLit)
		if !ok {
			return debugValue{}, errDebugExpr
		}
		r := x.resolved()
		switch r.value.Kind() {
		case reflect.Slice, reflect.Array, reflect.String:
			i, err := strconv.Atoi(lit.Value)
			if err != nil || i < 0 || i >= r.value.Len() {
				return debugValue{}, fmt.Errorf("index %s out of range [0:%d]", lit.Value, r.value.Len())
			}
			return debugValue{value: r.value.Index(i)}, nil
		case reflect.Map:
			key, err := mapKey(lit, r.value.Type().Key())
			if err != nil {
				return debugValue{}, err
			}
			v := r.value.MapIndex(key)
			if !v.IsValid() {
				v = reflect.Zero(r.value.Type().Elem())
			}
			return debugValue{value: v}, nil
		}
		return debugValue{}, fmt.Errorf("cannot index %s", x.typeName())
	case *ast.CallExpr:
		if id, ok := e.Fun.(*ast.Ident); ok && (id.Name == "len" || id.Name == "cap") && len(e.Args) == 1 {
			x, err := evalDebugExpr(e.Args[0], scope)
			if err != nil {
				return x, err
			}
			r := x.resolved().value
			switch r.Kind() {
			case reflect.Slice, reflect.Array, reflect.Chan, reflect.Map, reflect.String:
				if id.Name == "cap" && (r.Kind() == reflect.Map || r.Kind() == reflect.String) {
					break
				}
				n := r.Len()
				if id.Name == "cap" {
					n = r.Cap()
				}
				return debugValue{value: reflect.ValueOf(n)}, nil
			}
			return debugValue{}, fmt.Errorf("invalid argument for %s: %s", id.Name, x.typeName())
		}
	}
	return debugValue{}, errDebugExpr
}

// mapKey converts a literal to a map's key type.
func mapKey(lit *ast.BasicLit, kt reflect.Type) (reflect.Value, error) {
	var v any
	switch lit.Kind {
	case token.STRING, token.CHAR:
		s, err := strconv.Unquote(lit.Value)
		if err != nil {
			return reflect.Value{}, err
		}
		if lit.Kind == token.CHAR {
			v = []rune(s)[0]
		} else {
			v = s
		}
	case token.INT:
		n, err := strconv.ParseInt(lit.Value, 0, 64)
		if err != nil {
			return reflect.Value{}, err
		}
		v = n
	case token.FLOAT:
		f, err := strconv.ParseFloat(lit.Value, 64)
		if err != nil {
			return reflect.Value{}, err
		}
		v = f
	default:
		return reflect.Value{}, errDebugExpr
	}
	rv := reflect.ValueOf(v)
	if !rv.Type().ConvertibleTo(kt) || (rv.Kind() == reflect.String) != (kt.Kind() == reflect.String) {
		return reflect.Value{}, fmt.Errorf("cannot use %s as a key of type %s", lit.Value, strings.TrimSpace(kt.String()))
	}
	return rv.Convert(kt), nil
}
