//go:build unix

package kernel

import (
	"os"
	"strconv"
	"syscall"
	"time"
)

// ParentPIDEnv names the variable jupyter_client sets to the pid of the
// process that started the kernel. When that process goes away (a closed
// terminal took jupyter console with it), nobody can reach the kernel any
// more: it exits, as ipykernel does, and takes its worker and the processes
// cells started with it.
const ParentPIDEnv = "JPY_PARENT_PID"

// parentGone returns a channel closed when the process named by
// JPY_PARENT_PID has exited; nil when there is none to watch.
func parentGone() <-chan struct{} {
	pid, err := strconv.Atoi(os.Getenv(ParentPIDEnv))
	if err != nil || pid <= 1 {
		return nil
	}
	gone := make(chan struct{})
	go func() {
		defer close(gone)
		waitForExit(pid)
	}()
	return gone
}

// waitForExit returns when process pid has exited. A pidfd becomes
// readable then, so the wait costs nothing; where there is no pidfd
// (Linux before 5.3), the process is looked for once a second.
func waitForExit(pid int) {
	fd, _, errno := syscall.Syscall(sysPidfdOpen, uintptr(pid), 0, 0)
	if errno == syscall.ESRCH {
		return
	}
	if errno == 0 {
		if syscall.SetNonblock(int(fd), true) == nil {
			f := os.NewFile(fd, "pidfd")
			defer f.Close()
			if rc, err := f.SyscallConn(); err == nil {
				waited := false
				err = rc.Read(func(uintptr) bool {
					// The first call returns at once; the poller calls
					// again when the pidfd is readable: the process exited.
					done := waited
					waited = true
					return done
				})
				if err == nil {
					return
				}
			}
		} else {
			syscall.Close(int(fd))
		}
	}
	for syscall.Kill(pid, 0) != syscall.ESRCH {
		time.Sleep(time.Second)
	}
}

// sysPidfdOpen is pidfd_open(2), the same number on every Linux
// architecture.
const sysPidfdOpen = 434
