package main

import "fmt"

type box struct{ v any }

func main() {
	// The result of a unary operation assigned to a variable of interface
	// type is put in the interface, not written over it.
	a := interface{}(bool(false))
	for i := 0; i < 3; i++ {
		a = !a.(bool)
	}
	fmt.Println(a)
	var n any = 5
	n = -n.(int)
	var u any = uint8(3)
	u = ^u.(uint8)
	fmt.Printf("%v %T %v %T\n", n, n, u, u)

	// Into fields and elements too.
	var b box
	b.v = -2.5
	b.v = -b.v.(float64)
	xs := []any{1, 2}
	xs[1] = -xs[0].(int)
	ys := []int{3, 4}
	ys[0] = -ys[1]
	fmt.Println(b, xs, ys)

	// A receive, too, goes into the element or field itself.
	c := make(chan int, 2)
	c <- 5
	c <- 6
	ys[1] = <-c
	var q struct{ f int }
	q.f = <-c
	fmt.Println(ys, q)
}
