package worker

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"strconv"
	"sync"
)

// The worker's side of the Jupyter debugger: the Debug Adapter Protocol
// requests that need the session (breakpoints, goroutines, stacks,
// variables, stepping). They arrive on fd 5, so that a cell stopped at a
// breakpoint can be inspected and resumed, and each is answered on its own
// goroutine. The kernel answers the rest itself (kernel/debug.go).

// DebugEngine is what the debugger needs of an engine.
type DebugEngine interface {
	// StartDebug turns the debugger on; cells are known by pathOf of their
	// source, and stopped is told of every goroutine that stops.
	StartDebug(pathOf func(code string) string, stopped func(goroutine int, reason string))
	StopDebug()
	// DebugInterrupted lets stopped goroutines run on into the interrupt.
	DebugInterrupted()
	// SetBreakpoints returns, for each of bps, "" when it is set, else why
	// not.
	SetBreakpoints(path, code string, bps []DebugBreakpoint) ([]string, error)
	DebugThreads() []DebugThread
	StoppedGoroutines() []int
	DebugStack(goroutine int) ([]DebugFrame, error)
	DebugScopes(frame int) ([]DebugScope, error)
	DebugVariables(ref int) ([]DebugVariable, error)
	DebugGlobals() []DebugVariable
	DebugEvaluate(frame int, expr string) (DebugVariable, error)
	DebugContinue(goroutine int) error
	DebugStep(goroutine int, how string) error // how: next, stepIn, stepOut
	DebugPause(goroutine int) error            // 0: every goroutine
}

// DebugThread is a goroutine.
type DebugThread struct {
	ID   int    `json:"id"`
	Name string `json:"name"`
}

// DebugFrame is a frame of a stopped goroutine.
type DebugFrame struct {
	ID     int    `json:"id"`
	Name   string `json:"name"`
	Path   string `json:"-"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

// DebugScope is a group of variables of a frame.
type DebugScope struct {
	Name string
	Ref  int
}

// DebugVariable is a variable; Ref, when not 0, lists its parts.
type DebugVariable struct {
	Name  string `json:"name"`
	Value string `json:"value"`
	Type  string `json:"type"`
	Ref   int    `json:"variablesReference"`
}

// DebugStart is the kernel's "start" request: how cells' sources are
// named, and the breakpoints set so far (also after the worker was
// replaced).
type DebugStart struct {
	Prefix      string            `json:"prefix"`
	Suffix      string            `json:"suffix"`
	Seed        uint32            `json:"seed"`
	Breakpoints []DebugSourceLine `json:"breakpoints"`
}

// DebugSourceLine is the breakpoints of one cell source.
type DebugSourceLine struct {
	Path        string            `json:"path"`
	Code        string            `json:"code"`
	Breakpoints []DebugBreakpoint `json:"breakpoints"`
}

// DebugBreakpoint is a source breakpoint as the protocol has it.
type DebugBreakpoint struct {
	Line         int    `json:"line"`
	Condition    string `json:"condition,omitempty"`
	HitCondition string `json:"hitCondition,omitempty"`
	LogMessage   string `json:"logMessage,omitempty"`
}

// CellPath names a cell's source as JupyterLab does: prefix, the Murmur2
// hash of the source with seed, suffix.
func CellPath(prefix, suffix string, seed uint32, code string) string {
	return prefix + strconv.FormatUint(uint64(murmur2([]byte(code), seed)), 10) + suffix
}

// murmur2 is MurmurHash2 (32 bits), the hash JupyterLab's debugger and
// ipykernel name cells by.
func murmur2(data []byte, seed uint32) uint32 {
	const m = 0x5bd1e995
	h := seed ^ uint32(len(data))
	for len(data) >= 4 {
		k := uint32(data[0]) | uint32(data[1])<<8 | uint32(data[2])<<16 | uint32(data[3])<<24
		k *= m
		k ^= k >> 24
		k *= m
		h = h*m ^ k
		data = data[4:]
	}
	switch len(data) {
	case 3:
		h ^= uint32(data[2]) << 16
		fallthrough
	case 2:
		h ^= uint32(data[1]) << 8
		fallthrough
	case 1:
		h ^= uint32(data[0])
		h *= m
	}
	h ^= h >> 13
	h *= m
	h ^= h >> 15
	return h
}

// dapRequest is a Debug Adapter Protocol request.
type dapRequest struct {
	Seq       int             `json:"seq"`
	Command   string          `json:"command"`
	Arguments json.RawMessage `json:"arguments"`
}

// debugArgs are the arguments the requests handled here take.
type debugArgs struct {
	ThreadID           int    `json:"threadId"`
	FrameID            int    `json:"frameId"`
	VariablesReference int    `json:"variablesReference"`
	Expression         string `json:"expression"`
	VariableName       string `json:"variableName"`
	Source             struct {
		Path string `json:"path"`
	} `json:"source"`
	Breakpoints  []DebugBreakpoint `json:"breakpoints"`
	SingleThread bool              `json:"singleThread"` // continue: only ThreadID
	Code         string            `json:"code"`         // setBreakpoints: the cell's source, added by the kernel
}

// debugger is the worker's debug state.
type debugger struct {
	mu      sync.Mutex
	started bool
	seq     int
}

// handleDebug answers one debug request (fd 5) on its own goroutine.
func (s *server) handleDebug(req Request) {
	reply := Event{Kind: EvReply, ID: req.ID}
	body, err := s.debugRequest(req.Debug)
	resp := map[string]any{"success": err == nil}
	if err != nil {
		resp["message"] = err.Error()
	} else if body != nil {
		resp["body"] = body
	}
	reply.Debug, _ = json.Marshal(resp)
	s.emit(reply)
}

var errNoDebugger = errors.New("this worker has no debugger")

func (s *server) debugRequest(raw json.RawMessage) (any, error) {
	var r dapRequest
	if err := json.Unmarshal(raw, &r); err != nil {
		return nil, fmt.Errorf("bad debug request: %v", err)
	}
	eng, ok := s.eng.(DebugEngine)
	if !ok {
		return nil, errNoDebugger
	}
	var a debugArgs
	if len(r.Arguments) > 0 {
		if err := json.Unmarshal(r.Arguments, &a); err != nil {
			return nil, fmt.Errorf("bad arguments of %s: %v", r.Command, err)
		}
	}
	d := &s.debug
	switch r.Command {
	case "gopar/start":
		var st DebugStart
		if err := json.Unmarshal(r.Arguments, &st); err != nil {
			return nil, fmt.Errorf("bad arguments of %s: %v", r.Command, err)
		}
		d.mu.Lock()
		started := d.started
		d.started = true
		d.mu.Unlock()
		if started {
			return nil, nil
		}
		eng.StartDebug(func(code string) string { return CellPath(st.Prefix, st.Suffix, st.Seed, code) }, s.debugStopped)
		for _, b := range st.Breakpoints {
			if _, err := eng.SetBreakpoints(b.Path, b.Code, b.Breakpoints); err != nil {
				return nil, err
			}
		}
		return nil, nil
	case "gopar/stop":
		d.mu.Lock()
		d.started = false
		d.mu.Unlock()
		eng.StopDebug()
		return nil, nil
	case "setBreakpoints":
		why, err := eng.SetBreakpoints(a.Source.Path, a.Code, a.Breakpoints)
		if err != nil {
			return nil, err
		}
		bps := make([]map[string]any, 0, len(a.Breakpoints))
		for i, b := range a.Breakpoints {
			set := map[string]any{"verified": why[i] == "", "line": b.Line, "source": map[string]any{"path": a.Source.Path}}
			if why[i] != "" {
				set["message"] = why[i]
			}
			bps = append(bps, set)
		}
		return map[string]any{"breakpoints": bps}, nil
	case "threads":
		return map[string]any{"threads": eng.DebugThreads()}, nil
	case "gopar/stopped":
		return map[string]any{"stoppedThreads": eng.StoppedGoroutines()}, nil
	case "stackTrace":
		frames, err := eng.DebugStack(a.ThreadID)
		if err != nil {
			return nil, err
		}
		out := make([]map[string]any, 0, len(frames))
		for _, f := range frames {
			out = append(out, map[string]any{"id": f.ID, "name": f.Name, "line": f.Line, "column": f.Column,
				"source": map[string]any{"path": f.Path, "name": f.Name}})
		}
		return map[string]any{"stackFrames": out, "totalFrames": len(out)}, nil
	case "scopes":
		scopes, err := eng.DebugScopes(a.FrameID)
		if err != nil {
			return nil, err
		}
		out := make([]map[string]any, 0, len(scopes))
		for _, sc := range scopes {
			out = append(out, map[string]any{"name": sc.Name, "variablesReference": sc.Ref,
				"expensive": false, "presentationHint": presentation(sc.Name)})
		}
		return map[string]any{"scopes": out}, nil
	case "variables":
		vars, err := eng.DebugVariables(a.VariablesReference)
		if err != nil {
			return nil, err
		}
		return map[string]any{"variables": nonNil(vars)}, nil
	case "inspectVariables":
		return map[string]any{"variables": nonNil(eng.DebugGlobals())}, nil
	case "richInspectVariables":
		return s.richVariable(eng, a)
	case "evaluate":
		v, err := eng.DebugEvaluate(a.FrameID, a.Expression)
		if err != nil {
			return nil, err
		}
		return map[string]any{"result": v.Value, "type": v.Type, "variablesReference": v.Ref}, nil
	case "continue":
		// As the protocol says: every stopped goroutine runs on, unless
		// singleThread asks for the one. (JupyterLab forgets the thread it
		// continues before it asks, and names goroutine 1.)
		stopped := eng.StoppedGoroutines()
		if a.SingleThread {
			stopped = slices.DeleteFunc(stopped, func(id int) bool { return id != a.ThreadID })
		}
		if len(stopped) == 0 {
			return nil, fmt.Errorf("goroutine %d is not stopped, nor is any other", a.ThreadID)
		}
		// Before they run: one may stop again at once.
		s.debugEvent("continued", map[string]any{"threadId": a.ThreadID, "allThreadsContinued": !a.SingleThread})
		for _, id := range stopped {
			if err := eng.DebugContinue(id); err != nil && a.SingleThread {
				return nil, err
			}
		}
		return map[string]any{"allThreadsContinued": !a.SingleThread}, nil
	case "next", "stepIn", "stepOut":
		if !slices.Contains(eng.StoppedGoroutines(), a.ThreadID) {
			return nil, fmt.Errorf("goroutine %d is not stopped", a.ThreadID)
		}
		// Before it runs: it may stop again at once.
		s.debugEvent("continued", map[string]any{"threadId": a.ThreadID, "allThreadsContinued": false})
		return nil, eng.DebugStep(a.ThreadID, r.Command)
	case "pause":
		return nil, eng.DebugPause(a.ThreadID)
	}
	return nil, fmt.Errorf("the debugger does not handle %q", r.Command)
}

// richVariable is the value of a variable as a MIME bundle: of the
// stopped frame when there is one, else of the session.
func (s *server) richVariable(eng DebugEngine, a debugArgs) (any, error) {
	var v DebugVariable
	var err error
	if a.FrameID != 0 {
		v, err = eng.DebugEvaluate(a.FrameID, a.VariableName)
	} else {
		err = fmt.Errorf("undefined: %s", a.VariableName)
		for _, g := range eng.DebugGlobals() {
			if g.Name == a.VariableName {
				v, err = g, nil
			}
		}
	}
	if err != nil {
		return nil, err
	}
	return map[string]any{"data": map[string]any{"text/plain": v.Value}, "metadata": map[string]any{}}, nil
}

func presentation(scope string) string {
	if scope == "Locals" {
		return "locals"
	}
	return "globals"
}

func nonNil(vars []DebugVariable) []DebugVariable {
	if vars == nil {
		return []DebugVariable{}
	}
	return vars
}

// debugStopped publishes that goroutine stopped.
func (s *server) debugStopped(goroutine int, reason string) {
	s.debugEvent("stopped", map[string]any{"reason": reason, "threadId": goroutine, "allThreadsStopped": false})
}

// debugEvent publishes a Debug Adapter Protocol event.
func (s *server) debugEvent(event string, body any) {
	s.debug.mu.Lock()
	s.debug.seq++
	seq := s.debug.seq
	s.debug.mu.Unlock()
	raw, err := json.Marshal(map[string]any{"seq": seq, "type": "event", "event": event, "body": body})
	if err != nil {
		fmt.Fprintln(os.Stderr, "gopar worker: debug event:", err)
		return
	}
	s.emit(Event{Kind: EvDebug, Debug: raw})
}
