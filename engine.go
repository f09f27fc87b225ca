package main

import (
	"context"
	"errors"
	"io"
	"strings"

	"github.com/gopar/gopar/interpreter"
	"github.com/gopar/gopar/magics"
	"github.com/gopar/gopar/runtime/jit"
	"github.com/gopar/gopar/worker"
)

// workerConfig wires the interpreter session and the magics into the
// worker process.
func workerConfig() worker.Config {
	return worker.Config{
		NewEngine: func(stdin io.Reader) (worker.Engine, error) {
			s, err := interpreter.New(interpreter.Options{Stdin: stdin, Stdout: stdoutFile(), Stderr: stderrFile()})
			if err != nil {
				return nil, err
			}
			return &engine{s}, nil
		},
		RunCell: func(ctx context.Context, eng worker.Engine, code string) (map[string]any, error) {
			e := eng.(*engine)
			result, handled, err := magics.Run(ctx, code, magicEngine{e}, stdoutFile())
			if handled {
				return result, jupyterError(err)
			}
			return e.Execute(ctx, code)
		},
	}
}

// engine adapts an interpreter session to what the worker asks of it.
type engine struct{ *interpreter.Session }

// Execute runs a cell, reporting interpreter errors the way Jupyter shows them.
func (e *engine) Execute(ctx context.Context, code string) (map[string]any, error) {
	result, err := e.Session.Execute(ctx, code)
	return result, jupyterError(err)
}

func (e *engine) Abandon() (error, bool) {
	answer, ok := e.Session.Abandon()
	return jupyterError(answer), ok
}

func (e *engine) Restore(decls []string) error { return jupyterError(e.Session.Restore(decls)) }

func jupyterError(err error) error {
	var ie *interpreter.Error
	if errors.As(err, &ie) {
		return &worker.Error{Name: ie.Name, Value: ie.Value, Traceback: ie.Traceback}
	}
	var ce *jit.CompileError
	if errors.As(err, &ce) {
		// Headed by the name, as the interpreter's compile errors are.
		tb := strings.Split(ce.Error(), "\n")
		tb[0] = "CompileError: " + tb[0]
		return &worker.Error{Name: "CompileError", Value: ce.Error(), Traceback: tb}
	}
	var ue *magics.UsageError
	if errors.As(err, &ue) {
		// The usage has been printed already; the error names the mistake.
		return &worker.Error{Name: "UsageError", Value: ue.Msg, Traceback: []string{"UsageError: " + ue.Msg}}
	}
	return err
}

func (e *engine) IsComplete(code string) (string, string) {
	if startsWithMagic(code) {
		return "complete", ""
	}
	return interpreter.IsComplete(code)
}

// magicEngine adapts the session to what magics ask of it.
type magicEngine struct{ *engine }

func (m magicEngine) Globals() []magics.Variable {
	vars := m.Session.Globals()
	out := make([]magics.Variable, len(vars))
	for i, v := range vars {
		out[i] = magics.Variable{Name: v.Name, Type: v.Type, Value: v.Value}
	}
	return out
}

// startsWithMagic reports whether the cell's first non-blank line is a
// magic or shell line, which go/parser cannot judge.
func startsWithMagic(code string) bool {
	for _, line := range strings.Split(code, "\n") {
		line = strings.TrimSpace(line)
		if line != "" {
			return line[0] == '%' || line[0] == '!'
		}
	}
	return false
}
