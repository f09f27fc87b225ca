package main

import "fmt"

func producer(done <-chan struct{}) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 0; ; i++ {
			select {
			case out <- i:
			case <-done:
				return
			}
		}
	}()
	return out
}

func main() {
	done := make(chan struct{})
	sum := 0
	for v := range producer(done) {
		sum += v
		if v == 9 {
			close(done)
			break
		}
	}
	fmt.Println(sum)
}
