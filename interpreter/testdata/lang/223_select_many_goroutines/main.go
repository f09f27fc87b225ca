package main

import (
	"fmt"
	"sort"
	"sync"
)

// relay passes on what it receives on in to out, until in is closed. Many
// goroutines run this one select at once, each on its own channels.
func relay(id int, in <-chan int, out chan<- int, wrong *int32, mu *sync.Mutex) {
	var pending []int
	for in != nil || len(pending) > 0 {
		var send chan<- int
		var next int
		if len(pending) > 0 {
			send, next = out, pending[0]
		}
		select {
		case v, ok := <-in:
			if !ok {
				in = nil
				continue
			}
			if v/100000 != id {
				mu.Lock()
				*wrong++
				mu.Unlock()
			}
			pending = append(pending, v)
		case send <- next:
			pending = pending[1:]
		}
	}
	close(out)
}

func main() {
	const workers, items = 12, 1000
	var wrong int32
	var mu sync.Mutex
	outs := make([]chan int, workers)
	for id := 0; id < workers; id++ {
		in := make(chan int)
		outs[id] = make(chan int)
		go relay(id, in, outs[id], &wrong, &mu)
		go func() {
			for k := 0; k < items; k++ {
				in <- id*100000 + k
			}
			close(in)
		}()
	}
	var wg sync.WaitGroup
	sums := make([]int, workers)
	for id := range outs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			last := -1
			for v := range outs[id] {
				if v <= last {
					sums[id] = -1
				}
				last = v
				sums[id] += v
			}
		}()
	}
	wg.Wait()
	sort.Ints(sums)
	fmt.Println(sums, wrong)
}
