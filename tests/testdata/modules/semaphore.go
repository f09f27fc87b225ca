// A weighted semaphore bounding how many workers hold a resource.
package main

import (
	"context"
	"fmt"
	"sync"

	"golang.org/x/sync/semaphore"
)

func main() {
	ctx := context.Background()
	sem := semaphore.NewWeighted(3)
	var (
		mu      sync.Mutex
		holding int64
		most    int64
		wg      sync.WaitGroup
		total   int
	)
	for i := 1; i <= 10; i++ {
		weight := int64(1 + i%2)
		if err := sem.Acquire(ctx, weight); err != nil {
			fmt.Println("acquire:", err)
			return
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer sem.Release(weight)
			mu.Lock()
			holding += weight
			most = max(most, holding)
			total += i
			holding -= weight
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("total:", total)
	fmt.Println("never above 3:", most <= 3)
	fmt.Println("all free again:", sem.TryAcquire(3))
}
