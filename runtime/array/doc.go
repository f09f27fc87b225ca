// Package array is a lazily chunked 1-D array of float64, enough of
// dask.array for the lesson's benchmarking and π episodes. Cells import it
// as gopar/array.
//
//	import "gopar/array"
//
//	// da.arange(10**7).sum().compute()
//	fmt.Println(array.Arange(10_000_000, 1_000_000).Sum().Compute())
//
//	// π from random points, the lesson's calc_pi_dask
//	x := array.RandomUniform(-1, 1, n, 1_000_000)
//	y := array.RandomUniform(-1, 1, n, 1_000_000)
//	m := x.Square().Add(y.Square()).Less(1).CountNonzero().Compute()
//	fmt.Println(4 * m / float64(n))
//
// Every operation adds one task per chunk to a graph; reductions (Sum,
// Mean, Min, Max, CountNonzero, CountIf) add one more that combines the
// chunks' results, and Compute runs the graph on the worker pool of
// gopar/delayed. The scheduler runs a chunk's tasks one after the other
// before starting the next chunk, and drops a chunk once the tasks that
// read it are done, so memory stays at a few chunks per worker however long
// the array: the lesson's answer to "why is the Dask solution more
// memory-efficient?", measurable with %memit. Only Array.Compute, which
// returns the whole array, needs memory for all of it.
//
// The compiled operations (Add, Sub, Mul, Div, Scale, Shift, Square, Pow,
// Sqrt, Less, Greater) run at native speed; Map and CountIf take a
// function, which is slower when it is defined in a cell.
package array

//go:generate go run github.com/gopar/gopar/internal/gensymbols -o ../../symbols/gopar_array.go github.com/gopar/gopar/runtime/array gopar/array
