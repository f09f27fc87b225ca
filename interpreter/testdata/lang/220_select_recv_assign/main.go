package main

import "fmt"

type pair struct{ a, b int }

var calls int

// where counts how often the left-hand side of a receive is evaluated.
func where(p *int) *int {
	calls++
	return p
}

func main() {
	// case x = <-c assigns the x in scope; it declares no new one.
	x := 0
	c := make(chan int, 1)
	c <- 42
	select {
	case x = <-c:
	}
	fmt.Println("x:", x)

	// Fields, elements and pointers as left-hand sides.
	var p pair
	xs := make([]int, 3)
	m := map[string]int{}
	c <- 7
	select {
	case p.b = <-c:
	}
	c <- 8
	select {
	case xs[1] = <-c:
	}
	c <- 9
	select {
	case m["k"] = <-c:
	}
	var y int
	c <- 10
	select {
	case *where(&y) = <-c:
	}
	fmt.Println("targets:", p, xs, m, y, calls)

	// The left-hand side of a case that is not selected is not evaluated.
	never := make(chan int)
	c <- 11
	select {
	case *where(&y) = <-never:
		fmt.Println("never")
	case x = <-c:
	}
	fmt.Println("unselected lhs:", x, y, calls)

	// With the status, into existing variables, the blank identifier and
	// an interface.
	var ok bool
	var v any
	c <- 12
	select {
	case xs[2], ok = <-c:
	}
	fmt.Println("status:", xs, ok)
	c <- 13
	select {
	case v, ok = <-c:
	}
	fmt.Printf("interface: %v %T %v\n", v, v, ok)
	c <- 14
	select {
	case _, ok = <-c:
	}
	fmt.Println("blank value:", ok, x)
	close(c)
	select {
	case x, _ = <-c:
	}
	fmt.Println("closed:", x)
	select {
	case v = <-c:
	}
	fmt.Printf("closed into interface: %v %T\n", v, v)
	n, isInt := v.(int)
	fmt.Println("still an interface:", n, isInt)

	// A declaration in a case is the case's own.
	d := make(chan pair, 1)
	d <- pair{1, 2}
	select {
	case p := <-d:
		p.a = 5
		q := &p
		q.b = 6
		fmt.Println("declared:", p)
	}
	fmt.Println("outer p:", p)
}
