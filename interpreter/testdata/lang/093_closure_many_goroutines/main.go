package main

import (
	"fmt"
	"sync"
)

// One func literal, created again and again while its earlier closures
// finish on other goroutines.
func square(n int) int { return n * n }

func main() {
	for _, tasks := range []int{1, 16, 256, 2048} {
		results := make([]int, tasks)
		var wg sync.WaitGroup
		for i := range tasks {
			work := func() { results[i] = square(i) }
			wg.Add(1)
			go func() {
				defer wg.Done()
				work()
			}()
		}
		wg.Wait()
		sum := 0
		for _, r := range results {
			sum += r
		}
		fmt.Println(tasks, sum)
	}
}
