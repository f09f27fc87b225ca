package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	fmt.Println(runtime.NumCPU() > 0, runtime.GOMAXPROCS(0) > 0)
	var wg sync.WaitGroup
	var mu sync.Mutex
	seen := map[int]bool{}
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			runtime.Gosched()
			mu.Lock()
			seen[i] = true
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(len(seen), runtime.NumGoroutine() >= 1)
}
