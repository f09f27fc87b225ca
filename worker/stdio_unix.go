//go:build unix && !linux

package worker

import "syscall"

const stdoutFd, stderrFd = 1, 2

// dupCloexec duplicates fd, closed on exec: the commands a cell starts get
// fd 1 and 2, not these. Holding ForkLock keeps a process started meanwhile
// from inheriting the duplicate before it is marked.
func dupCloexec(fd uintptr) (uintptr, error) {
	syscall.ForkLock.RLock()
	defer syscall.ForkLock.RUnlock()
	n, err := syscall.Dup(int(fd))
	if err != nil {
		return 0, err
	}
	syscall.CloseOnExec(n)
	return uintptr(n), nil
}

// restoreStd points fd 1 and 2 at out and err again.
func restoreStd(out, err uintptr) {
	_ = syscall.Dup2(int(out), stdoutFd)
	_ = syscall.Dup2(int(err), stderrFd)
}
