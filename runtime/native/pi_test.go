package native

import (
	"math"
	"testing"
)

// piTolerance is six standard deviations of the estimate from n samples:
// a correct kernel fails it about once in a billion runs.
func piTolerance(n int) float64 {
	p := math.Pi / 4
	return 6 * 4 * math.Sqrt(p*(1-p)/float64(n))
}

func TestCalcPiWithinTolerance(t *testing.T) {
	tests := []struct {
		name string
		n    int
		pi   func(n int) float64
	}{
		{"serial", 1_000_000, CalcPi},
		{"serial, partial chunk", piChunkSize + 12345, CalcPi},
		{"serial, one chunk", 5000, CalcPi},
		{"parallel 2", 3_000_000, func(n int) float64 { return CalcPiParallel(n, 2) }},
		{"parallel NumCPU", 3_000_000, func(n int) float64 { return CalcPiParallel(n, 0) }},
		{"parallel, more workers than chunks", 100_000, func(n int) float64 { return CalcPiParallel(n, 16) }},
		{"seeded", 1_000_000, func(n int) float64 { return CalcPiSeeded(n, 42) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.pi(tt.n)
			if d := math.Abs(got - math.Pi); d > piTolerance(tt.n) {
				t.Errorf("estimate %v is %v from pi, more than %v", got, d, piTolerance(tt.n))
			}
		})
	}
}

func TestCalcPiSeededIsReproducibleAcrossWorkers(t *testing.T) {
	const n = 3*piChunkSize + 999
	want := CalcPiSeeded(n, 7)
	if again := CalcPiSeeded(n, 7); again != want {
		t.Fatalf("same seed gave %v then %v", want, again)
	}
	for _, workers := range []int{1, 2, 3, 8} {
		if got := CalcPiParallelSeeded(n, workers, 7); got != want {
			t.Errorf("%d workers: %v, serial: %v", workers, got, want)
		}
	}
	if other := CalcPiSeeded(n, 8); other == want {
		t.Errorf("seeds 7 and 8 gave the same estimate %v", want)
	}
}

func TestCalcPiOfNothingIsNaN(t *testing.T) {
	for _, n := range []int{0, -1} {
		if got := CalcPi(n); !math.IsNaN(got) {
			t.Errorf("CalcPi(%d) = %v, want NaN", n, got)
		}
		if got := CalcPiParallel(n, 2); !math.IsNaN(got) {
			t.Errorf("CalcPiParallel(%d, 2) = %v, want NaN", n, got)
		}
	}
}

func TestFreshSeedsDiffer(t *testing.T) {
	seen := map[uint64]bool{}
	for range 10000 {
		s := freshSeed()
		if seen[s] {
			t.Fatalf("seed %#x handed out twice", s)
		}
		seen[s] = true
	}
}

// TestXoroshiroMatchesReference checks the inlined generator in piHits
// against a plain implementation of xoroshiro128+ fed the same state.
func TestXoroshiroMatchesReference(t *testing.T) {
	s0, s1 := xoroshiroSeed(123, 4)
	next := func() uint64 {
		r := s0 + s1
		m := s1 ^ s0
		s0 = (s0<<24 | s0>>40) ^ m ^ (m << 16)
		s1 = m<<37 | m>>27
		return r
	}
	a, b := xoroshiroSeed(123, 4)
	const n = 1000
	hits := 0
	for range n {
		x := float64(next()>>11)/(1<<52) - 1
		y := float64(next()>>11)/(1<<52) - 1
		if x*x+y*y < 1 {
			hits++
		}
	}
	if got := piHits(n, a, b); got != hits {
		t.Errorf("piHits = %d, reference generator gives %d", got, hits)
	}
}
