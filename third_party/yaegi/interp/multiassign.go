package interp

import "reflect"

// gopar: a multiple assignment of values of basic types (a swap, `i, j =
// i+1, j-1`) holds the values it read in Go variables until it writes
// them. Each value was copied to a new reflect.Value (an allocation) and
// the copies to a new slice, at every execution.

// basicValue holds a value of a basic kind, in the field of its class.
type basicValue struct {
	i int64
	u uint64
	f float64
	c complex128
	s string
	b bool
}

// basicClass is the accessor class of a basic kind, 0 for other kinds.
func basicClass(k reflect.Kind) reflect.Kind {
	switch k {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return reflect.Int64
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return reflect.Uint64
	case reflect.Float32, reflect.Float64:
		return reflect.Float64
	case reflect.Complex64, reflect.Complex128:
		return reflect.Complex128
	case reflect.String:
		return reflect.String
	case reflect.Bool:
		return reflect.Bool
	}
	return reflect.Invalid
}

func (b *basicValue) read(v reflect.Value, class reflect.Kind) {
	switch class {
	case reflect.Int64:
		b.i = v.Int()
	case reflect.Uint64:
		b.u = v.Uint()
	case reflect.Float64:
		b.f = v.Float()
	case reflect.Complex128:
		b.c = v.Complex()
	case reflect.String:
		b.s = v.String()
	case reflect.Bool:
		b.b = v.Bool()
	}
}

func (b *basicValue) write(v reflect.Value, class reflect.Kind) {
	switch class {
	case reflect.Int64:
		v.SetInt(b.i)
	case reflect.Uint64:
		v.SetUint(b.u)
	case reflect.Float64:
		v.SetFloat(b.f)
	case reflect.Complex128:
		v.SetComplex(b.c)
	case reflect.String:
		v.SetString(b.s)
	case reflect.Bool:
		v.SetBool(b.b)
	}
}

// basicMultiAssign returns the step of the multiple assignment n when
// every value and its destination are of one basic kind and no
// destination is a map element, or nil.
func basicMultiAssign(n *node, types []reflect.Type, svalue, dvalue, ivalue []func(*frame) reflect.Value, next bltn) bltn {
	if len(svalue) != len(dvalue) || len(svalue) > 4 {
		return nil
	}
	classes := make([]reflect.Kind, len(svalue))
	for i := range svalue {
		c := n.child[i]
		if c.ident == "_" {
			continue // classes[i] stays Invalid: skipped below
		}
		if ivalue[i] != nil || types[i] == nil || c.typ == nil {
			return nil
		}
		dt := c.typ.TypeOf()
		if dt == nil || dt.Kind() != types[i].Kind() {
			return nil
		}
		if classes[i] = basicClass(dt.Kind()); classes[i] == reflect.Invalid {
			return nil
		}
	}
	generic := func(f *frame) bltn {
		var t [4]basicValue
		for i, s := range svalue {
			if classes[i] != reflect.Invalid {
				t[i].read(s(f), classes[i])
			}
		}
		for i, d := range dvalue {
			if classes[i] != reflect.Invalid {
				t[i].write(d(f), classes[i])
			}
		}
		return next
	}
	if w := wordPair(n, svalue, dvalue, generic, next); w != nil {
		return w
	}
	return generic
}

// wordPair returns, for a multiple assignment of two values that are each
// one machine word of memory (an int, a uint, a float64: a swap, `a, b =
// b, a+b`), a step that copies the words without reflect; nil for others.
// A value of another kind than the one compiled for, or a destination that
// cannot be set, takes the generic step, as does a platform where
// reflect.Value is not laid out as valueData reads it.
func wordPair(n *node, svalue, dvalue []func(*frame) reflect.Value, generic, next bltn) bltn {
	if !typedValues || len(svalue) != 2 || len(dvalue) != 2 {
		return nil
	}
	var kinds [2]reflect.Kind
	for i := range kinds {
		c := n.child[i]
		if c.ident == "_" || c.typ == nil {
			return nil
		}
		switch k := c.typ.TypeOf().Kind(); {
		case k == reflect.Int64, k == reflect.Uint64, k == reflect.Float64:
			kinds[i] = k
		case (k == reflect.Int || k == reflect.Uint || k == reflect.Uintptr) && intIs64:
			kinds[i] = k
		default:
			return nil
		}
	}
	s0, s1, d0, d1 := svalue[0], svalue[1], dvalue[0], dvalue[1]
	k0, k1 := kinds[0], kinds[1]
	return func(f *frame) bltn {
		v0, v1 := s0(f), s1(f)
		if v0.Kind() != k0 || v1.Kind() != k1 {
			return generic(f)
		}
		x0, x1 := valueAs[uint64](v0), valueAs[uint64](v1)
		w0, w1 := d0(f), d1(f)
		if w0.Kind() != k0 || w1.Kind() != k1 || !w0.CanSet() || !w1.CanSet() {
			return generic(f)
		}
		setValueAs(w0, x0)
		setValueAs(w1, x1)
		return next
	}
}
