package main

import (
	"fmt"
	"sync"
)

func safe(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	f()
	return nil
}

func main() {
	var wg sync.WaitGroup
	errs := make([]error, 3)
	for i := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = safe(func() {
				if i == 1 {
					panic(fmt.Sprintf("worker %d failed", i))
				}
			})
		}()
	}
	wg.Wait()
	for i, e := range errs {
		fmt.Println(i, e)
	}
}
