package async

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gopar/gopar/runtime/internal/progress"
	"github.com/gopar/gopar/runtime/internal/taskstream"
)

// Gather is a future of the values of futs, in the order given, as a []any.
// It waits for every one of them, even after one fails; its error is then
// that of the future that failed first. Cancelling it cancels them all.
// A gather that runs for more than a second shows a progress bar.
//
//	futs := make([]*async.Future, 10)
//	for i := range futs {
//		futs[i] = async.Go(func() any { return calcPi(n) })
//	}
//	pis := async.Gather(futs...).AwaitFloats()
func Gather(futs ...*Future) *Future {
	g := &gathering{Future: newFuture(), start: taskstream.Now()}
	g.parts = append([]*Future(nil), futs...)
	g.pending.Store(int64(len(futs)))
	if len(futs) == 0 {
		g.finish([]any{}, nil, g.start, g.start)
		return g.Future
	}
	g.bar = progress.Start("gather", len(futs), g.countDone)
	for _, f := range g.parts {
		f.watch(g)
	}
	return g.Future
}

// gathering is a Gather in progress: it completes on the goroutine of the
// last of its parts to finish, so gathering costs no goroutine.
type gathering struct {
	*Future
	start   time.Duration
	pending atomic.Int64
	bar     *progress.Bar
}

func (g *gathering) countDone() int {
	n := 0
	for _, f := range g.parts {
		if f.Done() {
			n++
		}
	}
	return n
}

func (g *gathering) finished() {
	if g.pending.Add(-1) != 0 {
		return
	}
	g.bar.Stop()
	vals := make([]any, len(g.parts))
	var first *Future
	firstAt := 0
	for i, f := range g.parts {
		vals[i] = f.val
		if f.err != nil && (first == nil || f.end < first.end) {
			first, firstAt = f, i
		}
	}
	var err error
	if first != nil {
		err = first.err
		if err != ErrInterrupted {
			err = fmt.Errorf("future %d of %d: %w", firstAt, len(g.parts), err)
		}
	}
	g.finish(vals, err, g.start, taskstream.Now())
}

// AsCompleted delivers futs on the returned channel as each one finishes,
// quickest first; the channel closes after the last.
//
//	for f := range async.AsCompleted(futs...) {
//		fmt.Println(f.Await())
//	}
func AsCompleted(futs ...*Future) <-chan *Future {
	out := make(chan *Future, len(futs))
	var wg sync.WaitGroup
	wg.Add(len(futs))
	for _, f := range futs {
		go func() {
			defer wg.Done()
			f.wait()
			out <- f
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

// WithTimeout is a future of f's value that gives up after d: it then
// fails with ErrTimeout and cancels f, like Python's asyncio.wait_for.
func WithTimeout(f *Future, d time.Duration) *Future {
	t := newFuture()
	t.parts = []*Future{f}
	go func() {
		start := taskstream.Now()
		timer := time.NewTimer(d)
		defer timer.Stop()
		select {
		case <-f.done:
			t.finish(f.val, f.err, start, taskstream.Now())
		case <-timer.C:
			if t.finish(nil, fmt.Errorf("%w after %v", ErrTimeout, d), start, taskstream.Now()) {
				f.Cancel()
			}
		case <-t.ictx.Done():
			f.wait()
			t.finish(f.val, f.err, start, taskstream.Now())
		case <-t.done: // t was cancelled, and with it f
		}
	}()
	return t
}

// TaskStream shows, inline, when each future this one gathered ran: one
// bar per future, stacked into as many rows as ran at once. Call it after
// Await.
func (f *Future) TaskStream() {
	f.taskStream().Publish()
}

// TaskStreamSVG is the picture TaskStream shows, as SVG text.
func (f *Future) TaskStreamSVG() string {
	return f.taskStream().SVG()
}

func (f *Future) taskStream() *taskstream.Stream {
	f.wait()
	if s := f.stream.Load(); s != nil {
		return s
	}
	s := &taskstream.Stream{Title: "task stream of " + f.label()}
	var walk func(*Future)
	walk = func(x *Future) {
		if len(x.parts) > 0 {
			for _, p := range x.parts {
				walk(p)
			}
			return
		}
		if !x.Done() || x.start == 0 {
			return // cancelled or interrupted before it ran
		}
		s.Spans = append(s.Spans, taskstream.Span{
			Worker: -1, Name: x.label(), Group: x.label(),
			Start: x.start, End: x.end, Failed: x.err != nil,
		})
	}
	walk(f)
	f.stream.Store(s)
	return s
}
