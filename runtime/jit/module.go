package jit

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
)

// Mode says how a module's functions run.
type Mode int

const (
	// Auto uses a plugin when gopar can load one, else a helper process.
	Auto Mode = iota
	// Plugin loads the compiled cell into the running process: calls cost
	// what any call from the interpreter into compiled code costs, but
	// the go command must be the toolchain gopar was built with, and a
	// loaded plugin stays loaded.
	Plugin
	// Process runs the compiled cell in a helper process: each call sends
	// its arguments and results over pipes (tens of microseconds), works
	// with any go command, and an interrupt kills the helper.
	Process
)

func (m Mode) String() string {
	switch m {
	case Plugin:
		return "plugin"
	case Process:
		return "process"
	}
	return "auto"
}

// Module is a compiled %%native cell: its functions, ready to call.
type Module struct {
	Mode     Mode   // Plugin or Process: how the functions run
	Fallback string // why a plugin was not used, when Auto chose Process
	Dir      string // the build directory, in the cache

	key     string
	funcs   []*Func
	skipped []string
	helper  *helper // Process mode

	mu     sync.Mutex
	closed bool
}

// Func is one function of a compiled cell.
type Func struct {
	Name      string       // as the cell declares it
	Signature string       // Go source for the interpreter, e.g. "func calcPi(n int) float64"
	Type      reflect.Type // e.g. func(int) float64
	Value     any          // the callable function, of Type
	params    []string
}

// Funcs maps each callable function's name to its value, e.g. "calcPi" to
// a func(int) float64.
func (m *Module) Funcs() map[string]any {
	out := make(map[string]any, len(m.funcs))
	for _, f := range m.funcs {
		out[f.Name] = f.Value
	}
	return out
}

// List is the callable functions in the order the cell declares them.
func (m *Module) List() []*Func { return append([]*Func(nil), m.funcs...) }

// Skipped says which of the cell's functions the interpreter cannot call,
// and why (a generic function, a type declared in the cell in the
// signature, ...). They are compiled all the same, for the cell's other
// functions to use.
func (m *Module) Skipped() []string { return append([]string(nil), m.skipped...) }

// PackageName is the name ImportPath's package has: "c" and the start of
// the source's hash.
func (m *Module) PackageName() string { return "c" + m.key[:12] }

// ImportPath is the path under which Exports offers the functions to the
// interpreter; it differs for every source, so a changed cell is a new
// package.
func (m *Module) ImportPath() string { return "gopar/jit/" + m.PackageName() }

// Exports is the module's functions as a yaegi symbol table, for
// interp.Interpreter.Use: one package at ImportPath whose members have the
// cell's names.
func (m *Module) Exports() map[string]map[string]reflect.Value {
	syms := make(map[string]reflect.Value, len(m.funcs))
	for _, f := range m.funcs {
		syms[f.Name] = reflect.ValueOf(f.Value)
	}
	return map[string]map[string]reflect.Value{m.ImportPath() + "/" + m.PackageName(): syms}
}

// Stubs is Go source for the interpreter that imports Exports' package
// and declares each function under its own name, calling the compiled
// one:
//
//	import c1a2b3c4d5e6f "gopar/jit/c1a2b3c4d5e6f"
//
//	func calcPi(n int) float64 { return c1a2b3c4d5e6f.calcPi(n) }
//
// Evaluated after Use(Exports()), later cells call calcPi at compiled
// speed. It is Import followed by Decls; an interpreter that has seen the
// import already (the same cell run twice) needs only Decls.
func (m *Module) Stubs() string { return m.Import() + "\n" + m.Decls() }

// Import is the import declaration of Exports' package.
func (m *Module) Import() string {
	return fmt.Sprintf("import %s %q\n", m.PackageName(), m.ImportPath())
}

// Decls is the declarations of the functions, forwarding to the compiled
// ones (see Stubs).
func (m *Module) Decls() string {
	var b strings.Builder
	for i, f := range m.funcs {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(f.stub(m.PackageName()))
	}
	return b.String()
}

// stub is the interpreter's declaration of f, forwarding to pkg.
func (f *Func) stub(pkg string) string {
	args := make([]string, f.Type.NumIn())
	for i := range args {
		args[i] = f.paramName(i)
		if f.Type.IsVariadic() && i == len(args)-1 {
			args[i] += "..."
		}
	}
	call := fmt.Sprintf("%s.%s(%s)", pkg, f.Name, strings.Join(args, ", "))
	if f.Type.NumOut() > 0 {
		call = "return " + call
	}
	return fmt.Sprintf("%s { %s }\n", f.Signature, call)
}

// paramName is the cell's name for parameter i, or pI where it has none.
func (f *Func) paramName(i int) string {
	if i < len(f.params) && f.params[i] != "" && f.params[i] != "_" {
		return f.params[i]
	}
	return fmt.Sprintf("p%d", i)
}

// signature is the declaration of a function of type t, with the cell's
// parameter names.
func signature(name string, params []string, t reflect.Type) string {
	f := &Func{params: params, Type: t}
	in := make([]string, t.NumIn())
	for i := range in {
		typ := t.In(i).String()
		if t.IsVariadic() && i == len(in)-1 {
			typ = "..." + t.In(i).Elem().String()
		}
		in[i] = f.paramName(i) + " " + typ
	}
	out := make([]string, t.NumOut())
	for i := range out {
		out[i] = t.Out(i).String()
	}
	sig := fmt.Sprintf("func %s(%s)", name, strings.Join(in, ", "))
	switch len(out) {
	case 0:
	case 1:
		sig += " " + out[0]
	default:
		sig += " (" + strings.Join(out, ", ") + ")"
	}
	return sig
}

// Close stops the module's helper process, if it has one; its functions
// then panic with ErrClosed. A plugin cannot be unloaded: its functions
// stay callable.
func (m *Module) Close() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.Mode == Process && !m.closed {
		m.closed = true
		m.helper.close()
		forget(m)
	}
	return nil
}

// String describes the module for printing: its functions and how they run.
func (m *Module) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "compiled (%s):", m.Mode)
	for _, f := range m.funcs {
		b.WriteString("\n  " + f.Signature)
	}
	for _, s := range m.skipped {
		b.WriteString("\n  not callable from cells: " + s)
	}
	return b.String()
}
