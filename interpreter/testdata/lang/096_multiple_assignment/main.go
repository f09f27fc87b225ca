package main

import (
	"fmt"
	"math"
)

var gx, gy float64

func two() float64 { return 2 }

func next(n int) (int, error) { return n + 1, nil }

func main() {
	// A constant and a call, to package-level and to local variables.
	gx, gy = 1.5, math.Sqrt(4)
	fmt.Println(gx, gy)
	var a, b float64
	a, b = 0.5, two()
	fmt.Println(a, b)
	// cell
	x, nan := 1.5, math.NaN()
	fmt.Println(x, nan)
	// Calls that read what the other pair writes.
	p, q := 3.0, 4.0
	p, q = math.Hypot(p, q), math.Hypot(q, p)
	fmt.Println(p, q)
	// A receive and a constant; a swap.
	ch := make(chan int, 1)
	ch <- 42
	var r, s int
	r, s = <-ch, 7
	r, s = s, r
	fmt.Println(r, s)
	// A composite literal and a call.
	var xs []int
	var n int
	xs, n = []int{1, 2}, len("abc")
	fmt.Println(xs, n)
	k, err := next(1)
	fmt.Println(k, err)
}
