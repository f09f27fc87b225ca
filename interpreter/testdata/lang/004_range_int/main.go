package main

import "fmt"

func main() {
	sum := 0
	for i := range 10 {
		sum += i
	}
	fmt.Println(sum)
	for range 3 {
		fmt.Print("x")
	}
	fmt.Println()
	n := 4
	for i := range n {
		fmt.Print(i, " ")
	}
	fmt.Println()
}
