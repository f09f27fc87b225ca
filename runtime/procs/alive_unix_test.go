//go:build unix

package procs

import "syscall"

// processAlive reports whether process pid still runs (signal 0 only
// checks).
func processAlive(pid int) bool { return syscall.Kill(pid, 0) == nil }
