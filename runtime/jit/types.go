package jit

import (
	"fmt"
	"reflect"
)

// typeDesc describes a Go type well enough to rebuild it with reflect in
// another process: the helper process sends one per function, and the
// parent makes a function of the same type that calls across the pipe.
// Its field names match the helper's copy (helper_main.go.txt), which is
// all gob needs.
type typeDesc struct {
	Kind     uint
	Name     string // a named type's name ("int", "error", "main.Point"); "" if unnamed
	PkgPath  string // a named type's package; "" for predeclared types
	Elem     *typeDesc
	Key      *typeDesc
	Len      int
	In, Out  []typeDesc
	Variadic bool
}

// describe is typeDesc of t.
func describe(t reflect.Type) typeDesc {
	d := typeDesc{Kind: uint(t.Kind()), Name: t.Name(), PkgPath: t.PkgPath()}
	if d.Name != "" && d.PkgPath == "" && t.Kind() != reflect.Interface && basicTypes[t.Kind()] == t {
		return d // predeclared
	}
	switch t.Kind() {
	case reflect.Slice, reflect.Pointer:
		e := describe(t.Elem())
		d.Elem = &e
	case reflect.Array:
		e := describe(t.Elem())
		d.Elem, d.Len = &e, t.Len()
	case reflect.Map:
		k, e := describe(t.Key()), describe(t.Elem())
		d.Key, d.Elem = &k, &e
	case reflect.Func:
		for i := range t.NumIn() {
			d.In = append(d.In, describe(t.In(i)))
		}
		for i := range t.NumOut() {
			d.Out = append(d.Out, describe(t.Out(i)))
		}
		d.Variadic = t.IsVariadic()
	}
	return d
}

var basicTypes = map[reflect.Kind]reflect.Type{
	reflect.Bool: reflect.TypeFor[bool](), reflect.String: reflect.TypeFor[string](),
	reflect.Int: reflect.TypeFor[int](), reflect.Int8: reflect.TypeFor[int8](),
	reflect.Int16: reflect.TypeFor[int16](), reflect.Int32: reflect.TypeFor[int32](),
	reflect.Int64: reflect.TypeFor[int64](), reflect.Uint: reflect.TypeFor[uint](),
	reflect.Uint8: reflect.TypeFor[uint8](), reflect.Uint16: reflect.TypeFor[uint16](),
	reflect.Uint32: reflect.TypeFor[uint32](), reflect.Uint64: reflect.TypeFor[uint64](),
	reflect.Float32: reflect.TypeFor[float32](), reflect.Float64: reflect.TypeFor[float64](),
	reflect.Complex64: reflect.TypeFor[complex64](), reflect.Complex128: reflect.TypeFor[complex128](),
}

var errorType = reflect.TypeFor[error]()

// rules say which types rebuild lets through: functions only in process,
// and cellPkg is the package path the cell's own types have.
type rules struct {
	funcs   bool
	cellPkg string
}

// rebuild is the reflect type a typeDesc describes, or why the interpreter
// cannot be given a function that uses it: only types spelled with
// predeclared names can be named in the interpreter's stub and, across a
// pipe, rebuilt and gob-encoded. Function types pass only in process
// (they cannot cross a pipe); error only as a function's last result,
// which the caller handles.
func rebuild(d typeDesc, r rules) (reflect.Type, error) {
	k := reflect.Kind(d.Kind)
	if d.Name != "" {
		switch {
		case d.Name == "error" && d.PkgPath == "" && k == reflect.Interface:
			return errorType, nil
		case d.PkgPath == "" && basicTypes[k] != nil && basicTypes[k].Name() == d.Name:
			return basicTypes[k], nil
		case d.PkgPath == "main" || d.PkgPath == r.cellPkg:
			return nil, fmt.Errorf("uses type %s declared in the cell, which the interpreter cannot see; use built-in types (numbers, strings, slices, maps) in its signature", d.Name)
		}
		return nil, fmt.Errorf("uses type %s.%s; use built-in types (numbers, strings, slices, maps) in its signature", d.PkgPath, d.Name)
	}
	sub := func(e *typeDesc) (reflect.Type, error) {
		if e == nil {
			return nil, fmt.Errorf("incomplete type description")
		}
		t, err := rebuild(*e, r)
		if err == nil && t == errorType {
			err = fmt.Errorf("uses error inside another type")
		}
		return t, err
	}
	switch k {
	case reflect.Slice, reflect.Pointer, reflect.Array:
		e, err := sub(d.Elem)
		if err != nil {
			return nil, err
		}
		switch k {
		case reflect.Slice:
			return reflect.SliceOf(e), nil
		case reflect.Pointer:
			return reflect.PointerTo(e), nil
		}
		return reflect.ArrayOf(d.Len, e), nil
	case reflect.Map:
		key, err := sub(d.Key)
		if err != nil {
			return nil, err
		}
		e, err := sub(d.Elem)
		if err != nil {
			return nil, err
		}
		return reflect.MapOf(key, e), nil
	case reflect.Func:
		if !r.funcs {
			return nil, fmt.Errorf("takes or returns a function, which cannot be sent to the helper process")
		}
		return rebuildFunc(d, r)
	}
	return nil, fmt.Errorf("uses a %v, which the interpreter cannot be handed", k)
}

// rebuildFunc is the type of a function the interpreter may call.
func rebuildFunc(d typeDesc, r rules) (reflect.Type, error) {
	var in, out []reflect.Type
	for _, p := range d.In {
		t, err := rebuild(p, r)
		if err == nil && t == errorType {
			err = fmt.Errorf("takes an error")
		}
		if err != nil {
			return nil, err
		}
		in = append(in, t)
	}
	for i, o := range d.Out {
		t, err := rebuild(o, r)
		if err == nil && t == errorType && i != len(d.Out)-1 {
			err = fmt.Errorf("returns an error that is not its last result")
		}
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return reflect.FuncOf(in, out, d.Variadic), nil
}
