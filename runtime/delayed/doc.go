// Package delayed builds task graphs lazily, the way the lesson uses
// dask.delayed: wrapping a function makes calls to it return promises
// instead of running, promises can be passed to further calls, and nothing
// runs until Compute. Cells import it as gopar/delayed.
//
//	import "gopar/delayed"
//
//	add := delayed.Named("add", func(a, b int) int { return a + b })
//	x_p := add.Call(1, 2)
//	y_p := add.Call(x_p, 3)
//	z_p := add.Call(x_p, y_p) // x_p is shared: it will run once
//	z_p.Visualize()           // draws the graph inline
//	fmt.Println(z_p.Compute()) // 9
//
// Compute runs the graph on a pool of workers, one per CPU by default
// (SetWorkers, ComputeWorkers): independent calls run in parallel, a node
// reached by several paths runs once, and intermediate values are dropped
// as soon as nothing needs them. After a Compute, TaskStream draws which
// worker ran which task, and when; a computation longer than a second shows
// a progress bar.
//
// The wrapped function may have any signature, compiled or defined in a
// cell; arguments are plain values, promises, or slices of promises (the
// function gets the slice of their values), converted to the parameter
// types (an int where a float64 is wanted, a []any where a []float64 is).
// A final error result, or a panic, fails the computation; Compute then
// panics with it and ComputeErr returns it.
//
// Functions defined in a cell have no name the runtime can read, so give
// one with Named for the pictures; compiled functions are named already.
package delayed

//go:generate go run github.com/gopar/gopar/internal/gensymbols -o ../../symbols/gopar_delayed.go github.com/gopar/gopar/runtime/delayed gopar/delayed
