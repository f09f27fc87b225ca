package interp

import (
	"reflect"
	"unsafe"
)

// gopar: `&T{...}` of a struct type the interpreter made (reflect.StructOf)
// looked up the type's pointer type in reflect's concurrent map twice,
// once in reflect.New and once in Value.Addr: types StructOf makes have no
// pointer type of their own at hand. The pointer type is now found once,
// when the step is made, and the struct is allocated with the runtime's
// allocator that reflect.New calls.

// unsafeNew allocates a zeroed value of the type typ (an *abi.Type, the
// type word of a reflect.Value): what reflect.New allocates with.
//
//go:linkname unsafeNew reflect.unsafe_New
func unsafeNew(typ unsafe.Pointer) unsafe.Pointer

// newTemplate is how reflect.New(t) and its Elem look, at address 0.
type newTemplate struct {
	elem, ptr valueHeader
}

// newTemplateOf returns the template of t, or false when a reflect.Value
// is not laid out as valueData reads it.
func newTemplateOf(t reflect.Type) (newTemplate, bool) {
	if !typedValues || t == nil {
		return newTemplate{}, false
	}
	p := reflect.New(t)
	e := p.Elem()
	if (*valueHeader)(unsafe.Pointer(&p)).ptr != valueData(e) || valueData(e) != p.UnsafePointer() {
		return newTemplate{}, false
	}
	return newTemplate{elem: headerOf(e), ptr: headerOf(p)}, true
}

// new returns the addressable Value of a new zero value of the type, as
// reflect.New(t).Elem().
func (t *newTemplate) new() reflect.Value {
	h := t.elem
	h.ptr = unsafeNew(h.typ)
	return *(*reflect.Value)(unsafe.Pointer(&h))
}

// addr returns v.Addr() when v is an addressable value of the type that
// can be set, else false.
func (t *newTemplate) addr(v reflect.Value) (reflect.Value, bool) {
	h := (*valueHeader)(unsafe.Pointer(&v))
	if h.typ != t.elem.typ || !v.CanSet() {
		return reflect.Value{}, false
	}
	p := t.ptr
	p.ptr = h.ptr
	return *(*reflect.Value)(unsafe.Pointer(&p)), true
}
