package native

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"

	"github.com/ebitengine/purego"
)

// Library is a C shared library loaded with Load, whose functions cells call
// by name once their types are declared — what Python's ctypes does:
//
//	lib, err := native.Load("./libtest.so")
//	sumRange, err := lib.Func("sum_range", "func(int64) int64")
//	s, err := sumRange.Call(1000000000)        // s is an int64 in an any
//	s2, err := lib.Call("sum_range", 1000)      // by name, once declared
//
// A Library and its Funcs are safe to use from many goroutines at once; the
// C code then runs in parallel on as many cores, since nothing here holds a
// global lock (the lesson's "call C from several threads" exercise). C code
// cannot notice an interrupt: a long C call runs to its end.
type Library struct {
	path   string
	handle uintptr

	mu     sync.RWMutex // write-locked only by Func declarations and Close
	funcs  map[string]*Func
	closed bool
}

// Load opens the shared library at path (built, for example, with
// gcc -O2 -shared -fPIC -o libtest.so test.c; on Windows a DLL). A path
// without a directory that is not a file in the working directory is looked
// up by the dynamic linker, so system libraries such as "libm.so.6" load too.
// Load works whether or not gopar was built with cgo.
func Load(path string) (*Library, error) {
	target := path
	if abs, err := filepath.Abs(path); err == nil {
		if _, statErr := os.Stat(abs); statErr == nil {
			target = abs
		} else if hasDir(path) {
			wd, _ := os.Getwd()
			return nil, fmt.Errorf("native.Load(%q): no such file (working directory %s)", path, wd)
		}
	}
	handle, err := openLibrary(target)
	if err != nil {
		if target == path && !hasDir(path) {
			wd, _ := os.Getwd()
			return nil, fmt.Errorf("native.Load(%q): not a file in the working directory %s, and the dynamic linker cannot load it: %v", path, wd, err)
		}
		return nil, fmt.Errorf("native.Load(%q): %v", path, err)
	}
	return &Library{path: target, handle: handle, funcs: map[string]*Func{}}, nil
}

// Path returns the file the library was loaded from.
func (l *Library) Path() string { return l.path }

// Functions lists the functions the library exports, read from its symbol
// table (ELF on Linux, Mach-O on macOS); nil if that cannot be read.
func (l *Library) Functions() []string { return exportedFunctions(l.path) }

// hasDir reports whether path names a directory, so that it is a file
// and not a name for the dynamic linker to look up.
func hasDir(path string) bool {
	return strings.ContainsRune(path, '/') || strings.ContainsRune(path, filepath.Separator)
}

// Func declares the C function name with its Go signature, like setting
// argtypes and restype in ctypes, and returns it ready to call. The
// signature is a Go function type, parameter names optional:
//
//	"func(int64) int64"                  long long sum_range(long long)
//	"func(x []float64) float64"          double sum(const double *x, int64_t n)
//	"func(a []float64, b []float64)"     void add(double *a, int64_t na, double *b, int64_t nb)
//
// Parameters and the result may be int32 (C int), int64 (long long,
// int64_t), uint32, uint64, float32 (float) or float64 (double). A
// parameter []int32, []int64, []float32 or []float64 becomes two C
// parameters: a pointer to the first element and the length as int64; the C
// function may write through the pointer, and the Go slice sees the change,
// but must not keep it after returning. Nothing can check that the
// signature matches the C code: a wrong one gives wrong numbers or a crash,
// as in C itself. Declaring a name again replaces the declaration Call uses.
func (l *Library) Func(name, signature string) (*Func, error) {
	sig, err := parseSignature(signature)
	if err != nil {
		return nil, fmt.Errorf("native: declaring %s: %v", name, err)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return nil, fmt.Errorf("native: %s is closed", l.path)
	}
	sym, err := librarySymbol(l.handle, name)
	if err != nil || sym == 0 {
		msg := fmt.Sprintf("native: %s has no function %q", filepath.Base(l.path), name)
		if names := l.Functions(); len(names) > 0 {
			if len(names) > 20 {
				names = append(names[:20], "...")
			}
			msg += "; it exports " + strings.Join(names, ", ")
		}
		return nil, errors.New(msg)
	}
	fn, err := sig.bind(sym)
	if err != nil {
		return nil, fmt.Errorf("native: declaring %s: %v", name, err)
	}
	f := &Func{name: name, sig: sig, fn: fn, lib: l}
	l.funcs[name] = f
	return f, nil
}

// Call calls the function name, declared earlier with Func, with args.
func (l *Library) Call(name string, args ...any) (any, error) {
	l.mu.RLock()
	f := l.funcs[name]
	l.mu.RUnlock()
	if f == nil {
		return nil, fmt.Errorf("native: %s is not declared: first call lib.Func(%q, \"func(...) ...\") with its types", name, name)
	}
	return f.Call(args...)
}

// Close unloads the library once no call is running; its Funcs then return
// errors. Close a library before loading a rebuilt version of the same file.
func (l *Library) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return nil
	}
	l.closed = true
	return closeLibrary(l.handle)
}

// Func is one declared C function of a Library.
type Func struct {
	name string
	sig  signature
	fn   reflect.Value // a Go func of the C-level parameter types, made by purego
	lib  *Library
}

// Name returns the C function's name.
func (f *Func) Name() string { return f.name }

// String shows the declaration, e.g. "sum_range func(int64) int64".
func (f *Func) String() string { return f.name + " " + f.sig.text }

// Call converts args to the declared parameter types and calls the C
// function. Integer parameters take any Go integer that fits, float
// parameters any Go number, slice parameters a slice of exactly the
// declared type. The result is the declared type in an any (nil for none).
func (f *Func) Call(args ...any) (any, error) {
	if len(args) != len(f.sig.params) {
		return nil, fmt.Errorf("native: %s (%s) takes %d argument%s, got %d",
			f.name, f.sig.text, len(f.sig.params), plural(len(f.sig.params)), len(args))
	}
	in := make([]reflect.Value, 0, f.sig.cParams)
	for k, a := range args {
		p := f.sig.params[k]
		v, err := p.convert(a)
		if err != nil {
			return nil, fmt.Errorf("native: %s argument %d: %v", f.name, k+1, err)
		}
		in = append(in, v)
		if p.slice {
			in = append(in, reflect.ValueOf(int64(v.Len())))
		}
	}
	f.lib.mu.RLock()
	defer f.lib.mu.RUnlock()
	if f.lib.closed {
		return nil, fmt.Errorf("native: %s: %s is closed", f.name, f.lib.path)
	}
	out := f.fn.Call(in)
	if len(out) == 0 {
		return nil, nil
	}
	return out[0].Interface(), nil
}

// CallInt64 is Call for a function declared to return an integer type,
// with the result as int64.
func (f *Func) CallInt64(args ...any) (int64, error) {
	if f.sig.result == nil || f.sig.result.kind == reflect.Float32 || f.sig.result.kind == reflect.Float64 {
		return 0, fmt.Errorf("native: %s (%s) does not return an integer", f.name, f.sig.text)
	}
	r, err := f.Call(args...)
	if err != nil {
		return 0, err
	}
	return reflect.ValueOf(r).Convert(reflect.TypeFor[int64]()).Int(), nil
}

// CallFloat64 is Call for a function declared to return float32 or
// float64, with the result as float64.
func (f *Func) CallFloat64(args ...any) (float64, error) {
	if f.sig.result == nil || (f.sig.result.kind != reflect.Float32 && f.sig.result.kind != reflect.Float64) {
		return 0, fmt.Errorf("native: %s (%s) does not return a float", f.name, f.sig.text)
	}
	r, err := f.Call(args...)
	if err != nil {
		return 0, err
	}
	return reflect.ValueOf(r).Float(), nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// signature is a parsed declaration.
type signature struct {
	text    string
	params  []*ffiType
	result  *ffiType // nil: returns nothing
	cParams int      // C parameters: slices count twice
}

// ffiType is a type a declaration may use.
type ffiType struct {
	name  string
	kind  reflect.Kind // of the scalar, or of the slice's element
	slice bool
	typ   reflect.Type // the Go type handed to purego
}

var ffiTypes = func() map[string]*ffiType {
	m := map[string]*ffiType{}
	for _, t := range []reflect.Type{
		reflect.TypeFor[int32](), reflect.TypeFor[int64](),
		reflect.TypeFor[uint32](), reflect.TypeFor[uint64](),
		reflect.TypeFor[float32](), reflect.TypeFor[float64](),
	} {
		m[t.Name()] = &ffiType{name: t.Name(), kind: t.Kind(), typ: t}
		if t.Kind() != reflect.Uint32 && t.Kind() != reflect.Uint64 {
			st := reflect.SliceOf(t)
			m["[]"+t.Name()] = &ffiType{name: "[]" + t.Name(), kind: t.Kind(), slice: true, typ: st}
		}
	}
	return m
}()

const supportedTypes = "int32, int64, uint32, uint64, float32, float64, and as parameters []int32, []int64, []float32, []float64"

// parseSignature reads a Go function type such as "func(n int64) int64".
func parseSignature(text string) (signature, error) {
	src := strings.TrimSpace(text)
	if strings.HasPrefix(src, "(") {
		src = "func" + src
	}
	expr, err := parser.ParseExpr(src)
	if err != nil {
		return signature{}, fmt.Errorf("signature %q is not a Go function type like \"func(int64) int64\": %v", text, err)
	}
	ft, ok := expr.(*ast.FuncType)
	if !ok {
		return signature{}, fmt.Errorf("signature %q is not a Go function type like \"func(int64) int64\"", text)
	}
	sig := signature{text: src}
	for _, field := range ft.Params.List {
		t, err := lookupType(field.Type)
		if err != nil {
			return signature{}, err
		}
		for range max(len(field.Names), 1) {
			sig.params = append(sig.params, t)
			sig.cParams++
			if t.slice {
				sig.cParams++
			}
		}
	}
	if ft.Results != nil {
		if n := ft.Results.NumFields(); n > 1 {
			return signature{}, fmt.Errorf("signature %q has %d results: a C function returns at most one value", text, n)
		}
		if len(ft.Results.List) == 1 {
			t, err := lookupType(ft.Results.List[0].Type)
			if err != nil {
				return signature{}, err
			}
			if t.slice {
				return signature{}, fmt.Errorf("result type %s: a C function cannot return a slice; pass one in and fill it", t.name)
			}
			sig.result = t
		}
	}
	return sig, nil
}

func lookupType(e ast.Expr) (*ffiType, error) {
	name := typeString(e)
	if t, ok := ffiTypes[name]; ok {
		return t, nil
	}
	switch name {
	case "int", "[]int":
		return nil, fmt.Errorf("type %s is ambiguous in C: write int32 for C int, int64 for long long or int64_t", name)
	case "uint", "[]uint":
		return nil, fmt.Errorf("type %s is ambiguous in C: write uint32 or uint64", name)
	}
	return nil, fmt.Errorf("type %s is not supported: use %s", name, supportedTypes)
}

// typeString prints a type expression back as source.
func typeString(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.ArrayType:
		if e.Len == nil {
			return "[]" + typeString(e.Elt)
		}
		return "[...]" + typeString(e.Elt)
	case *ast.StarExpr:
		return "*" + typeString(e.X)
	case *ast.Ellipsis:
		return "..." + typeString(e.Elt)
	case *ast.SelectorExpr:
		return typeString(e.X) + "." + e.Sel.Name
	}
	return fmt.Sprintf("%T", e)
}

// bind makes a Go function of the C-level parameter types that calls sym.
func (sig signature) bind(sym uintptr) (fn reflect.Value, err error) {
	var in, out []reflect.Type
	for _, p := range sig.params {
		in = append(in, p.typ)
		if p.slice {
			in = append(in, reflect.TypeFor[int64]())
		}
	}
	if sig.result != nil {
		out = append(out, sig.result.typ)
	}
	ptr := reflect.New(reflect.FuncOf(in, out, false))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	purego.RegisterFunc(ptr.Interface(), sym)
	return ptr.Elem(), nil
}

// convert turns a Go value into the parameter type t.
func (t *ffiType) convert(a any) (reflect.Value, error) {
	v := reflect.ValueOf(a)
	if !v.IsValid() {
		return reflect.Value{}, fmt.Errorf("want %s, got nil", t.name)
	}
	if t.slice {
		if v.Type() != t.typ {
			return reflect.Value{}, fmt.Errorf("want %s, got %T", t.name, a)
		}
		return v, nil
	}
	switch {
	case isInt(v.Kind()) || isUint(v.Kind()):
		if !fits(v, t.kind) {
			return reflect.Value{}, fmt.Errorf("%v does not fit in %s", a, t.name)
		}
		return v.Convert(t.typ), nil
	case v.Kind() == reflect.Float32 || v.Kind() == reflect.Float64:
		if t.kind == reflect.Float32 || t.kind == reflect.Float64 {
			return v.Convert(t.typ), nil
		}
	}
	return reflect.Value{}, fmt.Errorf("want %s, got %T (%v)", t.name, a, a)
}

func isInt(k reflect.Kind) bool  { return k >= reflect.Int && k <= reflect.Int64 }
func isUint(k reflect.Kind) bool { return k >= reflect.Uint && k <= reflect.Uintptr }

// fits reports whether the integer v can be represented in kind without
// change (floats take any integer, possibly rounded, as C does).
func fits(v reflect.Value, kind reflect.Kind) bool {
	var lo, hi float64
	switch kind {
	case reflect.Float32, reflect.Float64:
		return true
	case reflect.Int32:
		lo, hi = math.MinInt32, math.MaxInt32
	case reflect.Int64:
		if isUint(v.Kind()) {
			return v.Uint() <= math.MaxInt64
		}
		return true
	case reflect.Uint32:
		lo, hi = 0, math.MaxUint32
	case reflect.Uint64:
		return isUint(v.Kind()) || v.Int() >= 0
	}
	if isUint(v.Kind()) {
		return float64(v.Uint()) <= hi
	}
	return float64(v.Int()) >= lo && float64(v.Int()) <= hi
}
