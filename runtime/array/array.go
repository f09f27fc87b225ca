package array

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"sync"
	"sync/atomic"

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

// DefaultChunk is the chunk length used when a constructor is given a chunk
// of 0: one mebi-element, 8 MiB of float64.
const DefaultChunk = 1 << 20

// Array is a lazy 1-D array of float64, cut into chunks. Operations add one
// task per chunk; nothing is held in memory until a computation needs it,
// and a chunk is dropped as soon as the tasks that read it are done.
type Array struct {
	n, chunk int
	chunks   []*graph.Node // each computes a []float64
}

func newArray(n, chunk int, name string, data bool, make func(i, lo, hi int) []float64) *Array {
	if n < 0 {
		panic(fmt.Sprintf("array: negative length %d", n))
	}
	if chunk < 1 {
		chunk = DefaultChunk
	}
	a := &Array{n: n, chunk: chunk}
	for i, lo := 0, 0; lo < n; i, lo = i+1, lo+chunk {
		hi := min(lo+chunk, n)
		node := graph.New(name, func([]any) (any, error) { return make(i, lo, hi), nil })
		node.Data = data
		a.chunks = append(a.chunks, node)
	}
	return a
}

// Arange is the array 0, 1, …, n-1 in chunks of chunk elements:
// `da.arange(n)`.
//
//	total := array.Arange(10_000_000, 1_000_000).Sum().Compute()
func Arange(n, chunk int) *Array {
	return newArray(n, chunk, "arange", true, func(_, lo, hi int) []float64 {
		out := make([]float64, hi-lo)
		for i := range out {
			out[i] = float64(lo + i)
		}
		return out
	})
}

var (
	seedMu sync.Mutex
	seeds  = rand.New(rand.NewPCG(rand.Uint64(), rand.Uint64()))
)

// Seed makes the random arrays made from now on reproducible.
func Seed(s uint64) {
	seedMu.Lock()
	defer seedMu.Unlock()
	seeds = rand.New(rand.NewPCG(s, s^0x9e3779b97f4a7c15))
}

func nextSeed() uint64 {
	seedMu.Lock()
	defer seedMu.Unlock()
	return seeds.Uint64()
}

// RandomUniform is an array of n numbers drawn uniformly from [lo, hi):
// `da.random.uniform(lo, hi, n)`. Each chunk has its own generator, seeded
// from the array's seed and the chunk's index, so a chunk computed twice
// holds the same numbers.
func RandomUniform(lo, hi float64, n, chunk int) *Array {
	seed := nextSeed()
	return newArray(n, chunk, "uniform", true, func(i, from, to int) []float64 {
		r := rand.New(rand.NewPCG(seed, uint64(i)))
		out := make([]float64, to-from)
		for k := range out {
			out[k] = lo + (hi-lo)*r.Float64()
		}
		return out
	})
}

// FromSlice is an array holding a copy of xs, in chunks.
func FromSlice(xs []float64, chunk int) *Array {
	xs = append([]float64(nil), xs...)
	return newArray(len(xs), chunk, "from_slice", true, func(_, lo, hi int) []float64 { return xs[lo:hi:hi] })
}

// Len is the number of elements.
func (a *Array) Len() int { return a.n }

// ChunkSize is the length of every chunk but perhaps the last.
func (a *Array) ChunkSize() int { return a.chunk }

// NumChunks is the number of chunks.
func (a *Array) NumChunks() int { return len(a.chunks) }

// String describes the array without computing it.
func (a *Array) String() string {
	return fmt.Sprintf("array<%s, len=%d, chunk=%d, nchunks=%d>", a.name(), a.n, a.chunk, len(a.chunks))
}

func (a *Array) name() string {
	if len(a.chunks) == 0 {
		return "empty"
	}
	return a.chunks[0].Name
}

// unary adds a task per chunk computing a new chunk from it.
func (a *Array) unary(name string, fn func(dst, src []float64)) *Array {
	out := &Array{n: a.n, chunk: a.chunk, chunks: make([]*graph.Node, len(a.chunks))}
	for i, c := range a.chunks {
		out.chunks[i] = graph.New(name, func(in []any) (any, error) {
			src := in[0].([]float64)
			dst := make([]float64, len(src))
			fn(dst, src)
			return dst, nil
		}, c)
	}
	return out
}

// binary adds a task per pair of chunks of a and b.
func (a *Array) binary(name string, b *Array, fn func(dst, x, y []float64)) *Array {
	if a.n != b.n || a.chunk != b.chunk {
		panic(fmt.Sprintf("array: %s of arrays of different shapes (len %d chunk %d, len %d chunk %d)", name, a.n, a.chunk, b.n, b.chunk))
	}
	out := &Array{n: a.n, chunk: a.chunk, chunks: make([]*graph.Node, len(a.chunks))}
	for i := range a.chunks {
		out.chunks[i] = graph.New(name, func(in []any) (any, error) {
			x, y := in[0].([]float64), in[1].([]float64)
			dst := make([]float64, len(x))
			fn(dst, x, y)
			return dst, nil
		}, a.chunks[i], b.chunks[i])
	}
	return out
}

// Map applies fn to every element. A compiled method (Add, Mul, Square,
// Less, …) does the same far faster than a function defined in a cell.
func (a *Array) Map(fn func(float64) float64) *Array {
	return a.unary("map", func(dst, src []float64) {
		for i, x := range src {
			dst[i] = fn(x)
		}
	})
}

// Add is a + b, element by element.
func (a *Array) Add(b *Array) *Array {
	return a.binary("add", b, func(d, x, y []float64) {
		for i := range d {
			d[i] = x[i] + y[i]
		}
	})
}

// Sub is a - b, element by element.
func (a *Array) Sub(b *Array) *Array {
	return a.binary("sub", b, func(d, x, y []float64) {
		for i := range d {
			d[i] = x[i] - y[i]
		}
	})
}

// Mul is a * b, element by element.
func (a *Array) Mul(b *Array) *Array {
	return a.binary("mul", b, func(d, x, y []float64) {
		for i := range d {
			d[i] = x[i] * y[i]
		}
	})
}

// Div is a / b, element by element.
func (a *Array) Div(b *Array) *Array {
	return a.binary("div", b, func(d, x, y []float64) {
		for i := range d {
			d[i] = x[i] / y[i]
		}
	})
}

// Scale is k * a.
func (a *Array) Scale(k float64) *Array {
	return a.unary("scale", func(d, s []float64) {
		for i, x := range s {
			d[i] = k * x
		}
	})
}

// Shift is a + k.
func (a *Array) Shift(k float64) *Array {
	return a.unary("shift", func(d, s []float64) {
		for i, x := range s {
			d[i] = x + k
		}
	})
}

// Square is a², `pts**2`.
func (a *Array) Square() *Array {
	return a.unary("square", func(d, s []float64) {
		for i, x := range s {
			d[i] = x * x
		}
	})
}

// Pow is a raised to p.
func (a *Array) Pow(p float64) *Array {
	return a.unary("pow", func(d, s []float64) {
		for i, x := range s {
			d[i] = math.Pow(x, p)
		}
	})
}

// Sqrt is the square root of every element.
func (a *Array) Sqrt() *Array {
	return a.unary("sqrt", func(d, s []float64) {
		for i, x := range s {
			d[i] = math.Sqrt(x)
		}
	})
}

// Less is 1 where an element is below v and 0 elsewhere: `x < v`.
func (a *Array) Less(v float64) *Array {
	return a.unary("less", func(d, s []float64) {
		for i, x := range s {
			d[i] = b2f(x < v)
		}
	})
}

// Greater is 1 where an element is above v and 0 elsewhere: `x > v`.
func (a *Array) Greater(v float64) *Array {
	return a.unary("greater", func(d, s []float64) {
		for i, x := range s {
			d[i] = b2f(x > v)
		}
	})
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// SetWorkers sets how many tasks run at once (by default one per CPU);
// gopar/delayed and gopar/bag share the setting. n < 1 restores the
// default.
func SetWorkers(n int) { graph.SetWorkers(n) }

// SetProgress turns progress bars on or off (shared with gopar/async,
// gopar/delayed and gopar/bag).
func SetProgress(on bool) { progress.SetEnabled(on) }

// Compute computes the whole array into one slice; its memory is that of
// the whole array. A failing task makes it panic with the task's error.
func (a *Array) Compute() []float64 {
	vals, _, err := graph.Compute(a.chunks, graph.Options{Label: a.name()})
	if err != nil {
		panic(err)
	}
	out := make([]float64, 0, a.n)
	for _, v := range vals {
		out = append(out, v.([]float64)...)
	}
	return out
}

// Visualize shows the task graph of the array inline.
func (a *Array) Visualize() { graph.Lay(a.chunks).Publish() }

// VisualizeSVG is the picture Visualize shows, as SVG text.
func (a *Array) VisualizeSVG() string { return graph.Lay(a.chunks).SVG() }

// Scalar is a lazy number computed from an array, such as its sum.
type Scalar struct {
	node   *graph.Node
	stream atomic.Pointer[taskstream.Stream]
}

// reduce adds a task per chunk and one combining their results.
func (a *Array) reduce(name string, perChunk func([]float64) float64, combine func([]float64) (float64, error)) *Scalar {
	parts := make([]*graph.Node, len(a.chunks))
	for i, c := range a.chunks {
		parts[i] = graph.New(name+"-chunk", func(in []any) (any, error) { return perChunk(in[0].([]float64)), nil }, c)
	}
	return &Scalar{node: graph.New(name, func(in []any) (any, error) {
		rs := make([]float64, len(in))
		for i, r := range in {
			rs[i] = r.(float64)
		}
		return combine(rs)
	}, parts...)}
}

func total(xs []float64) (float64, error) {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s, nil
}

// Sum is the sum of the elements: `da.arange(n).sum()`.
func (a *Array) Sum() *Scalar {
	return a.reduce("sum", func(c []float64) float64 { s, _ := total(c); return s }, total)
}

// Mean is the mean of the elements.
func (a *Array) Mean() *Scalar {
	n := float64(a.n)
	return a.reduce("mean", func(c []float64) float64 { s, _ := total(c); return s }, func(sums []float64) (float64, error) {
		if n == 0 {
			return 0, errors.New("mean of an empty array")
		}
		s, _ := total(sums)
		return s / n, nil
	})
}

// Min is the smallest element.
func (a *Array) Min() *Scalar { return a.extreme("min", math.Min) }

// Max is the largest element.
func (a *Array) Max() *Scalar { return a.extreme("max", math.Max) }

func (a *Array) extreme(name string, pick func(x, y float64) float64) *Scalar {
	fold := func(xs []float64) float64 {
		if len(xs) == 0 {
			return math.NaN()
		}
		m := xs[0]
		for _, x := range xs[1:] {
			m = pick(m, x)
		}
		return m
	}
	return a.reduce(name, fold, func(ms []float64) (float64, error) {
		if len(ms) == 0 {
			return 0, fmt.Errorf("%s of an empty array", name)
		}
		return fold(ms), nil
	})
}

// CountNonzero is the number of elements that are not zero:
// `da.count_nonzero`.
func (a *Array) CountNonzero() *Scalar {
	return a.reduce("count_nonzero", func(c []float64) float64 {
		n := 0
		for _, x := range c {
			if x != 0 {
				n++
			}
		}
		return float64(n)
	}, total)
}

// CountIf is the number of elements for which pred is true.
func (a *Array) CountIf(pred func(float64) bool) *Scalar {
	return a.reduce("count_if", func(c []float64) float64 {
		n := 0
		for _, x := range c {
			if pred(x) {
				n++
			}
		}
		return float64(n)
	}, total)
}

// Compute runs the graph and returns the number; a failing task makes it
// panic with the task's error, ComputeErr returns it.
func (s *Scalar) Compute() float64 {
	v, err := s.ComputeErr()
	if err != nil {
		panic(err)
	}
	return v
}

// ComputeErr is Compute returning the error.
func (s *Scalar) ComputeErr() (float64, error) { return s.compute(0) }

// ComputeWorkers is Compute on n workers: `.compute(num_workers=n)`.
func (s *Scalar) ComputeWorkers(n int) float64 {
	v, err := s.compute(n)
	if err != nil {
		panic(err)
	}
	return v
}

// ComputeInt is Compute for a count, as an int.
func (s *Scalar) ComputeInt() int { return int(math.Round(s.Compute())) }

func (s *Scalar) compute(workers int) (float64, error) {
	vals, stream, err := graph.Compute([]*graph.Node{s.node}, graph.Options{Workers: workers, Label: s.node.Name})
	if stream != nil {
		s.stream.Store(stream)
	}
	if err != nil {
		return 0, err
	}
	return vals[0].(float64), nil
}

// Visualize shows the task graph inline.
func (s *Scalar) Visualize() { graph.Lay([]*graph.Node{s.node}).Publish() }

// VisualizeSVG is the picture Visualize shows, as SVG text.
func (s *Scalar) VisualizeSVG() string { return graph.Lay([]*graph.Node{s.node}).SVG() }

// TaskStream shows which worker ran which task of the last Compute.
func (s *Scalar) TaskStream() { s.lastStream().Publish() }

// TaskStreamSVG is the picture TaskStream shows, as SVG text.
func (s *Scalar) TaskStreamSVG() string { return s.lastStream().SVG() }

func (s *Scalar) lastStream() *taskstream.Stream {
	if st := s.stream.Load(); st != nil {
		return st
	}
	return &taskstream.Stream{Title: "not computed yet"}
}

// String describes the scalar without computing it.
func (s *Scalar) String() string { return fmt.Sprintf("array.Scalar<%s>", s.node.Key()) }
