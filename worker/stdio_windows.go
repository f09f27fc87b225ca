package worker

import (
	"errors"
	"os"
	"syscall"
)

// The standard handles of the worker, read before any cell runs; Windows
// has no fixed numbers for them.
var stdoutFd, stderrFd = os.Stdout.Fd(), os.Stderr.Fd()

var procSetStdHandle = syscall.NewLazyDLL("kernel32.dll").NewProc("SetStdHandle")

// STD_OUTPUT_HANDLE and STD_ERROR_HANDLE, (DWORD)-11 and (DWORD)-12.
const stdOutputHandle, stdErrorHandle = ^uint32(10), ^uint32(11)

// dupCloexec duplicates the handle h, not inheritable: the commands a cell
// starts get the standard handles, not these.
func dupCloexec(h uintptr) (uintptr, error) {
	self, err := syscall.GetCurrentProcess()
	if err != nil {
		return 0, err
	}
	var dup syscall.Handle
	if err := syscall.DuplicateHandle(self, syscall.Handle(h), self, &dup, 0, false, syscall.DUPLICATE_SAME_ACCESS); err != nil {
		return 0, err
	}
	return uintptr(dup), nil
}

// restoreStd gives a cell that closed os.Stdout or os.Stderr a fresh
// duplicate of the kernel's pipe as the standard handle, which reopen then
// wraps. Handles cannot be pointed elsewhere in place as fds can.
func restoreStd(out, err uintptr) {
	stdoutFd = reclaim(os.Stdout, out, stdOutputHandle, stdoutFd)
	stderrFd = reclaim(os.Stderr, err, stdErrorHandle, stderrFd)
}

func reclaim(f *os.File, saved uintptr, which uint32, cur uintptr) uintptr {
	if f != nil {
		if _, err := f.Write(nil); !errors.Is(err, os.ErrClosed) {
			return cur
		}
	}
	h, err := dupCloexec(saved)
	if err != nil {
		return cur
	}
	_, _, _ = procSetStdHandle.Call(uintptr(which), h)
	return h
}
