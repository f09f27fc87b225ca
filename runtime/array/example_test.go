package array_test

import (
	"fmt"
	"math"

	"github.com/gopar/gopar/runtime/array"
)

// The lesson's first Dask example: da.arange(10**7).sum().compute().
func ExampleArange() {
	work := array.Arange(10_000_000, 1_000_000).Sum()
	fmt.Println(int64(work.Compute()))
	// Output: 49999995000000
}

// calc_pi_dask: count the random points inside the circle, chunk by chunk.
func ExampleRandomUniform() {
	const n = 1_000_000
	x := array.RandomUniform(-1, 1, n, 100_000)
	y := array.RandomUniform(-1, 1, n, 100_000)
	m := x.Square().Add(y.Square()).Less(1).CountNonzero().Compute()
	fmt.Println(math.Abs(4*m/n-math.Pi) < 0.01)
	// Output: true
}

// The number of workers, as in compute(num_workers=n) of the benchmarking
// episode.
func ExampleScalar_ComputeWorkers() {
	sum := array.Arange(1_000_000, 100_000).Sum()
	for n := 1; n <= 2; n++ {
		fmt.Println(n, sum.ComputeWorkers(n))
	}
	// Output:
	// 1 4.999995e+11
	// 2 4.999995e+11
}
