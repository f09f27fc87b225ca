package async

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gopar/gopar/runtime/interrupt"
)

// panicIn is a compiled function that panics, so the stack of the
// resulting error has a frame to name.
func panicIn(v any) any { panic(v) }

func TestGatherKeepsOrder(t *testing.T) {
	for _, n := range []int{0, 1, 7, 100} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			// The later futures finish first: each waits for the next.
			gates := make([]chan struct{}, n+1)
			for i := range gates {
				gates[i] = make(chan struct{})
			}
			close(gates[n])
			futs := make([]*Future, n)
			for i := range futs {
				futs[i] = Go(func() any {
					<-gates[i+1]
					close(gates[i])
					return i * i
				})
			}
			got := Gather(futs...).AwaitInts()
			if len(got) != n {
				t.Fatalf("got %d values, want %d", len(got), n)
			}
			for i, v := range got {
				if v != i*i {
					t.Errorf("value %d = %d, want %d", i, v, i*i)
				}
			}
		})
	}
}

func TestFailures(t *testing.T) {
	boom := errors.New("boom")
	tests := []struct {
		name    string
		start   func() *Future
		wantIs  error  // errors.Is target, or nil
		wantMsg string // substring of the error
	}{
		{"error", func() *Future { return GoErr(func() (any, error) { return nil, boom }) }, boom, "boom"},
		{"panic", func() *Future { return Go(func() any { return panicIn("bad input") }) }, nil, "panic: bad input"},
		{"panic stack names the function", func() *Future { return Go(func() any { return panicIn(1) }) }, nil, "async.panicIn"},
		{"panic with an error", func() *Future { return Go(func() any { return panicIn(boom) }) }, boom, "panic: boom"},
		{"runtime error", func() *Future {
			return Go(func() any {
				var m []int
				return m[3]
			})
		}, nil, "index out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := tt.start().AwaitErr()
			if err == nil {
				t.Fatalf("got value %v, want an error", v)
			}
			if tt.wantIs != nil && !errors.Is(err, tt.wantIs) {
				t.Errorf("error %v is not %v", err, tt.wantIs)
			}
			if !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("error %q does not contain %q", err, tt.wantMsg)
			}
		})
	}
}

func TestPanicBecomesPanicError(t *testing.T) {
	err := Go(func() any { return panicIn(42) }).Err()
	var p *PanicError
	if !errors.As(err, &p) || p.Value != 42 {
		t.Fatalf("error %v is not a *PanicError of 42", err)
	}
}

func TestAwaitPanicsWithTheError(t *testing.T) {
	boom := errors.New("boom")
	f := GoErr(func() (any, error) { return nil, boom })
	defer func() {
		if r := recover(); r != boom {
			t.Errorf("Await panicked with %v, want %v", r, boom)
		}
	}()
	f.Await()
}

func TestGatherReportsFirstFailureAndWaitsForAll(t *testing.T) {
	var ran atomic.Int64
	first, second := errors.New("first"), errors.New("second")
	release := make(chan struct{})
	futs := []*Future{
		// Fails last although it comes first.
		GoErr(func() (any, error) { <-release; ran.Add(1); return nil, second }),
		GoErr(func() (any, error) { ran.Add(1); return nil, first }),
		Go(func() any { <-release; ran.Add(1); return 3 }),
	}
	futs[1].Wait()
	close(release)
	vals, err := Gather(futs...).AwaitErr()
	if !errors.Is(err, first) || errors.Is(err, second) {
		t.Errorf("error %v, want the first failure", err)
	}
	if !strings.Contains(err.Error(), "future 1 of 3") {
		t.Errorf("error %q does not say which future failed", err)
	}
	if ran.Load() != 3 {
		t.Errorf("%d futures ran to the end, want 3", ran.Load())
	}
	if got := vals.([]any)[2]; got != 3 {
		t.Errorf("the value of the future that succeeded is %v, want 3", got)
	}
}

func TestCancel(t *testing.T) {
	block := make(chan struct{})
	defer close(block)

	f := Go(func() any { <-block; return 1 })
	if !f.Cancel() {
		t.Error("Cancel of a running future reported false")
	}
	if err := f.Err(); !errors.Is(err, ErrCancelled) {
		t.Errorf("error %v, want ErrCancelled", err)
	}
	if f.Cancel() {
		t.Error("a second Cancel reported true")
	}

	done := Resolved(7)
	if done.Cancel() || done.AwaitInt() != 7 {
		t.Error("Cancel changed a finished future")
	}

	var stopped atomic.Bool
	c := GoCtx(func(ctx context.Context) any {
		<-ctx.Done()
		stopped.Store(true)
		return nil
	})
	parts := []*Future{c, Go(func() any { <-block; return 2 })}
	g := Gather(parts...)
	g.Cancel()
	for i, p := range parts {
		if err := p.Err(); !errors.Is(err, ErrCancelled) {
			t.Errorf("part %d: error %v, want ErrCancelled", i, err)
		}
	}
	deadline := time.Now().Add(5 * time.Second)
	for !stopped.Load() && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if !stopped.Load() {
		t.Error("GoCtx's context was not cancelled")
	}
}

func TestWithTimeout(t *testing.T) {
	block := make(chan struct{})
	defer close(block)
	tests := []struct {
		name    string
		fut     func() *Future
		d       time.Duration
		want    any
		wantErr error
	}{
		{"in time", func() *Future { return Resolved("ok") }, time.Hour, "ok", nil},
		{"too slow", func() *Future { return Go(func() any { <-block; return 1 }) }, 10 * time.Millisecond, nil, ErrTimeout},
		{"error passes", func() *Future { return GoErr(func() (any, error) { return nil, ErrCancelled }) }, time.Hour, nil, ErrCancelled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inner := tt.fut()
			v, err := WithTimeout(inner, tt.d).AwaitErr()
			if v != tt.want || !errors.Is(err, tt.wantErr) {
				t.Errorf("got (%v, %v), want (%v, %v)", v, err, tt.want, tt.wantErr)
			}
			if tt.wantErr == ErrTimeout && !errors.Is(inner.Err(), ErrCancelled) {
				t.Errorf("the timed-out future ended with %v, want ErrCancelled", inner.Err())
			}
		})
	}
}

func TestInterruptEndsOutstandingFutures(t *testing.T) {
	block := make(chan struct{})
	defer close(block)
	defer interrupt.Reset()

	var sawCancel atomic.Bool
	futs := []*Future{
		Go(func() any { <-block; return 1 }),
		GoCtx(func(ctx context.Context) any { <-ctx.Done(); sawCancel.Store(true); return nil }),
		Resolved(3),
	}
	g := Gather(futs...)
	sem := NewSemaphore(1)
	sem.Acquire()
	blocked := Go(func() any { return sem.With(func() any { return 1 }) })

	interrupt.Trigger()
	for i, f := range futs[:2] {
		if err := f.Err(); !errors.Is(err, ErrInterrupted) {
			t.Errorf("future %d: error %v, want ErrInterrupted", i, err)
		}
	}
	if v := futs[2].AwaitInt(); v != 3 {
		t.Errorf("a finished future changed to %v", v)
	}
	if err := g.Err(); !errors.Is(err, ErrInterrupted) {
		t.Errorf("gather: error %v, want ErrInterrupted", err)
	}
	if err := blocked.Err(); !errors.Is(err, ErrInterrupted) {
		t.Errorf("semaphore wait: error %v, want ErrInterrupted", err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for !sawCancel.Load() && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if !sawCancel.Load() {
		t.Error("GoCtx's context was not cancelled by the interrupt")
	}

	interrupt.Reset()
	if v := Go(func() any { return 5 }).AwaitInt(); v != 5 {
		t.Errorf("after the interrupt a new future gave %v", v)
	}
}

func TestSemaphoreLimitsConcurrency(t *testing.T) {
	for _, limit := range []int{1, 2, 3} {
		t.Run(fmt.Sprint(limit), func(t *testing.T) {
			sem := NewSemaphore(limit)
			var now, peak atomic.Int64
			futs := make([]*Future, 12)
			for i := range futs {
				futs[i] = sem.Go(func() any {
					n := now.Add(1)
					for {
						p := peak.Load()
						if n <= p || peak.CompareAndSwap(p, n) {
							break
						}
					}
					time.Sleep(2 * time.Millisecond)
					now.Add(-1)
					return nil
				})
			}
			Gather(futs...).Wait()
			if peak.Load() > int64(limit) {
				t.Errorf("%d ran at once, limit %d", peak.Load(), limit)
			}
			if sem.InUse() != 0 {
				t.Errorf("%d slots still taken", sem.InUse())
			}
		})
	}
}

func TestSemaphoreWithoutLimit(t *testing.T) {
	var nilSem *Semaphore
	for _, sem := range []*Semaphore{nilSem, NewSemaphore(0)} {
		for range 100 {
			sem.Acquire()
		}
		if !sem.TryAcquire() || sem.With(func() any { return 1 }) != 1 || sem.Cap() != 0 {
			t.Errorf("%v limits", sem)
		}
	}
	sem := NewSemaphore(1)
	if !sem.TryAcquire() || sem.TryAcquire() {
		t.Error("TryAcquire ignores the limit")
	}
	sem.Release()
	defer func() {
		if recover() == nil {
			t.Error("Release without Acquire did not panic")
		}
	}()
	sem.Release()
}

func TestAsCompletedDeliversInFinishingOrder(t *testing.T) {
	order := []int{2, 0, 3, 1}
	gates := make([]chan struct{}, len(order))
	for i := range gates {
		gates[i] = make(chan struct{})
	}
	futs := make([]*Future, len(order))
	for i := range futs {
		futs[i] = Go(func() any { <-gates[i]; return i })
	}
	ch := AsCompleted(futs...)
	for _, want := range order {
		close(gates[want])
		if got := (<-ch).AwaitInt(); got != want {
			t.Errorf("got future %d, want %d", got, want)
		}
	}
	if _, open := <-ch; open {
		t.Error("channel not closed after the last future")
	}
}

func TestTypedAwaits(t *testing.T) {
	g := Gather(Resolved(1), Resolved(2.5), Resolved(int64(3)))
	if got := g.AwaitFloats(); fmt.Sprint(got) != "[1 2.5 3]" {
		t.Errorf("AwaitFloats = %v", got)
	}
	if got := Resolved(4.0).AwaitInt(); got != 4 {
		t.Errorf("AwaitInt of 4.0 = %v", got)
	}
	if got := Resolved(3).AwaitFloat(); got != 3 {
		t.Errorf("AwaitFloat of 3 = %v", got)
	}
	if got := Resolved("x").AwaitString(); got != "x" {
		t.Errorf("AwaitString = %q", got)
	}
	defer func() {
		if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), "not a whole number") {
			t.Errorf("AwaitInt of 2.5 panicked with %v", r)
		}
	}()
	Resolved(2.5).AwaitInt()
}

func TestTimer(t *testing.T) {
	tm := StartTimer()
	Sleep(5 * time.Millisecond)
	if tm.Elapsed() < 5*time.Millisecond {
		t.Errorf("elapsed %v after sleeping 5ms", tm.Elapsed())
	}
	stopped := tm.Stop()
	Sleep(2 * time.Millisecond)
	if tm.Elapsed() != stopped || tm.Seconds() != stopped.Seconds() {
		t.Error("a stopped timer kept running")
	}
}

func TestTaskStream(t *testing.T) {
	futs := make([]*Future, 4)
	for i := range futs {
		futs[i] = Go(func() any { time.Sleep(time.Millisecond); return i }).Name("work")
	}
	g := Gather(Gather(futs[:2]...), Gather(futs[2:]...))
	g.Wait()
	svg := g.TaskStreamSVG()
	if !strings.HasPrefix(svg, "<svg") || strings.Count(svg, "<title>work:") != 4 {
		t.Errorf("task stream does not show the 4 futures:\n%s", svg)
	}
}
