package bag

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// partitionCounts covers one partition, a few, and more partitions than
// items (which makes as many as there are items).
var partitionCounts = []int{1, 2, 3, 7, 1000}

func randomInts(n int) []int {
	r := rand.New(rand.NewPCG(1, 2))
	xs := make([]int, n)
	for i := range xs {
		xs[i] = r.IntN(50) - 10
	}
	return xs
}

var words = strings.Fields(`it was the best of times it was the worst of times it was the age of
wisdom it was the age of foolishness it was the epoch of belief it was the epoch of incredulity`)

func TestOperationsMatchPlainLoops(t *testing.T) {
	xs := randomInts(500)
	square := func(x any) any { return x.(int) * x.(int) }
	even := func(x any) bool { return x.(int)%2 == 0 }

	var squares, evens []any
	sum, sumSq := 0, 0
	lo, hi := xs[0], xs[0]
	for _, x := range xs {
		squares = append(squares, x*x)
		if x%2 == 0 {
			evens = append(evens, x)
		}
		sum += x
		sumSq += x * x
		lo, hi = min(lo, x), max(hi, x)
	}
	var distinct []any
	seen := map[int]bool{}
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			distinct = append(distinct, x)
		}
	}
	for _, p := range partitionCounts {
		b := FromInts(xs, p)
		tests := []struct {
			name string
			got  any
			want any
		}{
			{"compute", b.ComputeInts(), xs},
			{"map", b.Map(square).Compute(), squares},
			{"filter", b.Filter(even).Compute(), evens},
			{"sum", b.Sum().Compute(), sum},
			{"sum of squares", b.MapInt(func(x int) int { return x * x }).Sum().ComputeInt(), sumSq},
			{"count", b.Count().ComputeInt(), len(xs)},
			{"count after filter", b.Filter(even).Count().ComputeInt(), len(evens)},
			{"mean", b.Mean().ComputeFloat(), float64(sum) / float64(len(xs))},
			{"min", b.Min().Compute(), lo},
			{"max", b.Max().Compute(), hi},
			{"distinct", b.Distinct().Compute(), distinct},
			{"fold", b.Fold(func(acc, x any) any { return acc.(int) + x.(int) }, 0).ComputeInt(), sum},
			{"fold without initial", b.Fold(func(acc, x any) any { return max(acc.(int), x.(int)) }, nil).ComputeInt(), hi},
			{"reduction", b.Reduction(Total, Total).ComputeInt(), sum},
			{"range", Range(len(xs), p).ComputeInts(), func() []int {
				r := make([]int, len(xs))
				for i := range r {
					r[i] = i
				}
				return r
			}()},
			{"float sum", FromFloats([]float64{0.5, 1, 1.5}, p).Sum().Compute(), 3.0},
		}
		for _, tt := range tests {
			t.Run(fmt.Sprintf("%s/%d partitions", tt.name, p), func(t *testing.T) {
				if !reflect.DeepEqual(tt.got, tt.want) {
					t.Errorf("got %v, want %v", tt.got, tt.want)
				}
			})
		}
	}
}

func TestWordOperations(t *testing.T) {
	counts := map[string]int{}
	var order []string
	chars := 0
	for _, w := range words {
		if counts[w] == 0 {
			order = append(order, w)
		}
		counts[w]++
		chars += len(w)
	}
	for _, p := range partitionCounts {
		b := FromStrings(words, p)
		t.Run(fmt.Sprintf("%d partitions", p), func(t *testing.T) {
			freqs := b.Frequencies().Compute()
			if len(freqs) != len(counts) {
				t.Fatalf("%d distinct words, want %d", len(freqs), len(counts))
			}
			for i, f := range freqs {
				pair := f.(Pair)
				if counts[pair.Key.(string)] != pair.Value.(int) {
					t.Errorf("%v, want count %d", pair, counts[pair.Key.(string)])
				}
				if i > 0 && freqs[i-1].(Pair).Value.(int) < pair.Value.(int) {
					t.Errorf("not most frequent first: %v before %v", freqs[i-1], pair)
				}
			}
			groups := b.GroupBy(func(x any) any { return len(x.(string)) }).Compute()
			total := 0
			for _, g := range groups {
				pair := g.(Pair)
				for _, w := range pair.Value.([]any) {
					if len(w.(string)) != pair.Key.(int) {
						t.Errorf("%q in the group of length %v", w, pair.Key)
					}
					total++
				}
			}
			if total != len(words) {
				t.Errorf("groups hold %d words, want %d", total, len(words))
			}
			countChars := func(part []any) any {
				n := 0
				for _, w := range part {
					n += len(w.(string))
				}
				return n
			}
			if got := b.Reduction(countChars, Total).ComputeInt(); got != chars {
				t.Errorf("count_chars = %d, want %d", got, chars)
			}
			upper := b.MapString(strings.ToUpper).ComputeStrings()
			if strings.Join(upper, " ") != strings.ToUpper(strings.Join(words, " ")) {
				t.Errorf("upper = %v", upper)
			}
			distinct := b.Distinct().ComputeStrings()
			if !reflect.DeepEqual(distinct, order) {
				t.Errorf("distinct = %v, want %v", distinct, order)
			}
		})
	}
}

type record struct {
	Name string
	Age  int
}

func TestFlattenAndPluck(t *testing.T) {
	nested := []any{[]any{1, 2}, []int{3}, []any{}, []any{4, 5, 6}}
	records := []any{
		map[string]any{"name": "Alice", "age": 31},
		map[string]any{"name": "Bob", "age": 27},
	}
	structs := []any{record{"Alice", 31}, &record{"Bob", 27}}
	pairs := []any{[]any{"x", 1}, []string{"y", "2"}}
	for _, p := range partitionCounts {
		tests := []struct {
			name string
			got  []any
			want []any
		}{
			{"flatten", FromSequence(nested, p).Flatten().Compute(), []any{1, 2, 3, 4, 5, 6}},
			{"pluck map", FromSequence(records, p).Pluck("name").Compute(), []any{"Alice", "Bob"}},
			{"pluck struct", FromSequence(structs, p).Pluck("Age").Compute(), []any{31, 27}},
			{"pluck index", FromSequence(pairs, p).Pluck(0).Compute(), []any{"x", "y"}},
		}
		for _, tt := range tests {
			t.Run(fmt.Sprintf("%s/%d", tt.name, p), func(t *testing.T) {
				if !reflect.DeepEqual(tt.got, tt.want) {
					t.Errorf("got %v, want %v", tt.got, tt.want)
				}
			})
		}
	}
}

func TestMapPartitions(t *testing.T) {
	lens := FromInts(randomInts(10), 3).MapPartitions(func(part []any) any { return []int{len(part)} })
	if got := lens.ComputeInts(); !reflect.DeepEqual(got, []int{3, 3, 4}) {
		t.Errorf("partition sizes %v, want [3 3 4]", got)
	}
}

func TestErrors(t *testing.T) {
	b := FromSequence([]any{1, "two", 3}, 2)
	tests := []struct {
		name string
		run  func() (any, error)
		want string
	}{
		{"sum of a string", func() (any, error) { return b.Sum().ComputeErr() }, "string is not a number"},
		{"panic in map", func() (any, error) {
			return b.Map(func(x any) any { return x.(int) + 1 }).ComputeErr()
		}, "panic: interface conversion"},
		{"pluck a missing key", func() (any, error) {
			return FromSequence([]any{map[string]any{"a": 1}}, 1).Pluck("b").ComputeErr()
		}, `no key "b"`},
		// Every element an int: which partition fails first varies.
		{"flatten a number", func() (any, error) { return FromSequence([]any{1, 2, 3}, 2).Flatten().ComputeErr() }, "int is not a slice"},
		{"mean of nothing", func() (any, error) {
			return FromInts(nil, 1).Mean().ComputeErr()
		}, "mean of an empty bag"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := tt.run()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got (%v, %v), want an error with %q", v, err, tt.want)
			}
		})
	}
	_, err := b.Map(func(x any) any { panic("no") }).ComputeErr()
	var p *PanicError
	if !errors.As(err, &p) {
		t.Errorf("%v is not a *PanicError", err)
	}
}

func TestPartitionsRunInParallel(t *testing.T) {
	defer SetWorkers(0)
	SetWorkers(2)
	var started atomic.Int64
	meet := func(x any) any {
		started.Add(1)
		deadline := time.Now().Add(5 * time.Second)
		for started.Load() < 2 && time.Now().Before(deadline) {
			time.Sleep(100 * time.Microsecond)
		}
		return started.Load() >= 2
	}
	got := FromInts([]int{1, 2}, 2).Map(meet).Compute()
	if !reflect.DeepEqual(got, []any{true, true}) {
		t.Errorf("the two partitions did not run at once: %v", got)
	}
}

func TestReadTextAndTake(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lines.txt")
	if err := os.WriteFile(path, []byte("one\ntwo\nthree\nfour\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := ReadText(path, 2)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.Take(3); !reflect.DeepEqual(got, []any{"one", "two", "three"}) {
		t.Errorf("Take(3) = %v", got)
	}
	if _, err := ReadText(filepath.Join(t.TempDir(), "missing"), 2); err == nil {
		t.Error("no error for a missing file")
	}
}

func TestPictures(t *testing.T) {
	b := FromStrings(words, 3).MapString(strings.ToUpper)
	sum := b.Count()
	svg := sum.VisualizeSVG()
	for what, want := range map[string]int{">from_sequence<": 3, ">map<": 3, ">count-part<": 3, ">count-aggregate<": 1} {
		if n := strings.Count(svg, what); n != want {
			t.Errorf("%d %q in the graph, want %d", n, what, want)
		}
	}
	sum.Compute()
	if n := strings.Count(sum.TaskStreamSVG(), "<title>"); n != 10 {
		t.Errorf("task stream shows %d tasks, want 10", n)
	}
	if b.String() != "bag<map, npartitions=3>" {
		t.Errorf("String() = %s", b)
	}
}
