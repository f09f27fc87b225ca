package interp

import (
	"reflect"
	"sync/atomic"
)

// gopar: what a goroutine costs. gopar's lowering makes every go statement
// one of a func literal (`go func() { defer guard(); ... }()`), so that is
// what a goroutine is made of: the frame the literal captures, its own
// frame and its deferred guard. The literal captured a copy of the whole
// enclosing frame (frame.clone: a slot for each variable and temporary
// of the enclosing func, 24 bytes each; a cell's func has hundreds),
// made a func value of it (reflect.MakeFunc) that the call looked up
// again, and the deferred guard copied the goroutine's frame too.
//
// A literal needs a copy of the enclosing frame only for the variables it
// reads that the enclosing func may declare again while the literal lives:
// a variable declared in a loop is a new one at each iteration (yaegi
// gives it a new slot value), and the literal must keep the one it saw. A
// variable declared once per call keeps its slot value for the call's
// life: a literal reading only such variables (and its parameters, and
// package variables) runs under the enclosing frame itself, as a Go
// closure refers to its variables. Otherwise the copy holds the slots up
// to the last one the literal reads, not the whole frame.
//
// A go statement of a func literal runs it directly, with no func value;
// a deferred literal captures the same way (litcall.go).

// litCapture is how a func literal captures its enclosing frame, worked
// out once from the compiled code.
type litCapture struct {
	// how is captureUnknown, or the way and, for captureCopy, the number
	// of slots copied times 4.
	how atomic.Int64
}

const (
	captureUnknown int64 = iota
	captureShare         // the enclosing frame itself
	captureCopy          // a copy of its first n slots
	captureClone         // a copy of all of it (frame.clone)
)

// capture returns the frame that the literal lit, made in f, runs under.
func (c *litCapture) capture(lit *node, f *frame) *frame {
	how := c.how.Load()
	if how == captureUnknown {
		s, n := captureOf(lit)
		how = s | int64(n)<<2
		c.how.Store(how)
	}
	s, n := how&3, int(how>>2)
	switch {
	case f == f.root || lit.interp.debugger != nil:
		// The global frame grows as cells declare variables; a debugger
		// shows the captured frame's variables.
		return f.clone()
	case s == captureShare:
		return f
	case s == captureCopy && n <= len(f.data):
		return f.cloneSlots(n)
	}
	return f.clone()
}

// cloneSlots is clone with only the first n slots of f.
func (f *frame) cloneSlots(n int) *frame {
	f.mutex.RLock()
	defer f.mutex.RUnlock()
	nf := &frame{
		anc:       f.anc,
		root:      f.root,
		deferred:  f.deferred,
		recovered: f.recovered,
		id:        f.runid(),
		debug:     f.debug,
	}
	nf.done.Store(f.done.Load())
	nf.data = make([]reflect.Value, n)
	copy(nf.data, f.data[:n])
	return nf
}

// captureOf works out how the func literal lit captures the frame of the
// func it is written in.
func captureOf(lit *node) (int64, int) {
	encl := enclosingFunc(lit)
	if encl == nil || len(encl.child) < 4 || encl.child[3] == nil || len(lit.child) < 4 {
		return captureClone, 0
	}
	// The slots of the enclosing frame the literal reads: nodes at one
	// frame above the literal's (two above in a literal nested in it...).
	reads := map[int]bool{}
	seen := map[*node]bool{}
	var walk func(n *node, depth int)
	walk = func(n *node, depth int) {
		if n == nil || seen[n] {
			return
		}
		seen[n] = true
		if n.level == depth+1 {
			reads[n.findex] = true
		}
		if n.kind == funcLit {
			depth++
		}
		for _, c := range n.child {
			walk(c, depth)
		}
	}
	for _, c := range lit.child {
		walk(c, 0)
	}
	if len(reads) == 0 {
		return captureShare, 0
	}
	// Where each of them first occurs in the enclosing func's own code,
	// which declares it: in a loop or not. A goto may run a declaration
	// again.
	type first struct {
		pos    int64
		inLoop bool
	}
	firsts := map[int]first{}
	again := false
	seen = map[*node]bool{}
	var scan func(n *node, inLoop bool)
	scan = func(n *node, inLoop bool) {
		if n == nil || seen[n] || again {
			return
		}
		seen[n] = true
		switch n.kind {
		case funcLit:
			return
		case gotoStmt:
			again = true
			return
		case forStmt0, forStmt1, forStmt2, forStmt3, forStmt4, forStmt5, forStmt6, forStmt7, rangeStmt:
			inLoop = true
		}
		if n.level == 0 && reads[n.findex] {
			if p, ok := firsts[n.findex]; !ok || int64(n.pos) < p.pos {
				firsts[n.findex] = first{int64(n.pos), inLoop}
			}
		}
		for _, c := range n.child {
			scan(c, inLoop)
		}
	}
	for _, c := range encl.child[:3] {
		scan(c, false) // the receiver, name and parameters
	}
	scan(encl.child[3], false)
	if again {
		return captureClone, 0
	}
	share, last := true, 0
	for i := range reads {
		last = max(last, i+1)
		if p, ok := firsts[i]; !ok || p.inLoop {
			share = false
		}
	}
	if share {
		return captureShare, 0
	}
	return captureCopy, last
}

// goLit is a go statement of a func literal, run directly.
type goLit struct {
	litCapture
	call   *node // the call the go statement makes
	def    *node // the literal
	values []func(*frame) reflect.Value
	tnext  bltn
}

// newGoLit returns the exec of the go statement whose call n calls the
// func literal def with the arguments values, or nil when the call takes
// the general way (a variadic literal).
func newGoLit(n, def *node, values []func(*frame) reflect.Value, tnext bltn) bltn {
	if variadicPos(n) >= 0 || n.action == aCallSlice || len(def.child) < 4 {
		return nil
	}
	def.litUse = litGo
	g := &goLit{call: n, def: def, values: values, tnext: tnext}
	return g.exec
}

func (g *goLit) exec(f *frame) bltn {
	def := g.def
	layout := def.slotLayout()
	nf := layout.frame(g.capture(def, f), def.interp.runid())
	if dest := nf.data[len(def.typ.ret):]; len(dest) > 0 {
		for i, v := range g.values {
			val := v(f)
			if val.IsZero() && dest[i].Kind() != reflect.Interface {
				continue // as call does
			}
			if k := val.Kind(); k == reflect.Ptr || k == reflect.Interface {
				if nod, ok := val.Interface().(*node); ok && nod.recv != nil {
					// A method value (see call).
					dest[i] = genFunctionWrapper(nod)(f)
					continue
				}
			}
			dest[i].Set(val)
		}
	}
	nf.done.Store(def.interp.goroutineCase(nf.done.Load())) // goroutinedone.go
	go g.run(nf)
	return g.tnext
}

// run is the goroutine.
func (g *goLit) run(nf *frame) {
	defer g.def.interp.endGoroutine()
	runCfg(g.def.child[3].start, nf, g.def, g.call)
	nf.dropSpares()
}

// gopar: a deferred literal that only handles a panic, `defer func() { if
// p := recover(); p != nil { ... } }()` (gopar's lowering puts one at the
// top of every goroutine), does nothing when its func returns without
// panicking: recover returns nil. It is not called then; each goroutine
// made a frame for it and ran it, and the calls grew a new goroutine's
// stack.

// isRecoverGuard reports whether the func literal def is such a guard.
func isRecoverGuard(def *node) bool {
	if def.kind != funcLit || len(def.child) < 4 || len(def.typ.arg) != 0 {
		return false
	}
	body := def.child[3]
	if body == nil || len(body.child) != 1 {
		return false
	}
	st := body.child[0]
	if st.kind != ifStmt2 || len(st.child) != 3 {
		return false
	}
	init, cond := st.child[0], st.child[1]
	if init.kind != defineStmt || len(init.child) != 2 || init.child[0].kind != identExpr {
		return false
	}
	call := init.child[1]
	if call.kind != callExpr || len(call.child) != 1 || call.child[0].ident != "recover" ||
		call.child[0].sym == nil || call.child[0].sym.kind != bltnSym {
		return false
	}
	if cond.kind != binaryExpr || cond.action != aNotEqual || len(cond.child) != 2 {
		return false
	}
	x, y := cond.child[0], cond.child[1]
	return x.kind == identExpr && x.ident == init.child[0].ident && x.findex == init.child[0].findex &&
		x.level == 0 && y.ident == "nil" && y.sym != nil && y.sym.kind != varSym
}

// onlyRecoverGuards reports whether every deferred call is a recover guard.
func onlyRecoverGuards(deferred [][]reflect.Value) bool {
	for _, val := range deferred {
		if !isRecoverGuardCall(val) {
			return false
		}
	}
	return true
}

// isRecoverGuardCall reports whether the deferred call val is one of a
// recover guard.
func isRecoverGuardCall(val []reflect.Value) bool {
	return val[0].Type() == deferredLitType && val[0].Interface().(*deferredLit).guard
}
