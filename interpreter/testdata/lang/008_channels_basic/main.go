package main

import "fmt"

func producer(n int, out chan<- int) {
	for i := range n {
		out <- i * i
	}
	close(out)
}

func main() {
	ch := make(chan int)
	go producer(5, ch)
	for v := range ch {
		fmt.Println(v)
	}
}
