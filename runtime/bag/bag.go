package bag

import (
	"bufio"
	"fmt"
	"os"
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

// Bag is a lazy collection cut into partitions. Each operation adds one
// task per partition to a graph; Compute runs the partitions in parallel.
type Bag struct {
	parts  []*graph.Node // each computes a []any
	stream atomic.Pointer[taskstream.Stream]
}

func newBag(parts []*graph.Node) *Bag { return &Bag{parts: parts} }

// FromSequence cuts items into partitions of nearly equal, contiguous runs
// (partitions < 1: one per worker).
//
//	b := bag.FromSequence([]any{"mary", "had", "a", "little", "lamb"}, 2)
func FromSequence(items []any, partitions int) *Bag {
	items = append([]any(nil), items...) // later changes to the caller's slice do not leak in
	bounds := split(len(items), partitions)
	parts := make([]*graph.Node, len(bounds))
	for i, r := range bounds {
		part := items[r[0]:r[1]:r[1]]
		n := graph.New("from_sequence", func([]any) (any, error) { return part, nil })
		n.Data = true
		parts[i] = n
	}
	return newBag(parts)
}

// FromInts is FromSequence for a []int.
func FromInts(items []int, partitions int) *Bag { return FromSequence(anys(items), partitions) }

// FromFloats is FromSequence for a []float64.
func FromFloats(items []float64, partitions int) *Bag { return FromSequence(anys(items), partitions) }

// FromStrings is FromSequence for a []string.
func FromStrings(items []string, partitions int) *Bag { return FromSequence(anys(items), partitions) }

func anys[T any](xs []T) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

// Range is the bag of the ints 0 … n-1; each partition makes its own
// numbers when computed.
func Range(n, partitions int) *Bag {
	bounds := split(n, partitions)
	parts := make([]*graph.Node, len(bounds))
	for i, r := range bounds {
		parts[i] = graph.New("range", func([]any) (any, error) {
			out := make([]any, 0, r[1]-r[0])
			for k := r[0]; k < r[1]; k++ {
				out = append(out, k)
			}
			return out, nil
		})
		parts[i].Data = true
	}
	return newBag(parts)
}

// ReadText is the bag of the lines of a text file, without their line
// ends: `dask.bag.read_text`.
func ReadText(path string, partitions int) (*Bag, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return FromStrings(lines, partitions), nil
}

// split cuts n items into p runs whose sizes differ by at most one.
func split(n, p int) [][2]int {
	if p < 1 {
		p = graph.Workers()
	}
	p = max(min(p, n), 1)
	out := make([][2]int, p)
	for i := range p {
		out[i] = [2]int{i * n / p, (i + 1) * n / p}
	}
	return out
}

// NPartitions is the number of partitions.
func (b *Bag) NPartitions() int { return len(b.parts) }

// each adds a task per partition that turns it into a new one.
func (b *Bag) each(name string, fn func(part []any) ([]any, error)) *Bag {
	parts := make([]*graph.Node, len(b.parts))
	for i, p := range b.parts {
		parts[i] = graph.New(name, func(in []any) (any, error) { return fn(in[0].([]any)) }, p)
	}
	return newBag(parts)
}

// Map applies fn to every item.
//
//	upper := b.Map(func(x any) any { return strings.ToUpper(x.(string)) })
func (b *Bag) Map(fn func(any) any) *Bag {
	return b.each("map", func(part []any) ([]any, error) {
		out := make([]any, len(part))
		for i, x := range part {
			out[i] = fn(x)
		}
		return out, nil
	})
}

// MapInt is Map for a function of ints.
func (b *Bag) MapInt(fn func(int) int) *Bag {
	return b.each("map", func(part []any) ([]any, error) {
		out := make([]any, len(part))
		for i, x := range part {
			v, err := convert.Int(x)
			if err != nil {
				return nil, err
			}
			out[i] = fn(v)
		}
		return out, nil
	})
}

// MapFloat is Map for a function of float64s.
func (b *Bag) MapFloat(fn func(float64) float64) *Bag {
	return b.each("map", func(part []any) ([]any, error) {
		out := make([]any, len(part))
		for i, x := range part {
			v, err := convert.Float(x)
			if err != nil {
				return nil, err
			}
			out[i] = fn(v)
		}
		return out, nil
	})
}

// MapString is Map for a function of strings, such as strings.ToUpper.
func (b *Bag) MapString(fn func(string) string) *Bag {
	return b.each("map", func(part []any) ([]any, error) {
		out := make([]any, len(part))
		for i, x := range part {
			v, err := convert.String(x)
			if err != nil {
				return nil, err
			}
			out[i] = fn(v)
		}
		return out, nil
	})
}

// Filter keeps the items for which pred is true.
func (b *Bag) Filter(pred func(any) bool) *Bag {
	return b.each("filter", func(part []any) ([]any, error) {
		var out []any
		for _, x := range part {
			if pred(x) {
				out = append(out, x)
			}
		}
		return out, nil
	})
}

// MapPartitions applies fn to each whole partition; fn returns the new
// partition as a slice.
func (b *Bag) MapPartitions(fn func(part []any) any) *Bag {
	return b.each("map_partitions", func(part []any) ([]any, error) {
		return convert.Slice(fn(append([]any(nil), part...)))
	})
}

// Flatten replaces every item, which must be a slice, by its elements.
func (b *Bag) Flatten() *Bag {
	return b.each("flatten", func(part []any) ([]any, error) {
		var out []any
		for _, x := range part {
			xs, err := convert.Slice(x)
			if err != nil {
				return nil, fmt.Errorf("flatten: %w", err)
			}
			out = append(out, xs...)
		}
		return out, nil
	})
}

// Pluck replaces every item by its element at key: a map's value, a
// slice's element (an int key), a struct's field (a string key).
func (b *Bag) Pluck(key any) *Bag {
	return b.each("pluck", func(part []any) ([]any, error) {
		out := make([]any, len(part))
		for i, x := range part {
			v, err := pluck(x, key)
			if err != nil {
				return nil, err
			}
			out[i] = v
		}
		return out, nil
	})
}

// SetWorkers sets how many tasks run at once (by default one per CPU);
// gopar/delayed and gopar/array share the setting. n < 1 restores the
// default.
func SetWorkers(n int) { graph.SetWorkers(n) }

// SetProgress turns progress bars on or off (shared with gopar/async,
// gopar/delayed and gopar/array).
func SetProgress(on bool) { progress.SetEnabled(on) }

// Compute runs the graph and returns all items, partition after partition.
// A failing task makes Compute panic with its error; ComputeErr returns it.
func (b *Bag) Compute() []any {
	v, err := b.ComputeErr()
	if err != nil {
		panic(err)
	}
	return v
}

// ComputeErr is Compute returning the error.
func (b *Bag) ComputeErr() ([]any, error) {
	vals, stream, err := graph.Compute(b.parts, graph.Options{Label: "bag"})
	if stream != nil {
		b.stream.Store(stream)
	}
	if err != nil {
		return nil, err
	}
	var out []any
	for _, v := range vals {
		out = append(out, v.([]any)...)
	}
	return out, nil
}

// ComputeInts is Compute for a bag of whole numbers.
func (b *Bag) ComputeInts() []int {
	x, err := convert.Ints(b.Compute())
	if err != nil {
		panic(fmt.Errorf("ComputeInts: %w", err))
	}
	return x
}

// ComputeFloats is Compute for a bag of numbers.
func (b *Bag) ComputeFloats() []float64 {
	x, err := convert.Floats(b.Compute())
	if err != nil {
		panic(fmt.Errorf("ComputeFloats: %w", err))
	}
	return x
}

// ComputeStrings is Compute for a bag of strings.
func (b *Bag) ComputeStrings() []string {
	x, err := convert.Strings(b.Compute())
	if err != nil {
		panic(fmt.Errorf("ComputeStrings: %w", err))
	}
	return x
}

// Take computes partitions from the first on until it has k items, and
// returns them: a quick look at a big bag.
func (b *Bag) Take(k int) []any {
	var out []any
	for _, p := range b.parts {
		if len(out) >= k {
			break
		}
		vals, _, err := graph.Compute([]*graph.Node{p}, graph.Options{Label: "take"})
		if err != nil {
			panic(err)
		}
		out = append(out, vals[0].([]any)...)
	}
	return out[:min(k, len(out))]
}

// Visualize shows the task graph inline.
func (b *Bag) Visualize() { graph.Lay(b.parts).Publish() }

// VisualizeSVG is the picture Visualize shows, as SVG text.
func (b *Bag) VisualizeSVG() string { return graph.Lay(b.parts).SVG() }

// TaskStream shows which worker ran which task of the last Compute.
func (b *Bag) TaskStream() { lastStream(&b.stream).Publish() }

// TaskStreamSVG is the picture TaskStream shows, as SVG text.
func (b *Bag) TaskStreamSVG() string { return lastStream(&b.stream).SVG() }

func lastStream(p *atomic.Pointer[taskstream.Stream]) *taskstream.Stream {
	if s := p.Load(); s != nil {
		return s
	}
	return &taskstream.Stream{Title: "not computed yet"}
}

// String describes the bag without computing it.
func (b *Bag) String() string {
	return fmt.Sprintf("bag<%s, npartitions=%d>", b.parts[0].Name, len(b.parts))
}
