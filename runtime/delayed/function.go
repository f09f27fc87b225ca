package delayed

import (
	"fmt"
	"reflect"
	"runtime"
	"strings"

	"github.com/gopar/gopar/runtime/internal/convert"
	"github.com/gopar/gopar/runtime/internal/graph"
)

// Function is a function wrapped so that calling it builds a promise
// instead of running: Python's `@delayed`.
type Function struct {
	fn   reflect.Value
	typ  reflect.Type
	name string
}

var errorType = reflect.TypeFor[error]()

// Func wraps fn, a function of any signature. Its last result may be an
// error, which then becomes the error of the computation.
//
//	add := delayed.Func(func(a, b int) int { return a + b })
//	x := add.Call(1, 2) // nothing runs yet
//	fmt.Println(x.Compute())
func Func(fn any) *Function {
	v := reflect.ValueOf(fn)
	if v.Kind() != reflect.Func || v.IsNil() {
		panic(fmt.Sprintf("delayed.Func: %T is not a function", fn))
	}
	return &Function{fn: v, typ: v.Type(), name: funcName(v)}
}

// Named is Func with the name that pictures show. Functions defined in a
// cell have no name the runtime can see, so their nodes are labelled
// "task" unless named.
func Named(name string, fn any) *Function {
	f := Func(fn)
	f.name = name
	return f
}

// funcName is the short name of a compiled function ("add"), or "task" for
// a function the interpreter made.
func funcName(v reflect.Value) string {
	rf := runtime.FuncForPC(v.Pointer())
	if rf == nil {
		return "task"
	}
	name := rf.Name()
	if strings.HasPrefix(name, "reflect.") || strings.Contains(name, "yaegi") {
		return "task"
	}
	name = name[strings.LastIndex(name, "/")+1:]
	name = name[strings.Index(name, ".")+1:]
	if strings.Contains(name, ".func") { // a closure: keep what encloses it
		name = name[:strings.Index(name, ".func")]
	}
	return name
}

// Name is the label of the function's nodes in pictures.
func (f *Function) Name() string { return f.name }

// arg is one argument of a call: a plain value, a promise, or a slice of
// promises (which the function gets as a slice of their values).
type arg struct {
	value    any
	dep      int // index in the node's deps, or -1
	from, to int // for a slice of promises: deps[from:to]
	list     bool
}

// Call builds a promise of fn(args...). Arguments may be plain values,
// promises, or slices of promises; the function gets the promises' values.
// Arguments are checked now, as far as they are known: a wrong count or a
// plain value of the wrong type panics at once, not at Compute.
func (f *Function) Call(args ...any) *Promise {
	nin := f.typ.NumIn()
	if f.typ.IsVariadic() {
		if len(args) < nin-1 {
			panic(fmt.Sprintf("delayed: %s takes at least %d arguments, got %d", f.name, nin-1, len(args)))
		}
	} else if len(args) != nin {
		panic(fmt.Sprintf("delayed: %s takes %d arguments, got %d", f.name, nin, len(args)))
	}
	specs := make([]arg, len(args))
	var deps []*graph.Node
	for i, a := range args {
		switch a := a.(type) {
		case *Promise:
			specs[i] = arg{dep: len(deps)}
			deps = append(deps, a.node)
		case []*Promise:
			specs[i] = arg{dep: -1, list: true, from: len(deps)}
			for _, p := range a {
				deps = append(deps, p.node)
			}
			specs[i].to = len(deps)
		default:
			if _, err := convert.To(a, f.paramType(i)); err != nil {
				panic(fmt.Sprintf("delayed: %s argument %d: %v", f.name, i+1, err))
			}
			specs[i] = arg{value: a, dep: -1}
		}
	}
	return newPromise(graph.New(f.name, func(in []any) (any, error) { return f.run(specs, in) }, deps...))
}

// paramType is the type the i-th argument must have.
func (f *Function) paramType(i int) reflect.Type {
	if f.typ.IsVariadic() && i >= f.typ.NumIn()-1 {
		return f.typ.In(f.typ.NumIn() - 1).Elem()
	}
	return f.typ.In(i)
}

func (f *Function) run(specs []arg, in []any) (any, error) {
	vals := make([]reflect.Value, len(specs))
	for i, s := range specs {
		var v any
		switch {
		case s.list:
			v = append([]any(nil), in[s.from:s.to]...)
		case s.dep >= 0:
			v = in[s.dep]
		default:
			v = s.value
		}
		rv, err := convert.To(v, f.paramType(i))
		if err != nil {
			return nil, fmt.Errorf("argument %d: %w", i+1, err)
		}
		vals[i] = rv
	}
	return results(f.fn.Call(vals), f.typ)
}

// results turns what the function returned into one value and an error:
// nothing gives nil, a final error result becomes the error, and several
// other results come back as a []any.
func results(out []reflect.Value, t reflect.Type) (any, error) {
	var err error
	if n := len(out); n > 0 && t.Out(n-1) == errorType {
		if e := out[n-1].Interface(); e != nil {
			err = e.(error)
		}
		out = out[:n-1]
	}
	switch len(out) {
	case 0:
		return nil, err
	case 1:
		return out[0].Interface(), err
	}
	vals := make([]any, len(out))
	for i, o := range out {
		vals[i] = o.Interface()
	}
	return vals, err
}
