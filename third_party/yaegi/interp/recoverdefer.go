package interp

import (
	"reflect"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
)

// recover finds the panic it stops through the frame of the func calling
// it: the panicking frame is that frame's enclosing one (anc). That is
// right only for a func literal deferred by the func that declares it. A
// named func, a func held in a variable, or a literal declared elsewhere
// has another enclosing frame, and its recover returned nil. So while a
// panicking frame runs its deferred calls, it is registered for its
// goroutine with the depth of the Go stack at which it runs them; recover
// falls back to it when called by a deferred func directly, that is when
// the only interpreted call on the Go stack between it and the runner of
// deferred calls is its own.

// deferRun is a panicking frame running its deferred calls.
type deferRun struct {
	f     *frame
	depth int // Go frames from the bottom of the stack to the runner
}

var (
	deferRunsN  atomic.Int32 // registered runs, to skip the search when none
	deferRunsMu sync.Mutex
	deferRuns   = map[uint64][]deferRun{}

	runnerOnce  sync.Once
	runnerEntry uintptr // entry of runCfg's deferred func, which runs deferred calls
	runCfgName  string

	deferThunkName string
)

// runDeferredPanicking runs the deferred calls of f, which is panicking,
// with f registered for recover. It is called by runCfg's deferred func.
func runDeferredPanicking(f *frame) {
	pcs := callers(2) // pcs[0] is the runner
	runnerOnce.Do(func() {
		if fn := runtime.FuncForPC(pcs[0]); fn != nil {
			runnerEntry = fn.Entry()
		}
		if fn := runtime.FuncForPC(reflect.ValueOf(runCfg).Pointer()); fn != nil {
			runCfgName = fn.Name()
		}
		if fn := runtime.FuncForPC(reflect.ValueOf(runDeferThunk).Pointer()); fn != nil {
			deferThunkName = fn.Name()
		}
	})
	gid := goid()
	deferRunsMu.Lock()
	deferRuns[gid] = append(deferRuns[gid], deferRun{f: f, depth: frameCount(pcs)})
	deferRunsMu.Unlock()
	deferRunsN.Add(1)
	defer func() {
		deferRunsMu.Lock()
		if s := deferRuns[gid]; len(s) > 1 {
			deferRuns[gid] = s[:len(s)-1]
		} else {
			delete(deferRuns, gid)
		}
		deferRunsMu.Unlock()
		deferRunsN.Add(-1)
	}()
	for _, val := range f.deferred {
		// A deferred call that panics replaces the panic: the calls
		// deferred before it see the new one, as in Go.
		if r, panicked := callDeferred(val); panicked {
			f.recovered = r
			if exiting(r) {
				return // os.Exit runs no more deferred calls
			}
		}
	}
}

// deferredPanicFrame returns the panicking frame whose deferred call is the
// interpreted func calling recover, or nil.
func deferredPanicFrame() *frame { return deferredPanicFrameAbove(0) }

// deferredPanicFrameAbove is deferredPanicFrame for a caller that runs
// above runners of deferred calls of its own (a deferred recover runs
// above the runner of the func that deferred it).
func deferredPanicFrameAbove(ownRunners int) *frame {
	if deferRunsN.Load() == 0 {
		return nil
	}
	gid := goid()
	deferRunsMu.Lock()
	runs := append([]deferRun(nil), deferRuns[gid]...)
	deferRunsMu.Unlock()
	if len(runs) == 0 {
		return nil
	}
	pcs := callers(2)
	frames := runtime.CallersFrames(pcs)
	interpCalls := 0
	for {
		fr, more := frames.Next()
		if fr.Entry == runnerEntry {
			if ownRunners == 0 {
				break
			}
			ownRunners--
		}
		switch fr.Function {
		case runCfgName:
			interpCalls++
		case deferThunkName:
			interpCalls-- // the thunk's own call does not count
		}
		if !more {
			return nil
		}
	}
	if interpCalls != 1 {
		return nil
	}
	// The runner's depth from the bottom of the stack must be the
	// registered one: the frames below it are those counted then.
	rest := 1 // the runner
	for {
		_, more := frames.Next()
		rest++
		if !more {
			break
		}
	}
	// The run whose runner that is: the innermost one, or one below it
	// when the runner above was the caller's own.
	for i := len(runs) - 1; i >= 0; i-- {
		if runs[i].depth == rest {
			if runs[i].f.recovered == nil {
				return nil
			}
			return runs[i].f
		}
	}
	return nil
}

// callers returns the program counters of the calling goroutine's stack,
// skipping skip frames (0 is callers itself).
func callers(skip int) []uintptr {
	pcs := make([]uintptr, 64)
	for {
		n := runtime.Callers(skip+1, pcs)
		if n < len(pcs) {
			return pcs[:n]
		}
		pcs = make([]uintptr, 2*len(pcs))
	}
}

// frameCount is the number of Go frames pcs stand for (inlined calls
// included), as runtime.CallersFrames lists them.
func frameCount(pcs []uintptr) int {
	frames := runtime.CallersFrames(pcs)
	n := 0
	for {
		_, more := frames.Next()
		n++
		if !more {
			return n
		}
	}
}

// goid is the id of the calling goroutine, from the header of its stack
// trace ("goroutine 18 [running]:").
func goid() uint64 {
	var buf [64]byte
	b := buf[:runtime.Stack(buf[:], false)]
	const prefix = "goroutine "
	if len(b) < len(prefix) {
		return 0
	}
	b = b[len(prefix):]
	i := 0
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		i++
	}
	id, _ := strconv.ParseUint(string(b[:i]), 10, 64)
	return id
}

// deferRecover compiles `defer recover()`: it ran recover at the defer
// statement, where it stopped a panic of the enclosing func at once. In Go
// the call is deferred, and stops a panic only when the func deferring it
// returns normally, being itself a deferred call of the panicking func;
// run because the func panicked itself, it is called by the panic, not by
// a deferred func, and does nothing.
func deferRecover(n *node, tnext bltn) {
	noArgs := reflect.FuncOf(nil, nil, false)
	n.exec = func(f *frame) bltn {
		call := reflect.MakeFunc(noArgs, func([]reflect.Value) []reflect.Value {
			if f.recovered != nil {
				return nil // run by f's own panic
			}
			if f.anc != nil && f.anc.recovered != nil {
				f.anc.recovered = nil
			} else if pf := deferredPanicFrameAbove(1); pf != nil {
				pf.recovered = nil
			}
			return nil
		})
		f.deferred = append([][]reflect.Value{{call}}, f.deferred...)
		return tnext
	}
}

// DeferThunkParam names the first parameter of the func literals gopar
// defers a method call through, so as to bind its receiver at the defer
// statement: `defer func(_goparR *T) { _goparR.M() }(t)` for `defer t.M()`.
// recover in the method finds the panic as if the method were deferred
// directly, which it is in the program.
const DeferThunkParam = "_goparR"

// isDeferThunk reports whether def is such a func literal.
func isDeferThunk(def *node) bool {
	if def.kind != funcLit || len(def.child) < 3 {
		return false
	}
	ft := def.child[2] // funcType: type params, params, results
	if len(ft.child) < 2 {
		return false
	}
	params := ft.child[1]
	if len(params.child) == 0 || len(params.child[0].child) == 0 {
		return false
	}
	return params.child[0].child[0].ident == DeferThunkParam
}

// runDeferThunk runs the body of a defer thunk: a frame of its own on the
// Go stack, which deferredPanicFrame does not count as a call.
//
//go:noinline
func runDeferThunk(n *node, f *frame, funcNode, callNode *node) {
	runCfg(n, f, funcNode, callNode)
}
