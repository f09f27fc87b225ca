// Package profile measures time and memory of code run from a notebook. Cells
// import it as gopar/profile; the %timeit, %memit and %scaling magics are
// built on it, so a value a magic returns with -o has a type cells can name
// (profile.TimeitResult, profile.MemitResult).
//
// Memory is the resident set size of the process that runs the cell, in MiB,
// as memory_profiler reports it: VmRSS on Linux, the task's resident size on
// macOS, the working set on Windows. Where none can be read the Go runtime's
// own mapped memory stands in for it.
//
//	samples := profile.MemoryUsage(func() { sumWithSlices() }, 10*time.Millisecond)
//	r := profile.Timeit(func() { calcPi(1_000_000) }, 0, 3) // auto loops, 3 runs
//	fmt.Println(r.Average, r)
package profile

//go:generate go run github.com/gopar/gopar/internal/gensymbols -o ../../symbols/gopar_profile.go github.com/gopar/gopar/runtime/profile gopar/profile
