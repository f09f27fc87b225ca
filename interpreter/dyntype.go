package interpreter

import (
	"cmp"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/gopar/gopar/third_party/yaegi/interp"
)

// Printing values held in interfaces. Such a value reaches compiled code
// in one of yaegi's representations: a struct of a cell type as the
// unnamed struct reflect made for it (its unexported fields exported, x as
// Xx), a value of a type with methods in an empty interface as yaegi's
// valueInterface, a value in an error as a wrapper whose first field
// (IValue) holds it. fmt prints none of them as compiled Go would, and %T
// cannot name them.
//
// Print calls hand interface operands to the helpers here with a
// typeTable: the cell types the interface may hold. The helpers find the
// value's interpreted type (yaegi knows it for a valueInterface; a struct
// is recognised by its reflect type, which the cell types share with no
// other type but by accident), then print it as fmt's printValue does,
// with the names, fields and methods yaegi has for it. Values of compiled
// types go to fmt as they are.

// typeTable describes the cell types one interface type may hold.
type typeTable struct {
	nonEmpty bool // the interface has methods: a T stored in it may be boxed as *T (lower_box.go)
	entries  []typeEntry
	raw      sync.Map // type and verb -> whether fmt prints yaegi's representation right (rawOK)
}

type typeEntry struct {
	typ, ptrTyp *interp.Type
	name        string       // as %T prints it: main.Point
	rt, ptr     reflect.Type // yaegi's representation of T and *T
	boxed       bool         // a *T in the interface is a boxed T
	instance    bool         // an instance of a generic type (main.Pair[int,string])
}

// newTypeTable reads the table the lowering wrote (fmtGen.table): "i"
// when the interface has methods, then the names of the types in the
// package, each followed by "*" when a *T is a boxed T. The types are
// looked up in the interpreter the first time the table is used.
func newTypeTable(in *interp.Interpreter, spec string) *typeTable {
	typesMu.Lock()
	defer typesMu.Unlock()
	f := strings.Fields(spec)
	t := &typeTable{}
	if len(f) > 0 && f[0] == "i" {
		t.nonEmpty, f = true, f[1:]
	}
	// The runtime's error types are in every table: fmt.Errorf's result may
	// be in any interface.
	for _, name := range append(f, "_goparWrapError", "_goparWrapErrors") {
		name, boxed := strings.CutSuffix(name, "*")
		if in == nil {
			break
		}
		typ := in.LookupType("main", name)
		if typ == nil {
			continue
		}
		e := typeEntry{typ: typ, ptrTyp: typ.PtrTo(), name: typ.String(), boxed: boxed, instance: strings.Contains(name, "[")}
		if e.rt = typ.ReflectType(); e.rt == nil {
			continue
		}
		e.ptr = reflect.PointerTo(e.rt)
		t.entries = append(t.entries, e)
	}
	return t
}

// typesMu serialises what may make yaegi build and cache the reflect type
// of an interpreted type (ReflectType, PtrTo): cells' goroutines print
// concurrently.
var typesMu sync.Mutex

// match is what identify found out about a value.
type match struct {
	typ     *interp.Type  // its interpreted type, nil for a value of a compiled or unknown type
	raw     reflect.Value // the value, out of yaegi's wrappers
	wrapper reflect.Value // the error or interface wrapper it came in
	kept    bool          // it came in a valueInterface
}

// identify finds the interpreted type of v, a value of the table's
// interface.
func (t *typeTable) identify(v any) match {
	var m match
	var methods []string // a wrapper's: the value has them
	typ, val, ok := interp.ValueType(v)
	switch {
	case ok:
		m.raw, m.kept = val, true
		if typ != nil {
			m.typ = typ
			if t.nonEmpty && typ.Kind() == reflect.Pointer {
				// A boxed T (lower_box.go) is printed as the T.
				name := typ.String()
				for i := range t.entries {
					if e := &t.entries[i]; e.boxed && name == "*"+e.name && !val.IsNil() {
						m.typ, m.raw = e.typ, val.Elem()
					}
				}
			}
			return m
		}
	default:
		m.raw = reflect.ValueOf(v)
		if m.raw.IsValid() {
			if ms := wrapperMethods(m.raw.Type()); ms != nil {
				m.wrapper, methods = m.raw, ms
				m.raw = m.raw.Field(0)
				for m.raw.IsValid() && m.raw.Kind() == reflect.Interface {
					m.raw = m.raw.Elem()
				}
			}
		}
	}
	if !m.raw.IsValid() {
		return m
	}
	rt := m.raw.Type()
	// A value that came in no wrapper and holds no methods: only a struct
	// tells a cell type apart (an int may be a plain int).
	anyKind := m.kept || m.wrapper.IsValid() || t.nonEmpty
	if !anyKind {
		if k := rt.Kind(); k != reflect.Struct && k != reflect.Pointer {
			return m
		}
	}
	// Instances of generic types share representations more often than
	// declared types (Nil[int] and Nil[bool] are both struct{}): they are
	// tried only when no declared type has the representation.
	var found *typeEntry
	ptr, n := false, 0
	for _, instances := range []bool{false, true} {
		for i := range t.entries {
			e := &t.entries[i]
			if e.instance != instances || !anyKind && e.rt.Kind() != reflect.Struct {
				continue
			}
			switch rt {
			case e.rt:
				if hasMethods(e.typ, methods) {
					found, ptr, n = e, false, n+1
				}
			case e.ptr:
				if hasMethods(e.ptrTyp, methods) {
					found, ptr, n = e, true, n+1
				}
			}
		}
		if n > 0 {
			break
		}
	}
	if n != 1 { // several cell types share the representation: unknown
		return m
	}
	switch {
	case !ptr:
		m.typ = found.typ
	case found.boxed && t.nonEmpty && !m.raw.IsNil():
		m.typ, m.raw = found.typ, m.raw.Elem()
	default:
		m.typ = found.ptrTyp
	}
	return m
}

// hasMethods reports whether the method set of t has all the names.
func hasMethods(t *interp.Type, names []string) bool {
	for _, name := range names {
		if !t.HasMethod(name) {
			return false
		}
	}
	return true
}

// wrapperMethods returns the methods of a yaegi wrapper type (a struct
// whose first field is IValue and whose other fields, W<name>, are the
// methods), or nil.
func wrapperMethods(rt reflect.Type) []string {
	if rt.Kind() != reflect.Struct || rt.NumField() < 2 || rt.Field(0).Name != "IValue" {
		return nil
	}
	ms := make([]string, 0, rt.NumField()-1)
	for i := 1; i < rt.NumField(); i++ {
		ms = append(ms, rt.Field(i).Name[1:])
	}
	return ms
}

// format is the text of v, at depth (0 for an operand of a print call),
// with verb "v", "+v" or "#v".
func (t *typeTable) format(v any, depth int, verb string, methods bool) string {
	p := valuePrinter{tab: t, plus: verb == "+v", sharp: verb == "#v"}
	if v == nil {
		return "<nil>"
	}
	p.dynamic(v, depth, methods)
	return p.b.String()
}

// operand is what a print call should get for v: v when fmt prints it
// right, else the text.
func (t *typeTable) operand(v any, verb string) any {
	if v == nil {
		return nil
	}
	m := t.identify(v)
	if !m.raw.IsValid() {
		return nil // a nil interface of a type with methods
	}
	if m.typ == nil && !m.kept && (!m.wrapper.IsValid() || verb != "#v") {
		return v // a compiled value, or a wrapper with the methods fmt calls
	}
	if m.typ != nil && m.raw.CanInterface() && t.rawOK(m.typ, verb) {
		// The value itself: fmt applies widths and precisions to its parts.
		return m.raw.Interface()
	}
	return printed{t.format(v, 0, verb, true)}
}

// spreadOperand is what fmt should get for the element v of a slice
// spread into a formatted print, the operand at index arg of format.
func (t *typeTable) spreadOperand(v any, verbs []fmtVerb, arg int) any {
	for _, f := range verbs {
		if f.arg != arg {
			continue
		}
		mode := fmtMode{plus: f.plus, sharp: f.sharp && f.verb == 'v'}
		switch f.verb {
		case 'v', 's':
			if f.sharp && f.verb != 'v' {
				return v
			}
			return t.operand(v, mode.verb())
		case 'q', 'x', 'X':
			if f.sharp {
				return v
			}
			return t.operandText(v)
		case 'd', 'b', 'o', 'O', 'c', 'U', 'e', 'E', 'f', 'F', 'g', 'G', 't', 'p':
			if f.sharp {
				return v
			}
			return t.plain(v)
		}
		return v
	}
	return t.operand(v, "v") // an extra operand, which fmt prints with %v
}

// rawOK reports whether fmt prints yaegi's representation of a value of
// type typ right with verb: no methods of interpreted types to call, no
// field yaegi renamed (it exports them, x as Xx) where names are printed,
// no interpreted type to name with %#v, no interface inside.
func (t *typeTable) rawOK(typ *interp.Type, verb string) bool {
	key := typ.String() + "|" + verb
	if ok, found := t.raw.Load(key); found {
		return ok.(bool)
	}
	typesMu.Lock()
	defer typesMu.Unlock()
	seen := map[string]bool{}
	var walk func(typ *interp.Type, methods bool) bool
	walk = func(typ *interp.Type, methods bool) bool {
		name := typ.String()
		if seen[name] {
			return true
		}
		seen[name] = true
		kind := typ.Kind()
		switch {
		case kind == reflect.Interface:
			return false
		case typ.Compiled() != nil:
			return true
		case methods && verb == "#v" && typ.HasMethod("GoString"):
			return false
		case methods && verb != "#v" && (typ.HasMethod("Error") || typ.HasMethod("String") || typ.HasMethod("Format")):
			return false
		}
		rt := typ.ReflectType()
		if rt == nil || verb == "#v" && rt.String() != name {
			return false
		}
		switch kind {
		case reflect.Struct:
			if rt.Kind() != reflect.Struct || rt.NumField() != typ.NumField() {
				return false
			}
			for i := 0; i < typ.NumField(); i++ {
				fname, _, ft := typ.Field(i)
				if verb != "v" && rt.Field(i).Name != fname || !walk(ft, methods && exported(fname)) {
					return false
				}
			}
		case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Chan:
			if e := typ.Elem(); e == nil || !walk(e, methods) {
				return false
			}
		case reflect.Map:
			if typ.Key() == nil || typ.Elem() == nil || !walk(typ.Key(), methods) || !walk(typ.Elem(), methods) {
				return false
			}
		}
		return true
	}
	ok := walk(typ, true)
	t.raw.Store(key, ok)
	return ok
}

// plain is v for verbs that call no methods (%d, %f...): the value out of
// yaegi's wrappers.
func (t *typeTable) plain(v any) any {
	m := t.identify(v)
	if !m.raw.IsValid() || !m.raw.CanInterface() {
		return v
	}
	return m.raw.Interface()
}

// operandText is v for %q, %x and %X: the text of its Error or String
// method, as fmt would call them, else the plain value.
func (t *typeTable) operandText(v any) any {
	m := t.identify(v)
	switch {
	case m.typ != nil:
		p := valuePrinter{tab: t}
		for _, name := range []string{"Error", "String"} {
			if m.typ.HasMethod(name) {
				return p.call(m.typ, name, m.raw)
			}
		}
	case m.wrapper.IsValid():
		return v
	}
	return t.plain(v)
}

// typeName is what %T prints for v.
func (t *typeTable) typeName(v any) string {
	if v == nil {
		return "<nil>"
	}
	m := t.identify(v)
	switch {
	case m.typ != nil:
		return hiddenTypeName(m.typ.String())
	case !m.raw.IsValid():
		return "<nil>"
	}
	return t.composite(m.raw.Type(), 0)
}

// composite writes rt as reflect does, naming the cell struct types in it
// (a []main.Point held in an interface).
func (t *typeTable) composite(rt reflect.Type, depth int) string {
	if depth > 20 {
		return rt.String()
	}
	switch rt.Kind() {
	case reflect.Struct:
		var name string
		n := 0
		for i := range t.entries {
			if e := &t.entries[i]; e.rt == rt {
				name, n = e.name, n+1
			}
		}
		if n == 1 {
			return name
		}
		if rt.NumField() > 0 {
			// A defined struct's reflect type names it (an instance of a
			// generic type, which the table has no entry for).
			if name := rt.Field(0).Tag.Get("gopar"); name != "" {
				return name
			}
		}
	case reflect.Pointer:
		return "*" + t.composite(rt.Elem(), depth+1)
	case reflect.Slice:
		return "[]" + t.composite(rt.Elem(), depth+1)
	case reflect.Array:
		return "[" + strconv.Itoa(rt.Len()) + "]" + t.composite(rt.Elem(), depth+1)
	case reflect.Map:
		return "map[" + t.composite(rt.Key(), depth+1) + "]" + t.composite(rt.Elem(), depth+1)
	}
	if name, ok := interp.DefinedTypeName(rt); ok {
		return name // a cell's type of a basic kind: main.Celsius
	}
	return rt.String()
}

// hiddenTypeName is the name compiled Go gives the types the session's
// runtime declares in the interpreter in place of the standard library's.
func hiddenTypeName(name string) string {
	switch name {
	case "*main._goparWrapError":
		return "*fmt.wrapError"
	case "*main._goparWrapErrors":
		return "*fmt.wrapErrors"
	}
	return name
}

// unwrap returns what a valueInterface holds, or v.
func unwrap(v any) any {
	if _, val, ok := interp.ValueType(v); ok && val.IsValid() && val.CanInterface() {
		return val.Interface()
	}
	return v
}

// valuePrinter prints a value as fmt's printValue does with %v, %+v or %#v.
type valuePrinter struct {
	tab         *typeTable
	plus, sharp bool
	b           strings.Builder
}

func (p *valuePrinter) verb() string {
	switch {
	case p.sharp:
		return "%#v"
	case p.plus:
		return "%+v"
	}
	return "%v"
}

// dynamic prints a value held in an interface.
func (p *valuePrinter) dynamic(v any, depth int, methods bool) {
	m := p.tab.identify(v)
	switch {
	case !m.raw.IsValid():
		p.b.WriteString("<nil>")
	case m.typ != nil:
		p.value(m.raw, m.typ, depth, methods)
	case m.wrapper.IsValid() && methods && !p.sharp:
		p.compiled(m.wrapper, depth, methods) // the wrapper has the methods fmt calls
	default:
		p.compiled(m.raw, depth, methods)
	}
}

// value prints rv, a value of interpreted type t as yaegi represents it.
func (p *valuePrinter) value(rv reflect.Value, t *interp.Type, depth int, methods bool) {
	if t == nil || t.Compiled() != nil && t.Kind() != reflect.Interface {
		p.compiled(rv, depth, methods)
		return
	}
	kind := t.Kind()
	if kind == reflect.Interface {
		p.iface(rv, t, depth, methods)
		return
	}
	if rv.IsValid() && rv.Kind() == reflect.Interface && !rv.IsNil() {
		rv = rv.Elem() // a field yaegi made an interface (recursive types)
	}
	if !rv.IsValid() {
		p.b.WriteString("<nil>")
		return
	}
	if methods && p.method(rv, t) {
		return
	}
	switch kind {
	case reflect.Pointer:
		if rv.Kind() != reflect.Pointer {
			break
		}
		if rv.IsNil() {
			p.nilValue(t)
			return
		}
		if depth == 0 && t.Elem() != nil {
			switch t.Elem().Kind() {
			case reflect.Struct, reflect.Array, reflect.Slice, reflect.Map:
				p.b.WriteByte('&')
				p.value(rv.Elem(), t.Elem(), depth+1, methods)
				return
			}
		}
		p.address(rv, t)
		return
	case reflect.Struct:
		if rv.Kind() != reflect.Struct || rv.NumField() != t.NumField() {
			break
		}
		if p.sharp {
			p.b.WriteString(t.String())
		}
		p.b.WriteByte('{')
		for i := 0; i < t.NumField(); i++ {
			if i > 0 {
				p.sep()
			}
			name, _, ft := t.Field(i)
			if p.plus || p.sharp {
				p.b.WriteString(name + ":")
			}
			p.value(rv.Field(i), ft, depth+1, methods && exported(name))
		}
		p.b.WriteByte('}')
		return
	case reflect.Slice, reflect.Array:
		if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array || t.Elem() == nil {
			break
		}
		if p.sharp {
			p.b.WriteString(t.String())
			if rv.Kind() == reflect.Slice && rv.IsNil() {
				p.b.WriteString("(nil)")
				return
			}
			p.b.WriteByte('{')
		} else {
			p.b.WriteByte('[')
		}
		for i := 0; i < rv.Len(); i++ {
			if i > 0 {
				p.sep()
			}
			p.value(rv.Index(i), t.Elem(), depth+1, methods)
		}
		p.close('}', ']')
		return
	case reflect.Map:
		if rv.Kind() != reflect.Map || t.Key() == nil || t.Elem() == nil {
			break
		}
		if p.sharp {
			p.b.WriteString(t.String())
			if rv.IsNil() {
				p.b.WriteString("(nil)")
				return
			}
			p.b.WriteByte('{')
		} else {
			p.b.WriteString("map[")
		}
		keys := rv.MapKeys()
		sort.SliceStable(keys, func(i, j int) bool { return compareKeys(keys[i], keys[j]) < 0 })
		for i, k := range keys {
			if i > 0 {
				p.sep()
			}
			p.value(k, t.Key(), depth+1, methods)
			p.b.WriteByte(':')
			p.value(rv.MapIndex(k), t.Elem(), depth+1, methods)
		}
		p.close('}', ']')
		return
	case reflect.Func, reflect.Chan, reflect.UnsafePointer:
		if rv.IsNil() {
			p.nilValue(t)
			return
		}
		p.address(rv, t)
		return
	}
	p.compiled(rv, depth, methods) // numbers, strings, bools; what yaegi keeps otherwise
}

func (p *valuePrinter) sep() {
	if p.sharp {
		p.b.WriteString(", ")
	} else {
		p.b.WriteByte(' ')
	}
}

func (p *valuePrinter) close(sharp, plain byte) {
	if p.sharp {
		p.b.WriteByte(sharp)
	} else {
		p.b.WriteByte(plain)
	}
}

func exported(name string) bool {
	r, _ := utf8.DecodeRuneInString(name)
	return unicode.IsUpper(r)
}

// nilValue prints a nil pointer, func or chan of type t.
func (p *valuePrinter) nilValue(t *interp.Type) {
	if p.sharp {
		p.b.WriteString("(" + t.String() + ")(nil)")
		return
	}
	p.b.WriteString("<nil>")
}

// address prints a pointer, func or chan of type t by its address.
func (p *valuePrinter) address(rv reflect.Value, t *interp.Type) {
	if p.sharp {
		fmt.Fprintf(&p.b, "(%s)(0x%x)", t, rv.Pointer())
		return
	}
	fmt.Fprintf(&p.b, "0x%x", rv.Pointer())
}

// iface prints rv, a value in a field, element or key of interface type t.
func (p *valuePrinter) iface(rv reflect.Value, t *interp.Type, depth int, methods bool) {
	var v any
	if rv.IsValid() && rv.CanInterface() && !(rv.Kind() == reflect.Interface && rv.IsNil()) {
		v = rv.Interface()
	}
	if _, val, ok := interp.ValueType(v); v == nil || ok && !val.IsValid() {
		if p.sharp {
			p.b.WriteString(t.String() + "(nil)")
		} else {
			p.b.WriteString("<nil>")
		}
		return
	}
	p.dynamic(v, depth+1, methods)
}

// method prints rv with its Error or String method (GoString for %#v)
// when t has one, as fmt would call it.
func (p *valuePrinter) method(rv reflect.Value, t *interp.Type) bool {
	names := []string{"Error", "String"}
	if p.sharp {
		names = []string{"GoString"}
	}
	for _, name := range names {
		if !t.HasMethod(name) {
			continue
		}
		if rv.Kind() == reflect.Pointer && rv.IsNil() {
			p.b.WriteString("<nil>")
			return true
		}
		p.b.WriteString(p.call(t, name, rv))
		return true
	}
	return false
}

// call calls a method returning a string, turning a panic into fmt's
// %!v(PANIC=...) text.
func (p *valuePrinter) call(t *interp.Type, name string, rv reflect.Value) (s string) {
	defer func() {
		if r := recover(); r != nil {
			if rv, ok := r.(reflect.Value); ok && rv.IsValid() && rv.CanInterface() {
				r = rv.Interface()
			}
			s = fmt.Sprintf("%%!v(PANIC=%s method: %v)", name, r)
		}
	}()
	out := t.Call(name, rv)
	if len(out) != 1 || out[0].Kind() != reflect.String {
		return ""
	}
	return out[0].String()
}

// compiled prints a value fmt prints right by itself, or (at depth > 0)
// as fmt would print it inside another value.
func (p *valuePrinter) compiled(rv reflect.Value, depth int, methods bool) {
	if !rv.IsValid() {
		p.b.WriteString("<nil>")
		return
	}
	if rv.Kind() == reflect.Interface {
		if rv.IsNil() {
			p.b.WriteString("<nil>")
			return
		}
		rv = rv.Elem()
	}
	if depth > 0 && rv.Kind() == reflect.Pointer && !(methods && !p.sharp && !rv.IsNil() && hasPrintMethod(rv)) {
		// fmt prints &{...} for a pointer only at the top, and calls the
		// Error or String method of one at any depth (an error in a field).
		switch {
		case rv.IsNil() && p.sharp:
			p.b.WriteString("(" + rv.Type().String() + ")(nil)")
			return
		case rv.IsNil():
			p.b.WriteString("<nil>")
			return
		case p.sharp:
			fmt.Fprintf(&p.b, "(%s)(0x%x)", rv.Type(), rv.Pointer())
			return
		}
		switch rv.Elem().Kind() {
		case reflect.Struct, reflect.Array, reflect.Slice, reflect.Map:
			fmt.Fprintf(&p.b, "0x%x", rv.Pointer())
			return
		}
	}
	var x any = rv
	if rv.CanInterface() {
		x = rv.Interface()
	}
	fmt.Fprintf(&p.b, p.verb(), x)
}

// hasPrintMethod reports whether fmt calls a method of rv to print it.
func hasPrintMethod(rv reflect.Value) bool {
	if !rv.CanInterface() {
		return false
	}
	switch rv.Interface().(type) {
	case error, fmt.Stringer, fmt.Formatter:
		return true
	}
	return false
}

// compareKeys orders map keys as fmt does (internal/fmtsort).
func compareKeys(a, b reflect.Value) int {
	if a.Type() != b.Type() {
		return -1
	}
	switch a.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return cmp.Compare(a.Int(), b.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return cmp.Compare(a.Uint(), b.Uint())
	case reflect.String:
		return cmp.Compare(a.String(), b.String())
	case reflect.Float32, reflect.Float64:
		return cmp.Compare(a.Float(), b.Float())
	case reflect.Complex64, reflect.Complex128:
		x, y := a.Complex(), b.Complex()
		if c := cmp.Compare(real(x), real(y)); c != 0 {
			return c
		}
		return cmp.Compare(imag(x), imag(y))
	case reflect.Bool:
		switch x, y := a.Bool(), b.Bool(); {
		case x == y:
			return 0
		case x:
			return 1
		}
		return -1
	case reflect.Pointer, reflect.UnsafePointer, reflect.Chan:
		return cmp.Compare(a.Pointer(), b.Pointer())
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			if c := compareKeys(a.Field(i), b.Field(i)); c != 0 {
				return c
			}
		}
		return 0
	case reflect.Array:
		for i := 0; i < a.Len(); i++ {
			if c := compareKeys(a.Index(i), b.Index(i)); c != 0 {
				return c
			}
		}
		return 0
	case reflect.Interface:
		switch {
		case a.IsNil() && b.IsNil():
			return 0
		case a.IsNil():
			return -1
		case b.IsNil():
			return 1
		}
		if c := cmp.Compare(a.Elem().Type().String(), b.Elem().Type().String()); c != 0 {
			return c
		}
		return compareKeys(a.Elem(), b.Elem())
	}
	return 0
}

// typeTableExports are the helpers print calls and generated formatters
// call with a table's spec (see fmtGen.table).
func (s *Session) typeTableExports() map[string]reflect.Value {
	// The interpreter these exports serve, set when it starts (BindTypes),
	// and its tables by spec: a type keeps its name, fields and methods as
	// long as the interpreter lives (a new version of one starts a new
	// interpreter, with new exports).
	var in *interp.Interpreter
	var tables sync.Map
	table := func(spec string) *typeTable {
		if t, ok := tables.Load(spec); ok {
			return t.(*typeTable)
		}
		t, _ := tables.LoadOrStore(spec, newTypeTable(in, spec))
		return t.(*typeTable)
	}
	return map[string]reflect.Value{
		"BindTypes": reflect.ValueOf(func() bool { in = s.in; return true }),
		// Format is the text of v, at depth, with verb "v", "+v" or "#v";
		// methods is false in unexported fields, where fmt calls none.
		"Format": reflect.ValueOf(func(v any, spec string, depth int, verb string, methods bool) string {
			return table(spec).format(v, depth, verb, methods)
		}),
		// Operand is what fmt should get for v printed with verb.
		"Operand": reflect.ValueOf(func(v any, spec, verb string) any { return table(spec).operand(v, verb) }),
		// Operands is Operand of each element of vs, the operands of
		// fmt.Println(vs...).
		"Operands": reflect.ValueOf(func(vs []any, spec, verb string) []any {
			tab := table(spec)
			out := make([]any, len(vs))
			for i, v := range vs {
				out[i] = tab.operand(v, verb)
				if p, ok := out[i].(printed); ok && tab.identify(v).raw.Kind() == reflect.String {
					out[i] = p.s // a string operand stays one (Print's spacing)
				}
			}
			return out
		}),
		// FormatOperands is what fmt should get for the elements of vs,
		// spread after fixed operands into a print with format.
		"FormatOperands": reflect.ValueOf(func(vs []any, spec, format string, fixed int) []any {
			tab := table(spec)
			verbs, ok := parseVerbs(format)
			if !ok {
				return vs
			}
			out := make([]any, len(vs))
			for i, v := range vs {
				out[i] = tab.spreadOperand(v, verbs, fixed+i)
			}
			return out
		}),
		// OperandText is what fmt should get for v printed with %q, %x or %X.
		"OperandText": reflect.ValueOf(func(v any, spec string) any { return table(spec).operandText(v) }),
		// Plain is what fmt should get for v printed with %d, %f...
		"Plain": reflect.ValueOf(func(v any, spec string) any { return table(spec).plain(v) }),
		// TypeOf is what %T prints for v.
		"TypeOf": reflect.ValueOf(func(v any, spec string) string { return table(spec).typeName(v) }),
		// Unwrap is the value a valueInterface holds.
		"Unwrap": reflect.ValueOf(unwrap),
	}
}
