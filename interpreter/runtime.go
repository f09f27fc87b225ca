package interpreter

import (
	"fmt"
	"maps"
	"reflect"
	"sync"
	"unsafe"

	"github.com/gopar/gopar/runtime/display"
	"github.com/gopar/gopar/third_party/yaegi/interp"
)

// Hidden packages every cell file imports: the helpers lowered code calls,
// and the values handed over by Bind.
const (
	cellPath = "_gopar/cell"
	cellName = "_goparcell"
	bindPath = "_gopar/bind"
	bindName = "_goparbind"
)

// runtimeImports is evaluated once per interpreter, before any cell: yaegi
// scopes imports per file name, and every cell is the same file "_.go".
var runtimeImports = fmt.Sprintf(`package main

import (
	%s %q
	%s %q
	_goparfmt "fmt"
	_goparsort "sort"
	_goparreflect "reflect"
)

// %s prints a panic value the way the Go runtime does, calling the
// Error and String methods of types cells define.
func %[5]s(r any) string {
	// A runtime error keeps the position yaegi reported it at.
	if v, ok := r.(interface{ GoparPanicText() string }); ok {
		return v.GoparPanicText()
	}
	// Comma-ok assertions: yaegi's type switch misses cell types here.
	if v, ok := r.(error); ok {
		return v.Error()
	}
	if v, ok := r.(_goparfmt.Stringer); ok {
		return v.String()
	}
	if v, ok := r.(string); ok {
		return v
	}
	return _goparfmt.Sprint(r)
}

// _goparFmtAny prints a value held in an interface the way fmt's %%v does,
// calling the Error and String methods of cell types.
func _goparFmtAny(v any, depth int, methods, plus bool) string {
	if v == nil {
		return "<nil>"
	}
	if methods {
		if x, ok := v.(error); ok {
			return _goparCallText("Error", x.Error)
		}
		if x, ok := v.(_goparfmt.Stringer); ok {
			return _goparCallText("String", x.String)
		}
	}
	// What a valueInterface holds: fmt would print yaegi's struct.
	v = %[1]s.Unwrap(v)
	if plus {
		return _goparfmt.Sprintf("%%+v", v)
	}
	return _goparfmt.Sprint(v)
}

// The interpreter the helpers that print interface values look types up in.
var _goparTypesBound = %[1]s.BindTypes()

// _goparWrapError is what fmt.Errorf returns for one %%w.
type _goparWrapError struct {
	msg string
	err error
}

func (e *_goparWrapError) Error() string { return e.msg }
func (e *_goparWrapError) Unwrap() error { return e.err }

// _goparWrapErrors is what fmt.Errorf returns for several %%w, and
// errors.Join.
type _goparWrapErrors struct {
	msg  string
	errs []error
}

func (e *_goparWrapErrors) Error() string   { return e.msg }
func (e *_goparWrapErrors) Unwrap() []error { return e.errs }

// _goparWrap is fmt.Errorf with %%w verbs, given the formatted message.
func _goparWrap(msg string, errs ...error) error {
	if len(errs) == 1 {
		return &_goparWrapError{msg, errs[0]}
	}
	return &_goparWrapErrors{msg, errs}
}

// _goparErrorsJoin is errors.Join.
func _goparErrorsJoin(errs ...error) error {
	var keep []error
	msg := ""
	for _, e := range errs {
		if e == nil {
			continue
		}
		if len(keep) > 0 {
			msg += "\n"
		}
		msg += _goparFmtAny(e, 0, true, false)
		keep = append(keep, e)
	}
	if len(keep) == 0 {
		return nil
	}
	return &_goparWrapErrors{msg, keep}
}

// _goparOrdered is cmp.Ordered, for the min and max helpers. (Type
// parameters have unlikely names: yaegi confuses a type parameter with a
// package-level type of the same name declared later.)
type _goparOrdered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
		~float32 | ~float64 | ~string
}

// _goparMin is the builtin min (Go 1.21): a NaN argument makes the result NaN.
func _goparMin[_goparT _goparOrdered](x _goparT, ys ..._goparT) _goparT {
	for _, y := range ys {
		if y < x || y != y {
			x = y
		}
	}
	return x
}

// _goparMax is the builtin max.
func _goparMax[_goparT _goparOrdered](x _goparT, ys ..._goparT) _goparT {
	for _, y := range ys {
		if y > x || y != y {
			x = y
		}
	}
	return x
}

// _goparCallText calls an Error or String method as fmt does, turning a
// panic into fmt's %%!v(PANIC=...) text.
func _goparCallText(method string, f func() string) (s string) {
	defer func() {
		if r := recover(); r != nil {
			s = "%%!v(PANIC=" + method + " method: " + _goparfmt.Sprint(r) + ")"
		}
	}()
	return f()
}

// %[6]s runs the func of a cell's statements under the recover that
// records their panic. One interpreted copy serves every cell: compiling
// the guard into each cell's func would double what a small cell costs to
// compile. The body has no recover of its own, so yaegi reports the
// position of a panic in it before the guard sees it.
func %[6]s(body func()) {
	defer func() {
		if _goparR := %[1]s.Recovered(recover()); _goparR != nil {
			%[1]s.CellPanic(%[5]s(_goparR))
		}
	}()
	body()
}
`, cellName, cellPath, bindName, bindPath, panicTextFunc, runCellFunc)

// panicTextFunc names the interpreted helper that formats panic values.
const panicTextFunc = "_goparPanicText"

// runCellFunc names the interpreted helper that runs a cell's statements.
const runCellFunc = "_goparRunCell"

// runtimeExports are the session's helpers for lowered code.
func (s *Session) runtimeExports() interp.Exports {
	// Result takes the cell's value as any; like display.Display, it gets
	// cell values with rich methods wrapped so that the methods survive.
	result := reflect.ValueOf(func(text string, v any) { s.result = &cellResult{text: text, value: v} })
	exports := interp.Exports{
		".": {"MapTypes": reflect.ValueOf(map[reflect.Value][]reflect.Type{result: display.RichInterfaces()})},
		cellPath + "/cell": {
			// GoPanic reports a panic recovered in a goroutine started by a
			// cell: where the go statement is, and the panic message.
			"GoPanic": reflect.ValueOf(func(where, msg string) {
				line := fmt.Sprintf("panic in goroutine: %s [go statement at %s]", msg, where)
				fmt.Fprintln(s.opts.Stderr, line)
				s.goPanics.add(line)
			}),
			// ClearMap is clear of a map: deleting key by key cannot
			// remove NaN keys, which are never equal to themselves.
			"ClearMap": reflect.ValueOf(func(m any) { reflect.ValueOf(m).Clear() }),
			// CellPanic records the panic that ended the running cell.
			"CellPanic": reflect.ValueOf(func(msg string) { s.panicked = msg }),
			// Text hands printed text to fmt as an operand that is not a
			// string, so that Print spaces it like the value it stands for.
			"Text": reflect.ValueOf(func(s string) printed { return printed{s} }),
			// Recovered unwraps what recover returns: yaegi hands back the
			// reflect value of the panic argument.
			"Recovered": reflect.ValueOf(func(v any) any {
				if rv, ok := v.(reflect.Value); ok {
					if !rv.IsValid() || !rv.CanInterface() {
						return nil
					}
					return rv.Interface()
				}
				return s.runtimeError(v)
			}),
			// NilDeref panics as a nil pointer dereference does.
			"NilDeref": reflect.ValueOf(func() { panic(nilDerefError) }),
			// AsValue sets *target to v when v holds a value of target's
			// element type, looking through yaegi's interface wrappers.
			"AsValue": reflect.ValueOf(asValue),
			// The builtins of package unsafe the interpreter lacks, with
			// Go's own checks (lowerUnsafeBuiltin).
			"UnsafeString":     reflect.ValueOf(func(p *byte, n int64) string { return unsafe.String(p, n) }),
			"UnsafeStringData": reflect.ValueOf(func(s string) *byte { return unsafe.StringData(s) }),
			"UnsafeSlice":      reflect.ValueOf(unsafeSlice),
			"UnsafeSliceData":  reflect.ValueOf(unsafeSliceData),
			// Result records the value of the cell's trailing expression.
			"Result": result,
			// Value is Result for a value that fmt prints right and that
			// holds no methods of cell types.
			"Value": reflect.ValueOf(func(v any) { s.result = &cellResult{text: fmt.Sprint(v), value: v} }),
		},
		bindPath + "/bind": {},
	}
	maps.Copy(exports[cellPath+"/cell"], s.typeTableExports())
	maps.Copy(exports[cellPath+"/cell"], logFatalExports())
	return exports
}

// same compares a and b as Go's == does, looking through yaegi's wrappers.
// unbox returns what a yaegi interface wrapper holds (the wrappers are
// structs whose first field is IValue), or v itself.
func unbox(v any) any {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Struct && rv.NumField() > 0 && rv.Type().Field(0).Name == "IValue" {
		inner := rv.Field(0)
		if inner.CanInterface() {
			return unbox(inner.Interface())
		}
	}
	return v
}

// asValue is the core of errors.As and type assertions for cell value
// types held in interfaces with methods.
func asValue(v any, target any) bool {
	t := reflect.ValueOf(target)
	if t.Kind() != reflect.Pointer || t.IsNil() {
		return false
	}
	x := reflect.ValueOf(unbox(v))
	for x.IsValid() && x.Kind() == reflect.Interface {
		x = x.Elem()
	}
	// A value boxed for an interface with methods (lower_box.go) is held
	// through a pointer, inside the wrapper of a compiled interface too.
	if x.IsValid() && x.Kind() == reflect.Pointer && !x.IsNil() && x.Type().Elem() == t.Elem().Type() {
		x = x.Elem()
	}
	if !x.IsValid() || x.Type() != t.Elem().Type() {
		return false
	}
	t.Elem().Set(x)
	return true
}

// printed is text fmt prints through its String method (GoString for
// %#v).
type printed struct{ s string }

func (p printed) String() string   { return p.s }
func (p printed) GoString() string { return p.s }

// goPanicLog collects goroutine panics until a cell reports them.
type goPanicLog struct {
	mu    sync.Mutex
	lines []string
}

func (g *goPanicLog) add(line string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.lines = append(g.lines, line)
}

func (g *goPanicLog) take() []string {
	g.mu.Lock()
	defer g.mu.Unlock()
	l := g.lines
	g.lines = nil
	return l
}

// unsafeSlice is unsafe.Slice(p, n) for a pointer p of any type: reflect's
// SliceAt makes the runtime's own checks of p and n.
func unsafeSlice(p any, n int64) any {
	pv := reflect.ValueOf(p)
	if int64(int(n)) != n {
		n = -1 // out of range, as Go says for a length an int cannot hold
	}
	return reflect.SliceAt(pv.Type().Elem(), pv.UnsafePointer(), int(n)).Interface()
}

// unsafeSliceData is unsafe.SliceData(s) for a slice s of any type.
func unsafeSliceData(s any) any {
	sv := reflect.ValueOf(s)
	return reflect.NewAt(sv.Type().Elem(), sv.UnsafePointer()).Interface()
}
