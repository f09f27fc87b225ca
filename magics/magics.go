package magics

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Engine is what magics need from the interpreter session; the worker adapts
// its session to it.
type Engine interface {
	// Execute runs Go source as a cell; it returns the trailing expression's
	// MIME bundle, or nil.
	Execute(ctx context.Context, code string) (map[string]any, error)
	// Compile evaluates a Go func literal such as
	// "func(n int) time.Duration { ... }" once and returns the func value,
	// so that timed statements are compiled once. The literal uses the
	// package time, which Compile must make available.
	Compile(src string) (any, error)
	// Bind makes the global variable name hold v in later cells.
	Bind(name string, v any) error
	// Globals lists the cell variables, for %who and %whos.
	Globals() []Variable
	// Reset starts a fresh interpreter, for %reset.
	Reset() error
}

// Variable is one cell variable as %whos shows it.
type Variable struct{ Name, Type, Value string }

// Run handles one cell. A cell with no magic and no shell line returns
// handled=false and the worker runs it as Go. Otherwise Run runs it, writes
// what the magics print to out (the worker's stdout, streamed to the
// notebook), and returns the cell's result bundle (for instance the value of
// the statement %time timed) or the error that stopped it. A *UsageError
// means nothing ran; the magic's usage has been printed to out.
func Run(ctx context.Context, cell string, eng Engine, out io.Writer) (result map[string]any, handled bool, err error) {
	if out == nil {
		out = io.Discard
	}
	if name, args, body, bodyLine, ok := cellMagic(cell); ok {
		c := &call{ctx: ctx, eng: eng, out: out, args: args, body: body, bodyLine: bodyLine, cell: true}
		res, err := dispatch(c, name)
		return res, true, err
	}
	segs, err := splitCell(cell)
	if err != nil {
		return nil, true, report(out, err)
	}
	if !hasMagic(segs) {
		return nil, false, nil
	}
	res, err := runSegments(ctx, segs, eng, out)
	return res, true, err
}

func hasMagic(segs []segment) bool {
	for _, s := range segs {
		if s.kind != goSegment {
			return true
		}
	}
	return false
}

// runSegments runs the pieces of a cell in order and returns the result of
// the last one: a Go piece's trailing value, or a magic's value.
func runSegments(ctx context.Context, segs []segment, eng Engine, out io.Writer) (map[string]any, error) {
	var res map[string]any
	for _, s := range segs {
		var err error
		res = nil
		switch s.kind {
		case goSegment:
			res, err = eng.Execute(ctx, codeAt(s.line, s.text))
		case shellSegment:
			err = shellLine(ctx, s.text, out)
		case magicSegment:
			name, args := splitName(s.text)
			c := &call{ctx: ctx, eng: eng, out: out, args: args, assign: s.assign, define: s.define}
			res, err = dispatch(c, name)
		}
		if err != nil {
			return nil, err
		}
	}
	return res, nil
}

// call is one use of a magic.
type call struct {
	ctx      context.Context
	eng      Engine
	out      io.Writer
	m        *magic
	args     string // the magic line after the name
	body     string // the cell body of a %% magic
	bodyLine int    // 0-based line of the cell where body starts
	cell     bool   // called as %%name
	assign   string // "v" in "v := %name ..."
	define   bool   // ":=" rather than "="
}

// outcome is what a magic hands back: a bundle to show as the cell's result,
// or a Go value for "v := %name" (shown as its repr when not assigned).
type outcome struct {
	bundle   map[string]any
	value    any
	hasValue bool
	repr     string // text/plain of value
}

func valueOutcome(v any, repr string) outcome {
	return outcome{value: v, hasValue: true, repr: repr}
}

// dispatch finds the magic, handles "name?" help and assignment, and runs it.
func dispatch(c *call, name string) (map[string]any, error) {
	prefix := "%"
	if c.cell {
		prefix = "%%"
	}
	if help, ok := strings.CutSuffix(name, "?"); ok {
		m := lookup(help)
		if m == nil || (c.cell && m.cellFn == nil) || (!c.cell && m.lineFn == nil) {
			return nil, report(c.out, notFound(help, c.cell))
		}
		fmt.Fprintln(c.out, m.help())
		return nil, nil
	}
	m := lookup(name)
	var run func(*call) (outcome, error)
	if m != nil {
		run = m.lineFn
		if c.cell {
			run = m.cellFn
		}
	}
	if run == nil {
		return nil, report(c.out, notFound(name, c.cell))
	}
	c.m = m
	if c.assign != "" && !m.assignable {
		return nil, report(c.out, &UsageError{Msg: fmt.Sprintf("%s%s returns no value to assign to %s", prefix, name, c.assign), Usage: m.usage})
	}
	o, err := run(c)
	if err != nil {
		var ue *UsageError
		if errors.As(err, &ue) && ue.Usage == "" && !ue.shown {
			ue.Usage = m.usage
		}
		return nil, report(c.out, err)
	}
	if c.assign != "" && o.hasValue {
		return nil, c.eng.Bind(c.assign, o.value)
	}
	if o.hasValue && o.bundle == nil {
		return map[string]any{"text/plain": o.repr}, nil
	}
	return o.bundle, nil
}

// report prints a usage error's usage text, once, before handing the error on.
func report(out io.Writer, err error) error {
	var ue *UsageError
	if errors.As(err, &ue) && ue.Usage != "" && !ue.shown {
		fmt.Fprintln(out, ue.Usage)
	}
	if ue != nil {
		ue.shown = true
	}
	return err
}

// codeAt pads code with newlines so that the interpreter's line numbers are
// those of the cell.
func codeAt(line int, code string) string { return strings.Repeat("\n", line) + code }
