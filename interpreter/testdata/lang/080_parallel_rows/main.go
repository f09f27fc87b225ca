package main

import (
	"fmt"
	"sync"
)

func row(y, w int) []int {
	out := make([]int, w)
	for x := range w {
		c := complex(float64(x)/float64(w)*3-2, float64(y)/4-1)
		z := complex(0, 0)
		n := 0
		for ; n < 30 && real(z)*real(z)+imag(z)*imag(z) <= 4; n++ {
			z = z*z + c
		}
		out[x] = n
	}
	return out
}

func main() {
	const h, w = 9, 12
	img := make([][]int, h)
	var wg sync.WaitGroup
	for y := range h {
		wg.Add(1)
		go func() {
			defer wg.Done()
			img[y] = row(y, w)
		}()
	}
	wg.Wait()
	sum := 0
	for _, r := range img {
		for _, v := range r {
			sum += v
		}
	}
	fmt.Println(sum, img[4][:6])
}
