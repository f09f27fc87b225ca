package interp

import (
	"reflect"
	"strconv"
)

// This file is gopar's: an index out of range says which index and which
// length, as the Go runtime does ("index out of range [3] with length 1");
// reflect said only "reflect: slice index out of range". make with a size
// out of range panics with the runtime's error, not reflect's string.

// boundsError is the runtime.Error of an index out of range.
type boundsError struct{ index, length int }

func (e boundsError) Error() string {
	if e.index < 0 {
		// The runtime names no length for a negative index.
		return "runtime error: index out of range [" + strconv.Itoa(e.index) + "]"
	}
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

// plainError is a runtime.Error whose message is the runtime's own words.
type plainError string

func (e plainError) Error() string { return string(e) }

// RuntimeError marks plainError as a runtime.Error.
func (plainError) RuntimeError() {}

// maxAlloc is the largest allocation the Go runtime makes: 1<<48 bytes on
// 64-bit systems, the address space on 32-bit ones.
var maxAlloc = map[int]uint64{32: 1<<32 - 1, 64: 1 << 48}[strconv.IntSize]

// allocFits reports whether n elements of size each fit in one
// allocation.
func allocFits(size uintptr, n int64) bool {
	if n < 0 {
		return false
	}
	if size == 0 {
		return true
	}
	return uint64(n) <= maxAlloc/uint64(size)
}

// checkMakeSlice panics as make does for a slice of type t with length l
// and capacity c that cannot be made.
func checkMakeSlice(t reflect.Type, l, c int64) {
	size := t.Elem().Size()
	if !allocFits(size, c) || l > c {
		if !allocFits(size, l) {
			panic(plainError("runtime error: makeslice: len out of range"))
		}
		panic(plainError("runtime error: makeslice: cap out of range"))
	}
}

// checkMakeChan panics as make does for a channel of type t with a buffer
// of size elements that cannot be made.
func checkMakeChan(t reflect.Type, size int64) {
	if !allocFits(t.Elem().Size(), size) {
		panic(plainError("makechan: size out of range"))
	}
}
