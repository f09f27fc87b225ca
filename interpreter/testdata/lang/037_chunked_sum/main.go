package main

import (
	"fmt"
	"sync"
)

func sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func main() {
	data := make([]int, 1000)
	for i := range data {
		data[i] = i + 1
	}
	const chunks = 4
	partial := make([]int, chunks)
	var wg sync.WaitGroup
	size := len(data) / chunks
	for c := range chunks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			partial[c] = sum(data[c*size : (c+1)*size])
		}()
	}
	wg.Wait()
	fmt.Println(partial, sum(partial))
}
