package jit

import (
	"errors"
	"fmt"
	"strings"

	"github.com/gopar/gopar/runtime/internal/failure"
)

var (
	// ErrNoToolchain is the error of Compile where no go command is found
	// (on PATH, or at $GOPAR_GO).
	ErrNoToolchain = errors.New("%%native needs the Go toolchain, and there is no go command on the PATH: install Go (https://go.dev/dl/) and restart the kernel, or set GOPAR_GO to a go command; the rest of gopar works without Go")
	// ErrInterrupted is what a call in a helper process panics with
	// (wrapped in a *CallError) when the cell is interrupted.
	ErrInterrupted = failure.ErrInterrupted
	// ErrClosed is the error of a call to a function of a closed Module.
	ErrClosed = errors.New("the module was closed: run the %%native cell again")
)

// CompileError is a cell that does not compile: Messages are the
// compiler's, each starting with the cell's own position, `cell:LINE:COL`.
type CompileError struct {
	Messages []string
	Output   string // the go command's full output, for what Messages leave out
}

func (e *CompileError) Error() string { return strings.Join(e.Messages, "\n") }

// CallError is the panic of a compiled function that could not return
// normally in its helper process: it panicked there, the process died, or
// the cell was interrupted.
type CallError struct {
	Func string
	Err  error
}

func (e *CallError) Error() string { return fmt.Sprintf("%%native %s: %v", e.Func, e.Err) }
func (e *CallError) Unwrap() error { return e.Err }
