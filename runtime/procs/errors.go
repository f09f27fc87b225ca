package procs

import (
	"errors"
	"fmt"

	"github.com/gopar/gopar/runtime/internal/failure"
)

var (
	// ErrInterrupted is the error of a call stopped because the user
	// interrupted the cell.
	ErrInterrupted = failure.ErrInterrupted
	// ErrTimeout is the error of a Queue.GetTimeout that ran out of time.
	ErrTimeout = failure.ErrTimeout
	// ErrClosed is the error of a call on a closed pool, or one the pool
	// was closed under.
	ErrClosed = errors.New("procs: pool closed")
)

// TaskError is a task's own failure in a worker process: the error it
// returned, or a panic it raised (which the worker caught, and survived).
type TaskError struct {
	Task  string // the task's name
	Index int    // which item of a Map or StarMap, -1 for Apply
	Msg   string // the error's text; for a panic, "panic: ..." and the stack
	Panic bool
}

func (e *TaskError) Error() string {
	if e.Index >= 0 {
		return fmt.Sprintf("procs: task %s, item %d: %s", e.Task, e.Index, e.Msg)
	}
	return fmt.Sprintf("procs: task %s: %s", e.Task, e.Msg)
}

// WorkerError says a worker process died while it ran a task: it exited
// (os.Exit, log.Fatal), or crashed on a fatal error no recover can catch
// (a panic in another goroutine, concurrent map writes, out of memory),
// or was killed. The pool starts a new process in its place.
type WorkerError struct {
	Task      string // the task it was running
	PID       int
	Status    string // how it ended, e.g. "exit status 3" or "signal: killed"
	LastWords string // the first line of its crash report, if it wrote one
}

func (e *WorkerError) Error() string {
	msg := fmt.Sprintf("procs: worker process %d died running task %s (%s)", e.PID, e.Task, e.Status)
	if e.LastWords != "" {
		msg += ": " + e.LastWords
	}
	return msg
}
