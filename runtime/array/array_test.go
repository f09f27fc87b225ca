package array

import (
	"fmt"
	"math"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestResultsMatchPlainLoops(t *testing.T) {
	for _, c := range []struct{ n, chunk int }{{0, 4}, {1, 4}, {10, 3}, {1000, 1000}, {1000, 7}, {100_001, 10_000}} {
		xs := make([]float64, c.n)
		for i := range xs {
			xs[i] = float64(i)
		}
		var sum, sumSq, less float64
		for _, x := range xs {
			sum += x
			sumSq += x * x
			if math.Sqrt(x) < 10 {
				less++
			}
		}
		a := Arange(c.n, c.chunk)
		tests := []struct {
			name      string
			got, want float64
		}{
			{"sum", a.Sum().Compute(), sum},
			{"sum of squares", a.Mul(a).Sum().Compute(), sumSq},
			{"square", a.Square().Sum().Compute(), sumSq},
			{"map", a.Map(func(x float64) float64 { return x * x }).Sum().Compute(), sumSq},
			{"pow", a.Pow(2).Sum().Compute(), sumSq},
			{"add sub", a.Add(a).Sub(a).Sum().Compute(), sum},
			{"scale shift", a.Scale(2).Shift(-1).Sum().Compute(), 2*sum - float64(c.n)},
			{"count less", a.Sqrt().Less(10).CountNonzero().Compute(), less},
			{"count if", a.CountIf(func(x float64) bool { return math.Sqrt(x) < 10 }).Compute(), less},
			{"greater", a.Greater(4.5).CountNonzero().Compute(), math.Max(0, float64(c.n)-5)},
			{"from slice", FromSlice(xs, c.chunk).Sum().Compute(), sum},
		}
		if c.n > 0 {
			tests = append(tests,
				struct {
					name      string
					got, want float64
				}{"mean", a.Mean().Compute(), sum / float64(c.n)},
				struct {
					name      string
					got, want float64
				}{"min", a.Shift(3).Min().Compute(), 3},
				struct {
					name      string
					got, want float64
				}{"max", a.Max().Compute(), float64(c.n - 1)},
				struct {
					name      string
					got, want float64
				}{"div", a.Shift(1).Div(a.Shift(1)).Sum().Compute(), float64(c.n)},
			)
		}
		for _, tt := range tests {
			t.Run(fmt.Sprintf("%s/n=%d chunk=%d", tt.name, c.n, c.chunk), func(t *testing.T) {
				if tt.got != tt.want {
					t.Errorf("got %v, want %v", tt.got, tt.want)
				}
			})
		}
		if got := a.Compute(); len(got) != c.n || (c.n > 0 && got[c.n-1] != float64(c.n-1)) {
			t.Errorf("n=%d: Compute gave %d elements", c.n, len(got))
		}
		if want := (c.n + c.chunk - 1) / c.chunk; a.NumChunks() != want {
			t.Errorf("n=%d chunk=%d: %d chunks, want %d", c.n, c.chunk, a.NumChunks(), want)
		}
	}
}

func TestRandomUniform(t *testing.T) {
	Seed(7)
	const n = 200_000
	x := RandomUniform(-1, 1, n, 30_000)
	vals := x.Compute()
	lo, hi, sum := 1.0, -1.0, 0.0
	for _, v := range vals {
		lo, hi, sum = min(lo, v), max(hi, v), sum+v
	}
	if lo < -1 || hi >= 1 || math.Abs(sum/n) > 0.01 {
		t.Errorf("range [%v, %v], mean %v: not uniform on [-1, 1)", lo, hi, sum/n)
	}
	if again := x.Compute(); again[n-1] != vals[n-1] || again[0] != vals[0] {
		t.Error("a random array changed between computations")
	}
	y := RandomUniform(-1, 1, n, 30_000)
	if y.Compute()[0] == vals[0] {
		t.Error("two random arrays hold the same numbers")
	}
	Seed(7)
	if RandomUniform(-1, 1, n, 30_000).Compute()[5] != vals[5] {
		t.Error("Seed does not make random arrays reproducible")
	}
	// The lesson's calc_pi_dask.
	m := x.Square().Add(y.Square()).Less(1).CountNonzero().ComputeInt()
	if pi := 4 * float64(m) / n; math.Abs(pi-math.Pi) > 0.02 {
		t.Errorf("π estimate %v", pi)
	}
}

func TestShapesMustMatch(t *testing.T) {
	defer func() {
		if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), "different shapes") {
			t.Errorf("panicked with %v", r)
		}
	}()
	Arange(10, 5).Add(Arange(10, 2))
}

func TestPanicInMapIsTheError(t *testing.T) {
	_, err := Arange(10, 3).Map(func(x float64) float64 {
		if x == 7 {
			panic("seven")
		}
		return x
	}).Sum().ComputeErr()
	if err == nil || !strings.Contains(err.Error(), "panic: seven") || !strings.Contains(err.Error(), "task map-") {
		t.Errorf("error %v", err)
	}
}

// TestMemoryStaysAtAFewChunks sums an array of 160 MB (and the π pipeline
// over two such arrays) while sampling the heap: the peak must stay far
// below the size of one whole array. Computing the whole array, last, shows
// that the sampling does see such a peak.
func TestMemoryStaysAtAFewChunks(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates a few hundred MB in total")
	}
	const n, chunk = 20_000_000, 100_000 // 160 MB as a whole, 800 kB a chunk
	const whole = n * 8
	tests := []struct {
		name  string
		run   func() float64
		want  float64
		check func(float64) bool
		whole bool // holds the whole array: shows that the sampling sees it
	}{
		{"sum", func() float64 { return Arange(n, chunk).Sum().Compute() }, float64(n) * (n - 1) / 2, nil, false},
		{"pi", func() float64 {
			x := RandomUniform(-1, 1, n, chunk)
			y := RandomUniform(-1, 1, n, chunk)
			return 4 * x.Square().Add(y.Square()).Less(1).CountNonzero().Compute() / n
		}, 0, func(v float64) bool { return math.Abs(v-math.Pi) < 0.01 }, false},
		{"whole array, as a control", func() float64 {
			s := 0.0
			for _, x := range Arange(n, chunk).Compute() {
				s += x
			}
			return s
		}, float64(n) * (n - 1) / 2, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			base := ms.HeapInuse
			var peak atomic.Uint64
			stop := make(chan struct{})
			sampled := make(chan struct{})
			go func() {
				defer close(sampled)
				var ms runtime.MemStats
				for {
					runtime.ReadMemStats(&ms)
					if ms.HeapInuse > peak.Load() {
						peak.Store(ms.HeapInuse)
					}
					select {
					case <-stop:
						return
					case <-time.After(2 * time.Millisecond):
					}
				}
			}()
			got := tt.run()
			close(stop)
			<-sampled
			if tt.check != nil && !tt.check(got) || tt.check == nil && got != tt.want {
				t.Errorf("result %v", got)
			}
			grew := int64(peak.Load()) - int64(base)
			t.Logf("heap grew by at most %.1f MB (a whole array is %d MB)", float64(grew)/1e6, whole/1_000_000)
			if tt.whole {
				if grew < whole/2 {
					t.Errorf("computing the whole array grew the heap by only %.1f MB: the sampling misses allocations", float64(grew)/1e6)
				}
				return
			}
			// Half the whole array is generous: the chunks alive at once are
			// a few MB, the rest is garbage the collector has not reached
			// yet, more of it on a loaded machine.
			if grew > whole/2 {
				t.Errorf("heap grew by %.1f MB, more than half the whole array (%d MB)", float64(grew)/1e6, whole/1_000_000)
			}
		})
	}
}

func TestPictures(t *testing.T) {
	a := Arange(40, 10)
	s := a.Mul(a).Sum()
	svg := s.VisualizeSVG()
	for what, want := range map[string]int{">arange<": 4, ">mul<": 4, ">sum-chunk<": 4, ">sum<": 1} {
		if n := strings.Count(svg, what); n != want {
			t.Errorf("%d %q in the graph, want %d", n, what, want)
		}
	}
	s.ComputeWorkers(2)
	if n := strings.Count(s.TaskStreamSVG(), "<title>"); n != 13 {
		t.Errorf("task stream shows %d tasks, want 13", n)
	}
	if a.String() != "array<arange, len=40, chunk=10, nchunks=4>" {
		t.Errorf("String() = %s", a)
	}
}
