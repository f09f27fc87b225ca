// Package childfiles hands open files, pipes mostly, to a child process
// and finds them in the child, the same way on every system. On Unix they
// are the child's file descriptors 3, 4, ...; Windows passes no descriptors
// beyond the standard three, so there they are inherited handles whose
// numbers the child reads from an environment variable.
package childfiles

import (
	"os"
	"os/exec"
)

// Env names the variable that tells a child on Windows the handles of its
// files, in order, separated by commas.
const Env = "GOPAR_CHILD_FILES"

// Pass arranges for cmd, not yet started, to give its process files, in
// order: the child finds files[i] with Open(i, ...). cmd.Env, if set, must
// be set before.
func Pass(cmd *exec.Cmd, files ...*os.File) error { return pass(cmd, files) }

// Open returns the i-th file the parent passed to this process, named
// name, or nil when there is none. A polled file is read through Go's
// poller (non-blocking, on Unix), so that data wakes the goroutine waiting
// for it directly.
func Open(i int, name string, polled bool) *os.File { return open(i, name, polled) }
