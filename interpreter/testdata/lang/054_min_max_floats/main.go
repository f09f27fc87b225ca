package main

import (
	"fmt"
	"math"
)

func main() {
	xs := []float64{3.5, -1.25, 8}
	lo, hi := xs[0], xs[0]
	for _, x := range xs {
		lo = min(lo, x)
		hi = max(hi, x)
	}
	fmt.Println(lo, hi)
	fmt.Println(math.IsNaN(min(1, math.NaN())), max(-0.0, 0.0))
	type Grade int
	fmt.Println(max(Grade(3), Grade(5)), min("b", "ab", "c"))
}
