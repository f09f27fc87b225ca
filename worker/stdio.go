package worker

import (
	"errors"
	"os"
	"syscall"
)

// stdio holds the worker's own duplicates of fd 1 and 2, the pipes the
// kernel reads. Sync markers are written there, so a cell that closes or
// redirects its standard output cannot hold back the kernel's events, and
// before each cell fd 1 and 2 are pointed at them again, so it cannot
// silence the cells after it either.
type stdio struct {
	outFd, errFd int
	out, err     *os.File
}

func saveStdio() (*stdio, error) {
	outFd, err := dupCloexec(1)
	if err != nil {
		return nil, err
	}
	errFd, err := dupCloexec(2)
	if err != nil {
		return nil, err
	}
	return &stdio{outFd: outFd, errFd: errFd,
		out: os.NewFile(uintptr(outFd), "stdout"), err: os.NewFile(uintptr(errFd), "stderr")}, nil
}

// dupCloexec duplicates fd above the standard ones, closed on exec: the
// commands a cell starts get fd 1 and 2, not these.
func dupCloexec(fd int) (int, error) {
	n, _, e := syscall.Syscall(syscall.SYS_FCNTL, uintptr(fd), syscall.F_DUPFD_CLOEXEC, 3)
	if e != 0 {
		return -1, e
	}
	return int(n), nil
}

// restore points fd 1 and 2 at the kernel's pipes again and reopens
// os.Stdout and os.Stderr when a cell closed them. The *os.File is
// refilled in place, because the interpreter hands cells the same pointer.
func (s *stdio) restore() {
	_ = syscall.Dup3(s.outFd, 1, 0)
	_ = syscall.Dup3(s.errFd, 2, 0)
	reopen(&os.Stdout, 1, "/dev/stdout")
	reopen(&os.Stderr, 2, "/dev/stderr")
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
