// Package jit compiles the Go of a %%native cell with the local Go
// toolchain, so that a learner's own functions run at compiled speed: the
// numba.jit of the lesson. Cells do not import it; the %%native magic
// calls Compile and binds the module's functions into the interpreter,
// where later cells call them like any function.
//
//	%%native
//	import "math/rand/v2"
//
//	func calcPi(n int) float64 {
//		m := 0
//		for range n {
//			x, y := rand.Float64()*2-1, rand.Float64()*2-1
//			if x*x+y*y < 1 {
//				m++
//			}
//		}
//		return 4 * float64(m) / float64(n)
//	}
//
// The cell is real Go, compiled by the go command: unused imports and
// variables are errors, as they are in any Go program, and errors point at
// the cell's own lines (`cell:3:5: ...`). It may import the standard
// library only. The interpreter can call the functions whose parameters
// and results are built-in types (numbers, strings, and slices, arrays,
// maps and pointers of them, an error as the last result); other
// functions are compiled too, for the cell's own use, and
// Module.Skipped says why they cannot be called from cells.
//
// A module runs in one of two ways. As a Go plugin loaded into gopar's
// worker process, a call costs what any call from the interpreter into
// compiled code costs (a fraction of a microsecond); this needs the go
// command to be the very toolchain gopar was built with, and cgo. Where
// that is not so, Compile builds a helper process instead, which serves
// calls over pipes with encoding/gob (tens of microseconds a call);
// slices, maps and pointers the function writes into are copied back, so
// a function that fills an array it was given works either way. A helper
// process is killed when the cell is interrupted; compiled loops in a
// plugin do not look at interrupts, so a runaway one needs the kernel to
// be interrupted again (or restarted).
//
// Builds are cached by the hash of the source (and toolchain, mode and
// flags) under os.UserCacheDir()/gopar/jit: the first build takes a
// second or so, running the cell again milliseconds.
package jit
