package main

import "fmt"

func main() {
	x := 1
	defer fmt.Println("deferred x =", x)
	x = 2
	for i := 0; i < 3; i++ {
		defer fmt.Println("loop", i)
	}
	fmt.Println("x =", x)
}
