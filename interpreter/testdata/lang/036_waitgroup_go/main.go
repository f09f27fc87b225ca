package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	results := make([]int, 5)
	for i := range 5 {
		wg.Go(func() {
			results[i] = i * i
		})
	}
	wg.Wait()
	fmt.Println(results)
}
