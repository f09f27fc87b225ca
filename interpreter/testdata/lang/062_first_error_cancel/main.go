package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

func task(ctx context.Context, id int) error {
	if id == 2 {
		return fmt.Errorf("task %d: %w", id, errors.New("boom"))
	}
	<-ctx.Done()
	return ctx.Err()
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var once sync.Once
	var first error
	var wg sync.WaitGroup
	for id := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := task(ctx, id); err != nil && !errors.Is(err, context.Canceled) {
				once.Do(func() {
					first = err
					cancel()
				})
			}
		}()
	}
	wg.Wait()
	fmt.Println("first error:", first)
}
