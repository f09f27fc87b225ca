package interp

import (
	"reflect"
	"unsafe"
)

// gopar: typed access to the values the interpreter holds in
// reflect.Values, for the steps that work on Go maps and slices directly
// (fastmap.go, fastappend.go). A value of a basic kind (bool, a number, a
// string) is held as the Go type of that kind, whatever its type's name:
// a program's `type Celsius float64` has a reflect type of kind Float64,
// laid out as a float64. The other kinds keep reflect, since a type the
// interpreter made (a struct, an interface holding a value of the
// program's types) has no Go type to name.

// valueData is the address of v's data. v is of a basic kind, whose
// values reflect always holds indirectly: the Value's pointer word points
// at the value (into the variable for a variable).
func valueData(v reflect.Value) unsafe.Pointer {
	return (*valueHeader)(unsafe.Pointer(&v)).ptr
}

// valueAs is v's value, of a basic kind whose Go type is T.
func valueAs[T any](v reflect.Value) T { return *(*T)(valueData(v)) }

// setValueAs sets v, a settable value of a basic kind whose Go type is T.
func setValueAs[T any](v reflect.Value, x T) { *(*T)(valueData(v)) = x }

// typedValues says whether valueData reads reflect's Value as this Go's
// reflect lays it out: when it does not, nothing is typed.
var typedValues = valueDataHolds(int64(-7)) && valueDataHolds("typed") && valueDataHolds(true) &&
	valueDataHolds(2.5) && valueDataHolds(uint8(3)) && valueDataHolds(complex(1, 2))

// valueDataHolds checks valueData on a copy of x and on a variable.
func valueDataHolds[T comparable](x T) bool {
	if valueAs[T](reflect.ValueOf(x)) != x {
		return false
	}
	p := new(T)
	v := reflect.ValueOf(p).Elem()
	setValueAs(v, x)
	return valueData(v) == unsafe.Pointer(p) && *p == x
}

// isConstant reports whether n is a constant, not a variable of a
// compiled package (which has a value at compile time too).
func isConstant(n *node) bool { return n.rval.IsValid() && !n.rval.CanSet() }

// typedOperand returns how the value of n, of the basic kind of T, is
// read as a T, or nil when n's values are not of that kind. A constant is
// converted once, as a value assigned to T is (m[1] of a map[float64]int).
func typedOperand[T any](n *node, kind reflect.Kind) func(*frame) T {
	if n.typ == nil {
		return nil
	}
	if isConstant(n) {
		v := genValue(n)(nil) // a constant's value reads no frame
		t := reflect.TypeFor[T]()
		if !v.IsValid() || !v.Type().ConvertibleTo(t) {
			return nil
		}
		x := v.Convert(t).Interface().(T)
		return func(*frame) T { return x }
	}
	if n.typ.frameType().Kind() != kind {
		return nil
	}
	if i, ok := localSlot(n); ok && !n.mapKey {
		return func(f *frame) T { return valueAs[T](f.data[i]) }
	}
	v := genValue(n)
	return func(f *frame) T { return valueAs[T](v(f)) }
}
