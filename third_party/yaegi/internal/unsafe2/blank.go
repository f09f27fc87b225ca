//go:build go1.21
// +build go1.21

package unsafe2

import (
	"reflect"
	"sync"
	"unsafe"
)

// abiTypeHead is the start of Go's abi.Type, up to its Equal func.
type abiTypeHead struct {
	_, _  uintptr
	_     uint32
	_     uint8
	_     uint8
	_     uint8
	_     uint8
	Equal func(unsafe.Pointer, unsafe.Pointer) bool
}

// SkipBlankFields makes == on values of the struct type s, made by
// reflect.StructOf, leave out its fields named _, as Go does: StructOf
// compares every field. Hashing (map keys) leaves them out already.
func SkipBlankFields(s reflect.Type) {
	if s.Kind() != reflect.Struct || !s.Comparable() {
		return
	}
	blank := false
	for i := 0; i < s.NumField(); i++ {
		blank = blank || s.Field(i).Name == "_"
	}
	if !blank {
		return
	}
	type field struct {
		offset uintptr
		equal  func(unsafe.Pointer, unsafe.Pointer) bool
	}
	var fields []field
	var once sync.Once
	(*abiTypeHead)(unsafe.Pointer(unpackType(s))).Equal = func(p, q unsafe.Pointer) bool {
		// The fields' types are read once the struct is complete: a
		// field may hold a placeholder until then (SetFieldType).
		once.Do(func() {
			for i := 0; i < s.NumField(); i++ {
				if f := s.Field(i); f.Name != "_" {
					fields = append(fields, field{f.Offset, (*abiTypeHead)(unsafe.Pointer(unpackType(f.Type))).Equal})
				}
			}
		})
		for _, f := range fields {
			if !f.equal(unsafe.Add(p, f.offset), unsafe.Add(q, f.offset)) {
				return false
			}
		}
		return true
	}
}
