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
		val[0].Call(val[1:])
	}
}

// deferredPanicFrame returns the panicking frame whose deferred call is the
// interpreted func calling recover, or nil.
func deferredPanicFrame() *frame {
	if deferRunsN.Load() == 0 {
		return nil
	}
	gid := goid()
	deferRunsMu.Lock()
	s := deferRuns[gid]
	var top deferRun
	if len(s) > 0 {
		top = s[len(s)-1]
	}
	deferRunsMu.Unlock()
	if top.f == nil || top.f.recovered == nil {
		return nil
	}
	pcs := callers(2)
	frames := runtime.CallersFrames(pcs)
	interpCalls := 0
	for {
		fr, more := frames.Next()
		if fr.Entry == runnerEntry {
			break
		}
		if fr.Function == runCfgName {
			interpCalls++
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
	if rest != top.depth {
		return nil
	}
	return top.f
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
