//go:build !unix

package magics

// processCPU has no portable source outside Unix; %time then prints only the
// wall time.
func processCPU() (cpuTimes, bool) { return cpuTimes{}, false }
