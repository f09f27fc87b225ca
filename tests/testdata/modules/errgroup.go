// Bounded parallel work with errgroup: at most two tasks at once, every
// error collected.
package main

import (
	"errors"
	"fmt"
	"sort"
	"sync"

	"golang.org/x/sync/errgroup"
)

func main() {
	var g errgroup.Group
	g.SetLimit(2)
	var (
		mu      sync.Mutex
		running int
		most    int
		squares []int
		errs    []error
	)
	for i := 1; i <= 9; i++ {
		g.Go(func() error {
			mu.Lock()
			running++
			most = max(most, running)
			mu.Unlock()
			defer func() {
				mu.Lock()
				running--
				mu.Unlock()
			}()
			if i%3 == 0 {
				err := fmt.Errorf("task %d failed", i)
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
				return err
			}
			mu.Lock()
			squares = append(squares, i*i)
			mu.Unlock()
			return nil
		})
	}
	first := g.Wait()
	sort.Ints(squares)
	sort.Slice(errs, func(a, b int) bool { return errs[a].Error() < errs[b].Error() })
	fmt.Println("squares:", squares)
	fmt.Println("at most two at once:", most <= 2)
	fmt.Println("Wait returned one of them:", errors.Is(errors.Join(errs...), first))
	fmt.Println(errors.Join(errs...))
}
