package interp

import (
	"reflect"
	"strconv"
)

// This file is gopar's: an index out of range says which index and which
// length, as the Go runtime does ("index out of range [3] with length 1");
// reflect said only "reflect: slice index out of range".

// boundsError is the runtime.Error of an index out of range.
type boundsError struct{ index, length int }

func (e boundsError) Error() string {
	return "runtime error: index out of range [" + strconv.Itoa(e.index) + "] with length " + strconv.Itoa(e.length)
}

// RuntimeError marks boundsError as a runtime.Error.
func (boundsError) RuntimeError() {}

// indexChecked is v.Index(i), v a slice, array or string, with Go's
// runtime error when i is out of range.
func indexChecked(v reflect.Value, i int) reflect.Value {
	switch v.Kind() {
	case reflect.Slice, reflect.Array, reflect.String:
		if n := v.Len(); uint(i) >= uint(n) {
			panic(boundsError{i, n})
		}
	}
	return v.Index(i)
}
