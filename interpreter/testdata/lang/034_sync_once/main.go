package main

import (
	"fmt"
	"sync"
)

var (
	once   sync.Once
	config map[string]string
)

func load() {
	fmt.Println("loading")
	config = map[string]string{"mode": "fast"}
}

func main() {
	var wg sync.WaitGroup
	for range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(load)
		}()
	}
	wg.Wait()
	fmt.Println(config["mode"])
	get := sync.OnceValue(func() int {
		fmt.Println("computing")
		return 42
	})
	fmt.Println(get(), get())
}
