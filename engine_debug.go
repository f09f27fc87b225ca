package main

import (
	"github.com/gopar/gopar/interpreter"
	"github.com/gopar/gopar/worker"
)

// The engine's debugger: the session's, in the worker's terms.

func (e *engine) StartDebug(pathOf func(string) string, stopped func(int, string)) {
	e.Session.StartDebug(interpreter.DebugOptions{PathOf: pathOf, Stopped: stopped})
}

func (e *engine) SetBreakpoints(path, code string, bps []worker.DebugBreakpoint) ([]string, error) {
	specs := make([]interpreter.Breakpoint, len(bps))
	for i, b := range bps {
		specs[i] = interpreter.Breakpoint{Line: b.Line, Condition: b.Condition, HitCondition: b.HitCondition, LogMessage: b.LogMessage}
	}
	return e.Session.SetBreakpointSpecs(path, code, specs)
}

func (e *engine) DebugThreads() []worker.DebugThread {
	var out []worker.DebugThread
	for _, t := range e.Session.DebugThreads() {
		out = append(out, worker.DebugThread{ID: t.ID, Name: t.Name})
	}
	return out
}

func (e *engine) DebugStack(goroutine int) ([]worker.DebugFrame, error) {
	frames, err := e.Session.DebugStack(goroutine)
	out := make([]worker.DebugFrame, 0, len(frames))
	for _, f := range frames {
		out = append(out, worker.DebugFrame{ID: f.ID, Name: f.Name, Path: f.Path, Line: f.Line, Column: f.Column})
	}
	return out, err
}

func (e *engine) DebugScopes(frame int) ([]worker.DebugScope, error) {
	scopes, err := e.Session.DebugScopes(frame)
	out := make([]worker.DebugScope, 0, len(scopes))
	for _, s := range scopes {
		out = append(out, worker.DebugScope{Name: s.Name, Ref: s.Ref})
	}
	return out, err
}

func (e *engine) DebugVariables(ref int) ([]worker.DebugVariable, error) {
	vars, err := e.Session.DebugVariables(ref)
	return debugVariables(vars), err
}

func (e *engine) DebugGlobals() []worker.DebugVariable {
	return debugVariables(e.Session.DebugGlobals())
}

func (e *engine) DebugEvaluate(frame int, expr string) (worker.DebugVariable, error) {
	v, err := e.Session.DebugEvaluate(frame, expr)
	return debugVariable(v), err
}

func debugVariables(vars []interpreter.DebugVariable) []worker.DebugVariable {
	out := make([]worker.DebugVariable, 0, len(vars))
	for _, v := range vars {
		out = append(out, debugVariable(v))
	}
	return out
}

func debugVariable(v interpreter.DebugVariable) worker.DebugVariable {
	return worker.DebugVariable{Name: v.Name, Value: v.Value, Type: v.Type, Ref: v.Ref}
}

var _ worker.DebugEngine = (*engine)(nil)
