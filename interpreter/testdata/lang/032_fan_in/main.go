package main

import (
	"fmt"
	"sort"
	"sync"
)

func merge(cs ...<-chan int) <-chan int {
	var wg sync.WaitGroup
	out := make(chan int)
	for _, c := range cs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for v := range c {
				out <- v
			}
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func source(start, n int) <-chan int {
	c := make(chan int)
	go func() {
		for i := range n {
			c <- start + i
		}
		close(c)
	}()
	return c
}

func main() {
	var all []int
	for v := range merge(source(0, 3), source(10, 3), source(20, 3)) {
		all = append(all, v)
	}
	sort.Ints(all)
	fmt.Println(all)
}
