package main

import (
	"fmt"
	"math/rand/v2"
	"sync"
)

func hits(seed uint64, n int) int {
	r := rand.New(rand.NewPCG(seed, seed+1))
	h := 0
	for range n {
		x, y := r.Float64(), r.Float64()
		if x*x+y*y < 1 {
			h++
		}
	}
	return h
}

func main() {
	const workers, n = 4, 2000
	counts := make([]int, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			counts[w] = hits(uint64(w), n)
		}()
	}
	wg.Wait()
	total := 0
	for _, c := range counts {
		total += c
	}
	pi := 4 * float64(total) / (workers * n)
	fmt.Printf("%.2f\n", pi)
	fmt.Println(pi > 3 && pi < 3.3)
}
