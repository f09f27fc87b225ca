//go:build unix

package magics

import "syscall"

// processCPU reads the user and system CPU time of the whole process, all
// threads included.
func processCPU() (cpuTimes, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return cpuTimes{}, false
	}
	sec := func(tv syscall.Timeval) float64 { return float64(tv.Sec) + float64(tv.Usec)/1e6 }
	return cpuTimes{user: sec(ru.Utime), sys: sec(ru.Stime)}, true
}
