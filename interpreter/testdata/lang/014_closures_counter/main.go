package main

import "fmt"

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func main() {
	c1, c2 := counter(), counter()
	fmt.Println(c1(), c1(), c1())
	fmt.Println(c2())
	adders := make([]func(int) int, 0)
	for _, k := range []int{1, 10, 100} {
		adders = append(adders, func(x int) int { return x + k })
	}
	for _, a := range adders {
		fmt.Print(a(1), " ")
	}
	fmt.Println()
}
