package graph

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/gopar/gopar/runtime/internal/taskstream"
)

func constant(v any) *Node { return New("const", func([]any) (any, error) { return v, nil }) }

func sum(deps ...*Node) *Node {
	return New("sum", func(in []any) (any, error) {
		s := 0
		for _, x := range in {
			s += x.(int)
		}
		return s, nil
	}, deps...)
}

func TestComputeValues(t *testing.T) {
	a, b := constant(1), constant(2)
	ab := sum(a, b)
	tests := []struct {
		name    string
		targets []*Node
		want    string
	}{
		{"one node", []*Node{a}, "[1]"},
		{"diamond", []*Node{sum(ab, sum(ab, a))}, "[7]"},
		{"repeated input", []*Node{sum(a, a, a)}, "[3]"},
		{"several targets share nodes", []*Node{ab, sum(ab, b), a}, "[3 5 1]"},
		{"no targets", nil, "[]"},
	}
	for _, tt := range tests {
		for _, workers := range []int{1, 4} {
			t.Run(fmt.Sprintf("%s/%d workers", tt.name, workers), func(t *testing.T) {
				vals, _, err := Compute(tt.targets, Options{Workers: workers})
				if err != nil || fmt.Sprint(vals) != tt.want {
					t.Errorf("got %v, %v; want %s", vals, err, tt.want)
				}
			})
		}
	}
}

// TestDepthFirstOrder checks that on one worker each chunk's chain runs to
// its end before the next chunk starts, which is what keeps memory low.
func TestDepthFirstOrder(t *testing.T) {
	var mu sync.Mutex
	var order []string
	step := func(name string, deps ...*Node) *Node {
		return New(name, func([]any) (any, error) {
			mu.Lock()
			order = append(order, name)
			mu.Unlock()
			return 0, nil
		}, deps...)
	}
	var tops []*Node
	for c := range 3 {
		x := step(fmt.Sprint("x", c))
		y := step(fmt.Sprint("y", c))
		tops = append(tops, step(fmt.Sprint("add", c), step(fmt.Sprint("sq", c), x), y))
	}
	if _, _, err := Compute([]*Node{sum(tops...)}, Options{Workers: 1}); err != nil {
		t.Fatal(err)
	}
	want := "x0 sq0 y0 add0 x1 sq1 y1 add1 x2 sq2 y2 add2"
	if got := strings.Join(order, " "); got != want {
		t.Errorf("order %s, want %s", got, want)
	}
}

func TestIntermediateResultsAreDropped(t *testing.T) {
	src := constant(1)
	mid := New("mid", func(in []any) (any, error) { return in[0], nil }, src)
	top := New("top", func(in []any) (any, error) { return in[0], nil }, mid)
	r := build([]*Node{top})
	r.spans = make([][]taskstream.Span, 1)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); r.work(0) }()
	wg.Wait()
	for i, task := range r.tasks {
		if task.node != top && task.result != nil {
			t.Errorf("task %d (%s) still holds its result", i, task.node.Name)
		}
	}
	if r.tasks[r.index(top)].result != 1 {
		t.Error("the target lost its result")
	}
}

func TestFailureStopsTheRest(t *testing.T) {
	boom := errors.New("boom")
	var after atomic.Int64
	bad := New("bad", func([]any) (any, error) { return nil, boom })
	next := New("next", func([]any) (any, error) { after.Add(1); return 0, nil }, bad)
	exploding := New("explode", func([]any) (any, error) { panic("oops") })
	for _, tt := range []struct {
		target *Node
		want   string
	}{{next, "task bad-"}, {exploding, "panic: oops"}} {
		_, stream, err := Compute([]*Node{tt.target}, Options{Workers: 2})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("error %v, want %q", err, tt.want)
		}
		if stream == nil || len(stream.Spans) == 0 || !stream.Spans[0].Failed {
			t.Error("the failed task is not in the stream")
		}
	}
	if !errors.Is(func() error { _, _, err := Compute([]*Node{next}, Options{}); return err }(), boom) {
		t.Error("the task's error is not wrapped")
	}
	if after.Load() != 0 {
		t.Error("a task after a failed one ran")
	}
}

func TestLayout(t *testing.T) {
	a, b := Value("a", 1), Value("b", 2)
	ab := sum(a, b)
	top := sum(ab, sum(ab, a))
	l := Lay([]*Node{top})
	if len(l.layers) != 4 {
		t.Errorf("%d layers, want 4", len(l.layers))
	}
	for i, ds := range l.deps {
		for _, d := range ds {
			if l.at[d].layer >= l.at[i].layer {
				t.Errorf("%s is not above its input %s", l.nodes[i].Key(), l.nodes[d].Key())
			}
		}
	}
	if got := l.Text(); got != "task graph: 5 nodes, 6 edges, 4 layers" {
		t.Errorf("Text() = %q", got)
	}
}
