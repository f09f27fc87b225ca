package interp

import (
	"reflect"
	"strconv"
	"sync"
	"sync/atomic"
	"unsafe"
)

// gopar: a call allocates its frame's slots at once. Each slot was a
// reflect.New of its own on every call (a call of fib(n) made eight
// allocations). The slots of a func are now the fields of one struct type,
// made once per func, allocated by one reflect.New per call. A slot lives as
// long as anything refers to any slot of that call (a closure, &x, a
// goroutine, a deferred call): nothing is reused, so no slot can be seen by
// two calls.

// slotLayout is the struct type of a func's frame with its slots:
// struct { F frame; D [n]reflect.Value; S0 T0; ...; Sn-1 Tn-1 }, the frame
// header, its data (the reflect.Values of the slots) and the slots.
type slotLayout struct {
	types   []reflect.Type // the frame types the layout was made for
	st      reflect.Type   // nil when reflect cannot make the struct
	dataOff uintptr        // offset of D
	// tmpl is D of a frame at address 0: each slot's reflect.Value with
	// the slot's offset for address. A call copies it and adds its frame's
	// address, rather than asking reflect for each field (nil when the
	// layout of reflect.Value is not the one valueHeader reads).
	tmpl []slotValue

	// last and free hold frames given back for reuse (framereuse.go),
	// zeroed: the one given back last, and more of them.
	last atomic.Pointer[frame]
	free sync.Pool

	// varUse is what the func's body does with its variables (nil until
	// looked at, framereuse.go).
	varUse atomic.Pointer[varUse]
	// whole is the reflect.Value of a frame struct at address 0 (nil typ
	// when its layout is not the one valueHeader reads): release zeroes a
	// frame through it, where reflect.NewAt looked up the pointer type in
	// a concurrent map at each call.
	whole slotValue
}

// The frame's cancellation case is written with a plain store while the
// frame is new (initFrame): atomic.Pointer must be the pointer alone.
var _ [unsafe.Sizeof(atomic.Pointer[int]{}) - unsafe.Sizeof(unsafe.Pointer(nil))]struct{}
var _ [unsafe.Sizeof(unsafe.Pointer(nil)) - unsafe.Sizeof(atomic.Pointer[int]{})]struct{}

// slotValue is a slot's reflect.Value in a frame at address 0.
type slotValue struct {
	typ  unsafe.Pointer
	off  uintptr
	flag uintptr
}

// valueHeader is the layout of a reflect.Value: its type, the address
// of its data (a slot's, as slots are addressable), and its flags.
type valueHeader struct {
	typ  unsafe.Pointer
	ptr  unsafe.Pointer
	flag uintptr
}

// slotLayout returns the layout of n's frame types, made on first use.
func (n *node) slotLayout() *slotLayout {
	// An unsafe.Pointer rather than an atomic.Pointer: nodes are copied.
	if l := (*slotLayout)(atomic.LoadPointer(&n.slots)); l != nil && sameTypes(l.types, n.types) {
		return l
	}
	l := &slotLayout{types: n.types}
	if st := slotStruct(n.types); st != nil {
		l.st, l.dataOff = st, st.Field(1).Offset
		l.tmpl = slotTemplate(st, len(n.types))
		l.whole = wholeTemplate(st)
	}
	atomic.StorePointer(&n.slots, unsafe.Pointer(l))
	return l
}

// sameTypes reports whether a and b are the same slice (the frame types
// of a func are fixed once it is compiled).
func sameTypes(a, b []reflect.Type) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

var (
	frameType = reflect.TypeFor[frame]()
	valueType = reflect.TypeFor[reflect.Value]()
)

// slotStruct is the frame struct of a func of these frame types, or nil
// when reflect refuses to make it (a frame larger than the address space).
func slotStruct(types []reflect.Type) (st reflect.Type) {
	fields := make([]reflect.StructField, 2+len(types))
	fields[0] = reflect.StructField{Name: "F", Type: frameType}
	fields[1] = reflect.StructField{Name: "D", Type: reflect.ArrayOf(len(types), valueType)}
	for i, t := range types {
		if t == nil {
			return nil
		}
		fields[2+i] = reflect.StructField{Name: "S" + strconv.Itoa(i), Type: t}
	}
	defer func() {
		if recover() != nil {
			st = nil
		}
	}()
	return reflect.StructOf(fields)
}

// newCallFrame is newFrame(anc, len(n.types), id) for a call of the func
// n, its slots set to new zero values of n's frame types, in one
// allocation.
func (n *node) newCallFrame(anc *frame, id uint64) *frame {
	return n.slotLayout().frame(anc, id)
}

// frame is a new frame of this layout (n.newCallFrame).
func (l *slotLayout) frame(anc *frame, id uint64) *frame {
	return l.frameFor(nil, anc, id)
}

// frameFor is a new frame of this layout for a call made from the frame
// caller (nil when the call is not made from a frame, a callback): one
// that a call made from caller gave back, when one is of this layout.
//
// A frame is run by one goroutine at a time, so what it holds for its
// calls needs no atomic operation; the global frame is the exception (the
// top-level code of cells runs there while goroutines they started call
// funcs too). The spare frames chain as calls nest: a recursion of depth
// d keeps d frames, each the spare of the one below, and a loop calling
// a func reuses one frame, with no atomic swap or pool in between.
func (l *slotLayout) frameFor(caller, anc *frame, id uint64) *frame {
	if l.st == nil {
		f := newFrame(anc, len(l.types), id)
		for i, t := range l.types {
			f.data[i] = reflect.New(t).Elem()
		}
		return f
	}
	var base unsafe.Pointer
	if l.tmpl != nil {
		if caller != nil && caller != caller.root {
			for i, sp := range caller.spare {
				if sp != nil && sp.layout == l {
					base, caller.spare[i] = unsafe.Pointer(sp), nil
					break
				}
			}
		}
		if base == nil {
			base = l.reused()
		}
	}
	var p reflect.Value
	if base == nil {
		p = reflect.New(l.st)
		base = p.UnsafePointer()
	}
	f := (*frame)(base) // field F, at offset 0
	f.layout = l
	f.data = unsafe.Slice((*reflect.Value)(unsafe.Add(base, l.dataOff)), len(l.types))
	initFrame(f, anc, id)
	if caller != nil && caller != anc {
		// The cancellation case of the goroutine making the call
		// (goroutinedone.go), not of the one that made the closure called.
		*(*unsafe.Pointer)(unsafe.Pointer(&f.done)) = unsafe.Pointer(caller.done.Load())
	}
	if l.tmpl != nil {
		d := unsafe.Slice((*valueHeader)(unsafe.Pointer(unsafe.SliceData(f.data))), len(f.data))
		for i, t := range l.tmpl {
			d[i] = valueHeader{t.typ, unsafe.Add(base, t.off), t.flag}
		}
		return f
	}
	s := p.Elem()
	for i := range f.data {
		f.data[i] = s.Field(2 + i)
	}
	return f
}

// reused is a frame given back to the layout, or nil.
func (l *slotLayout) reused() unsafe.Pointer {
	// A func called in a loop gets back the frame its last call gave; a
	// pool costs more than a swap.
	if r := l.last.Swap(nil); r != nil {
		return unsafe.Pointer(r)
	}
	if r, ok := l.free.Get().(*frame); ok {
		return unsafe.Pointer(r)
	}
	return nil
}

// release gives back the frame f of a call of def that has returned, to
// be the frame of a later call, when nothing the call made can still
// refer to it (frameReuse.go). f is zeroed now, as a new frame is.
func (l *slotLayout) release(def *node, f *frame) {
	l.releaseTo(nil, def, f)
}

// releaseTo is release for a call made from the frame caller (nil when
// none), which keeps f for its next call (frameFor).
func (l *slotLayout) releaseTo(caller *frame, def *node, f *frame) {
	if l.tmpl == nil || l.whole.typ == nil || !l.reusable(def) || def.interp.debugger != nil {
		// f lives on (a closure or a pointer refers to it): the frames it
		// kept for its calls go back to their funcs.
		f.dropSpares()
		return
	}
	spare := f.spare // the frames of f's own calls stay with it
	h := valueHeader{l.whole.typ, unsafe.Pointer(f), l.whole.flag}
	(*reflect.Value)(unsafe.Pointer(&h)).SetZero()
	f.spare, f.layout = spare, l
	if caller != nil && caller != caller.root {
		for i, sp := range caller.spare {
			if sp == nil {
				caller.spare[i] = f
				return
			}
		}
	}
	l.giveBack(f)
}

// giveBack makes the zeroed frame f the layout's to reuse.
func (l *slotLayout) giveBack(f *frame) {
	if !l.last.CompareAndSwap(nil, f) {
		l.free.Put(f)
	}
}

// dropSpares gives the frames f kept for its calls back to their funcs,
// when f will make no more calls (its goroutine ends) or lives on.
func (f *frame) dropSpares() {
	for i, sp := range f.spare {
		if sp != nil {
			f.spare[i] = nil
			sp.layout.giveBack(sp)
		}
	}
}

// wholeTemplate returns the reflect.Value of a frame struct st at address
// 0, or one of nil type when a value rebuilt from it at a frame's address
// is not the one reflect gives.
func wholeTemplate(st reflect.Type) slotValue {
	v := reflect.New(st).Elem()
	h := *(*valueHeader)(unsafe.Pointer(&v))
	if uintptr(h.ptr) != v.UnsafeAddr() {
		return slotValue{}
	}
	q := reflect.New(st).Elem()
	w := valueHeader{h.typ, unsafe.Pointer(q.UnsafeAddr()), h.flag}
	if *(*valueHeader)(unsafe.Pointer(&q)) != w {
		return slotValue{}
	}
	return slotValue{typ: h.typ, flag: h.flag}
}

// slotTemplate returns the template of D for the frame struct st of n
// slots, or nil when the reflect.Values of a frame's slots are not its
// template's with the frame's address added (checked on a frame made for
// the purpose).
func slotTemplate(st reflect.Type, n int) []slotValue {
	if n == 0 {
		return nil
	}
	p := reflect.New(st)
	base := uintptr(p.UnsafePointer())
	s := p.Elem()
	tmpl := make([]slotValue, n)
	for i := range tmpl {
		v := s.Field(2 + i)
		h := *(*valueHeader)(unsafe.Pointer(&v))
		off := uintptr(h.ptr) - base
		if uintptr(h.ptr) < base || off != st.Field(2+i).Offset || v.UnsafeAddr() != uintptr(h.ptr) {
			return nil
		}
		tmpl[i] = slotValue{h.typ, off, h.flag}
	}
	// A value rebuilt from the template is the field reflect gives.
	q := reflect.New(st)
	qs := q.Elem()
	for i, t := range tmpl {
		v := qs.Field(2 + i)
		w := valueHeader{t.typ, unsafe.Add(q.UnsafePointer(), t.off), t.flag}
		if *(*valueHeader)(unsafe.Pointer(&v)) != w {
			return nil
		}
	}
	return tmpl
}
