// Package native holds precompiled kernels that notebook cells call at full
// compiled speed: Monte Carlo pi, sum_range, the Mandelbrot and Julia
// fractals (serial and parallel), pictures of fractals, the C versions of
// sum_range built with cgo, and Load, which calls a learner's own C shared
// library the way Python's ctypes does. Cells import it as gopar/native.
//
// The lesson's point is the contrast between interpreted and compiled loops,
// so every kernel here is a plain loop the reader can compare with its C
// twin in bench/native; none is replaced by a closed formula.
//
// Long kernels check the cell's interrupt context (github.com/gopar/gopar/runtime/interrupt)
// every few milliseconds of work and return early, with partial results,
// when the cell is interrupted. The exported API is non-generic so that the
// interpreter can import it.
package native

//go:generate go run github.com/gopar/gopar/internal/gensymbols -o ../../symbols/gopar_native.go github.com/gopar/gopar/runtime/native gopar/native
