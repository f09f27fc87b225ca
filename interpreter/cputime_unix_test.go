//go:build unix

package interpreter

import (
	"syscall"
	"time"
)

// processCPU is the CPU time the process has used, in user and system
// mode, on all its threads (GC included): on a loaded machine it counts
// the work done, where wall time counts the waiting too.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
