// Package failure holds the errors the cell runtime reports: a panic caught
// inside a task, an interrupted cell, a cancelled or timed-out future.
// gopar/async, gopar/delayed, gopar/bag and gopar/array re-export them, so a
// cell sees one set of errors whichever package it uses.
package failure

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
)

var (
	// ErrInterrupted is the error of work stopped because the user
	// interrupted the cell.
	ErrInterrupted = errors.New("interrupted")
	// ErrCancelled is the error of a future cancelled before it finished.
	ErrCancelled = errors.New("cancelled")
	// ErrTimeout is the error of a future that did not finish in time.
	ErrTimeout = errors.New("timed out")
)

// Panic is a panic caught inside a task and turned into its error, so that
// one failing task neither kills the kernel nor hides what went wrong.
type Panic struct {
	Value any    // what was passed to panic
	Stack string // the frames of compiled code that led to it, innermost first
}

func (p *Panic) Error() string {
	msg := fmt.Sprintf("panic: %v", p.Value)
	if p.Stack != "" {
		msg += "\n" + p.Stack
	}
	return msg
}

// Unwrap lets errors.Is see through a panic whose value is an error.
func (p *Panic) Unwrap() error {
	err, _ := p.Value.(error)
	return err
}

// maxFrames bounds the stack kept in a Panic: learners need the place, not
// the whole trace.
const maxFrames = 6

// FromPanic makes the error of a recovered panic. Call it in the deferred
// function that recovered, so the panicking frames are still on the stack.
func FromPanic(r any) *Panic {
	pcs := make([]uintptr, 64)
	n := runtime.Callers(3, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	var b strings.Builder
	kept := 0
	for kept < maxFrames {
		f, more := frames.Next()
		if plumbing(f.Function) {
			break
		}
		if !noise(f.Function) {
			fmt.Fprintf(&b, "  %s\n      %s:%d\n", f.Function, f.File, f.Line)
			kept++
		}
		if !more {
			break
		}
	}
	return &Panic{Value: r, Stack: strings.TrimRight(b.String(), "\n")}
}

// noise reports frames that say nothing about the learner's code: the Go
// runtime, reflection and the interpreter's machinery. Interpreted frames
// are the interpreter's; the interpreter itself prints their cell lines.
func noise(fn string) bool {
	for _, p := range []string{"runtime.", "reflect.", "github.com/gopar/gopar/third_party/yaegi/"} {
		if strings.HasPrefix(fn, p) {
			return true
		}
	}
	return fn == ""
}

// plumbing reports the frames where the runtime called the task: the
// frames below them only start goroutines.
func plumbing(fn string) bool {
	for _, p := range []string{"github.com/gopar/gopar/runtime/async.Go", "github.com/gopar/gopar/runtime/async.(*Future).run", "github.com/gopar/gopar/runtime/internal/graph.call", "github.com/gopar/gopar/runtime/internal/"} {
		if strings.HasPrefix(fn, p) {
			return true
		}
	}
	return false
}
