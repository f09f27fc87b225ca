package interp

import (
	"reflect"
	"unsafe"
)

// gopar: append to a slice whose elements are of a basic kind (bool, a
// number, a string) is Go's append on the slice itself. Through reflect,
// xs = append(xs, x) grew the slice, set its length and then its element
// in three calls, each checking kinds and flags. Go's own append grows
// the capacity exactly as compiled code does, and the result shares the
// array it appended to as Go's does (a slice of an array, ys = append(xs,
// x) with room left in xs).

// sliceAppend is the typed append to the slices of one element kind.
type sliceAppend interface {
	// values is dest = append(s, args...), nil when an argument is not
	// held as a value of the element kind.
	values(n *node, dest, s func(*frame) reflect.Value, next bltn) bltn
	// slice is dest = append(s, other...), nil when other is not a slice
	// of the same element kind.
	slice(dest, s func(*frame) reflect.Value, other *node, next bltn) bltn
}

// appendOf is the sliceAppend of the slices whose elements are held as
// values of E, of the basic kind elem.
type appendOf[E any] struct{ elem reflect.Kind }

var sliceAppends = map[reflect.Kind]sliceAppend{
	reflect.Bool:       appendOf[bool]{reflect.Bool},
	reflect.Int:        appendOf[int]{reflect.Int},
	reflect.Int8:       appendOf[int8]{reflect.Int8},
	reflect.Int16:      appendOf[int16]{reflect.Int16},
	reflect.Int32:      appendOf[int32]{reflect.Int32},
	reflect.Int64:      appendOf[int64]{reflect.Int64},
	reflect.Uint:       appendOf[uint]{reflect.Uint},
	reflect.Uint8:      appendOf[uint8]{reflect.Uint8},
	reflect.Uint16:     appendOf[uint16]{reflect.Uint16},
	reflect.Uint32:     appendOf[uint32]{reflect.Uint32},
	reflect.Uint64:     appendOf[uint64]{reflect.Uint64},
	reflect.Uintptr:    appendOf[uintptr]{reflect.Uintptr},
	reflect.Float32:    appendOf[float32]{reflect.Float32},
	reflect.Float64:    appendOf[float64]{reflect.Float64},
	reflect.Complex64:  appendOf[complex64]{reflect.Complex64},
	reflect.Complex128: appendOf[complex128]{reflect.Complex128},
	reflect.String:     appendOf[string]{reflect.String},
}

// sliceAppendOf returns the typed append of the append call n, or nil
// when its slices keep reflect's.
func sliceAppendOf(n *node) sliceAppend {
	if !typedValues || n.typ == nil || n.child[1].typ == nil {
		return nil
	}
	t := n.child[1].typ.frameType()
	if t.Kind() != reflect.Slice || n.typ.frameType().Kind() != reflect.Slice {
		return nil
	}
	return sliceAppends[t.Elem().Kind()]
}

// appendedAtOnce is the most values an append of several values appends
// from the stack; more keep reflect's.
const appendedAtOnce = 8

func (a appendOf[E]) values(n *node, dest, s func(*frame) reflect.Value, next bltn) bltn {
	args := n.child[2:]
	if len(args) > appendedAtOnce {
		return nil
	}
	values := make([]func(*frame) E, len(args))
	for i, arg := range args {
		if values[i] = typedOperand[E](arg, a.elem); values[i] == nil {
			return nil
		}
	}
	if len(values) == 1 {
		x := values[0]
		if i, ok := appendsInPlace(n); ok {
			if j, ok := localSlot(args[0]); ok && !isConstant(args[0]) {
				return func(f *frame) bltn {
					p := (*[]E)(valueData(f.data[i]))
					*p = append(*p, valueAs[E](f.data[j]))
					return next
				}
			}
			return func(f *frame) bltn {
				p := (*[]E)(valueData(f.data[i]))
				*p = append(*p, x(f))
				return next
			}
		}
		return func(f *frame) bltn {
			d, v, x := dest(f), s(f), x(f)
			if valueData(d) == valueData(v) {
				// xs = append(xs, x) as Go compiles it: the array and
				// capacity are written only when the slice grows.
				p := (*[]E)(valueData(d))
				*p = append(*p, x)
			} else {
				a.set(d, v, append(valueAs[[]E](v), x))
			}
			return next
		}
	}
	// Appended at once, the values grow the slice as append(s, x, y)
	// does: to the length of all of them, not one at a time.
	return func(f *frame) bltn {
		var buf [appendedAtOnce]E
		for i, v := range values {
			buf[i] = v(f)
		}
		v := s(f)
		a.set(dest(f), v, append(valueAs[[]E](v), buf[:len(values)]...))
		return next
	}
}

// appendsInPlace returns the frame slot of the local variable xs when the
// append call n is xs = append(xs, ...) writing its result straight to
// xs, as the assignment lets a call do.
func appendsInPlace(n *node) (int, bool) {
	i, ok := localSlot(n.child[1])
	wrapped := n.anc.kind == returnStmt || n.anc.typ != nil && isInterface(n.anc.typ)
	return i, ok && n.level == 0 && n.findex == i && !wrapped
}

func (a appendOf[E]) slice(dest, s func(*frame) reflect.Value, other *node, next bltn) bltn {
	if other.typ == nil {
		return nil
	}
	if t := other.typ.frameType(); t.Kind() != reflect.Slice || t.Elem().Kind() != a.elem {
		return nil
	}
	values := genValue(other)
	return func(f *frame) bltn {
		v := s(f)
		a.set(dest(f), v, append(valueAs[[]E](v), valueAs[[]E](values(f))...))
		return next
	}
}

// set sets dest to the slice x appended to like. The destination is
// where the call's result goes: a slice variable of x's kind, or a result
// of the func the call is returned from, which can be of an interface
// type (func f() any { return append(a, b) }) and then gets x as a value
// of like's type, as reflect would set it.
func (a appendOf[E]) set(dest, like reflect.Value, x []E) {
	if dest.Kind() == reflect.Slice && dest.Type().Elem().Kind() == a.elem {
		setValueAs(dest, x)
		return
	}
	dest.Set(reflect.NewAt(like.Type(), unsafe.Pointer(&x)).Elem())
}
