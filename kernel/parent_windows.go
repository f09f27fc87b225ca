package kernel

import (
	"os"
	"strconv"
	"syscall"
)

// parentGone returns a channel closed when the process JPY_PARENT_PID
// names has exited; nil when there is none to watch. On Windows
// jupyter_client passes an inheritable handle to itself, not a pid (as
// ipykernel's ParentPollerWindows reads it), which becomes signalled when
// that process exits.
func parentGone() <-chan struct{} {
	h, err := strconv.ParseUint(os.Getenv(ParentPIDEnv), 10, 64)
	if err != nil || h == 0 {
		return nil
	}
	gone := make(chan struct{})
	go func() {
		defer close(gone)
		ev, err := syscall.WaitForSingleObject(syscall.Handle(h), syscall.INFINITE)
		if err != nil || ev != syscall.WAIT_OBJECT_0 {
			// Not a handle to wait on (set by hand, say): keep serving,
			// as with no JPY_PARENT_PID at all.
			select {}
		}
	}()
	return gone
}
