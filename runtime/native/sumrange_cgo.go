//go:build cgo

package native

/*
#include <stdint.h>

// The lesson's test.c, cut into spans so that Go can check for an interrupt
// between calls. cgo compiles this with -O2, as bench/native compiles its C.
static int64_t sum_range_span(int64_t lo, int64_t hi)
{
	int64_t s = 0;
	for (int64_t i = lo; i < hi; i++)
		s += i;
	return s;
}

static int64_t conditional_sum_range_span(int64_t lo, int64_t hi)
{
	int64_t s = 0;
	for (int64_t i = lo; i < hi; i++)
		if (i % 3 == 0)
			s += i;
	return s;
}
*/
import "C"

// CAvailable reports whether this gopar was built with cgo, so that
// SumRangeC and ConditionalSumRangeC run C code rather than return ErrNoCgo.
const CAvailable = true

// SumRangeC is SumRange written in C and called through cgo — the lesson's
// "calling C" episode. The error is ErrNoCgo in a gopar built without cgo,
// and always nil here. The C loop runs in spans of a few milliseconds so that
// an interrupted cell stops promptly, with the partial sum.
func SumRangeC(n int64) (int64, error) {
	return spansC(n, func(lo, hi int64) int64 {
		return int64(C.sum_range_span(C.int64_t(lo), C.int64_t(hi)))
	}), nil
}

// ConditionalSumRangeC is ConditionalSumRange written in C; see SumRangeC.
func ConditionalSumRangeC(n int64) (int64, error) {
	return spansC(n, func(lo, hi int64) int64 {
		return int64(C.conditional_sum_range_span(C.int64_t(lo), C.int64_t(hi)))
	}), nil
}

// spansC sums span(lo, hi) over [0, n) cut into interruptible pieces.
func spansC(n int64, span func(lo, hi int64) int64) int64 {
	stop := newStopper()
	var s int64
	for lo := int64(0); lo < n && !stop.stopped(); {
		size := min(n-lo, sumChunkSize)
		s += span(lo, lo+size)
		lo += size
	}
	return s
}
