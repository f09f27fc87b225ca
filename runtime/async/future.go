package async

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gopar/gopar/runtime/internal/convert"
	"github.com/gopar/gopar/runtime/internal/failure"
	"github.com/gopar/gopar/runtime/internal/taskstream"
	"github.com/gopar/gopar/runtime/interrupt"
)

// Errors a future can end with. A task's own errors come back as they are;
// a panic comes back as a *PanicError.
var (
	ErrInterrupted = failure.ErrInterrupted // the cell was interrupted
	ErrCancelled   = failure.ErrCancelled   // Cancel was called first
	ErrTimeout     = failure.ErrTimeout     // WithTimeout ran out
)

// PanicError is the error of a future whose function panicked: the value
// passed to panic and the compiled frames that led to it.
type PanicError = failure.Panic

// Future is work started in the background, and the value it will have.
// It is Python's asyncio.Future, except that the work already runs in
// parallel on its own goroutine: there is no event loop to give way to.
type Future struct {
	done  chan struct{}
	state atomic.Uint32 // 0 running, 1 finished
	val   any
	err   error
	// start and end time the work, for the task stream.
	start, end time.Duration
	// ictx is the interrupt context of the cell that made the future: when
	// the user interrupts, waiting on the future stops with ErrInterrupted.
	ictx   context.Context
	cancel context.CancelFunc // GoCtx's context, nil otherwise
	parts  []*Future          // what Gather and WithTimeout wait on
	name   atomic.Pointer[string]
	stream atomic.Pointer[taskstream.Stream]

	// watchers are told when the future finishes; a Gather watches its
	// parts instead of parking a goroutine on each.
	mu       sync.Mutex
	fired    bool
	watcher  watcher   // the first watcher: usually the only one
	watchers []watcher // any others
}

// watcher is told once that a future it watches has finished.
type watcher interface{ finished() }

func newFuture() *Future {
	return &Future{done: make(chan struct{}), ictx: interrupt.Context()}
}

// Go starts fn on a new goroutine and returns its future. A panic in fn
// becomes the future's error.
//
//	f := async.Go(func() any { return calcPi(1_000_000) })
//	pi := f.AwaitFloat()
func Go(fn func() any) *Future {
	f := newFuture()
	go f.runPlain(fn)
	return f
}

// GoErr is Go for a function that can fail: a non-nil error becomes the
// future's error.
func GoErr(fn func() (any, error)) *Future {
	f := newFuture()
	go f.run(func(context.Context) (any, error) { return fn() }, nil)
	return f
}

// GoCtx is Go for a function that takes a context, which is cancelled when
// the future is cancelled, times out or the cell is interrupted: a long
// loop that checks ctx.Err() stops early instead of running on unseen.
func GoCtx(fn func(ctx context.Context) any) *Future {
	f := newFuture()
	ctx, cancel := context.WithCancel(f.ictx)
	f.cancel = cancel
	go f.run(func(ctx context.Context) (any, error) { return fn(ctx), nil }, ctx)
	return f
}

// ToThread is Go under the name asyncio gives it
// (`await asyncio.to_thread(calc_pi, N)`): every Go already runs on a thread
// of its own as far as the cell can tell.
func ToThread(fn func() any) *Future { return Go(fn) }

// Resolved is a future that already has the value v.
func Resolved(v any) *Future {
	f := newFuture()
	now := taskstream.Now()
	f.finish(v, nil, now, now)
	return f
}

// runPlain is run for Go, without the wrapping closure: Go is the hot path
// of many small tasks.
func (f *Future) runPlain(fn func() any) {
	start := taskstream.Now()
	var v any
	var err error
	defer func() {
		if p := recover(); p != nil {
			err = failure.FromPanic(p)
		}
		f.finish(v, err, start, taskstream.Now())
	}()
	v = fn()
}

func (f *Future) run(fn func(context.Context) (any, error), ctx context.Context) {
	start := taskstream.Now()
	var v any
	var err error
	defer func() {
		if p := recover(); p != nil {
			err = failure.FromPanic(p)
		}
		f.finish(v, err, start, taskstream.Now())
		if f.cancel != nil {
			f.cancel()
		}
	}()
	v, err = fn(ctx)
}

// finish settles the future once; later calls lose and report false.
func (f *Future) finish(v any, err error, start, end time.Duration) bool {
	if !f.state.CompareAndSwap(0, 1) {
		return false
	}
	f.val, f.err, f.start, f.end = v, err, start, end
	close(f.done)
	f.mu.Lock()
	f.fired = true
	w1, ws := f.watcher, f.watchers
	f.watcher, f.watchers = nil, nil
	f.mu.Unlock()
	if w1 != nil {
		w1.finished()
	}
	for _, w := range ws {
		w.finished()
	}
	return true
}

// watch tells w when f finishes, at once if it has.
func (f *Future) watch(w watcher) {
	f.mu.Lock()
	if f.fired {
		f.mu.Unlock()
		w.finished()
		return
	}
	if f.watcher == nil {
		f.watcher = w
	} else {
		f.watchers = append(f.watchers, w)
	}
	f.mu.Unlock()
}

// wait blocks until f has finished or its cell was interrupted.
func (f *Future) wait() {
	select {
	case <-f.done:
		return
	default:
	}
	select {
	case <-f.done:
	case <-f.ictx.Done():
		f.interrupt()
		<-f.done
	}
}

func (f *Future) interrupt() {
	if !f.finish(nil, ErrInterrupted, 0, taskstream.Now()) {
		return
	}
	if f.cancel != nil {
		f.cancel()
	}
	for _, p := range f.parts {
		p.interrupt()
	}
}

// Await waits for the future and returns its value. If the work failed,
// panicked, was cancelled or the cell was interrupted, Await panics with
// that error, so the cell stops there and shows it, as `await` raises in
// Python; use AwaitErr to handle the error instead.
func (f *Future) Await() any {
	v, err := f.AwaitErr()
	if err != nil {
		panic(err)
	}
	return v
}

// AwaitErr waits for the future and returns its value and error.
func (f *Future) AwaitErr() (any, error) {
	f.wait()
	return f.val, f.err
}

// Wait waits for the future without looking at the outcome.
func (f *Future) Wait() { f.wait() }

// Err waits for the future and returns its error, nil if it succeeded.
func (f *Future) Err() error {
	f.wait()
	return f.err
}

// Done reports, without waiting, whether the future has finished (with a
// value, an error, or because its cell was interrupted).
func (f *Future) Done() bool {
	select {
	case <-f.done:
		return true
	default:
	}
	if f.ictx.Err() != nil {
		f.interrupt()
		return true
	}
	return false
}

// DoneChan is closed when the future finishes, for use in a select.
func (f *Future) DoneChan() <-chan struct{} { return f.done }

// Cancel stops waiting for the future: it finishes at once with
// ErrCancelled, and the futures it gathers are cancelled too. It reports
// whether it did anything (false when the future had already finished).
// Go cannot stop a running goroutine from outside: work started with GoCtx
// sees its context cancelled, other work runs on and its result is dropped.
func (f *Future) Cancel() bool {
	ok := f.finish(nil, ErrCancelled, 0, taskstream.Now())
	if f.cancel != nil {
		f.cancel()
	}
	if ok {
		for _, p := range f.parts {
			p.Cancel()
		}
	}
	return ok
}

// Name labels the future in task-stream pictures and returns it, so it
// chains: `async.Go(work).Name("pi")`.
func (f *Future) Name(name string) *Future {
	f.name.Store(&name)
	return f
}

func (f *Future) label() string {
	if p := f.name.Load(); p != nil {
		return *p
	}
	return "go"
}

// String describes the future's state, for printing.
func (f *Future) String() string {
	if !f.Done() {
		return fmt.Sprintf("<future %s pending>", f.label())
	}
	if f.err != nil {
		return fmt.Sprintf("<future %s failed: %v>", f.label(), f.err)
	}
	return fmt.Sprintf("<future %s done: %v>", f.label(), f.val)
}

// AwaitFloat is Await for a number, as a float64.
func (f *Future) AwaitFloat() float64 {
	x, err := convert.Float(f.Await())
	if err != nil {
		panic(fmt.Errorf("AwaitFloat: %w", err))
	}
	return x
}

// AwaitInt is Await for a whole number, as an int.
func (f *Future) AwaitInt() int {
	x, err := convert.Int(f.Await())
	if err != nil {
		panic(fmt.Errorf("AwaitInt: %w", err))
	}
	return x
}

// AwaitString is Await for a string.
func (f *Future) AwaitString() string {
	x, err := convert.String(f.Await())
	if err != nil {
		panic(fmt.Errorf("AwaitString: %w", err))
	}
	return x
}

// AwaitSlice is Await for a slice, such as the results of Gather.
func (f *Future) AwaitSlice() []any {
	x, err := convert.Slice(f.Await())
	if err != nil {
		panic(fmt.Errorf("AwaitSlice: %w", err))
	}
	return x
}

// AwaitFloats is Await for a slice of numbers, such as Gather of futures
// that each return a float64.
func (f *Future) AwaitFloats() []float64 {
	x, err := convert.Floats(f.Await())
	if err != nil {
		panic(fmt.Errorf("AwaitFloats: %w", err))
	}
	return x
}

// AwaitInts is Await for a slice of whole numbers.
func (f *Future) AwaitInts() []int {
	x, err := convert.Ints(f.Await())
	if err != nil {
		panic(fmt.Errorf("AwaitInts: %w", err))
	}
	return x
}
