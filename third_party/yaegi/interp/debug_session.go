package interp

import (
	"context"
	"go/token"
	"reflect"
	"sync"
)

// This file is gopar's addition to yaegi's debugger. Debug runs one
// Program from its start and detaches when it ends; a notebook compiles
// and runs many sources, each cell's funcs called by later cells, so gopar
// attaches one debugger to the interpreter for as long as the front end
// debugs (AttachDebugger), whatever runs meanwhile. It stops on lines of
// the user's code only (DebugHooks.Where), once per line and not once per
// node, and it tells goroutines apart even when compiled code (a
// sync.WaitGroup's Go, a callback) starts them.

// DebugHooks connect an attached debugger to its user.
type DebugHooks struct {
	// Where maps a position to the user's source it came from; ok is
	// false in code the user did not write, where the debugger never
	// stops.
	Where func(pos token.Position) (file string, line int, ok bool)
	// Written reports whether a node at pos is one the user wrote, not one
	// of the code the session wraps it in.
	Written func(pos token.Position) bool
	// Break, when set, is asked on the goroutine that reached a line
	// breakpoint whether it stops there (a condition, a log point).
	Break func(*DebugEvent) bool
	// Event is called for every stop, on the goroutine that stopped,
	// before it waits to be resumed; and when a goroutine starts or ends.
	Event func(*DebugEvent)
}

// debugSession is the state of a debugger attached by AttachDebugger.
type debugSession struct {
	hooks DebugHooks

	mu       sync.Mutex
	detached bool
	goids    map[*debugRoutine]uint64 // the Go goroutine each routine runs on
	byGoid   map[uint64]*debugRoutine // and back
	owned    map[*frame]*debugRoutine // routines started by compiled code, by their first frame
	stepFrom map[*debugRoutine]stepOrigin
	origins  map[*debugRoutine]stepOrigin // the go statement that started a routine
	marked   []*node                      // nodes with a line breakpoint
}

// stepOrigin is the line a step started from, which it runs to its end.
type stepOrigin struct {
	file  string
	line  int
	depth int
}

// AttachDebugger attaches a debugger to the interpreter until Detach. The
// goroutine that runs the interpreter's sources is goroutine 1.
func (interp *Interpreter) AttachDebugger(hooks DebugHooks) *Debugger {
	dbg := &Debugger{
		interp: interp,
		gWait:  new(sync.WaitGroup),
		gLock:  new(sync.Mutex),
		gLive:  map[int]*debugRoutine{},
		gID:    1,
		session: &debugSession{
			hooks:    hooks,
			goids:    map[*debugRoutine]uint64{},
			byGoid:   map[uint64]*debugRoutine{},
			owned:    map[*frame]*debugRoutine{},
			stepFrom: map[*debugRoutine]stepOrigin{},
			origins:  map[*debugRoutine]stepOrigin{},
		},
	}
	dbg.events = func(e *DebugEvent) {
		if hooks.Event != nil {
			hooks.Event(e)
		}
	}
	// Never cancelled: a cancelled context makes stopped goroutines
	// abandon the func they are in. Detach resumes them instead.
	dbg.context, dbg.cancel = context.WithCancel(context.Background())
	mainG := dbg.enterGoRoutine()
	mainG.mode = debugRun
	mainG.running = true
	interp.mutex.Lock()
	interp.debugger = dbg
	interp.mutex.Unlock()
	interp.frame.debug = &frameDebugData{kind: frameRoot, g: mainG}
	return dbg
}

// Detach removes the debugger: its breakpoints are cleared and every
// stopped goroutine runs on.
func (dbg *Debugger) Detach() {
	s := dbg.session
	s.mu.Lock()
	s.detached = true
	for _, n := range s.marked {
		n.setBreakOnLine(false)
	}
	s.marked = nil
	s.mu.Unlock()
	interp := dbg.interp
	interp.mutex.Lock()
	if interp.debugger == dbg {
		interp.debugger = nil
		interp.roots = nil
		interp.frame.debug = nil
	}
	interp.mutex.Unlock()
	dbg.RunFreely()
}

// BeginRun readies goroutine 1 for a new source: a step left unfinished
// by the previous one does not stop the next.
func (dbg *Debugger) BeginRun() {
	if g, ok := dbg.getGoRoutine(1); ok {
		g.mode = debugRun
		s := dbg.session
		s.mu.Lock()
		delete(s.byGoid, s.goids[g])
		s.setGoid(g, goid())
		delete(s.stepFrom, g)
		s.mu.Unlock()
	}
}

// Resume lets goroutine id, stopped (its Event hook was called), run
// freely. The caller makes sure to resume a stop once: the goroutine may
// still be on its way to waiting, and Resume waits for it.
func (dbg *Debugger) Resume(id int) error {
	g, ok := dbg.getGoRoutine(id)
	if !ok {
		return ErrNotLive
	}
	g.mode = debugRun
	g.resume <- struct{}{}
	return nil
}

// RunFreely makes every goroutine forget a step or pause in progress.
func (dbg *Debugger) RunFreely() {
	dbg.gLock.Lock()
	defer dbg.gLock.Unlock()
	for _, g := range dbg.gLive {
		g.mode = debugRun
	}
}

// StepLine runs stopped goroutine id (as for Resume) to the next line: the next line of
// its func (DebugStepOver), the first line of a func it calls
// (DebugStepInto), or the line of its caller after the func returns
// (DebugStepOut).
func (dbg *Debugger) StepLine(id int, reason DebugEventReason, from token.Position) error {
	g, ok := dbg.getGoRoutine(id)
	if !ok {
		return ErrNotLive
	}
	if file, line, ok := dbg.where(from); ok {
		dbg.session.mu.Lock()
		dbg.session.stepFrom[g] = stepOrigin{file, line, g.fDepth}
		dbg.session.mu.Unlock()
	}
	g.setMode(reason)
	g.resume <- struct{}{}
	return nil
}

// Pause stops goroutine id at the next line of the user's code it runs.
func (dbg *Debugger) Pause(id int) error {
	g, ok := dbg.getGoRoutine(id)
	if !ok {
		return ErrNotLive
	}
	g.setMode(DebugPause)
	return nil
}

// SetLineBreakpoints replaces every line breakpoint with those of lines
// (file -> lines, as Where names them), in the code compiled while the
// debugger was attached and in the package-level funcs and methods of
// package main. It returns the lines where a breakpoint was set.
func (dbg *Debugger) SetLineBreakpoints(lines map[string][]int) map[string][]int {
	s := dbg.session
	want := map[string]map[int]bool{}
	for file, ls := range lines {
		for _, l := range ls {
			if want[file] == nil {
				want[file] = map[int]bool{}
			}
			want[file][l] = true
		}
	}
	interp := dbg.interp
	interp.mutex.RLock()
	roots := append([]*node(nil), interp.roots...)
	if sc := interp.scopes[mainID]; sc != nil {
		for _, sym := range sc.sym {
			switch {
			case sym.kind == funcSym && sym.node != nil:
				roots = append(roots, sym.node)
			case sym.kind == typeSym && sym.typ != nil:
				roots = append(roots, sym.typ.method...)
			}
		}
	}
	interp.mutex.RUnlock()

	s.mu.Lock()
	defer s.mu.Unlock()
	for _, n := range s.marked {
		n.setBreakOnLine(false)
	}
	s.marked = nil
	set := map[string][]int{}
	seen := map[*node]bool{}
	for _, root := range roots {
		if root == nil {
			continue
		}
		root.Walk(func(n *node) bool {
			if seen[n] {
				return false
			}
			seen[n] = true
			if !n.pos.IsValid() || n.action == aNop || n.exec == nil {
				return true
			}
			file, line, ok := dbg.where(interp.fset.Position(n.pos))
			if !ok || !want[file][line] {
				return true
			}
			n.setBreakOnLine(true)
			s.marked = append(s.marked, n)
			if !containsInt(set[file], line) {
				set[file] = append(set[file], line)
			}
			return true
		}, nil)
	}
	return set
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// where maps a position with the hooks' Where.
func (dbg *Debugger) where(pos token.Position) (string, int, bool) {
	if dbg.session == nil || dbg.session.hooks.Where == nil || !pos.IsValid() {
		return "", 0, false
	}
	return dbg.session.hooks.Where(pos)
}

// skip reports whether goroutine g, about to stop at n for e, runs on
// instead: in code the user did not write, on a line it already stopped
// on (a line is many nodes), while a step has not left its line.
func (dbg *Debugger) skip(e *DebugEvent, n, prev *node) bool {
	s := dbg.session
	if s == nil {
		return false
	}
	s.mu.Lock()
	detached := s.detached
	s.mu.Unlock()
	if detached || n == nil || e.frame.debug.g.quiet {
		return true
	}
	fset := dbg.interp.fset
	file, line, ok := dbg.where(fset.Position(n.pos))
	if !ok {
		return true
	}
	if fn := e.frame.debug.scope; fn != nil && fn.def != nil && fn.def.kind == funcLit && s.hooks.Written != nil {
		// A func literal the session wrapped code in (a go statement's
		// call, a goroutine's recover) shares the line of what it wraps.
		pos := fset.Position(fn.def.pos)
		if lf, ll, ok := dbg.where(pos); ok && lf == file && ll == line && !s.hooks.Written(pos) {
			return true
		}
	}
	g := e.frame.debug.g
	// A goroutine starts on the line of its go statement, in the funcs the
	// session wraps its call in: the line stopped the goroutine that ran
	// the statement, not this one, until it reaches another line.
	s.mu.Lock()
	origin, starting := s.origins[g]
	if starting && (origin.file != file || origin.line != line) {
		delete(s.origins, g)
		starting = false
	}
	s.mu.Unlock()
	if e.reason == DebugBreak && g.mode != DebugStepInto && g.mode != DebugStepOver && g.mode != DebugStepOut {
		if prev != nil && prev.pos.IsValid() {
			if pf, pl, ok := dbg.where(fset.Position(prev.pos)); ok && pf == file && pl == line {
				return true
			}
		}
		if starting {
			return true
		}
		return s.hooks.Break != nil && !s.hooks.Break(e)
	}
	s.mu.Lock()
	from, stepping := s.stepFrom[g]
	s.mu.Unlock()
	if stepping && from.file == file && from.line == line && g.fDepth == from.depth {
		return true
	}
	s.mu.Lock()
	delete(s.stepFrom, g)
	s.mu.Unlock()
	if g.mode == DebugStepInto || g.mode == DebugStepOver || g.mode == DebugStepOut {
		e.reason = g.mode // a step that ends on a breakpoint's line is a step
	}
	return false
}

// callerRoutine is the goroutine a new call frame f runs on: its caller's
// for an interpreted call; for a call from compiled code (a func value,
// a closure), the routine of the Go goroutine it runs on, or a new one
// that ends with f when compiled code started that goroutine (or it began
// before the debugger was attached).
func (dbg *Debugger) callerRoutine(f *frame, nCall *node) *debugRoutine {
	var g *debugRoutine
	if f.anc != nil && f.anc.debug != nil {
		g = f.anc.debug.g
	}
	s := dbg.session
	if s == nil {
		return g
	}
	if g != nil && nCall != nil && nCall.kind == callExpr {
		return g // an interpreted call: the caller's goroutine
	}
	id := goid()
	s.mu.Lock()
	known := s.byGoid[id]
	s.mu.Unlock()
	if known != nil {
		return known
	}
	g = dbg.enterGoRoutine()
	g.mode, g.running = debugRun, true
	s.mu.Lock()
	s.setGoid(g, id)
	s.owned[f] = g
	s.mu.Unlock()
	return g
}

// setGoid records that routine g runs on Go goroutine id (s.mu held).
func (s *debugSession) setGoid(g *debugRoutine, id uint64) {
	s.goids[g] = id
	s.byGoid[id] = g
}

// noteGoroutine records the Go goroutine that f's routine, started by a
// go statement, runs on, and the line of the go statement.
func (dbg *Debugger) noteGoroutine(f *frame) {
	s := dbg.session
	if s == nil {
		return
	}
	g := f.debug.g
	g.running = true
	var origin stepOrigin
	if f.anc != nil && f.anc.debug != nil && f.anc.debug.node != nil {
		if file, line, ok := dbg.where(dbg.interp.fset.Position(f.anc.debug.node.pos)); ok {
			origin = stepOrigin{file: file, line: line}
		}
	}
	s.mu.Lock()
	s.setGoid(g, goid())
	if origin.file != "" {
		s.origins[g] = origin
	}
	s.mu.Unlock()
}

// ownsRoutine reports whether f is the first frame of a routine that
// callerRoutine made, which ends with it.
func (dbg *Debugger) ownsRoutine(f *frame) bool {
	s := dbg.session
	if s == nil {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	g, ok := s.owned[f]
	if ok {
		delete(s.owned, f)
	} else if g = f.debug.g; f.anc == nil || f.anc.debug == nil || f.anc.debug.g == g {
		return false // not the first frame of its routine
	}
	if id, known := s.goids[g]; known && s.byGoid[id] == g {
		delete(s.byGoid, id)
	}
	delete(s.goids, g)
	delete(s.stepFrom, g)
	delete(s.origins, g)
	return ok
}

// DebugVar is a variable of a stopped frame with its interpreted type.
type DebugVar struct {
	Name  string
	Type  *Type // nil when unknown
	Value reflect.Value
}

// TypedVariables returns the variables of the scope, with their types as
// declared.
func (f *DebugFrameScope) TypedVariables() []DebugVar {
	d := f.frame.debug
	if d == nil || d.scope == nil {
		return nil
	}
	index := map[int]*symbol{}
	names := map[int]string{}
	scanScopeSymbols(d.scope, index, names)
	out := make([]DebugVar, 0, len(f.frame.data))
	for i, v := range f.frame.data {
		sym, ok := index[i]
		if !ok || sym.kind != varSym || !v.IsValid() {
			continue
		}
		if typ := v.Type(); typ.AssignableTo(rNodeType) || typ.Kind() == reflect.Ptr && typ.Elem().AssignableTo(rNodeType) {
			continue
		}
		var t *Type
		if sym.typ != nil {
			t = &Type{sym.typ}
		}
		out = append(out, DebugVar{names[i], t, v})
	}
	return out
}

func scanScopeSymbols(sc *scope, index map[int]*symbol, names map[int]string) {
	for name, sym := range sc.sym {
		if _, ok := index[sym.index]; ok {
			continue
		}
		index[sym.index] = sym
		names[sym.index] = name
	}
	for _, ch := range sc.child {
		if ch.def != sc.def {
			continue
		}
		scanScopeSymbols(ch, index, names)
	}
}

// Frame is the innermost frame of the event's goroutine, or nil.
func (evt *DebugEvent) Frame() *DebugFrame {
	fs := evt.Frames(0, 1)
	if len(fs) == 0 {
		return nil
	}
	return fs[0]
}

// Debugger is the debugger that reported the event.
func (evt *DebugEvent) Debugger() *Debugger { return evt.debugger }

// LiteralPos is the position of the func literal the frame runs, invalid
// for a declared func.
func (f *DebugFrame) LiteralPos() token.Position {
	d := f.frames[0].debug
	if d == nil || d.scope == nil || d.scope.def == nil || d.scope.def.kind != funcLit {
		return token.Position{}
	}
	return f.event.debugger.interp.fset.Position(d.scope.def.pos)
}
