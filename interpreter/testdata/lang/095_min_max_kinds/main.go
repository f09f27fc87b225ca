package main

import (
	"fmt"
	"math"
)

type celsius float64

func clamp(v, lo, hi int) int { return max(lo, min(v, hi)) }

func main() {
	k, limit := 300, 256
	fmt.Println(min(k, limit-1), max(k, 1), min(3, k, -2), clamp(-5, 0, 10), clamp(50, 0, 10))
	var u uint8 = 200
	fmt.Println(min(u, 7), max(u, 255), min(uint(3), uint(9)))
	x, nan := 1.5, math.NaN()
	fmt.Println(min(x, 2), max(x, 2.5), min(x, nan), max(nan, x), math.Signbit(min(0.0, math.Copysign(0, -1))))
	var f32 float32 = 0.1
	fmt.Println(min(f32, 1), max(f32, 0.2))
	fmt.Println(min("pear", "apple", "fig"), max("pear", "apple"))
	t := celsius(21.5)
	fmt.Println(min(t, 19), max(t, celsius(30)))
	var box any = min(k, 7)
	fmt.Printf("%T %v\n", box, box)
	best := math.Inf(1)
	for _, v := range []float64{3, -1, 4, 1, -5} {
		best = min(best, v*v)
	}
	fmt.Println(best)
}
