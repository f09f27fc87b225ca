package procs

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"

	"github.com/gopar/gopar/runtime/internal/convert"
)

// A task is a compiled function that worker processes can run by name.
type task struct {
	name     string
	fn       reflect.Value
	params   []reflect.Type
	results  []reflect.Type // without the trailing error
	hasError bool
}

var (
	registryMu sync.RWMutex
	registry   = map[string]*task{}
)

var (
	queueType = reflect.TypeFor[*Queue]()
	errorType = reflect.TypeFor[error]()
)

// Register makes fn runnable in worker processes under name. Call it from
// the init function of a compiled package linked into gopar, so that the
// worker processes, which run the same binary, register the same task:
// a process cannot receive a function, only the name of one both sides
// know. That is why a function defined in a cell (interpreted, living only
// in the interpreter's memory) cannot be sent to a process pool; Register
// called from a cell registers the name in the cell's process only, and
// the pool says so when the task is used.
//
// fn's parameters and results must be types encoding/gob can send
// (numbers, strings, slices, maps, structs with exported fields), except
// that a parameter may be a *Queue, which the worker receives as a handle
// on the caller's queue. A last result of type error becomes the call's
// error. Register panics if name is taken or fn is not such a function.
func Register(name string, fn any) {
	t, err := newTask(name, fn)
	if err != nil {
		panic(err)
	}
	registryMu.Lock()
	defer registryMu.Unlock()
	if _, dup := registry[name]; dup {
		panic(fmt.Sprintf("procs: task %q registered twice", name))
	}
	registry[name] = t
}

// Tasks lists the registered tasks with their signatures, sorted by name:
// what a pool can run.
func Tasks() []string {
	registryMu.RLock()
	defer registryMu.RUnlock()
	out := make([]string, 0, len(registry))
	for _, t := range registry {
		out = append(out, t.String())
	}
	sort.Strings(out)
	return out
}

func lookup(name string) (*task, error) {
	registryMu.RLock()
	defer registryMu.RUnlock()
	t, ok := registry[name]
	if !ok {
		return nil, fmt.Errorf("procs: no task named %q (registered: %s)", name, strings.Join(taskNames(), ", "))
	}
	return t, nil
}

func taskNames() []string {
	names := make([]string, 0, len(registry))
	for n := range registry {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func newTask(name string, fn any) (*task, error) {
	v := reflect.ValueOf(fn)
	if name == "" {
		return nil, fmt.Errorf("procs: a task needs a name")
	}
	if v.Kind() != reflect.Func || v.IsNil() {
		return nil, fmt.Errorf("procs: task %q: %T is not a function", name, fn)
	}
	ft := v.Type()
	if ft.IsVariadic() {
		return nil, fmt.Errorf("procs: task %q: variadic functions cannot be tasks", name)
	}
	t := &task{name: name, fn: v}
	for i := range ft.NumIn() {
		p := ft.In(i)
		if p != queueType {
			if err := sendable(p); err != nil {
				return nil, fmt.Errorf("procs: task %q: parameter %d: %w", name, i+1, err)
			}
		}
		t.params = append(t.params, p)
	}
	for i := range ft.NumOut() {
		r := ft.Out(i)
		if i == ft.NumOut()-1 && r == errorType {
			t.hasError = true
			break
		}
		if err := sendable(r); err != nil {
			return nil, fmt.Errorf("procs: task %q: result %d: %w", name, i+1, err)
		}
		t.results = append(t.results, r)
	}
	// Queue items travel as interfaces, which gob sends only for
	// registered types: let the task's own types travel.
	for _, typ := range append(append([]reflect.Type{}, t.params...), t.results...) {
		if typ != queueType && typ.Kind() != reflect.Interface {
			registerGob(typ)
		}
	}
	return t, nil
}

// sendable reports whether gob can carry values of type t, by encoding one.
func sendable(t reflect.Type) error {
	switch t.Kind() {
	case reflect.Chan, reflect.Func, reflect.UnsafePointer, reflect.Uintptr:
		return fmt.Errorf("a %v cannot be sent to another process", t)
	case reflect.Interface:
		return nil // checked per value, when sent
	}
	v := reflect.New(t).Elem()
	if t.Kind() == reflect.Pointer {
		v = reflect.New(t.Elem())
	}
	if err := gob.NewEncoder(new(bytes.Buffer)).EncodeValue(v); err != nil {
		return fmt.Errorf("%v cannot be sent to another process: %w", t, err)
	}
	return nil
}

func registerGob(t reflect.Type) {
	defer func() { _ = recover() }() // already registered under another name
	gob.Register(reflect.Zero(t).Interface())
}

func init() {
	// Besides the basic types and slices of them, which gob knows, let
	// the composite values cells put into queues travel.
	for _, v := range []any{[]any(nil), map[string]any(nil), map[string]int(nil), map[string]float64(nil), map[int]int(nil), [][]int(nil), [][]float64(nil)} {
		registerGob(reflect.TypeOf(v))
	}
}

// String is the task as the lesson would call it: `calc_pi func(int) float64`.
func (t *task) String() string { return t.name + " " + t.fn.Type().String() }

// args converts a call's arguments to the task's parameter types: numbers
// convert between kinds, slices element by element (see convert.To).
func (t *task) args(args []any) ([]reflect.Value, error) {
	if len(args) != len(t.params) {
		return nil, fmt.Errorf("procs: task %s takes %d arguments, got %d", t, len(t.params), len(args))
	}
	out := make([]reflect.Value, len(args))
	for i, a := range args {
		if t.params[i] == queueType {
			q, ok := a.(*Queue)
			if !ok || q == nil {
				return nil, fmt.Errorf("procs: task %s: argument %d must be a *procs.Queue, got %T", t, i+1, a)
			}
			out[i] = reflect.ValueOf(q)
			continue
		}
		v, err := convert.To(a, t.params[i])
		if err != nil {
			return nil, fmt.Errorf("procs: task %s: argument %d: %w", t, i+1, err)
		}
		out[i] = v
	}
	return out, nil
}

// value packs a call's results the way the caller sees them: nothing is
// nil, one result is itself, several are a []any.
func (t *task) value(results []reflect.Value) any {
	switch len(results) {
	case 0:
		return nil
	case 1:
		return results[0].Interface()
	}
	out := make([]any, len(results))
	for i, r := range results {
		out[i] = r.Interface()
	}
	return out
}
