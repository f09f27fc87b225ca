package kernel

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/gopar/gopar/worker"
)

// The Jupyter debugger (debug_request on control, debug_event on iopub):
// Debug Adapter Protocol messages as JupyterLab's debugger sends them to
// ipykernel. The kernel answers what needs no session (initialize,
// debugInfo, dumpCell, source, ...) and forwards the rest to the worker,
// which stops goroutines and reads their variables (worker/debug.go). A
// cell's source is written to a file named by the Murmur2 hash of its
// text, which JupyterLab computes too, to match the cell with the frames
// it is shown.

// debugHashSeed is the seed of cells' hashes, ipykernel's.
const debugHashSeed = 0xC70F6907

// debugSuffix ends the names of cells' source files.
const debugSuffix = ".go"

// debugState is the kernel's side of a debug session.
type debugState struct {
	mu          sync.Mutex
	started     bool
	seq         int
	breakpoints map[string][]worker.DebugBreakpoint // by cell path, as verified
	codes       map[string]string                   // cell path -> source, as dumped
}

type debugRequest struct {
	Seq       int             `json:"seq"`
	Command   string          `json:"command"`
	Arguments json.RawMessage `json:"arguments"`
}

// debugTmpPrefix is where cells' sources are written, one directory per
// kernel process.
func debugTmpPrefix() string {
	return filepath.Join(os.TempDir(), "gopar_"+strconv.Itoa(os.Getpid())) + string(filepath.Separator)
}

// debugHandlers are the commands the kernel answers itself; the others go
// to the worker once the debugger is started.
var debugHandlers = map[string]func(k *Kernel, r debugRequest) (any, error){
	"initialize":              debugInitialize,
	"attach":                  debugAttach,
	"configurationDone":       func(*Kernel, debugRequest) (any, error) { return nil, nil },
	"debugInfo":               debugInfo,
	"dumpCell":                debugDumpCell,
	"source":                  debugSource,
	"setBreakpoints":          debugSetBreakpoints,
	"setExceptionBreakpoints": func(*Kernel, debugRequest) (any, error) { return map[string]any{}, nil },
	"modules": func(*Kernel, debugRequest) (any, error) {
		return map[string]any{"modules": []any{}, "totalModules": 0}, nil
	},
	"disconnect": debugDisconnect,
}

// handleDebug answers a debug_request with a debug_reply.
func handleDebug(k *Kernel, m *Message, reply replyFunc) {
	var r debugRequest
	if !decode(m, &r) || r.Command == "" {
		reply("debug_reply", map[string]any{"type": "response", "seq": k.debug.nextSeq(), "request_seq": r.Seq,
			"success": false, "command": r.Command, "message": "debug_request content is not a Debug Adapter Protocol request"})
		return
	}
	var body any
	var err error
	if h, ok := debugHandlers[r.Command]; ok {
		body, err = h(k, r)
	} else if !k.debug.isStarted() {
		err = errors.New("the debugger is not started (send initialize and attach first)")
	} else {
		body, err = k.forwardDebug(r.Command, r.Arguments)
	}
	resp := map[string]any{"type": "response", "seq": k.debug.nextSeq(), "request_seq": r.Seq,
		"success": err == nil, "command": r.Command}
	if err != nil {
		resp["message"] = err.Error()
	}
	if body != nil {
		resp["body"] = body
	}
	reply("debug_reply", resp)
}

func (d *debugState) nextSeq() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.seq++
	return d.seq
}

func (d *debugState) isStarted() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.started
}

// forwardDebug hands a request to the worker and returns its body.
func (k *Kernel) forwardDebug(command string, args any) (any, error) {
	raw, err := json.Marshal(map[string]any{"command": command, "arguments": args})
	if err != nil {
		return nil, err
	}
	ev := k.backend.Ask(worker.Request{Op: worker.OpDebug, Debug: raw})
	if len(ev.Debug) == 0 {
		return nil, errors.New("the Go process running the cells did not answer (it stopped or was replaced)")
	}
	var resp struct {
		Success bool            `json:"success"`
		Message string          `json:"message"`
		Body    json.RawMessage `json:"body"`
	}
	if err := json.Unmarshal(ev.Debug, &resp); err != nil {
		return nil, fmt.Errorf("bad debug reply from the worker: %v", err)
	}
	if !resp.Success {
		return nil, errors.New(resp.Message)
	}
	if len(resp.Body) == 0 {
		return nil, nil
	}
	return resp.Body, nil
}

func debugInitialize(k *Kernel, r debugRequest) (any, error) {
	k.publishDebugEvent("initialized", map[string]any{})
	return map[string]any{
		"supportsConfigurationDoneRequest":  true,
		"supportsEvaluateForHovers":         true,
		"supportsSetVariable":               false,
		"supportsConditionalBreakpoints":    true,
		"supportsHitConditionalBreakpoints": true,
		"supportsLogPoints":                 true,
		"supportsStepBack":                  false,
		"supportsDelayedStackTraceLoading":  false,
		"exceptionBreakpointFilters":        []any{},
	}, nil
}

// debugAttach starts the debugger in the worker.
func debugAttach(k *Kernel, r debugRequest) (any, error) {
	if err := os.MkdirAll(debugTmpPrefix(), 0o700); err != nil {
		return nil, fmt.Errorf("cannot make the directory of cells' sources: %v", err)
	}
	k.debug.mu.Lock()
	k.debug.started = true
	if k.debug.breakpoints == nil {
		k.debug.breakpoints = map[string][]worker.DebugBreakpoint{}
		k.debug.codes = map[string]string{}
	}
	k.debug.mu.Unlock()
	return nil, k.syncDebugger()
}

// syncDebugger starts the worker's debugger with every breakpoint set so
// far, unless it is started: before each cell, so that a worker that
// replaced a dead one debugs as the front end expects.
func (k *Kernel) syncDebugger() error {
	d := &k.debug
	d.mu.Lock()
	if !d.started {
		d.mu.Unlock()
		return nil
	}
	start := worker.DebugStart{Prefix: debugTmpPrefix(), Suffix: debugSuffix, Seed: debugHashSeed}
	for path, bps := range d.breakpoints {
		start.Breakpoints = append(start.Breakpoints, worker.DebugSourceLine{Path: path, Code: d.codes[path], Breakpoints: bps})
	}
	d.mu.Unlock()
	_, err := k.forwardDebug("gopar/start", start)
	return err
}

func debugDisconnect(k *Kernel, r debugRequest) (any, error) {
	d := &k.debug
	d.mu.Lock()
	started := d.started
	d.started = false
	d.breakpoints, d.codes = nil, nil
	d.mu.Unlock()
	if !started {
		return nil, nil
	}
	_, err := k.forwardDebug("gopar/stop", map[string]any{})
	return nil, err
}

func debugInfo(k *Kernel, r debugRequest) (any, error) {
	d := &k.debug
	d.mu.Lock()
	started := d.started
	var bps []map[string]any
	paths := make([]string, 0, len(d.breakpoints))
	for p := range d.breakpoints {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		bps = append(bps, map[string]any{"source": p, "breakpoints": d.breakpoints[p]})
	}
	d.mu.Unlock()
	stopped := []int{}
	if started {
		body, err := k.forwardDebug("gopar/stopped", map[string]any{})
		if err != nil {
			return nil, err
		}
		var s struct {
			StoppedThreads []int `json:"stoppedThreads"`
		}
		if raw, ok := body.(json.RawMessage); ok && json.Unmarshal(raw, &s) == nil && s.StoppedThreads != nil {
			stopped = s.StoppedThreads
		}
	}
	if bps == nil {
		bps = []map[string]any{}
	}
	return map[string]any{
		"isStarted":      started,
		"hashMethod":     "Murmur2",
		"hashSeed":       debugHashSeed,
		"tmpFilePrefix":  debugTmpPrefix(),
		"tmpFileSuffix":  debugSuffix,
		"breakpoints":    bps,
		"stoppedThreads": stopped,
		"richRendering":  true,
		"exceptionPaths": []string{},
		"copyToGlobals":  false,
	}, nil
}

// debugDumpCell writes a cell's source where frames in it will point.
func debugDumpCell(k *Kernel, r debugRequest) (any, error) {
	var a struct {
		Code *string `json:"code"`
	}
	if json.Unmarshal(r.Arguments, &a) != nil || a.Code == nil {
		return nil, errors.New("dumpCell needs the cell's code")
	}
	path := worker.CellPath(debugTmpPrefix(), debugSuffix, debugHashSeed, *a.Code)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	if err := os.WriteFile(path, []byte(*a.Code), 0o600); err != nil {
		return nil, err
	}
	k.debug.mu.Lock()
	if k.debug.codes != nil {
		k.debug.codes[path] = *a.Code
	}
	k.debug.mu.Unlock()
	return map[string]any{"sourcePath": path}, nil
}

// debugSource returns a dumped cell's source.
func debugSource(k *Kernel, r debugRequest) (any, error) {
	var a struct {
		Source struct {
			Path string `json:"path"`
		} `json:"source"`
	}
	if json.Unmarshal(r.Arguments, &a) != nil || !strings.HasPrefix(a.Source.Path, debugTmpPrefix()) {
		return nil, errors.New("source unavailable: only cells' sources are served")
	}
	b, err := os.ReadFile(a.Source.Path)
	if err != nil {
		return nil, errors.New("source unavailable: " + err.Error())
	}
	return map[string]any{"content": string(b)}, nil
}

// debugSetBreakpoints sets the breakpoints of a cell in the worker, which
// verifies them against the cell's source.
func debugSetBreakpoints(k *Kernel, r debugRequest) (any, error) {
	if !k.debug.isStarted() {
		return nil, errors.New("the debugger is not started (send initialize and attach first)")
	}
	var a map[string]any
	var parsed struct {
		Source struct {
			Path string `json:"path"`
		} `json:"source"`
		Breakpoints []worker.DebugBreakpoint `json:"breakpoints"`
	}
	if json.Unmarshal(r.Arguments, &a) != nil || json.Unmarshal(r.Arguments, &parsed) != nil || parsed.Source.Path == "" {
		return nil, errors.New("setBreakpoints needs a source path")
	}
	path := parsed.Source.Path
	k.debug.mu.Lock()
	code, ok := k.debug.codes[path]
	k.debug.mu.Unlock()
	if !ok {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("no cell source %s (dumpCell first): %v", path, err)
		}
		code = string(b)
	}
	a["code"] = code
	body, err := k.forwardDebug("setBreakpoints", a)
	if err != nil {
		return nil, err
	}
	var set struct {
		Breakpoints []struct {
			Verified bool `json:"verified"`
		} `json:"breakpoints"`
	}
	if raw, ok := body.(json.RawMessage); ok {
		_ = json.Unmarshal(raw, &set)
	}
	// Kept as asked, to set again in a worker that replaces this one.
	var kept []worker.DebugBreakpoint
	for i, b := range set.Breakpoints {
		if b.Verified && i < len(parsed.Breakpoints) {
			kept = append(kept, parsed.Breakpoints[i])
		}
	}
	k.debug.mu.Lock()
	if k.debug.breakpoints != nil {
		if len(kept) == 0 {
			delete(k.debug.breakpoints, path)
		} else {
			k.debug.breakpoints[path] = kept
			k.debug.codes[path] = code
		}
	}
	k.debug.mu.Unlock()
	return body, nil
}

// publishDebugEvent sends a Debug Adapter Protocol event on iopub.
func (k *Kernel) publishDebugEvent(event string, body any) {
	k.publishRaw("debug_event", nil, map[string]any{"seq": k.debug.nextSeq(), "type": "event", "event": event, "body": body})
}
