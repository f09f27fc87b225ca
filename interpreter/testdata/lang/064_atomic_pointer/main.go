package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Config struct {
	Version int
	Name    string
}

func main() {
	var cur atomic.Pointer[Config]
	fmt.Println(cur.Load() == nil)
	cur.Store(&Config{1, "a"})
	var wg sync.WaitGroup
	for i := range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				old := cur.Load()
				next := &Config{old.Version + 1, fmt.Sprint("v", i)}
				if cur.CompareAndSwap(old, next) {
					return
				}
			}
		}()
	}
	wg.Wait()
	fmt.Println(cur.Load().Version)
	old := cur.Swap(&Config{100, "z"})
	fmt.Println(old.Version, cur.Load().Name)
}
