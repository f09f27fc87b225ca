package bag

import (
	"errors"
	"fmt"
	"reflect"
	"sort"
	"sync/atomic"

	"github.com/gopar/gopar/runtime/internal/convert"
	"github.com/gopar/gopar/runtime/internal/graph"
	"github.com/gopar/gopar/runtime/internal/taskstream"
)

// Item is a single lazy value computed from a bag, such as its sum.
type Item struct {
	node   *graph.Node
	stream atomic.Pointer[taskstream.Stream]
}

// reduce adds a task per partition and one that combines their results:
// the shape of every reduction, drawn as a fan-in.
func (b *Bag) reduce(name string, perPart func(part []any) (any, error), combine func(results []any) (any, error)) *graph.Node {
	parts := make([]*graph.Node, len(b.parts))
	for i, p := range b.parts {
		parts[i] = graph.New(name+"-part", func(in []any) (any, error) { return perPart(in[0].([]any)) }, p)
	}
	return graph.New(name+"-aggregate", func(in []any) (any, error) {
		return combine(append([]any(nil), in...))
	}, parts...)
}

func (b *Bag) item(name string, perPart func([]any) (any, error), combine func([]any) (any, error)) *Item {
	return &Item{node: b.reduce(name, perPart, combine)}
}

// whole makes a one-partition bag from a reduction whose result is a slice.
func (b *Bag) whole(name string, perPart func([]any) (any, error), combine func([]any) (any, error)) *Bag {
	return newBag([]*graph.Node{b.reduce(name, perPart, combine)})
}

// Reduction reduces each partition with perPartition, then the list of
// their results with aggregate: the lesson's
// `bag.reduction(count_chars, sum)`.
func (b *Bag) Reduction(perPartition func(part []any) any, aggregate func(results []any) any) *Item {
	return b.item("reduction",
		func(part []any) (any, error) { return perPartition(append([]any(nil), part...)), nil },
		func(rs []any) (any, error) { return aggregate(rs), nil })
}

// Fold folds the items with binop(acc, item), starting each partition from
// initial, then folds the partitions' results with binop too. With a nil
// initial, each partition starts from its first item.
func (b *Bag) Fold(binop func(acc, x any) any, initial any) *Item {
	return b.FoldWith(binop, binop, initial)
}

// FoldWith is Fold where the partitions' results are combined with
// combine, for when the accumulator's type is not the items' type.
func (b *Bag) FoldWith(binop, combine func(acc, x any) any, initial any) *Item {
	fold := func(op func(acc, x any) any, xs []any) (any, bool) {
		acc, started := initial, initial != nil
		for _, x := range xs {
			if !started {
				acc, started = x, true
				continue
			}
			acc = op(acc, x)
		}
		return acc, started
	}
	type partial struct {
		acc any
		ok  bool
	}
	return b.item("fold",
		func(part []any) (any, error) {
			acc, ok := fold(binop, part)
			return partial{acc, ok}, nil
		},
		func(rs []any) (any, error) {
			var accs []any
			for _, r := range rs {
				if p := r.(partial); p.ok {
					accs = append(accs, p.acc)
				}
			}
			acc, ok := fold(combine, accs)
			if !ok {
				return nil, errors.New("fold of an empty bag without an initial value")
			}
			return acc, nil
		})
}

// number adds numbers of any kind, staying an int while every one is.
type number struct {
	i       int64
	f       float64
	isFloat bool
}

func (n *number) add(x any) error {
	switch v := x.(type) {
	case int:
		n.i += int64(v)
		return nil
	case float64:
		n.f += v
		n.isFloat = true
		return nil
	}
	rv := reflect.ValueOf(x)
	switch {
	case rv.CanInt():
		n.i += rv.Int()
	case rv.CanUint():
		n.i += int64(rv.Uint())
	case rv.CanFloat():
		n.f += rv.Float()
		n.isFloat = true
	default:
		return fmt.Errorf("%T is not a number", x)
	}
	return nil
}

func (n number) value() any {
	if n.isFloat {
		return float64(n.i) + n.f
	}
	return int(n.i)
}

// Total adds numbers, an int if all are ints, else a float64: the `sum` to
// pass to Reduction as its aggregate.
func Total(xs []any) any {
	var n number
	for _, x := range xs {
		if err := n.add(x); err != nil {
			panic(err)
		}
	}
	return n.value()
}

// Sum is the sum of the items: an int if all are ints, else a float64.
func (b *Bag) Sum() *Item {
	return b.item("sum",
		func(part []any) (any, error) {
			var n number
			for _, x := range part {
				if err := n.add(x); err != nil {
					return nil, err
				}
			}
			return n, nil
		},
		func(rs []any) (any, error) {
			var total number
			for _, r := range rs {
				n := r.(number)
				total.i += n.i
				total.f += n.f
				total.isFloat = total.isFloat || n.isFloat
			}
			return total.value(), nil
		})
}

// Count is the number of items.
func (b *Bag) Count() *Item {
	return b.item("count",
		func(part []any) (any, error) { return len(part), nil },
		func(rs []any) (any, error) {
			n := 0
			for _, r := range rs {
				n += r.(int)
			}
			return n, nil
		})
}

// Mean is the mean of the items, as a float64.
func (b *Bag) Mean() *Item {
	type partial struct {
		sum float64
		n   int
	}
	return b.item("mean",
		func(part []any) (any, error) {
			var p partial
			for _, x := range part {
				f, err := convert.Float(x)
				if err != nil {
					return nil, err
				}
				p.sum += f
			}
			p.n = len(part)
			return p, nil
		},
		func(rs []any) (any, error) {
			var t partial
			for _, r := range rs {
				p := r.(partial)
				t.sum += p.sum
				t.n += p.n
			}
			if t.n == 0 {
				return nil, errors.New("mean of an empty bag")
			}
			return t.sum / float64(t.n), nil
		})
}

// Min is the smallest item (items are numbers).
func (b *Bag) Min() *Item { return b.extreme("min", func(a, b float64) bool { return a < b }) }

// Max is the largest item (items are numbers).
func (b *Bag) Max() *Item { return b.extreme("max", func(a, b float64) bool { return a > b }) }

func (b *Bag) extreme(name string, better func(a, b float64) bool) *Item {
	pick := func(xs []any) (any, error) {
		var best any
		var bf float64
		for _, x := range xs {
			if x == nil {
				continue // an empty partition
			}
			f, err := convert.Float(x)
			if err != nil {
				return nil, err
			}
			if best == nil || better(f, bf) {
				best, bf = x, f
			}
		}
		return best, nil
	}
	return b.item(name, pick, func(rs []any) (any, error) {
		v, err := pick(rs)
		if err == nil && v == nil {
			err = fmt.Errorf("%s of an empty bag", name)
		}
		return v, err
	})
}

// Pair is a key with its value: an item of Frequencies and GroupBy.
type Pair struct {
	Key   any
	Value any
}

// String prints a pair the way Python prints a tuple.
func (p Pair) String() string { return fmt.Sprintf("(%v, %v)", p.Key, p.Value) }

// counts keeps counts in the order keys were first met.
type counts struct {
	keys []any
	n    map[any]int
}

func (c *counts) add(k any, n int) {
	if c.n == nil {
		c.n = map[any]int{}
	}
	if _, ok := c.n[k]; !ok {
		c.keys = append(c.keys, k)
	}
	c.n[k] += n
}

// Frequencies is the bag of Pair{item, count}, most frequent first (ties
// in the order first met), in one partition.
func (b *Bag) Frequencies() *Bag {
	return b.whole("frequencies",
		func(part []any) (any, error) {
			var c counts
			for _, x := range part {
				c.add(x, 1)
			}
			return &c, nil
		},
		func(rs []any) (any, error) {
			var total counts
			for _, r := range rs {
				c := r.(*counts)
				for _, k := range c.keys {
					total.add(k, c.n[k])
				}
			}
			out := make([]any, len(total.keys))
			for i, k := range total.keys {
				out[i] = Pair{k, total.n[k]}
			}
			sort.SliceStable(out, func(i, j int) bool { return out[i].(Pair).Value.(int) > out[j].(Pair).Value.(int) })
			return out, nil
		})
}

// Distinct is the bag of the items without repeats, in the order first
// met, in one partition.
func (b *Bag) Distinct() *Bag {
	return b.whole("distinct",
		func(part []any) (any, error) {
			var c counts
			for _, x := range part {
				c.add(x, 1)
			}
			return c.keys, nil
		},
		func(rs []any) (any, error) {
			var c counts
			for _, r := range rs {
				for _, k := range r.([]any) {
					c.add(k, 1)
				}
			}
			if c.keys == nil {
				return []any{}, nil
			}
			return c.keys, nil
		})
}

// GroupBy is the bag of Pair{key, items with that key}, keys in the order
// first met, in one partition.
func (b *Bag) GroupBy(key func(any) any) *Bag {
	type groups struct {
		keys  []any
		items map[any][]any
	}
	collect := func(g *groups, k any, xs ...any) {
		if g.items == nil {
			g.items = map[any][]any{}
		}
		if _, ok := g.items[k]; !ok {
			g.keys = append(g.keys, k)
		}
		g.items[k] = append(g.items[k], xs...)
	}
	return b.whole("groupby",
		func(part []any) (any, error) {
			var g groups
			for _, x := range part {
				collect(&g, key(x), x)
			}
			return &g, nil
		},
		func(rs []any) (any, error) {
			var all groups
			for _, r := range rs {
				g := r.(*groups)
				for _, k := range g.keys {
					collect(&all, k, g.items[k]...)
				}
			}
			out := make([]any, len(all.keys))
			for i, k := range all.keys {
				out[i] = Pair{k, all.items[k]}
			}
			return out, nil
		})
}

// pluck is x[key] for maps, slices and structs.
func pluck(x, key any) (any, error) {
	if m, ok := x.(map[string]any); ok {
		if k, ok := key.(string); ok {
			v, found := m[k]
			if !found {
				return nil, fmt.Errorf("pluck: no key %q", k)
			}
			return v, nil
		}
	}
	rv := reflect.ValueOf(x)
	for rv.Kind() == reflect.Pointer && !rv.IsNil() {
		rv = rv.Elem()
	}
	switch rv.Kind() {
	case reflect.Map:
		k, err := convert.To(key, rv.Type().Key())
		if err != nil {
			return nil, fmt.Errorf("pluck: %w", err)
		}
		v := rv.MapIndex(k)
		if !v.IsValid() {
			return nil, fmt.Errorf("pluck: no key %v", key)
		}
		return v.Interface(), nil
	case reflect.Slice, reflect.Array, reflect.String:
		i, err := convert.Int(key)
		if err != nil {
			return nil, fmt.Errorf("pluck: index: %w", err)
		}
		if i < 0 || i >= rv.Len() {
			return nil, fmt.Errorf("pluck: index %d out of range [0:%d]", i, rv.Len())
		}
		return rv.Index(i).Interface(), nil
	case reflect.Struct:
		name, ok := key.(string)
		if !ok {
			return nil, fmt.Errorf("pluck: a struct field needs a string key, not %T", key)
		}
		f := rv.FieldByName(name)
		if !f.IsValid() {
			// The interpreter exports a cell's unexported fields as X<name>.
			f = rv.FieldByName("X" + name)
		}
		if !f.IsValid() {
			return nil, fmt.Errorf("pluck: %v has no field %s", rv.Type(), name)
		}
		if !f.CanInterface() {
			return nil, fmt.Errorf("pluck: field %s is unexported", name)
		}
		return f.Interface(), nil
	}
	return nil, fmt.Errorf("pluck: cannot index %T", x)
}

// Apply is a lazy fn(item): Dask's Item.apply.
func (it *Item) Apply(fn func(any) any) *Item {
	return &Item{node: graph.New("apply", func(in []any) (any, error) { return fn(in[0]), nil }, it.node)}
}

// Compute runs the graph and returns the value; a failing task makes it
// panic with the task's error, ComputeErr returns it.
func (it *Item) Compute() any {
	v, err := it.ComputeErr()
	if err != nil {
		panic(err)
	}
	return v
}

// ComputeErr is Compute returning the error.
func (it *Item) ComputeErr() (any, error) {
	vals, stream, err := graph.Compute([]*graph.Node{it.node}, graph.Options{Label: it.node.Name})
	if stream != nil {
		it.stream.Store(stream)
	}
	if err != nil {
		return nil, err
	}
	return vals[0], nil
}

// ComputeFloat is Compute for a number, as a float64.
func (it *Item) ComputeFloat() float64 {
	x, err := convert.Float(it.Compute())
	if err != nil {
		panic(fmt.Errorf("ComputeFloat: %w", err))
	}
	return x
}

// ComputeInt is Compute for a whole number, as an int.
func (it *Item) ComputeInt() int {
	x, err := convert.Int(it.Compute())
	if err != nil {
		panic(fmt.Errorf("ComputeInt: %w", err))
	}
	return x
}

// Visualize shows the task graph inline.
func (it *Item) Visualize() { graph.Lay([]*graph.Node{it.node}).Publish() }

// VisualizeSVG is the picture Visualize shows, as SVG text.
func (it *Item) VisualizeSVG() string { return graph.Lay([]*graph.Node{it.node}).SVG() }

// TaskStream shows which worker ran which task of the last Compute.
func (it *Item) TaskStream() { lastStream(&it.stream).Publish() }

// TaskStreamSVG is the picture TaskStream shows, as SVG text.
func (it *Item) TaskStreamSVG() string { return lastStream(&it.stream).SVG() }

// String describes the item without computing it.
func (it *Item) String() string { return fmt.Sprintf("bag.Item<%s>", it.node.Key()) }
