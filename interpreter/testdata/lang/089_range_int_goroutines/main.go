package main

import "fmt"

func main() {
	const n = 6
	results := make(chan [2]int, n)
	for i := range n {
		go func() {
			results <- [2]int{i, i * i * i}
		}()
	}
	cubes := make([]int, n)
	for range n {
		r := <-results
		cubes[r[0]] = r[1]
	}
	fmt.Println(cubes)
	var typed int64 = 3
	for k := range typed {
		fmt.Printf("%T %d ", k, k)
	}
	fmt.Println()
}
