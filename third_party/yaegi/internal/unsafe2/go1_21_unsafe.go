//go:build go1.21
// +build go1.21

// Package unsafe2 provides helpers to generate recursive struct types.
package unsafe2

import (
	"reflect"
	"unsafe"
)

type dummy struct{}

// DummyType represents a stand-in for a recursive type.
var DummyType = reflect.TypeOf(dummy{})

// The following type sizes must match their original definition in Go src/internal/abi/type.go.
type abiType struct {
	_ uintptr
	_ uintptr
	_ uint32
	_ uint8
	_ uint8
	_ uint8
	_ uint8
	_ uintptr
	_ uintptr
	_ int32
	_ int32
}

type abiName struct {
	Bytes *byte
}

type abiStructField struct {
	Name   abiName
	Typ    *abiType
	Offset uintptr
}

type abiStructType struct {
	abiType
	PkgPath abiName
	Fields  []abiStructField
}

// SetFieldType sets the type of the struct field at the given index, to the given type.
//
// The struct type must have been created at runtime. This is very unsafe.
func SetFieldType(s reflect.Type, idx int, t reflect.Type) {
	if s.Kind() != reflect.Struct || idx >= s.NumField() {
		return
	}

	rtyp := unpackType(s)
	styp := (*abiStructType)(unsafe.Pointer(rtyp))
	f := styp.Fields[idx]
	f.Typ = unpackType(t)
	styp.Fields[idx] = f
}

// unpackType is the abi.Type of t: a reflect.Type holds a *rtype, which is
// one. (The type of a zero value put in an interface, as yaegi took it, is
// nil for an interface type.)
func unpackType(t reflect.Type) *abiType {
	return (*abiType)((*[2]unsafe.Pointer)(unsafe.Pointer(&t))[1])
}

// The element and parameter types of composite types, patched in place
// to make a named type that refers to itself (type stateFn func(*lexer)
// stateFn), which reflect cannot make. They follow the layouts of
// internal/abi: each kind's type descriptor starts with abiType, then
// holds its element type (pointers, slices, chans, arrays), its key and
// element (maps), or its counts then parameters (funcs made by FuncOf,
// which have no uncommon part).

type abiElemType struct {
	abiType
	Elem *abiType
}

type abiMapType struct {
	abiType
	Key  *abiType
	Elem *abiType
}

type abiFuncType struct {
	abiType
	InCount  uint16
	OutCount uint16
}

const tflagUncommon = 1 << 0

// tflag reads abiType's TFlag, the first of its four bytes after Hash.
func (t *abiType) tflag() uint8 {
	return *(*uint8)(unsafe.Add(unsafe.Pointer(t), 2*unsafe.Sizeof(uintptr(0))+4))
}

// SetElem makes e the element type of the pointer, slice, chan or array
// type t.
func SetElem(t, e reflect.Type) bool {
	switch t.Kind() {
	case reflect.Ptr, reflect.Slice, reflect.Chan, reflect.Array:
	default:
		return false
	}
	(*abiElemType)(unsafe.Pointer(unpackType(t))).Elem = unpackType(e)
	return true
}

// SetMapElem makes e the element type of the map type t; e must have the
// size and pointers of the element it replaces, as the map's slots are
// laid out for it.
func SetMapElem(t, e reflect.Type) bool {
	if t.Kind() != reflect.Map || t.Elem().Size() != e.Size() {
		return false
	}
	(*abiMapType)(unsafe.Pointer(unpackType(t))).Elem = unpackType(e)
	return true
}

// SetFuncParam makes p the type of the i-th parameter of the func type t,
// counting its results after its inputs.
func SetFuncParam(t reflect.Type, i int, p reflect.Type) bool {
	if t.Kind() != reflect.Func || i >= t.NumIn()+t.NumOut() {
		return false
	}
	ft := (*abiFuncType)(unsafe.Pointer(unpackType(t)))
	if ft.tflag()&tflagUncommon != 0 {
		return false
	}
	params := unsafe.Add(unsafe.Pointer(ft), unsafe.Sizeof(*ft))
	*(**abiType)(unsafe.Add(params, uintptr(i)*unsafe.Sizeof(uintptr(0)))) = unpackType(p)
	return true
}
