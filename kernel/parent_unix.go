//go:build unix

package kernel

import (
	"os"
	"strconv"
	"syscall"
	"time"
)

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

// waitForExit returns when process pid has exited: at once where a pidfd
// tells (Linux 5.3 and later), else found gone by looking once a second.
func waitForExit(pid int) {
	if waitPidfd(pid) {
		return
	}
	for syscall.Kill(pid, 0) != syscall.ESRCH {
		time.Sleep(time.Second)
	}
}
