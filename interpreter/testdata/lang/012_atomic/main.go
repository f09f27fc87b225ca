package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var n int64
	var m atomic.Int64
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 100 {
				atomic.AddInt64(&n, 1)
				m.Add(2)
			}
		}()
	}
	wg.Wait()
	fmt.Println(atomic.LoadInt64(&n), m.Load())
	var flag atomic.Bool
	flag.Store(true)
	fmt.Println(flag.Load())
}
