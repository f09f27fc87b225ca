package interp

import (
	"reflect"
	"strconv"
	"strings"
)

// This file is gopar's addition to yaegi: what compiled code needs to print
// values of interpreted types as compiled Go would. reflect cannot make
// named types, so an interpreted Point is a struct { X int; Y int } to
// compiled code, and %T cannot name it. The interpreter knows the type of
// a value it keeps in an interface (valueInterface), and the reflect type
// each defined type is represented by.

// DynamicType reports the type of a value the interpreter handed over in its
// own interface representation (a value of a type with methods in an empty
// interface, or one converted from an interface with methods), written as
// reflect writes compiled types ("main.Point", "*main.Celsius"), and the
// value it holds. ok is false for other values.
func DynamicType(v any) (name string, value reflect.Value, ok bool) {
	vi, ok := v.(valueInterface)
	if !ok {
		return "", reflect.Value{}, false
	}
	// An interface value may hold another one.
	for vi.value.IsValid() && vi.value.CanInterface() {
		inner, ok := vi.value.Interface().(valueInterface)
		if !ok {
			break
		}
		vi = inner
	}
	value = vi.value
	if vi.node == nil || vi.node.typ == nil {
		return "", value, value.IsValid()
	}
	t := vi.node.typ
	if isInterface(t) {
		// The node is the interface, not what it holds.
		return "", value, value.IsValid()
	}
	return reflectName(t), value, value.IsValid()
}

// DefinedType returns the reflect type that values of the type declared as
// name in the package of import path path have.
func (interp *Interpreter) DefinedType(path, name string) (rt reflect.Type, ok bool) {
	interp.mutex.Lock()
	defer interp.mutex.Unlock()
	sc := interp.scopes[path]
	if sc == nil {
		return nil, false
	}
	sym := sc.sym[name]
	if sym == nil || sym.kind != typeSym || sym.typ == nil || sym.typ.incomplete || isInterface(sym.typ) {
		return nil, false
	}
	defer func() {
		if recover() != nil {
			rt, ok = nil, false
		}
	}()
	return sym.typ.TypeOf(), true
}

// reflectName writes t as reflect.Type.String would were t compiled.
func reflectName(t *itype) string {
	var b strings.Builder
	writeReflectName(&b, t, 0)
	return b.String()
}

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
