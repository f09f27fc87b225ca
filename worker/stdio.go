package worker

import (
	"errors"
	"os"
)

// stdio holds the worker's own duplicates of fd 1 and 2, the pipes the
// kernel reads. Sync markers are written there, so a cell that closes or
// redirects its standard output cannot hold back the kernel's events, and
// before each cell fd 1 and 2 are pointed at them again, so it cannot
// silence the cells after it either.
type stdio struct {
	outFd, errFd uintptr
	out, err     *os.File
}

func saveStdio() (*stdio, error) {
	outFd, err := dupCloexec(os.Stdout.Fd())
	if err != nil {
		return nil, err
	}
	errFd, err := dupCloexec(os.Stderr.Fd())
	if err != nil {
		return nil, err
	}
	return &stdio{outFd: outFd, errFd: errFd,
		out: os.NewFile(outFd, "stdout"), err: os.NewFile(errFd, "stderr")}, nil
}

// restore points fd 1 and 2 at the kernel's pipes again and reopens
// os.Stdout and os.Stderr when a cell closed them. The *os.File is
// refilled in place, because the interpreter hands cells the same pointer.
func (s *stdio) restore() {
	restoreStd(s.outFd, s.errFd)
	reopen(&os.Stdout, stdoutFd, "/dev/stdout")
	reopen(&os.Stderr, stderrFd, "/dev/stderr")
}

func reopen(f **os.File, fd uintptr, name string) {
	if *f == nil {
		*f = os.NewFile(fd, name)
		return
	}
	// A zero-length write fails only on a closed file.
	if _, err := (*f).Write(nil); errors.Is(err, os.ErrClosed) {
		**f = *os.NewFile(fd, name)
	}
}
