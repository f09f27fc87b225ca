package interp

import (
	"reflect"
	"strconv"
	"strings"
)

// This file is gopar's addition to yaegi: what compiled code needs to print
// values of interpreted types as compiled Go would. reflect cannot make
// named types, so an interpreted Point is a struct { X int; Y int } to
// compiled code, its unexported fields are renamed, and its methods are
// out of reach. The interpreter knows the type of a value it keeps in an
// interface (valueInterface), and every type's name, fields and methods.

// Type is an interpreted type, as compiled code that prints values of it
// sees it.
type Type struct{ t *itype }

// ValueType reports the type of a value the interpreter handed over in its
// own interface representation (a value of a type with methods in an empty
// interface, or one converted from an interface with methods), and the
// value it holds. ok is false for other values. The type is nil when the
// interpreter knows only the interface, the value invalid for a nil
// interface.
func ValueType(v any) (t *Type, value reflect.Value, ok bool) {
	vi, ok := v.(valueInterface)
	if !ok {
		return nil, reflect.Value{}, false
	}
	// An interface value may hold another one.
	for vi.value.IsValid() && vi.value.CanInterface() {
		inner, ok := asValueInterface(vi.value)
		if !ok {
			break
		}
		vi = inner
	}
	if vi.value.IsValid() && vi.value.Kind() == reflect.Interface {
		vi.value = vi.value.Elem()
	}
	if !vi.value.IsValid() || vi.node == nil || vi.node.typ == nil || isInterface(vi.node.typ) || vi.node.typ.cat == nilT {
		return nil, vi.value, true
	}
	return &Type{vi.node.typ}, vi.value, true
}

// LookupType returns the type declared as name in the package of import
// path path, or nil.
func (interp *Interpreter) LookupType(path, name string) *Type {
	interp.mutex.RLock()
	defer interp.mutex.RUnlock()
	sc := interp.scopes[path]
	if sc == nil {
		return nil
	}
	sym := sc.sym[name]
	if sym == nil || sym.kind != typeSym || sym.typ == nil || sym.typ.incomplete {
		return nil
	}
	return &Type{sym.typ}
}

// underlying is t without the named types it is defined from.
func (t *Type) underlying() *itype {
	u := t.t
	for u.cat == linkedT && u.val != nil {
		u = u.val
	}
	return u
}

// String writes the type as reflect writes compiled types: main.Point,
// []interface {}, *main.Celsius.
func (t *Type) String() string {
	var b strings.Builder
	writeReflectName(&b, t.t, 0)
	return b.String()
}

// ReflectType is the reflect type of the values of the type the
// interpreter keeps, or nil.
func (t *Type) ReflectType() (rt reflect.Type) {
	defer func() {
		if recover() != nil {
			rt = nil
		}
	}()
	return t.t.frameType()
}

// Compiled returns the reflect type of a compiled type, or nil: fmt prints
// values of compiled types right by itself.
func (t *Type) Compiled() reflect.Type {
	if u := t.underlying(); u.cat == valueT {
		return u.rtype
	}
	return nil
}

var reflectKinds = map[tcat]reflect.Kind{
	arrayT: reflect.Array, boolT: reflect.Bool, chanT: reflect.Chan, chanSendT: reflect.Chan, chanRecvT: reflect.Chan,
	complex64T: reflect.Complex64, complex128T: reflect.Complex128, errorT: reflect.Interface,
	float32T: reflect.Float32, float64T: reflect.Float64, funcT: reflect.Func, interfaceT: reflect.Interface,
	intT: reflect.Int, int8T: reflect.Int8, int16T: reflect.Int16, int32T: reflect.Int32, int64T: reflect.Int64,
	mapT: reflect.Map, ptrT: reflect.Pointer, sliceT: reflect.Slice, stringT: reflect.String, structT: reflect.Struct,
	uintT: reflect.Uint, uint8T: reflect.Uint8, uint16T: reflect.Uint16, uint32T: reflect.Uint32, uint64T: reflect.Uint64,
	uintptrT: reflect.Uintptr, variadicT: reflect.Slice,
}

// Kind is the kind of the type's underlying type.
func (t *Type) Kind() reflect.Kind {
	u := t.underlying()
	if u.cat == valueT && u.rtype != nil {
		return u.rtype.Kind()
	}
	return reflectKinds[u.cat]
}

// PtrTo is the pointer type to the type.
func (t *Type) PtrTo() *Type { return &Type{ptrOf(t.t)} }

// Elem is the element type of a pointer, slice, array, map or channel
// type, or nil.
func (t *Type) Elem() *Type {
	switch u := t.underlying(); u.cat {
	case ptrT, sliceT, variadicT, arrayT, mapT, chanT, chanSendT, chanRecvT:
		if u.val != nil {
			return &Type{u.val}
		}
	}
	return nil
}

// Key is the key type of a map type, or nil.
func (t *Type) Key() *Type {
	if u := t.underlying(); u.cat == mapT && u.key != nil {
		return &Type{u.key}
	}
	return nil
}

// NumField is the number of fields of a struct type.
func (t *Type) NumField() int {
	if u := t.underlying(); u.cat == structT {
		return len(u.field)
	}
	return 0
}

// Field returns the name (as declared, not as reflect has it) and the type
// of the field i of a struct type, and whether it is embedded.
func (t *Type) Field(i int) (name string, embedded bool, typ *Type) {
	f := t.underlying().field[i]
	return f.name, f.embed, &Type{f.typ}
}

// HasMethod reports whether the method set of the type has a method of
// that name: a *T has the methods of T, a T those without a pointer
// receiver.
func (t *Type) HasMethod(name string) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	m, _ := t.t.lookupMethod(name)
	if m == nil {
		return false
	}
	return t.t.cat == ptrT || !pointerReceiver(m)
}

// pointerReceiver reports whether method declaration m has a pointer
// receiver.
func pointerReceiver(m *node) bool {
	if len(m.child) == 0 || len(m.child[0].child) == 0 {
		return false
	}
	return m.child[0].child[0].lastChild().kind == starExpr
}

// Call calls the method of that name of the type, without arguments, on
// recv (a value of the type, as the interpreter represents it), and
// returns its results. It runs the method's body as a func wrapper made by
// genFunctionWrapper would, without making one.
func (t *Type) Call(name string, recv reflect.Value) []reflect.Value {
	m, index := t.t.lookupMethod(name)
	if m == nil {
		panic("no method " + name + " in " + t.String())
	}
	def, ok := m.val.(*node)
	if !ok || len(def.child) < 4 || def.child[3] == nil {
		nod := *m
		nod.recv = &receiver{val: recv, index: index}
		return genFunctionWrapper(&nod)(m.interp.frame).Call(nil)
	}
	// The receiver, through the embedded fields that promote the method.
	for _, i := range index {
		if recv.Kind() == reflect.Ptr {
			recv = recv.Elem()
		}
		recv = recv.Field(i)
		if vi, ok := asValueInterface(recv); ok {
			recv = vi.value
		}
	}
	for {
		vi, ok := asValueInterface(recv)
		if !ok {
			break
		}
		recv = vi.value
	}
	numRet := len(def.typ.ret)
	fr := def.newCallFrame(m.interp.frame, def.interp.runid())
	d := fr.data
	if len(d) <= numRet {
		panic("method " + name + " of " + t.String() + " has no receiver slot")
	}
	switch dest := d[numRet]; {
	case recv.Kind() == reflect.Ptr && dest.Kind() != reflect.Ptr:
		dest.Set(recv.Elem())
	case recv.Kind() != reflect.Ptr && dest.Kind() == reflect.Ptr:
		p := reflect.New(recv.Type())
		p.Elem().Set(recv)
		dest.Set(p)
	default:
		dest.Set(recv)
	}
	runCfg(def.child[3].start, fr, def, m)
	return fr.data[:numRet]
}

// writeReflectName writes t as reflect.Type.String would were t compiled.
func writeReflectName(b *strings.Builder, t *itype, depth int) {
	if t == nil || depth > 50 {
		b.WriteString("?")
		return
	}
	if t.name != "" && t.path != "" && t.cat != valueT {
		pkg := t.path
		if i := strings.LastIndexByte(pkg, '/'); i >= 0 {
			pkg = pkg[i+1:]
		}
		b.WriteString(pkg + "." + t.name)
		return
	}
	switch t.cat {
	case valueT:
		if t.rtype != nil {
			b.WriteString(t.rtype.String())
			return
		}
	case errorT:
		b.WriteString("error")
		return
	case ptrT:
		b.WriteByte('*')
		writeReflectName(b, t.val, depth+1)
		return
	case sliceT, variadicT:
		b.WriteString("[]")
		writeReflectName(b, t.val, depth+1)
		return
	case arrayT:
		b.WriteString("[" + strconv.Itoa(t.length) + "]")
		writeReflectName(b, t.val, depth+1)
		return
	case mapT:
		b.WriteString("map[")
		writeReflectName(b, t.key, depth+1)
		b.WriteByte(']')
		writeReflectName(b, t.val, depth+1)
		return
	case chanT, chanSendT, chanRecvT:
		b.WriteString(map[tcat]string{chanT: "chan ", chanSendT: "chan<- ", chanRecvT: "<-chan "}[t.cat])
		writeReflectName(b, t.val, depth+1)
		return
	case funcT:
		b.WriteString("func(")
		for i, a := range t.arg {
			if i > 0 {
				b.WriteString(", ")
			}
			writeReflectName(b, a, depth+1)
		}
		b.WriteByte(')')
		if len(t.ret) > 0 {
			b.WriteByte(' ')
			if len(t.ret) > 1 {
				b.WriteByte('(')
			}
			for i, r := range t.ret {
				if i > 0 {
					b.WriteString(", ")
				}
				writeReflectName(b, r, depth+1)
			}
			if len(t.ret) > 1 {
				b.WriteByte(')')
			}
		}
		return
	case structT:
		if len(t.field) == 0 {
			b.WriteString("struct {}")
			return
		}
		b.WriteString("struct {")
		for i, f := range t.field {
			if i > 0 {
				b.WriteByte(';')
			}
			b.WriteByte(' ')
			if !f.embed {
				b.WriteString(f.name + " ")
			}
			writeReflectName(b, f.typ, depth+1)
			if f.tag != "" {
				b.WriteString(" " + strconv.Quote(f.tag))
			}
		}
		b.WriteString(" }")
		return
	case interfaceT:
		if len(t.field) == 0 {
			b.WriteString("interface {}")
			return
		}
	case linkedT:
		writeReflectName(b, t.val, depth+1)
		return
	}
	if t.name != "" {
		b.WriteString(t.name)
		return
	}
	b.WriteString(t.str)
}
