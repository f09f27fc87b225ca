package delayed

import (
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gopar/gopar/runtime/interrupt"
)

func TestSharedSubgraphRunsOnce(t *testing.T) {
	var calls atomic.Int64
	inc := Named("inc", func(x int) int { calls.Add(1); return x + 1 })
	add := Named("add", func(a, b int) int { return a + b })
	x := inc.Call(1)        // 2
	y := add.Call(x, x)     // 4
	z := add.Call(x, 10)    // 12
	total := add.Call(y, z) // 16
	if got := total.ComputeInt(); got != 16 {
		t.Errorf("total = %d, want 16", got)
	}
	if calls.Load() != 1 {
		t.Errorf("shared node ran %d times in one compute, want 1", calls.Load())
	}
	calls.Store(0)
	vals := Compute(y, z, x)
	if fmt.Sprint(vals) != "[4 12 2]" || calls.Load() != 1 {
		t.Errorf("Compute(y, z, x) = %v with %d calls, want [4 12 2] with 1", vals, calls.Load())
	}
}

func TestIndependentNodesRunInParallel(t *testing.T) {
	// Each task waits until both have started: with one worker at a time
	// this fails (after the timeout) instead of hanging.
	var started atomic.Int64
	meet := Named("meet", func(i int) (int, error) {
		started.Add(1)
		deadline := time.Now().Add(5 * time.Second)
		for started.Load() < 2 {
			if time.Now().After(deadline) {
				return 0, errors.New("the other task never started")
			}
			time.Sleep(100 * time.Microsecond)
		}
		return i, nil
	})
	v := Gather(meet.Call(1), meet.Call(2)).ComputeWorkers(2)
	if fmt.Sprint(v) != "[1 2]" {
		t.Errorf("got %v", v)
	}
}

func TestArguments(t *testing.T) {
	sum := Named("sum", func(xs []float64) float64 {
		s := 0.0
		for _, x := range xs {
			s += x
		}
		return s
	})
	varmean := Func(func(xs ...float64) float64 {
		s := 0.0
		for _, x := range xs {
			s += x
		}
		return s / float64(len(xs))
	})
	divmod := Func(func(a, b int) (int, int) { return a / b, a % b })
	nothing := Func(func() {})
	half := Func(func(x float64) float64 { return x / 2 })
	ps := []*Promise{Value(1), Value(2.5), Call(func() int { return 3 })}
	tests := []struct {
		name string
		p    *Promise
		want string
	}{
		{"slice of promises", sum.Call(ps), "6.5"},
		{"gathered list to []float64", sum.Call(Gather(ps...)), "6.5"},
		{"variadic with promises", varmean.Call(Value(1), 2, Value(3.0)), "2"},
		{"int to float64", half.Call(Value(3)), "1.5"},
		{"two results", divmod.Call(7, Value(2)), "[3 1]"},
		{"no result", nothing.Call(), "<nil>"},
		{"plain value", Value("hi"), "hi"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fmt.Sprint(tt.p.Compute()); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestCallChecksArguments(t *testing.T) {
	add := Named("add", func(a, b int) int { return a + b })
	tests := []struct {
		name string
		call func()
		want string
	}{
		{"too few", func() { add.Call(1) }, "add takes 2 arguments, got 1"},
		{"wrong type", func() { add.Call(1, "two") }, "add argument 2: cannot use string as int"},
		{"not whole", func() { add.Call(1, 2.5) }, "not a whole number"},
		{"not a function", func() { Func(3) }, "int is not a function"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), tt.want) {
					t.Errorf("panicked with %v, want %q", r, tt.want)
				}
			}()
			tt.call()
		})
	}
}

func TestFailures(t *testing.T) {
	boom := errors.New("boom")
	var after atomic.Int64
	fail := Named("fail", func(x int) (int, error) { return 0, boom })
	explode := Named("explode", func(x int) int { panic(fmt.Sprintf("bad %d", x)) })
	next := Named("next", func(x int) int { after.Add(1); return x })
	badArg := Named("takesString", func(s string) string { return s })
	tests := []struct {
		name    string
		p       *Promise
		wantIs  error
		wantMsg string
	}{
		{"error result", next.Call(fail.Call(1)), boom, "task fail-"},
		{"panic", next.Call(explode.Call(7)), nil, "panic: bad 7"},
		{"argument of the wrong type at run time", badArg.Call(Value(3)), nil, "argument 1: cannot use int as string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := tt.p.ComputeErr()
			if err == nil {
				t.Fatalf("got %v, want an error", v)
			}
			if tt.wantIs != nil && !errors.Is(err, tt.wantIs) {
				t.Errorf("%v is not %v", err, tt.wantIs)
			}
			if !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("error %q does not contain %q", err, tt.wantMsg)
			}
		})
	}
	if after.Load() != 0 {
		t.Errorf("a task after a failed one ran %d times", after.Load())
	}
	var p *PanicError
	_, err := explode.Call(1).ComputeErr()
	if !errors.As(err, &p) {
		t.Errorf("%v is not a *PanicError", err)
	}
}

func TestInterruptStopsCompute(t *testing.T) {
	defer interrupt.Reset()
	var ran atomic.Int64
	slow := Named("slow", func(i int) int {
		ran.Add(1)
		interrupt.Sleep(time.Second)
		return i
	})
	ps := make([]*Promise, 50)
	for i := range ps {
		ps[i] = slow.Call(i)
	}
	go func() {
		for ran.Load() == 0 {
			time.Sleep(time.Millisecond)
		}
		interrupt.Trigger()
	}()
	start := time.Now()
	_, err := Gather(ps...).ComputeErr()
	if !errors.Is(err, ErrInterrupted) {
		t.Errorf("error %v, want ErrInterrupted", err)
	}
	if elapsed := time.Since(start); elapsed > 10*time.Second {
		t.Errorf("took %v to stop", elapsed)
	}
	time.Sleep(10 * time.Millisecond)
	if n := ran.Load(); n >= 50 {
		t.Errorf("all %d tasks ran despite the interrupt", n)
	}
}

func TestWorkersAndTaskStream(t *testing.T) {
	defer SetWorkers(0)
	inc := Named("inc", func(x int) int { return x + 1 })
	ps := make([]*Promise, 20)
	for i := range ps {
		ps[i] = inc.Call(i)
	}
	g := Gather(ps...)
	for _, workers := range []int{1, 3} {
		SetWorkers(workers)
		if Workers() != workers {
			t.Errorf("Workers() = %d after SetWorkers(%d)", Workers(), workers)
		}
		g.Compute()
		svg := g.TaskStreamSVG()
		if n := strings.Count(svg, "<title>inc-"); n != 20 {
			t.Errorf("task stream shows %d inc tasks, want 20", n)
		}
		if !strings.Contains(svg, fmt.Sprintf("on %d workers", workers)) || strings.Contains(svg, fmt.Sprintf("worker %d<", workers)) {
			t.Errorf("task stream does not show %d workers", workers)
		}
	}
}

func TestVisualize(t *testing.T) {
	add := Named("add", func(a, b int) int { return a + b })
	x := add.Call(Value(1), Value(2))
	y := add.Call(x, 3)
	z := add.Call(x, y)
	svg := z.VisualizeSVG()
	for what, want := range map[string]int{"<ellipse": 3, `fill="#fff" stroke`: 2, "marker-end": 5, ">add<": 3} {
		if n := strings.Count(svg, what); n != want {
			t.Errorf("%d %q in the picture, want %d", n, what, want)
		}
	}
	if z.String() != "Delayed('"+z.Key()+"')" || !strings.HasPrefix(z.Key(), "add-") {
		t.Errorf("String() = %s", z)
	}
}

func TestLongChain(t *testing.T) {
	inc := Func(func(x int) int { return x + 1 })
	p := Value(0)
	for range 10_000 {
		p = inc.Call(p)
	}
	if got := p.ComputeInt(); got != 10_000 {
		t.Errorf("got %d", got)
	}
	if svg := p.VisualizeSVG(); strings.Count(svg, "<ellipse") != 10_000 {
		t.Error("the chain was not drawn whole")
	}
}

func TestFuncNames(t *testing.T) {
	if n := Func(strings.ToUpper).Name(); n != "ToUpper" {
		t.Errorf("name of strings.ToUpper = %q", n)
	}
	if n := Func(func() {}).Name(); n != "TestFuncNames" {
		t.Errorf("name of a closure = %q", n)
	}
}
