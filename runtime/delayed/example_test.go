package delayed_test

import (
	"fmt"

	"github.com/gopar/gopar/runtime/delayed"
)

// The lesson's first workflow: nothing runs until Compute, and the shared
// promise x_p runs once.
func Example() {
	add := delayed.Named("add", func(a, b int) int {
		fmt.Printf("%d + %d = %d\n", a, b, a+b)
		return a + b
	})
	x_p := add.Call(1, 2)
	y_p := add.Call(x_p, 3)
	z_p := add.Call(x_p, -3)
	w_p := add.Call(y_p, z_p)
	fmt.Println("nothing computed yet")
	fmt.Println("w =", w_p.Compute())
	// Unordered output:
	// nothing computed yet
	// 1 + 2 = 3
	// 3 + 3 = 6
	// 3 + -3 = 0
	// 6 + 0 = 6
	// w = 6
}

// Gather turns a list of promises into a promise of a list.
func ExampleGather() {
	add := delayed.Named("add", func(a, b int) int { return a + b })
	ps := make([]*delayed.Promise, 10)
	for n := range ps {
		ps[n] = add.Call(n, n)
	}
	fmt.Println(delayed.Gather(ps...).Compute())
	// Output: [0 2 4 6 8 10 12 14 16 18]
}

// π from the mean of several delayed estimates: a slice of promises
// arrives in the function as a slice of their values.
func ExampleFunction_Call() {
	estimate := delayed.Named("calc_pi", func(seed int) float64 { return 3.1 + float64(seed)/100 })
	mean := delayed.Named("mean", func(xs []float64) float64 {
		s := 0.0
		for _, x := range xs {
			s += x
		}
		return s / float64(len(xs))
	})
	ps := make([]*delayed.Promise, 5)
	for i := range ps {
		ps[i] = estimate.Call(i)
	}
	fmt.Printf("%.2f\n", mean.Call(ps).ComputeFloat())
	// Output: 3.12
}

// Without a notebook, Visualize prints the plain-text form of the picture.
func ExamplePromise_Visualize() {
	add := delayed.Named("add", func(a, b int) int { return a + b })
	x_p := add.Call(delayed.Value(1), delayed.Value(2))
	add.Call(x_p, x_p).Visualize()
	// Output: task graph: 4 nodes, 3 edges, 3 layers
}
