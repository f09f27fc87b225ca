package kernel

import (
	"os"
	"syscall"
)

// waitPidfd waits for process pid to exit on a pidfd, which becomes
// readable then, so the wait costs nothing. It returns false where there is
// no pidfd (Linux before 5.3) and the caller must look for the process.
func waitPidfd(pid int) bool {
	fd, _, errno := syscall.Syscall(sysPidfdOpen, uintptr(pid), 0, 0)
	if errno == syscall.ESRCH {
		return true
	}
	if errno != 0 {
		return false
	}
	if syscall.SetNonblock(int(fd), true) != nil {
		syscall.Close(int(fd))
		return false
	}
	f := os.NewFile(fd, "pidfd")
	defer f.Close()
	rc, err := f.SyscallConn()
	if err != nil {
		return false
	}
	waited := false
	err = rc.Read(func(uintptr) bool {
		// The first call returns at once; the poller calls again when the
		// pidfd is readable: the process exited.
		done := waited
		waited = true
		return done
	})
	return err == nil
}

// sysPidfdOpen is pidfd_open(2), the same number on every Linux
// architecture.
const sysPidfdOpen = 434
