package native

import (
	"errors"
	"testing"
)

// The closed forms the loops must agree with.
func sumFormula(n int64) int64 {
	if n < 1 {
		return 0
	}
	return n * (n - 1) / 2
}

func conditionalSumFormula(n int64) int64 {
	if n < 1 {
		return 0
	}
	m := (n-1)/3 + 1 // multiples of 3 in [0, n): 0, 3, ..., 3(m-1)
	return 3 * m * (m - 1) / 2
}

var sumSizes = []int64{-5, 0, 1, 2, 3, 4, 10, 1000, sumChunkSize - 1, sumChunkSize, sumChunkSize + 1, 3*sumChunkSize + 17}

func TestSumRangeIsExact(t *testing.T) {
	for _, n := range sumSizes {
		if got, want := SumRange(n), sumFormula(n); got != want {
			t.Errorf("SumRange(%d) = %d, want %d", n, got, want)
		}
		if got, want := ConditionalSumRange(n), conditionalSumFormula(n); got != want {
			t.Errorf("ConditionalSumRange(%d) = %d, want %d", n, got, want)
		}
	}
}

func TestSumRangeCMatchesOrSaysUnavailable(t *testing.T) {
	for _, n := range sumSizes {
		s, err := SumRangeC(n)
		cs, cerr := ConditionalSumRangeC(n)
		if !CAvailable {
			if !errors.Is(err, ErrNoCgo) || !errors.Is(cerr, ErrNoCgo) {
				t.Fatalf("without cgo: errors %v, %v; want ErrNoCgo", err, cerr)
			}
			continue
		}
		if err != nil || cerr != nil {
			t.Fatalf("n=%d: errors %v, %v", n, err, cerr)
		}
		if want := sumFormula(n); s != want {
			t.Errorf("SumRangeC(%d) = %d, want %d", n, s, want)
		}
		if want := conditionalSumFormula(n); cs != want {
			t.Errorf("ConditionalSumRangeC(%d) = %d, want %d", n, cs, want)
		}
	}
}

func TestSumRangesAppliesSumRange(t *testing.T) {
	ns := []int64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	got := SumRanges(ns)
	if len(got) != len(ns) {
		t.Fatalf("%d results for %d inputs", len(got), len(ns))
	}
	for k, n := range ns {
		if got[k] != sumFormula(n) {
			t.Errorf("SumRanges[%d] = %d, want %d", k, got[k], sumFormula(n))
		}
	}
	if len(SumRanges(nil)) != 0 {
		t.Error("SumRanges(nil) is not empty")
	}
}
