package delayed

import (
	"fmt"
	"sync/atomic"

	"github.com/gopar/gopar/runtime/internal/convert"
	"github.com/gopar/gopar/runtime/internal/failure"
	"github.com/gopar/gopar/runtime/internal/graph"
	"github.com/gopar/gopar/runtime/internal/progress"
	"github.com/gopar/gopar/runtime/internal/taskstream"
)

// Errors a computation can end with, besides the tasks' own.
var (
	ErrInterrupted = failure.ErrInterrupted // the cell was interrupted
)

// PanicError is the error of a task that panicked.
type PanicError = failure.Panic

// Promise is a value that will be computed when asked: a node of a task
// graph, Dask's Delayed. The lesson suffixes such variables with _p.
type Promise struct {
	node   *graph.Node
	stream atomic.Pointer[taskstream.Stream]
}

func newPromise(n *graph.Node) *Promise { return &Promise{node: n} }

// Value is a promise of a value that is already known, drawn as a box.
func Value(v any) *Promise {
	label := fmt.Sprint(v)
	if r := []rune(label); len(r) > 24 {
		label = string(r[:23]) + "…"
	}
	return newPromise(graph.Value(label, v))
}

// Call is Func(fn).Call(args...): `delayed(calc_pi)(N)` in the lesson.
func Call(fn any, args ...any) *Promise { return Func(fn).Call(args...) }

// Gather is a promise of the values of ps, in order, as a []any: it turns a
// list of promises into a promise of a list.
func Gather(ps ...*Promise) *Promise {
	deps := make([]*graph.Node, len(ps))
	for i, p := range ps {
		deps[i] = p.node
	}
	return newPromise(graph.New("gather", func(in []any) (any, error) {
		return append([]any(nil), in...), nil
	}, deps...))
}

// SetWorkers sets how many tasks run at once (by default one per CPU);
// gopar/bag and gopar/array share the setting. n < 1 restores the default.
func SetWorkers(n int) { graph.SetWorkers(n) }

// Workers is how many tasks run at once.
func Workers() int { return graph.Workers() }

// SetProgress turns progress bars on or off (shared with gopar/async,
// gopar/bag and gopar/array); a computation shows one after a second.
func SetProgress(on bool) { progress.SetEnabled(on) }

// Compute runs the graph and returns the value. A node shared by several
// paths runs once; independent nodes run in parallel. If a task fails,
// Compute panics with its error (the cell stops and shows it, as
// `.compute()` raises); ComputeErr returns it instead.
func (p *Promise) Compute() any {
	v, err := p.ComputeErr()
	if err != nil {
		panic(err)
	}
	return v
}

// ComputeErr is Compute returning the error.
func (p *Promise) ComputeErr() (any, error) { return p.compute(0) }

// ComputeWorkers is Compute on n workers: `compute(num_workers=n)`.
func (p *Promise) ComputeWorkers(n int) any {
	v, err := p.compute(n)
	if err != nil {
		panic(err)
	}
	return v
}

func (p *Promise) compute(workers int) (any, error) {
	vals, stream, err := graph.Compute([]*graph.Node{p.node}, graph.Options{Workers: workers, Label: p.node.Key()})
	if stream != nil {
		p.stream.Store(stream)
	}
	if err != nil {
		return nil, err
	}
	return vals[0], nil
}

// ComputeFloat is Compute for a number, as a float64.
func (p *Promise) ComputeFloat() float64 {
	x, err := convert.Float(p.Compute())
	if err != nil {
		panic(fmt.Errorf("ComputeFloat: %w", err))
	}
	return x
}

// ComputeInt is Compute for a whole number, as an int.
func (p *Promise) ComputeInt() int {
	x, err := convert.Int(p.Compute())
	if err != nil {
		panic(fmt.Errorf("ComputeInt: %w", err))
	}
	return x
}

// ComputeFloats is Compute for a slice of numbers, such as a Gather.
func (p *Promise) ComputeFloats() []float64 {
	x, err := convert.Floats(p.Compute())
	if err != nil {
		panic(fmt.Errorf("ComputeFloats: %w", err))
	}
	return x
}

// Compute computes several promises together, so the parts of the graph
// they share run once: `dask.compute(a, b)`. It panics with the first
// task error, like Promise.Compute.
func Compute(ps ...*Promise) []any {
	nodes := make([]*graph.Node, len(ps))
	for i, p := range ps {
		nodes[i] = p.node
	}
	vals, stream, err := graph.Compute(nodes, graph.Options{Label: "compute"})
	if stream != nil {
		for _, p := range ps {
			p.stream.Store(stream)
		}
	}
	if err != nil {
		panic(err)
	}
	return vals
}

// Visualize shows the task graph inline: inputs at the bottom, the result
// on top, calls as ellipses and plain values as boxes.
func (p *Promise) Visualize() { graph.Lay([]*graph.Node{p.node}).Publish() }

// VisualizeSVG is the picture Visualize shows, as SVG text.
func (p *Promise) VisualizeSVG() string { return graph.Lay([]*graph.Node{p.node}).SVG() }

// Visualize shows the graph of several promises together.
func Visualize(ps ...*Promise) {
	nodes := make([]*graph.Node, len(ps))
	for i, p := range ps {
		nodes[i] = p.node
	}
	graph.Lay(nodes).Publish()
}

// TaskStream shows which worker ran which task of the last Compute, and
// when.
func (p *Promise) TaskStream() { p.lastStream().Publish() }

// TaskStreamSVG is the picture TaskStream shows, as SVG text.
func (p *Promise) TaskStreamSVG() string { return p.lastStream().SVG() }

func (p *Promise) lastStream() *taskstream.Stream {
	if s := p.stream.Load(); s != nil {
		return s
	}
	return &taskstream.Stream{Title: "not computed yet"}
}

// Key names the promise's node, like Dask's keys: "add-12".
func (p *Promise) Key() string { return p.node.Key() }

// String prints as Dask prints a Delayed: Delayed('add-12').
func (p *Promise) String() string { return fmt.Sprintf("Delayed('%s')", p.node.Key()) }
