package delayed_test

import (
	"strings"
	"testing"

	"github.com/gopar/gopar/runtime/internal/celltest"
)

// The lesson's delayed episode, as a cell: a shared promise, gather, and π
// from the mean of delayed estimates.
func TestCellDelayedGraph(t *testing.T) {
	out := celltest.Run(t, `
package main

import (
	"fmt"
	"math/rand"
	"sync/atomic"
	"gopar/delayed"
)

func main() {
	var calls int64
	add := delayed.Named("add", func(a, b int) int {
		atomic.AddInt64(&calls, 1)
		fmt.Printf("%d + %d = %d\n", a, b, a+b)
		return a + b
	})
	x_p := add.Call(1, 2)
	y_p := add.Call(x_p, 3)
	z_p := add.Call(x_p, -3)
	w_p := add.Call(y_p, z_p)
	fmt.Println("before compute:", atomic.LoadInt64(&calls))
	fmt.Println("w =", w_p.Compute(), "calls:", atomic.LoadInt64(&calls))

	square := delayed.Named("square", func(n int) int { return n * n })
	ps := []*delayed.Promise{}
	for n := 0; n < 10; n++ {
		ps = append(ps, square.Call(n))
	}
	fmt.Println(delayed.Gather(ps...).Compute())

	calcPi := delayed.Named("calc_pi", func(n int) float64 {
		m := 0
		for i := 0; i < n; i++ {
			x, y := rand.Float64()*2-1, rand.Float64()*2-1
			if x*x+y*y < 1 {
				m++
			}
		}
		return 4 * float64(m) / float64(n)
	})
	mean := delayed.Named("mean", func(xs ...float64) float64 {
		s := 0.0
		for _, x := range xs {
			s += x
		}
		return s / float64(len(xs))
	})
	args := []any{}
	for i := 0; i < 4; i++ {
		args = append(args, calcPi.Call(20000))
	}
	pi_p := mean.Call(args...)
	pi := pi_p.ComputeFloat()
	fmt.Println("pi ok:", pi > 3.0 && pi < 3.3)
	fmt.Println("svg:", len(pi_p.VisualizeSVG()) > 0, len(pi_p.TaskStreamSVG()) > 0)
}
`)
	for _, want := range []string{
		"before compute: 0\n",
		"w = 6 calls: 4\n", // x_p once, though y_p and z_p both need it
		"[0 1 4 9 16 25 36 49 64 81]\n",
		"pi ok: true\n",
		"svg: true true\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "1 + 2 = 3"); n != 1 {
		t.Errorf("the shared promise printed %d times, want 1:\n%s", n, out)
	}
}
