package main

import (
	"fmt"
	"sync"
)

type Worker struct {
	ID  int
	mu  *sync.Mutex
	out *[]int
}

func (w Worker) Run(wg *sync.WaitGroup) {
	defer wg.Done()
	w.mu.Lock()
	*w.out = append(*w.out, w.ID)
	w.mu.Unlock()
}

func main() {
	var mu sync.Mutex
	var out []int
	var wg sync.WaitGroup
	var runs []func(*sync.WaitGroup)
	for i := range 3 {
		runs = append(runs, Worker{i, &mu, &out}.Run)
	}
	for _, r := range runs {
		wg.Add(1)
		go r(&wg)
	}
	wg.Wait()
	sum := 0
	for _, v := range out {
		sum += v
	}
	fmt.Println(len(out), sum)
}
