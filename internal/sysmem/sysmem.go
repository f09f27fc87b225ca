// Package sysmem reads memory figures from each system's own interface:
// /proc on Linux, libproc and sysctl on macOS, the process status API on
// Windows. The kernel's memory limit, %memit and profile.MemoryUsage all
// measure through it, so that they agree on every system.
package sysmem

import (
	"errors"
	"runtime"
)

// ErrUnsupported is the error of a figure this system does not give.
var ErrUnsupported = errors.New("memory figures are not available on " + runtime.GOOS)

// Resident returns the resident memory of process pid in bytes: on Linux
// the resident set (VmRSS), on macOS the task's resident size, on Windows
// the process's working set.
func Resident(pid int) (int64, error) { return resident(pid) }

// Children lists the running processes whose parent is pid.
func Children(pid int) ([]int, error) { return children(pid) }

// Total returns the machine's physical memory in bytes.
func Total() (int64, error) { return total() }

// Available returns how much memory the system can give without swapping,
// in bytes (MemAvailable on Linux, the available physical memory on
// Windows); ErrUnsupported on macOS, whose kernel has no such figure.
func Available() (int64, error) { return available() }

// ResetPeak starts this process's peak resident memory counter afresh, so
// that Peak reports the peak since the call, and says whether it could:
// only Linux can reset the counter (writing to /proc/self/clear_refs).
func ResetPeak() bool { return resetPeak() }

// Peak returns this process's peak resident memory since ResetPeak, in
// bytes (VmHWM on Linux); meaningful only after ResetPeak returned true.
func Peak() (int64, error) { return peak() }
