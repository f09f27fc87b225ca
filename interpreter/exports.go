package interpreter

import (
	"io"
	"os"
	"reflect"
	"strings"
	"sync"

	"github.com/traefik/yaegi/stdlib/unsafe"

	"github.com/gopar/gopar/interpreter/stdsyms"
	"github.com/gopar/gopar/runtime/interrupt"
	"github.com/gopar/gopar/symbols"
	"github.com/gopar/gopar/third_party/yaegi/interp"
)

// baseExports merges every symbol table cells may import: the standard
// library of the Go version gopar was built with (stdsyms), yaegi's unsafe
// (whose builtins need the interpreter's help) and the gopar runtime
// packages. Built once per process; sessions only read it.
var baseExports = sync.OnceValue(func() interp.Exports {
	out := interp.Exports{}
	mapTypes := map[reflect.Value][]reflect.Type{}
	merge := func(tables map[string]map[string]reflect.Value) {
		for path, syms := range tables {
			if path == "." {
				// Interface wrappers for values handed to compiled funcs:
				// every table's entries count.
				if mt, ok := syms["MapTypes"].Interface().(map[reflect.Value][]reflect.Type); ok {
					for k, v := range mt {
						mapTypes[k] = v
					}
				}
				continue
			}
			m := out[path]
			if m == nil {
				m = make(map[string]reflect.Value, len(syms))
				out[path] = m
			}
			for name, v := range syms {
				m[name] = v
			}
		}
	}
	merge(stdsyms.Symbols)
	merge(unsafe.Symbols)
	merge(symbols.Symbols)
	out["."] = map[string]reflect.Value{"MapTypes": reflect.ValueOf(mapTypes)}
	// Sleeps stop when the user interrupts the cell.
	out["time/time"]["Sleep"] = reflect.ValueOf(interrupt.Sleep)
	return out
})

// stdioExports makes os.Stdin, os.Stdout and os.Stderr in cells the session's
// streams, and the log package's standard logger write to its stderr. A
// stream that is an *os.File keeps its type; any other reader or writer is
// exposed through an interface-typed variable so that
// bufio.NewReader(os.Stdin) and fmt.Fprintln(os.Stdout, ...) still reach it.
func stdioExports(stdin io.Reader, stdout, stderr io.Writer) interp.Exports {
	m := map[string]reflect.Value{}
	if f, ok := stdin.(*os.File); ok {
		m["Stdin"] = reflect.ValueOf(&f).Elem()
	} else {
		m["Stdin"] = reflect.ValueOf(&stdin).Elem()
	}
	if f, ok := stdout.(*os.File); ok {
		m["Stdout"] = reflect.ValueOf(&f).Elem()
	} else {
		m["Stdout"] = reflect.ValueOf(&stdout).Elem()
	}
	if f, ok := stderr.(*os.File); ok {
		m["Stderr"] = reflect.ValueOf(&f).Elem()
	} else {
		m["Stderr"] = reflect.ValueOf(&stderr).Elem()
	}
	realEnviron(m)
	out := logExports(stderr) // the standard logger writes to stderr
	out["os/os"] = m
	return out
}

// panicFilter passes writes through to w, except the frame lines yaegi
// prints for every interpreted panic ("3:9: panic: main.f(...)"): those are
// kept for the cell's traceback, and dropped when the cell recovers.
type panicFilter struct {
	w      io.Writer
	mu     sync.Mutex
	frames []string
}

func (p *panicFilter) Write(b []byte) (int, error) {
	if isPanicFrame(string(b)) {
		p.mu.Lock()
		p.frames = append(p.frames, strings.TrimRight(string(b), "\n"))
		p.mu.Unlock()
		return len(b), nil
	}
	return p.w.Write(b)
}

// take returns and forgets the frames seen so far.
func (p *panicFilter) take() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	f := p.frames
	p.frames = nil
	return f
}

// isPanicFrame recognises "L:C: panic" and "L:C: panic: ..." lines.
func isPanicFrame(s string) bool {
	s = strings.TrimPrefix(s, "_.go:")
	i := 0
	for n := 0; n < 2; n++ {
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j == i || j >= len(s) || s[j] != ':' {
			return false
		}
		i = j + 1
	}
	return strings.HasPrefix(s[i:], " panic")
}
