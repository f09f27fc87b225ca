package interpreter

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"regexp"
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

var mainPrefix = regexp.MustCompile(`\bmain\.`)

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
		// A cell's types are named as the cell writes them.
		return mainPrefix.ReplaceAllString(r.typ.String(), "")
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

// DebugEvaluate evaluates expr, any Go expression, in frame fid (0: in
// the session's scope), as the interpreter runs code: with the frame's
// variables, then the session's. Only what the expression does itself
// (a call) changes the program's state.
func (s *Session) DebugEvaluate(fid int, expr string) (DebugVariable, error) {
	if strings.TrimSpace(expr) == "" {
		return DebugVariable{}, errors.New("nothing to evaluate")
	}
	var res interp.EvalResult
	var err error
	if fid != 0 {
		f, ok := s.debug.frameOf(fid)
		if !ok {
			return DebugVariable{}, fmt.Errorf("no frame %d: the goroutine has run on since", fid)
		}
		res, err = f.frame.Evaluate(expr)
	} else {
		in := s.debug.interpreter()
		if in == nil {
			if view := s.current(); view != nil {
				in = view.in
			}
		}
		if in == nil {
			return DebugVariable{}, fmt.Errorf("cannot evaluate %s: no cell has run", expr)
		}
		res, err = in.EvalExpr(expr)
	}
	if err != nil {
		return DebugVariable{}, err
	}
	return s.debug.variable(expr, debugValue{value: res.Value, typ: res.Type}), nil
}

// interpreter is the interpreter the debugger is attached to, or nil.
func (d *debugState) interpreter() *interp.Interpreter {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.in
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
