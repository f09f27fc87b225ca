package convert

import (
	"fmt"
	"reflect"
	"testing"
)

type meters float64 // stands for a named type made by the interpreter

func TestScalars(t *testing.T) {
	tests := []struct {
		in      any
		float   string
		integer string
	}{
		{3, "3 <nil>", "3 <nil>"},
		{2.5, "2.5 <nil>", "0 2.5 is not a whole number"},
		{4.0, "4 <nil>", "4 <nil>"},
		{meters(1.5), "1.5 <nil>", "0 1.5 is not a whole number"},
		{uint8(7), "7 <nil>", "7 <nil>"},
		{"x", "0 string is not a number", "0 string is not a number"},
		{nil, "0 nil is not a number", "0 nil is not a number"},
	}
	for _, tt := range tests {
		f, err := Float(tt.in)
		if got := fmt.Sprint(f, " ", errText(err)); got != tt.float {
			t.Errorf("Float(%#v) = %s, want %s", tt.in, got, tt.float)
		}
		i, err := Int(tt.in)
		if got := fmt.Sprint(i, " ", errText(err)); got != tt.integer {
			t.Errorf("Int(%#v) = %s, want %s", tt.in, got, tt.integer)
		}
	}
}

func errText(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

func TestTo(t *testing.T) {
	tests := []struct {
		in   any
		to   reflect.Type
		want string // %v of the result, or the error
	}{
		{3, reflect.TypeFor[float64](), "3"},
		{3.0, reflect.TypeFor[int](), "3"},
		{3.5, reflect.TypeFor[int](), "3.5 is not a whole number, int needs one"},
		{[]any{1, 2.5}, reflect.TypeFor[[]float64](), "[1 2.5]"},
		{[]int{1, 2}, reflect.TypeFor[[]any](), "[1 2]"},
		{nil, reflect.TypeFor[[]int](), "[]"},
		{"a", reflect.TypeFor[int](), "cannot use string as int"},
		{meters(2), reflect.TypeFor[float64](), "2"},
	}
	for _, tt := range tests {
		v, err := To(tt.in, tt.to)
		got := errText(err)
		if err == nil {
			got = fmt.Sprint(v.Interface())
			if v.Type() != tt.to && !v.Type().AssignableTo(tt.to) {
				t.Errorf("To(%#v, %v) has type %v", tt.in, tt.to, v.Type())
			}
		}
		if got != tt.want {
			t.Errorf("To(%#v, %v) = %s, want %s", tt.in, tt.to, got, tt.want)
		}
	}
	if fs, err := Floats([]any{1, 2}); err != nil || fmt.Sprint(fs) != "[1 2]" {
		t.Errorf("Floats = %v, %v", fs, err)
	}
	if _, err := Strings([]any{"a", 1}); err == nil || err.Error() != "element 1: int is not a string" {
		t.Errorf("Strings error = %v", err)
	}
}
