package main

import (
	"fmt"
	"time"
)

func main() {
	a := make(chan int)
	b := make(chan int)
	go func() { a <- 1 }()
	go func() {
		time.Sleep(20 * time.Millisecond)
		b <- 2
	}()
	for range 2 {
		select {
		case v := <-a:
			fmt.Println("a", v)
		case v := <-b:
			fmt.Println("b", v)
		}
	}
	select {
	case v := <-a:
		fmt.Println("unexpected", v)
	default:
		fmt.Println("nothing ready")
	}
	timeout := time.After(10 * time.Millisecond)
	select {
	case <-b:
	case <-timeout:
		fmt.Println("timeout")
	}
}
