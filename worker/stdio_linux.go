package worker

import "syscall"

const stdoutFd, stderrFd = 1, 2

// dupCloexec duplicates fd above the standard ones, closed on exec: the
// commands a cell starts get fd 1 and 2, not these.
func dupCloexec(fd uintptr) (uintptr, error) {
	n, _, e := syscall.Syscall(syscall.SYS_FCNTL, fd, syscall.F_DUPFD_CLOEXEC, 3)
	if e != 0 {
		return 0, e
	}
	return n, nil
}

// restoreStd points fd 1 and 2 at out and err again (dup3: arm64 has no
// dup2).
func restoreStd(out, err uintptr) {
	_ = syscall.Dup3(int(out), stdoutFd, 0)
	_ = syscall.Dup3(int(err), stderrFd, 0)
}
