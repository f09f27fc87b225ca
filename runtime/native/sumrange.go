package native

// sumChunkSize is the number of additions between two interrupt checks:
// 2–5 ms of work.
const sumChunkSize = 1 << 22

// SumRange returns 0 + 1 + ... + (n-1), adding the numbers one at a time —
// the lesson's sum_range, the loop that shows what compiled code buys. The
// loop is kept a loop on purpose: the Go compiler does not replace it by
// n*(n-1)/2, and neither does gcc -O2 for the C version (bench/native
// checks both), so timing it times n additions. n < 1 gives 0. When the cell
// is interrupted it returns early with the partial sum.
func SumRange(n int64) int64 {
	stop := newStopper()
	var s int64
	for lo := int64(0); lo < n && !stop.stopped(); {
		size := min(n-lo, sumChunkSize)
		s += sumSpan(lo, lo+size)
		lo += size
	}
	return s
}

// ConditionalSumRange returns the sum of the numbers in [0, n) divisible by
// 3, testing each one — the lesson's conditional_sum_range, whose branch
// makes the compiled-versus-C comparison more interesting.
func ConditionalSumRange(n int64) int64 {
	stop := newStopper()
	var s int64
	for lo := int64(0); lo < n && !stop.stopped(); {
		size := min(n-lo, sumChunkSize)
		s += conditionalSumSpan(lo, lo+size)
		lo += size
	}
	return s
}

// SumRanges applies SumRange to every element of ns, like the lesson's
// vectorised sum_range over a NumPy array.
func SumRanges(ns []int64) []int64 {
	out := make([]int64, len(ns))
	for i, n := range ns {
		out[i] = SumRange(n)
	}
	return out
}

// sumSpan adds lo, lo+1, ..., hi-1. It and conditionalSumSpan stay out of
// line (one call per few million additions costs nothing) so that
// bench/native can disassemble them and check that they are still loops.
//
//go:noinline
func sumSpan(lo, hi int64) int64 {
	var s int64
	for i := lo; i < hi; i++ {
		s += i
	}
	return s
}

// conditionalSumSpan adds the multiples of 3 in [lo, hi), for 0 <= lo.
// The test is written on uint64(i), which is the same for i >= 0: gcc proves
// i >= 0 in the C loop and uses the shorter unsigned divisibility test, and
// saying so here lets Go use it too, so the two loops compare like with like.
//
//go:noinline
func conditionalSumSpan(lo, hi int64) int64 {
	var s int64
	for i := lo; i < hi; i++ {
		if uint64(i)%3 == 0 {
			s += i
		}
	}
	return s
}
