// Package magics runs IPython-style magics in gopar cells: %time, %timeit,
// %memit and %scaling to measure code, !cmd, %%bash, %%sh, %%writefile, %cd,
// %pwd and %env for the shell and files, %who, %whos and %reset for the
// interpreter, and %lsmagic, %magic and %help (or %NAME?) to describe them.
// It is pure Go: a cell's text and an Engine go in, printed output and a
// result come out; the worker process calls Run for every cell.
//
// # Cells
//
// A cell magic (%%name) must be the cell's first line and takes the whole
// cell. A line magic (%name) or a shell line (!cmd) is a line of its own and
// may sit between Go lines: the cell then runs piece by piece, in order, each
// Go piece through Engine.Execute (padded with newlines so that errors keep
// the cell's line numbers). A line counts as a magic or a shell line only
// where the Go before it is complete, so "ok := ready &&\n\t!done" and a raw
// string holding "%d" stay Go. Magics cannot run inside a Go block; in a loop,
// call profile.Timeit or profile.MemoryUsage (package gopar/profile) instead.
//
// A magic that produces a value hands it to Go code in the same way in every
// case: assign it.
//
//	res := %timeit -o calcPi(1_000_000)   // -o may be left out here
//	fmt.Println(res.Average, res.Stdev)   // seconds per loop
//	m := %memit -r 3 buildTable()
//	home := %env HOME
//	v := %time slowSum()                  // v holds slowSum()'s value
//
// "v = %..." assigns to an existing variable. Without an assignment, -o shows
// the value as the cell's result (<TimeitResult : ...>), as in IPython.
//
// # Timing method
//
// %timeit follows IPython: without -n it tries 1, 10, 100, ... loops until a
// run takes at least 0.2 s, then times 7 runs of that many loops, and prints
// the mean and population standard deviation per loop with IPython's units
// and rounding. The garbage collector is off while a run is timed
// (debug.SetGCPercent(-1), restored afterwards) with a memory limit as a
// safety net, and collects, untimed, between runs.
//
// The statement is compiled once, through Engine.Compile, into
//
//	func(_goparN int) time.Duration {
//		SETUP
//		_goparT0 := time.Now()
//		for _goparI := 0; _goparI < _goparN; _goparI++ { STATEMENT }
//		return time.Since(_goparT0)
//	}
//
// so the only interpreted work besides the statement is the loop itself. That
// loop overhead is measured with an empty body (the fastest of five runs of at
// least 20 ms) and subtracted from every run, so that a trivial statement is
// not charged for the interpreter's loop. %scaling compiles the same loop
// inside a func(workers int) and times it for each worker count.
//
// Timing and memory magics run the code with ordinary Go calls, so code that
// starts goroutines and waits for them (channels, WaitGroups, gopar/async
// futures) is measured to its end, and CPU times include every goroutine.
package magics
