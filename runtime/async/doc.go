// Package async is what cells use where the Python lesson uses asyncio:
// futures of work running in the background, gathered, throttled, timed.
// Cells import it as gopar/async.
//
// Every future runs on a goroutine of its own, so unlike asyncio's
// coroutines they run in parallel on all cores, and there is no event loop
// and no async/await colouring of functions: a cell starts work with Go
// and waits for it with Await.
//
//	import "gopar/async"
//
//	t := async.StartTimer()
//	futs := make([]*async.Future, 10)
//	for i := range futs {
//		futs[i] = async.Go(func() any { return calcPi(1_000_000) })
//	}
//	pis := async.Gather(futs...).AwaitFloats()
//	fmt.Println("that took", t)
//
// Values travel as any, because the interpreter that runs cells cannot use
// compiled generic functions. Typed helpers save the type assertions:
// AwaitFloat, AwaitInt, AwaitString, AwaitFloats, AwaitInts, AwaitSlice.
//
// Failures: a function's error (GoErr) or panic becomes its future's
// error; Await then panics with it, which stops the cell and shows it, the
// way `await` raises in Python; AwaitErr returns it instead. Interrupting
// the cell ends every future it is waiting for with ErrInterrupted, and
// Cancel and WithTimeout end one early. Output that futures print goes to
// the cell's output like any other.
//
// After a Gather, TaskStream draws when each future ran. Gathers that take
// longer than a second show a progress bar (SetProgress(false) hides it).
package async

//go:generate go run github.com/gopar/gopar/internal/gensymbols -o ../../symbols/gopar_async.go github.com/gopar/gopar/runtime/async gopar/async
