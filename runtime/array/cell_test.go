package array_test

import (
	"strings"
	"testing"

	"github.com/gopar/gopar/runtime/internal/celltest"
)

// The lesson's first Dask example and its calc_pi_dask, as a cell.
func TestCellArraySum(t *testing.T) {
	out := celltest.Run(t, `
package main

import (
	"fmt"
	"gopar/array"
)

func main() {
	work := array.Arange(10_000_000, 1_000_000).Sum()
	fmt.Println(int64(work.Compute()))

	const n = 1_000_000
	x := array.RandomUniform(-1, 1, n, 100_000)
	y := array.RandomUniform(-1, 1, n, 100_000)
	m := x.Square().Add(y.Square()).Less(1).CountNonzero().Compute()
	pi := 4 * m / n
	fmt.Println("pi ok:", pi > 3.1 && pi < 3.2)

	odd := array.Arange(1000, 100).CountIf(func(v float64) bool { return int(v)%2 == 1 })
	fmt.Println("odd:", odd.ComputeInt())
}
`)
	for _, want := range []string{"49999995000000\n", "pi ok: true\n", "odd: 500\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
