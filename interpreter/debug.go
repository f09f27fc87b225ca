package interpreter

import (
	"cmp"
	"errors"
	"fmt"
	"go/ast"
	"go/token"
	"sort"
	"strings"
	"sync"

	"github.com/gopar/gopar/third_party/yaegi/interp"
)

// A debugger for cells, as a front end's debugger panel drives it: it
// stops goroutines at breakpoints set on lines of cells, steps them line
// by line and shows their stacks and variables. Cells are known by the
// name the front end gives their source (DebugOptions.PathOf), lines by
// the cell's own numbering. yaegi's debugger (attached for as long as the
// front end debugs, see interp.AttachDebugger) does the stopping; nothing
// of it runs while no debugger is on: a cell only records its source.

// DebugOptions turn the debugger on.
type DebugOptions struct {
	// PathOf names a cell's source as the front end does.
	PathOf func(code string) string
	// Stopped is told that goroutine stopped, for reason "breakpoint",
	// "step" or "pause". It is called on the goroutine that stopped.
	Stopped func(goroutine int, reason string)
}

// debugState is a session's debugger. Its methods never take the
// session's lock, which a cell stopped at a breakpoint holds.
type debugState struct {
	mu    sync.Mutex
	codes map[int]string // the source of recent cells, by cell number

	opts        *DebugOptions           // nil while no debugger is on
	dbg         *interp.Debugger        // attached to in, from the first cell run while on
	in          *interp.Interpreter     //
	breakpoints map[string][]Breakpoint // by cell path
	hits        map[string]int          // "path:line" -> hits of a breakpoint with a hit condition
	maps        map[int]debugMap        // position maps of the sources, by line block
	paths       map[int]string          // cell number -> path, as computed
	globals     map[string]string       // the session's variables and their types, as the running cell sees them
	stopped     map[int]*interp.DebugEvent
	frames      []debugFrame // frame id - 1 -> frame, while goroutines are stopped
	refs        []debugRef   // variables reference - 1 -> what it expands
}

// debugMap is what the debugger needs of an emitted source.
type debugMap struct {
	cell int
	em   *emitted // a copy with only its position pairs
}

type debugFrame struct {
	goroutine int
	frame     *interp.DebugFrame
}

// debugRef is an expandable thing: a list of named values or one value.
type debugRef struct {
	vars  []DebugVariable
	value debugValue
}

// DebugThread is a goroutine.
type DebugThread struct {
	ID   int
	Name string
}

// DebugStackFrame is a frame of a stopped goroutine, in a cell.
type DebugStackFrame struct {
	ID     int
	Name   string
	Path   string
	Line   int
	Column int
}

// DebugScope is a group of variables of a frame.
type DebugScope struct {
	Name string
	Ref  int
}

// DebugVariable is a variable, or a field or element of one. Ref, when
// not 0, lists its parts.
type DebugVariable struct {
	Name, Type, Value string
	Ref               int
	value             debugValue
}

// ErrNotStopped is returned for a goroutine that is not stopped.
var ErrNotStopped = errors.New("the goroutine is not stopped")

// ErrNoDebugger is returned while no debugger is on.
var ErrNoDebugger = errors.New("the debugger is not on")

// debugCell records the source of the cell about to run and, while a
// debugger is on, attaches it and sets the breakpoints in what the cell
// compiled.
func (s *Session) debugCell(cell int, code string) {
	d := &s.debug
	d.mu.Lock()
	if d.codes == nil {
		d.codes = map[int]string{}
	}
	d.codes[cell] = code
	delete(d.codes, cell-keepMaps)
	if d.opts == nil {
		d.mu.Unlock()
		return
	}
	old := d.dbg
	if d.in != s.in {
		// The first cell since the debugger was turned on, or the session
		// made a new interpreter (a type was redefined).
		d.in = s.in
		d.dbg = s.in.AttachDebugger(interp.DebugHooks{Where: d.where, Written: d.written, Event: d.event, Break: s.debugBreak})
	} else {
		old = nil
	}
	for block, em := range s.sources {
		if m, ok := d.maps[block]; !ok || m.em.base != em.base || m.cell != em.cell || len(m.em.points) != len(em.points) {
			d.maps[block] = debugMap{cell: em.cell, em: &emitted{points: em.points, base: em.base}}
		}
	}
	// The running cell's variables, for frames stopped in it: the session
	// publishes them only once it ends.
	d.globals = make(map[string]string, len(s.globals))
	for name, g := range s.globals {
		d.globals[name] = cmp.Or(g.display, g.typeSrc)
	}
	dbg, breakpoints := d.dbg, d.lineBreakpointsLocked()
	d.mu.Unlock()
	if old != nil {
		old.Detach()
	}
	dbg.BeginRun()
	if len(breakpoints) > 0 {
		dbg.SetLineBreakpoints(breakpoints)
	}
}

// where maps a position yaegi reports to the cell path and line.
func (d *debugState) where(pos token.Position) (string, int, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	m, ok := d.maps[pos.Line/lineBlock]
	if !ok {
		return "", 0, false
	}
	line, ok := writtenLine(m.em.points, pos.Line, pos.Column)
	if !ok {
		return "", 0, false
	}
	path := d.pathLocked(m.cell)
	return path, line, path != ""
}

// writtenLine maps a printed position to the line of the cell it was
// written on: that of the cell's code on the same printed line, else that
// of the code around it when the code before and the code after come from
// one line of the cell (a statement the session expanded, such as a go
// statement's wrapper). Other printed lines are code the session generated
// between the cell's (the cell's funcs assigned to their variables before
// its statements), where the debugger never stops; cellPos would name the
// line of the cell printed last before them.
func writtenLine(pts []posPair, line, col int) (int, bool) {
	i := sort.Search(len(pts), func(i int) bool {
		return pts[i].line > line || pts[i].line == line && pts[i].col > col
	})
	switch {
	case i > 0 && pts[i-1].line == line:
		return pts[i-1].cellLine, true
	case i < len(pts) && pts[i].line == line:
		return pts[i].cellLine, true
	case i > 0 && i < len(pts) && pts[i-1].cellLine == pts[i].cellLine:
		return pts[i].cellLine, true
	}
	return 0, false
}

// written reports whether pos is the start of a node of a cell, not of
// code the session generated around it.
func (d *debugState) written(pos token.Position) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	m, ok := d.maps[pos.Line/lineBlock]
	if !ok {
		return false
	}
	pts := m.em.points
	i := sort.Search(len(pts), func(i int) bool {
		return pts[i].line > pos.Line || pts[i].line == pos.Line && pts[i].col >= pos.Column
	})
	return i < len(pts) && pts[i].line == pos.Line && pts[i].col == pos.Column
}

// pathLocked is the path of cell (d.mu held), "" when unknown.
func (d *debugState) pathLocked(cell int) string {
	if p, ok := d.paths[cell]; ok {
		return p
	}
	code, ok := d.codes[cell]
	if !ok || d.opts == nil {
		return ""
	}
	p := d.opts.PathOf(code)
	d.paths[cell] = p
	return p
}

// event handles what yaegi's debugger reports: a goroutine stopped.
func (d *debugState) event(e *interp.DebugEvent) {
	var reason string
	switch e.Reason() {
	case interp.DebugBreak:
		reason = "breakpoint"
	case interp.DebugStepInto, interp.DebugStepOver, interp.DebugStepOut:
		reason = "step"
	case interp.DebugPause:
		reason = "pause"
	default:
		return // goroutines starting and ending
	}
	d.mu.Lock()
	opts := d.opts
	if opts == nil {
		d.mu.Unlock()
		// Turned off meanwhile: it waits once this returns, then runs on.
		go func() { _ = e.Debugger().Resume(e.GoRoutine()) }()
		return
	}
	d.stopped[e.GoRoutine()] = e
	d.mu.Unlock()
	opts.Stopped(e.GoRoutine(), reason)
}

// StartDebug turns the debugger on. It attaches to the interpreter when
// the next cell runs.
func (s *Session) StartDebug(opts DebugOptions) {
	d := &s.debug
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.opts != nil {
		d.opts = &opts
		return
	}
	d.opts = &opts
	d.breakpoints = map[string][]Breakpoint{}
	d.hits = map[string]int{}
	d.maps = map[int]debugMap{}
	d.paths = map[int]string{}
	d.stopped = map[int]*interp.DebugEvent{}
	d.frames, d.refs = nil, nil
}

// StopDebug turns the debugger off: breakpoints are cleared and stopped
// goroutines run on.
func (s *Session) StopDebug() {
	d := &s.debug
	d.mu.Lock()
	dbg := d.dbg
	stopped := d.takeStoppedLocked()
	d.opts, d.dbg, d.in, d.globals = nil, nil, nil, nil
	d.breakpoints, d.hits, d.maps, d.paths = nil, nil, nil, nil
	d.mu.Unlock()
	if dbg != nil {
		dbg.Detach()
		for _, id := range stopped {
			_ = dbg.Resume(id)
		}
	}
}

// takeStoppedLocked forgets every stop and returns the goroutines (d.mu
// held); their frames and variables are gone too.
func (d *debugState) takeStoppedLocked() []int {
	var ids []int
	for id := range d.stopped {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	clear(d.stopped)
	d.frames, d.refs = nil, nil
	return ids
}

// DebugInterrupted lets stopped goroutines run on after an interrupt, which
// then ends them as it ends running ones.
func (s *Session) DebugInterrupted() {
	d := &s.debug
	d.mu.Lock()
	dbg := d.dbg
	if dbg == nil {
		d.mu.Unlock()
		return
	}
	stopped := d.takeStoppedLocked()
	d.mu.Unlock()
	dbg.RunFreely()
	for _, id := range stopped {
		_ = dbg.Resume(id)
	}
}

// SetBreakpoints replaces the breakpoints of the cell known as path,
// whose source is code, and returns those on lines where a statement
// starts (the others are dropped).
func (s *Session) SetBreakpoints(path, code string, lines []int) ([]int, error) {
	bps := make([]Breakpoint, len(lines))
	for i, l := range lines {
		bps[i] = Breakpoint{Line: l}
	}
	why, err := s.SetBreakpointSpecs(path, code, bps)
	var kept []int
	for i, w := range why {
		if w == "" {
			kept = append(kept, lines[i])
		}
	}
	return kept, err
}

// Breakpoint is a line breakpoint with what a front end may add to it.
type Breakpoint struct {
	Line int
	// Condition, a Go boolean expression, stops only when it is true in
	// the frame.
	Condition string
	// HitCondition stops only on the hits it names: "5" or "==5" the
	// fifth, ">5", ">=5", "<5", "<=5", "%5" every fifth.
	HitCondition string
	// LogMessage makes a log point, which prints the message with each
	// {expression} in it evaluated, and never stops.
	LogMessage string
}

// SetBreakpointSpecs replaces the breakpoints of the cell known as path,
// whose source is code. It returns, for each of bps, "" when it is set,
// else why not: no statement starts on its line, or its condition, hit
// condition or log message cannot be read.
func (s *Session) SetBreakpointSpecs(path, code string, bps []Breakpoint) ([]string, error) {
	valid := statementLines(code)
	why := make([]string, len(bps))
	var kept []Breakpoint
	for i, b := range bps {
		switch {
		case !valid[b.Line]:
			why[i] = "no statement starts on this line"
		default:
			why[i] = b.check()
		}
		if why[i] == "" {
			kept = append(kept, b)
		}
	}
	d := &s.debug
	d.mu.Lock()
	if d.opts == nil {
		d.mu.Unlock()
		return nil, ErrNoDebugger
	}
	if len(kept) == 0 {
		delete(d.breakpoints, path)
	} else {
		d.breakpoints[path] = kept
	}
	for key := range d.hits {
		if strings.HasPrefix(key, path+":") {
			delete(d.hits, key)
		}
	}
	dbg, all := d.dbg, d.lineBreakpointsLocked()
	d.mu.Unlock()
	if dbg != nil {
		// Funcs of earlier cells: a later cell or a goroutine may call them.
		dbg.SetLineBreakpoints(all)
	}
	return why, nil
}

// lineBreakpointsLocked are the lines with a breakpoint, by path (d.mu
// held).
func (d *debugState) lineBreakpointsLocked() map[string][]int {
	lines := make(map[string][]int, len(d.breakpoints))
	for path, bps := range d.breakpoints {
		for _, b := range bps {
			lines[path] = append(lines[path], b.Line)
		}
	}
	return lines
}

// statementLines are the lines of a cell where a statement or a
// declaration starts.
func statementLines(code string) map[int]bool {
	lines := map[int]bool{}
	fset := token.NewFileSet()
	pc, err := parseCellIn(fset, code)
	if err != nil {
		return lines
	}
	for _, n := range pc.order {
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BlockStmt, *ast.FuncDecl, nil:
			case ast.Stmt:
				lines[fset.Position(n.Pos()).Line] = true
			case *ast.ValueSpec:
				if len(n.Values) > 0 {
					lines[fset.Position(n.Pos()).Line] = true
				}
			}
			return true
		})
	}
	return lines
}

// DebugThreads lists the goroutines the debugger knows: goroutine 1 runs
// the cells; the others, those started since it was attached.
func (s *Session) DebugThreads() []DebugThread {
	d := &s.debug
	d.mu.Lock()
	dbg := d.dbg
	d.mu.Unlock()
	if dbg == nil {
		return []DebugThread{{ID: 1, Name: "goroutine 1 (cells)"}}
	}
	var out []DebugThread
	for _, g := range dbg.GoRoutines() {
		name := fmt.Sprintf("goroutine %d", g.ID())
		if g.ID() == 1 {
			name += " (cells)"
		}
		out = append(out, DebugThread{ID: g.ID(), Name: name})
	}
	return out
}

// StoppedGoroutines lists the goroutines waiting at a stop.
func (s *Session) StoppedGoroutines() []int {
	d := &s.debug
	d.mu.Lock()
	defer d.mu.Unlock()
	ids := []int{}
	for id := range d.stopped {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	return ids
}

// DebugStack returns the frames of stopped goroutine id that are in
// cells, innermost first.
func (s *Session) DebugStack(id int) ([]DebugStackFrame, error) {
	d := &s.debug
	d.mu.Lock()
	e := d.stopped[id]
	d.mu.Unlock()
	if e == nil {
		return nil, ErrNotStopped
	}
	var out []DebugStackFrame
	for _, f := range e.Frames(0, e.FrameDepth()) {
		path, line, ok := d.where(f.Position())
		if !ok {
			continue // the session's own code
		}
		if lit := f.LiteralPos(); len(out) > 0 && lit.IsValid() && !d.written(lit) {
			continue // a func literal the session wrapped the cell's code in
		}
		d.mu.Lock()
		d.frames = append(d.frames, debugFrame{goroutine: id, frame: f})
		fid := len(d.frames)
		d.mu.Unlock()
		out = append(out, DebugStackFrame{ID: fid, Name: frameName(f.Name()), Path: path, Line: line, Column: 1})
	}
	return out, nil
}

// frameName is the name of a func as the cell wrote it.
func frameName(name string) string {
	switch {
	case strings.HasPrefix(name, "_goparCell"):
		return "cell"
	case strings.HasPrefix(name, "_goparF_"):
		name = strings.TrimPrefix(name, "_goparF_")
		if i := strings.LastIndexByte(name, '_'); i > 0 {
			name = name[:i]
		}
		return userName(name)
	case name == "<anonymous>":
		return "func literal"
	}
	return name
}

// frameOf returns the frame with DAP id fid.
func (d *debugState) frameOf(fid int) (debugFrame, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if fid < 1 || fid > len(d.frames) {
		return debugFrame{}, false
	}
	return d.frames[fid-1], true
}

// DebugScopes returns the variables of frame fid: its locals, and the
// session's variables.
func (s *Session) DebugScopes(fid int) ([]DebugScope, error) {
	d := &s.debug
	f, ok := d.frameOf(fid)
	if !ok {
		return nil, fmt.Errorf("no frame %d: the goroutine has run on since", fid)
	}
	var locals []DebugVariable
	for _, sc := range f.frame.Scopes() {
		for _, v := range sc.TypedVariables() {
			if madeUpName(v.Name) {
				continue
			}
			locals = append(locals, d.variable(userName(v.Name), debugValue{v.Value, v.Type}))
		}
	}
	sort.SliceStable(locals, func(i, j int) bool { return locals[i].Name < locals[j].Name })
	return []DebugScope{
		{Name: "Locals", Ref: d.newRef(debugRef{vars: locals})},
		{Name: "Globals", Ref: d.newRef(debugRef{vars: s.globalVariables()})},
	}, nil
}

// madeUpName reports names the session made up, which the cell never wrote.
func madeUpName(name string) bool {
	return name == "" || name == "_" || strings.HasPrefix(name, "_gopar") && !strings.HasPrefix(name, universePrefix)
}

// DebugGlobals returns the variables cells defined, as the last finished
// cell left them.
func (s *Session) DebugGlobals() []DebugVariable { return s.globalVariables() }

func (s *Session) globalVariables() []DebugVariable {
	var out []DebugVariable
	for _, g := range s.globalValues() {
		if madeUpName(g.name) {
			continue
		}
		dv := s.debug.variable(g.name, g.value)
		if g.declared != "" {
			dv.Type = g.declared
		}
		out = append(out, dv)
	}
	return out
}

// newRef registers r and returns its reference.
func (d *debugState) newRef(r debugRef) int {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.refs = append(d.refs, r)
	return len(d.refs)
}

// DebugVariables returns what reference ref expands to.
func (s *Session) DebugVariables(ref int) ([]DebugVariable, error) {
	d := &s.debug
	d.mu.Lock()
	if ref < 1 || ref > len(d.refs) {
		d.mu.Unlock()
		return nil, fmt.Errorf("no variables reference %d: the goroutine has run on since", ref)
	}
	r := d.refs[ref-1]
	d.mu.Unlock()
	if r.vars != nil {
		return r.vars, nil
	}
	var out []DebugVariable
	for _, c := range r.value.children() {
		out = append(out, d.variable(c.name, c.value))
	}
	return out, nil
}

// variable describes v, with a reference when it has parts.
func (d *debugState) variable(name string, v debugValue) DebugVariable {
	dv := DebugVariable{Name: name, Type: v.typeName(), Value: v.text(), value: v}
	if v.expandable() {
		dv.Ref = d.newRef(debugRef{value: v})
	}
	return dv
}

// DebugContinue lets stopped goroutine id run on.
func (s *Session) DebugContinue(id int) error {
	dbg, _, err := s.debug.take(id)
	if err != nil {
		return err
	}
	return dbg.Resume(id)
}

// DebugStep runs stopped goroutine id to the next line ("next"), into
// the func called on its line ("stepIn") or out of its func ("stepOut").
func (s *Session) DebugStep(id int, how string) error {
	reason := map[string]interp.DebugEventReason{
		"next": interp.DebugStepOver, "stepIn": interp.DebugStepInto, "stepOut": interp.DebugStepOut,
	}[how]
	if reason == 0 {
		return fmt.Errorf("unknown step %q", how)
	}
	dbg, e, err := s.debug.take(id)
	if err != nil {
		return err
	}
	var from token.Position
	if f := e.Frame(); f != nil {
		from = f.Position()
	}
	return dbg.StepLine(id, reason, from)
}

// take forgets the stop of goroutine id, which is about to run on.
func (d *debugState) take(id int) (*interp.Debugger, *interp.DebugEvent, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.dbg == nil {
		return nil, nil, ErrNoDebugger
	}
	e := d.stopped[id]
	if e == nil {
		return nil, nil, ErrNotStopped
	}
	delete(d.stopped, id)
	d.frames, d.refs = nil, nil
	return d.dbg, e, nil
}

// DebugPause stops goroutine id (every goroutine when id is 0) at the next
// line of a cell it runs.
func (s *Session) DebugPause(id int) error {
	d := &s.debug
	d.mu.Lock()
	dbg := d.dbg
	d.mu.Unlock()
	if dbg == nil {
		return ErrNoDebugger
	}
	if id != 0 {
		return dbg.Pause(id)
	}
	for _, g := range dbg.GoRoutines() {
		_ = dbg.Pause(g.ID())
	}
	return nil
}
