package async

import (
	"fmt"
	"testing"
)

// BenchmarkGoGather is the cost of starting n empty futures and gathering
// them; bench/runtime compares it with asyncio.
func BenchmarkGoGather(b *testing.B) {
	noop := func() any { return nil }
	for _, n := range []int{1, 64, 4096} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			futs := make([]*Future, n)
			for b.Loop() {
				for i := range futs {
					futs[i] = Go(noop)
				}
				Gather(futs...).Await()
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/task")
		})
	}
}
