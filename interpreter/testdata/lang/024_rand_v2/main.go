package main

import (
	"fmt"
	"math/rand/v2"
)

func main() {
	r := rand.New(rand.NewPCG(1, 2))
	a := r.IntN(100)
	b := r.Float64()
	fmt.Println(a >= 0 && a < 100, b >= 0 && b < 1)
	n := rand.N(10)
	fmt.Println(n >= 0 && n < 10)
	var d int64 = rand.N[int64](5)
	fmt.Println(d < 5)
	perm := r.Perm(5)
	fmt.Println(len(perm))
}
