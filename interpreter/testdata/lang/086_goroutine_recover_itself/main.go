package main

import (
	"fmt"
	"sync"
)

func worker(id int, results chan<- string, wg *sync.WaitGroup) {
	defer wg.Done()
	defer func() {
		if r := recover(); r != nil {
			results <- fmt.Sprintf("worker %d recovered: %v", id, r)
		}
	}()
	if id%2 == 1 {
		var a []int
		_ = a[id]
	}
	results <- fmt.Sprintf("worker %d ok", id)
}

func main() {
	results := make(chan string, 4)
	var wg sync.WaitGroup
	for id := range 4 {
		wg.Add(1)
		go worker(id, results, &wg)
	}
	wg.Wait()
	close(results)
	n := 0
	for r := range results {
		if len(r) > 0 {
			n++
		}
	}
	fmt.Println(n)
}
