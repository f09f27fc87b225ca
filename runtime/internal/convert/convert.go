// Package convert turns the `any` values that flow through the cell runtime
// into the concrete types cells and task functions want. Values made by
// interpreted code may have interpreted named types (a `type Meters float64`
// arrives as a reflect type the compiler never saw), so every conversion
// goes by kind, not by type.
package convert

import (
	"fmt"
	"math"
	"reflect"
)

// Float is v as a float64; any integer or float kind converts.
func Float(v any) (float64, error) {
	switch x := v.(type) {
	case float64:
		return x, nil
	case int:
		return float64(x), nil
	}
	rv := reflect.ValueOf(v)
	switch {
	case !rv.IsValid():
		return 0, fmt.Errorf("nil is not a number")
	case rv.CanFloat():
		return rv.Float(), nil
	case rv.CanInt():
		return float64(rv.Int()), nil
	case rv.CanUint():
		return float64(rv.Uint()), nil
	}
	return 0, fmt.Errorf("%T is not a number", v)
}

// Int is v as an int; a float converts only when it is whole.
func Int(v any) (int, error) {
	switch x := v.(type) {
	case int:
		return x, nil
	}
	rv := reflect.ValueOf(v)
	switch {
	case !rv.IsValid():
		return 0, fmt.Errorf("nil is not a number")
	case rv.CanInt():
		return int(rv.Int()), nil
	case rv.CanUint():
		return int(rv.Uint()), nil
	case rv.CanFloat():
		f := rv.Float()
		if f != math.Trunc(f) {
			return 0, fmt.Errorf("%v is not a whole number", f)
		}
		return int(f), nil
	}
	return 0, fmt.Errorf("%T is not a number", v)
}

// String is v as a string; only string kinds convert.
func String(v any) (string, error) {
	if s, ok := v.(string); ok {
		return s, nil
	}
	rv := reflect.ValueOf(v)
	if rv.IsValid() && rv.Kind() == reflect.String {
		return rv.String(), nil
	}
	return "", fmt.Errorf("%T is not a string", v)
}

// Slice is v as a []any: a []any as is, any other slice or array element
// by element.
func Slice(v any) ([]any, error) {
	if s, ok := v.([]any); ok {
		return s, nil
	}
	rv := reflect.ValueOf(v)
	if !rv.IsValid() || (rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array) {
		return nil, fmt.Errorf("%T is not a slice", v)
	}
	out := make([]any, rv.Len())
	for i := range out {
		out[i] = rv.Index(i).Interface()
	}
	return out, nil
}

// Floats is v (a slice of numbers) as a []float64.
func Floats(v any) ([]float64, error) {
	if f, ok := v.([]float64); ok {
		return f, nil
	}
	s, err := Slice(v)
	if err != nil {
		return nil, err
	}
	out := make([]float64, len(s))
	for i, x := range s {
		if out[i], err = Float(x); err != nil {
			return nil, fmt.Errorf("element %d: %w", i, err)
		}
	}
	return out, nil
}

// Ints is v (a slice of whole numbers) as a []int.
func Ints(v any) ([]int, error) {
	if f, ok := v.([]int); ok {
		return f, nil
	}
	s, err := Slice(v)
	if err != nil {
		return nil, err
	}
	out := make([]int, len(s))
	for i, x := range s {
		if out[i], err = Int(x); err != nil {
			return nil, fmt.Errorf("element %d: %w", i, err)
		}
	}
	return out, nil
}

// Strings is v (a slice of strings) as a []string.
func Strings(v any) ([]string, error) {
	if f, ok := v.([]string); ok {
		return f, nil
	}
	s, err := Slice(v)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(s))
	for i, x := range s {
		if out[i], err = String(x); err != nil {
			return nil, fmt.Errorf("element %d: %w", i, err)
		}
	}
	return out, nil
}

// To converts v to type t for passing to a function by reflection: values
// assignable to t pass as they are, numbers convert between kinds (a float
// to an integer only when whole), slices convert element by element, nil
// becomes t's zero value.
func To(v any, t reflect.Type) (reflect.Value, error) {
	if v == nil {
		return reflect.Zero(t), nil
	}
	rv := reflect.ValueOf(v)
	if rv.Type().AssignableTo(t) {
		return rv, nil
	}
	switch {
	case isNumber(t.Kind()) && isNumber(rv.Kind()):
		if isInteger(t.Kind()) && rv.CanFloat() && rv.Float() != math.Trunc(rv.Float()) {
			return reflect.Value{}, fmt.Errorf("%v is not a whole number, %v needs one", v, t)
		}
		return rv.Convert(t), nil
	case t.Kind() == reflect.String && rv.Kind() == reflect.String:
		return rv.Convert(t), nil
	case t.Kind() == reflect.Slice && (rv.Kind() == reflect.Slice || rv.Kind() == reflect.Array):
		out := reflect.MakeSlice(t, rv.Len(), rv.Len())
		for i := range rv.Len() {
			e, err := To(rv.Index(i).Interface(), t.Elem())
			if err != nil {
				return reflect.Value{}, fmt.Errorf("element %d: %w", i, err)
			}
			out.Index(i).Set(e)
		}
		return out, nil
	}
	return reflect.Value{}, fmt.Errorf("cannot use %T as %v", v, t)
}

func isInteger(k reflect.Kind) bool {
	return k >= reflect.Int && k <= reflect.Uintptr
}

func isNumber(k reflect.Kind) bool {
	return isInteger(k) || k == reflect.Float32 || k == reflect.Float64
}
