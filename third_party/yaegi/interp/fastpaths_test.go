package interp

import (
	"reflect"
	"testing"
)

// The direct paths learn reflect's layouts at start-up and fall back to
// reflect when they do not match: this says when a Go release changed them.
func TestFastPathLayouts(t *testing.T) {
	if !closureLayout.ok {
		t.Error("func values made by makeClosure are not recognised: closures are called through reflect")
	}
	c := &closure{}
	if got := closureOf(makeClosure(reflect.TypeFor[func(int) int](), nil, nil)); got == nil || got == c {
		t.Errorf("closureOf(makeClosure(...)) = %v", got)
	}
	if closureOf(reflect.ValueOf(func() {})) != nil || closureOf(reflect.ValueOf((func())(nil))) != nil {
		t.Error("a compiled func taken for a closure")
	}
	types := []reflect.Type{reflect.TypeFor[int](), reflect.TypeFor[string](), reflect.TypeFor[[]float64]()}
	st := slotStruct(types)
	if st == nil || slotTemplate(st, len(types)) == nil {
		t.Error("frames' slot tables are not made from a template: each slot is a reflect.Value.Field")
	}
}
