package interp

import (
	"bytes"
	"fmt"
	"reflect"
	"strconv"
)

// gopar: the builtins print and println write what Go's runtime writes,
// to standard error: operands without separators (print) or with one
// space and a newline (println); floats and complex numbers in strconv's
// shortest 'g' form; pointers, maps, channels and funcs as hexadecimal
// addresses (0x0 for nil); slices as [len/cap]address; interfaces as
// (type,data) addresses. yaegi printed fmt's %v to standard output.

// printer writes one operand of print or println in the runtime's format.
type printer func(*bytes.Buffer, reflect.Value)

// printerFor chooses the format from the operand's static type.
func printerFor(t *itype) printer {
	if isInterface(t) {
		return printIface
	}
	rt := t.TypeOf()
	if rt == nil {
		return printIface
	}
	switch rt.Kind() {
	case reflect.Bool:
		return func(b *bytes.Buffer, v reflect.Value) { b.WriteString(strconv.FormatBool(v.Bool())) }
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return func(b *bytes.Buffer, v reflect.Value) { b.WriteString(strconv.FormatInt(v.Int(), 10)) }
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return func(b *bytes.Buffer, v reflect.Value) { b.WriteString(strconv.FormatUint(v.Uint(), 10)) }
	case reflect.Float32:
		return func(b *bytes.Buffer, v reflect.Value) { b.WriteString(strconv.FormatFloat(v.Float(), 'g', -1, 32)) }
	case reflect.Float64:
		return func(b *bytes.Buffer, v reflect.Value) { b.WriteString(strconv.FormatFloat(v.Float(), 'g', -1, 64)) }
	case reflect.Complex64:
		return func(b *bytes.Buffer, v reflect.Value) { b.WriteString(strconv.FormatComplex(v.Complex(), 'g', -1, 64)) }
	case reflect.Complex128:
		return func(b *bytes.Buffer, v reflect.Value) {
			b.WriteString(strconv.FormatComplex(v.Complex(), 'g', -1, 128))
		}
	case reflect.String:
		return func(b *bytes.Buffer, v reflect.Value) { b.WriteString(v.String()) }
	case reflect.Slice:
		return func(b *bytes.Buffer, v reflect.Value) {
			b.WriteString("[" + strconv.Itoa(v.Len()) + "/" + strconv.Itoa(v.Cap()) + "]")
			printHex(b, uint64(v.Pointer()))
		}
	case reflect.Ptr, reflect.UnsafePointer, reflect.Map, reflect.Chan, reflect.Func:
		return func(b *bytes.Buffer, v reflect.Value) {
			if !v.IsValid() || (v.Kind() != reflect.Interface && v.IsNil()) {
				b.WriteString("0x0")
				return
			}
			printHex(b, uint64(v.Pointer()))
		}
	}
	// Not printable by the compiler's rules (structs, arrays): as fmt does.
	return func(b *bytes.Buffer, v reflect.Value) { fmt.Fprint(b, printable(v)) }
}

// printIface writes an interface as (type,data) addresses.
func printIface(b *bytes.Buffer, v reflect.Value) {
	for v.IsValid() && v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
	}
	if vi, ok := printable(v).(valueInterface); ok {
		v = vi.value
		for v.IsValid() && v.Kind() == reflect.Interface && !v.IsNil() {
			v = v.Elem()
		}
	}
	if !v.IsValid() || v.Kind() == reflect.Interface {
		b.WriteString("(0x0,0x0)")
		return
	}
	b.WriteByte('(')
	printHex(b, uint64(reflect.ValueOf(v.Type()).Pointer()))
	b.WriteByte(',')
	switch v.Kind() {
	case reflect.Ptr, reflect.UnsafePointer, reflect.Map, reflect.Chan, reflect.Func, reflect.Slice:
		printHex(b, uint64(v.Pointer()))
	default:
		// The data word of a non-pointer value points to a copy of it.
		c := reflect.New(v.Type())
		c.Elem().Set(v)
		printHex(b, uint64(c.Pointer()))
	}
	b.WriteByte(')')
}

// printable is v's content as an interface, or nil.
func printable(v reflect.Value) any {
	if !v.IsValid() || !v.CanInterface() {
		return nil
	}
	return v.Interface()
}

func printHex(b *bytes.Buffer, x uint64) {
	b.WriteString("0x" + strconv.FormatUint(x, 16))
}

// genPrint makes the builtin print (newline false) or println (true).
func genPrint(n *node, newline bool) {
	child := n.child[1:]
	var values []func(*frame) reflect.Value
	var printers []printer
	if len(child) == 1 && isCall(child[0]) && child[0].child[0].typ.numOut() > 1 {
		// println(f()) prints each of f's results.
		c := child[0]
		for j := 0; j < c.child[0].typ.numOut(); j++ {
			ind := c.findex + j
			values = append(values, func(f *frame) reflect.Value { return f.data[ind] })
			printers = append(printers, printerFor(c.child[0].typ.out(j)))
		}
	} else {
		for _, c := range child {
			values = append(values, genValue(c))
			printers = append(printers, printerFor(c.typ))
		}
	}
	out := n.interp.stderr

	genBuiltinDeferWrapper(n, values, nil, func(args []reflect.Value) []reflect.Value {
		var b bytes.Buffer
		for i, value := range args {
			if i > 0 && newline {
				b.WriteByte(' ')
			}
			printers[i](&b, value)
		}
		if newline {
			b.WriteByte('\n')
		}
		_, _ = out.Write(b.Bytes())
		return nil
	})
}
