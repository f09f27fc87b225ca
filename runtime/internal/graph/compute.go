package graph

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/gopar/gopar/runtime/internal/failure"
	"github.com/gopar/gopar/runtime/internal/progress"
	"github.com/gopar/gopar/runtime/internal/taskstream"
	"github.com/gopar/gopar/runtime/interrupt"
)

var defaultWorkers atomic.Int64

// SetWorkers sets the size of the worker pool used when a computation does
// not ask for one; n < 1 restores the default, one worker per CPU.
func SetWorkers(n int) {
	if n < 1 {
		n = 0
	}
	defaultWorkers.Store(int64(n))
}

// Workers is the current default size of the worker pool.
func Workers() int {
	if n := defaultWorkers.Load(); n > 0 {
		return int(n)
	}
	return runtime.NumCPU()
}

// Options tune one computation.
type Options struct {
	Workers int    // < 1: Workers()
	Label   string // names the progress bar and the task stream
}

// task is a node inside one computation.
type task struct {
	node       *Node
	deps       []int32 // indices of Deps, with repeats
	dependents []int32 // tasks that take this one's result, with repeats
	pending    int     // deps not finished yet
	refs       int     // consumers left: dependents, plus one per target
	result     any
}

type run struct {
	tasks []task
	mu    sync.Mutex
	cond  sync.Cond
	ready []int32 // a min-heap of task indices: the first in order runs first
	left  int     // tasks not finished
	err   error
	halt  bool // stop handing out tasks
	done  chan struct{}
	count atomic.Int64 // tasks finished, for the progress bar
	spans [][]taskstream.Span

	indexOf map[*Node]int32
	ictx    context.Context // the cell's interrupt context
}

// Compute runs the graph that targets need and returns their values, in
// order, with the record of which worker ran what. A node reachable by
// several paths runs once. The first failing task stops the computation;
// its error names the task. An interrupted cell stops it too.
func Compute(targets []*Node, opt Options) ([]any, *taskstream.Stream, error) {
	ictx := interrupt.Context()
	if ictx.Err() != nil {
		return nil, nil, failure.ErrInterrupted
	}
	r := build(targets)
	r.ictx = ictx
	workers := opt.Workers
	if workers < 1 {
		workers = Workers()
	}
	workers = min(workers, max(len(r.tasks), 1))
	r.spans = make([][]taskstream.Span, workers)
	stream := &taskstream.Stream{Title: opt.Label, Workers: workers}
	if len(r.tasks) == 0 {
		return make([]any, len(targets)), stream, nil
	}
	label := opt.Label
	if label == "" {
		label = "compute"
	}
	bar := progress.Start(label, len(r.tasks), func() int { return int(r.count.Load()) })
	var wg sync.WaitGroup
	wg.Add(workers)
	for w := range workers {
		go func() {
			defer wg.Done()
			r.work(w)
		}()
	}
	select {
	case <-r.done:
	case <-ictx.Done():
		r.stop(failure.ErrInterrupted)
	}
	r.mu.Lock()
	err := r.err
	r.mu.Unlock()
	if err == failure.ErrInterrupted {
		bar.Stop()
		return nil, nil, err // the workers stop after their current task
	}
	wg.Wait()
	bar.Stop()
	for _, s := range r.spans {
		stream.Spans = append(stream.Spans, s...)
	}
	if err != nil {
		return nil, stream, err
	}
	out := make([]any, len(targets))
	for i, t := range targets {
		out[i] = r.tasks[r.index(t)].result
	}
	return out, stream, nil
}

// build lays the graph out as tasks in depth-first post-order from the
// targets: every task comes after its inputs, and the inputs of one part of
// the result come close together. The scheduler runs the ready task that
// comes first in this order, so it finishes one chunk's chain of tasks
// before it starts the next chunk, as Dask's ordering does.
func build(targets []*Node) *run {
	index := make(map[*Node]int32)
	var tasks []task
	type frame struct {
		n    *Node
		next int
	}
	var stack []frame
	for _, t := range targets {
		if _, seen := index[t]; seen {
			continue
		}
		index[t] = -1
		stack = append(stack[:0], frame{t, 0})
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			if top.next < len(top.n.Deps) {
				d := top.n.Deps[top.next]
				top.next++
				if _, seen := index[d]; !seen {
					index[d] = -1
					stack = append(stack, frame{d, 0})
				}
				continue
			}
			index[top.n] = int32(len(tasks))
			tasks = append(tasks, task{node: top.n})
			stack = stack[:len(stack)-1]
		}
	}
	for _, t := range targets {
		tasks[index[t]].refs++ // targets are kept to the end
	}
	r := &run{tasks: tasks, left: len(tasks), done: make(chan struct{}), indexOf: index}
	r.cond.L = &r.mu
	for i := range tasks {
		t := &tasks[i]
		if len(t.node.Deps) > 0 {
			t.deps = make([]int32, len(t.node.Deps))
			for j, d := range t.node.Deps {
				t.deps[j] = index[d]
			}
		}
		t.pending = len(t.deps)
		for _, d := range t.deps {
			tasks[d].dependents = append(tasks[d].dependents, int32(i))
			tasks[d].refs++
		}
		if t.pending == 0 {
			r.push(int32(i))
		}
	}
	return r
}

// push adds a ready task to the heap ordered by task index.
func (r *run) push(i int32) {
	h := append(r.ready, i)
	for k := len(h) - 1; k > 0; {
		parent := (k - 1) / 2
		if h[parent] <= h[k] {
			break
		}
		h[parent], h[k] = h[k], h[parent]
		k = parent
	}
	r.ready = h
}

// pop takes the ready task that comes first; the heap is not empty.
func (r *run) pop() int32 {
	h := r.ready
	top := h[0]
	last := len(h) - 1
	h[0] = h[last]
	h = h[:last]
	for k := 0; ; {
		c := 2*k + 1
		if c >= len(h) {
			break
		}
		if c+1 < len(h) && h[c+1] < h[c] {
			c++
		}
		if h[k] <= h[c] {
			break
		}
		h[k], h[c] = h[c], h[k]
		k = c
	}
	r.ready = h
	return top
}

func (r *run) index(n *Node) int32 { return r.indexOf[n] }

func (r *run) work(w int) {
	var in []any
	next := r.take()
	for next >= 0 {
		t := &r.tasks[next]
		in = in[:0]
		for _, d := range t.deps {
			in = append(in, r.tasks[d].result)
		}
		start := taskstream.Now()
		v, err := call(t.node, in)
		end := taskstream.Now()
		clear(in)
		r.spans[w] = append(r.spans[w], taskstream.Span{
			Worker: w, Name: t.node.Key(), Group: t.node.Name, Start: start, End: end, Failed: err != nil,
		})
		if err != nil {
			err = fmt.Errorf("task %s: %w", t.node.Key(), err)
		}
		next = r.finish(next, v, err)
		if next < 0 || (r.ictx != nil && r.ictx.Err() != nil) {
			next = r.take()
		}
	}
}

// call runs one node, turning a panic into its error.
func call(n *Node, in []any) (v any, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = failure.FromPanic(p)
		}
	}()
	return n.Run(in)
}

// take waits for a ready task; -1 when there is nothing more to do.
func (r *run) take() int32 {
	if r.ictx != nil && r.ictx.Err() != nil {
		r.stop(failure.ErrInterrupted)
		return -1
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for len(r.ready) == 0 && !r.halt && r.left > 0 {
		r.cond.Wait()
	}
	if r.halt || len(r.ready) == 0 {
		return -1
	}
	return r.pop()
}

// finish records a result, drops inputs nobody needs any more and releases
// the tasks that were waiting for this one. It returns the ready task that
// comes first for the calling worker to run at once (-1 if none), and
// wakes another worker for each further ready task.
func (r *run) finish(i int32, v any, err error) int32 {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.count.Add(1)
	if r.halt {
		return -1
	}
	if err != nil {
		r.halt = true
		r.err = err
		r.cond.Broadcast()
		close(r.done)
		return -1
	}
	t := &r.tasks[i]
	if t.refs > 0 {
		t.result = v
	}
	for _, d := range t.deps {
		dt := &r.tasks[d]
		if dt.refs--; dt.refs == 0 {
			dt.result = nil
		}
	}
	r.left--
	if r.left == 0 {
		r.cond.Broadcast()
		close(r.done)
		return -1
	}
	released := 0
	for _, d := range t.dependents {
		dt := &r.tasks[d]
		if dt.pending--; dt.pending == 0 {
			r.push(d)
			released++
		}
	}
	if len(r.ready) == 0 {
		return -1
	}
	for range min(released-1, len(r.ready)-1) {
		r.cond.Signal()
	}
	return r.pop()
}

// stop halts the computation with err unless it already ended.
func (r *run) stop(err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.halt || r.left == 0 {
		return
	}
	r.halt = true
	r.err = err
	r.cond.Broadcast()
	close(r.done)
}
