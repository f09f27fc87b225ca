// Package procs runs compiled tasks in a pool of worker processes, the way
// the lesson's "threads and processes" episode uses Python's
// multiprocessing. Cells import it as gopar/procs.
//
// In Python, processes are how pure-Python code gets past the Global
// Interpreter Lock. Go has no such lock: goroutines already run in
// parallel on all cores, with shared memory and no start-up cost, so a
// process pool is the slower way to parallel work in Go. The package is
// here so the episode's comparison can be made and measured: each worker
// is a separate gopar process (started as `gopar procs-worker`), tasks and
// their results cross the process boundary gob-encoded over pipes, and
// Stats shows what starting processes and sending data cost. What
// processes do buy is isolation: a worker that crashes, even on a fatal
// error no recover can catch, costs a task, not the notebook.
//
//	pool, err := procs.NewPool(2)
//	if err != nil {
//		panic(err)
//	}
//	defer pool.Close()
//	pis, err := pool.Map("calc_pi", []any{10_000_000, 10_000_000})
//	fmt.Println(pis, err)
//	fmt.Println(pool.Stats())
//
// Tasks are named: a process cannot be handed a function, only the name of
// a function both processes know, registered with Register by compiled Go
// code that both run. Functions written in a cell are interpreted and
// exist only in the cell's process, so they cannot be sent to a pool; for
// parallel work on such functions, use goroutines (gopar/async). The
// lesson's tasks are registered already; Tasks lists them:
//
//	calc_pi               func(n int) float64                 native.CalcPi
//	calc_pi_seeded        func(n int, seed uint64) float64    native.CalcPiSeeded
//	calc_pi_queue         func(n int, q *Queue)               puts []any{pi, n} into q
//	sum_range             func(n int64) int64                 native.SumRange
//	conditional_sum_range func(n int64) int64                 native.ConditionalSumRange
//	mandelbrot_rows       func(box native.BoundingBox, maxIter, j0, j1 int) ([][]int, error)
//	                                                          rows [j0, j1) of the picture
//	produce_range         func(n int, q *Queue)               puts 0, 1, ..., n-1 into q
//	sum_queue             func(n int, q *Queue) (int, error)  takes n ints from q, sums them
//	echo                  func(v []float64) []float64         sends data there and back
//	noop                  func()                              the cost of a call alone
//
// A Queue carries values between the cell and the workers, and between
// workers (produce_range in one, sum_queue in another), like
// multiprocessing.Queue.
//
// Failures: a task's error or panic comes back as a *TaskError and the
// worker lives on; a worker that dies (os.Exit, a fatal error, killed)
// gives a *WorkerError and is replaced; nothing waits for ever.
// Interrupting the cell interrupts the tasks (native kernels stop
// promptly; a worker that does not is killed) and the call returns
// ErrInterrupted. Output the tasks print goes to the cell.
package procs

//go:generate go run github.com/gopar/gopar/internal/gensymbols -o ../../symbols/gopar_procs.go github.com/gopar/gopar/runtime/procs gopar/procs
