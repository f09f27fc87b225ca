package main

import "fmt"

type point struct{ x, y int }

type source interface{ next() int }

type feed chan int

func (f feed) next() int { return <-f }

var last any

func take(c chan point) point {
	return <-c
}

func takeTwice(c chan int) (n int) {
	defer func() { n *= 2 }()
	return <-c
}

func takeWithStatus(c chan int) (int, bool) {
	return <-c, true
}

func main() {
	// A variable received into stays a variable: its address can be
	// taken and its fields set.
	c := make(chan int, 4)
	c <- 1
	c <- 2
	var x int
	x = <-c
	p := &x
	*p += 10
	fmt.Println(x, *p)
	y := <-c
	q := &y
	*q = 7
	fmt.Println(y)

	pc := make(chan point, 3)
	pc <- point{1, 2}
	pt := <-pc
	pt.x = 5
	pp := &pt
	pp.y = 6
	fmt.Println(pt)

	// A received value returned from a func, also with a deferred change
	// of the named result, through an interface, and with a second result.
	pc <- point{3, 4}
	fmt.Println(take(pc))
	c <- 21
	fmt.Println(takeTwice(c))
	f := make(feed, 1)
	f <- 8
	var s source = f
	fmt.Println(s.next())
	c <- 9
	n, ok := takeWithStatus(c)
	fmt.Println(n, ok)

	// Received in a loop, each value kept by its address.
	for i := 0; i < 3; i++ {
		c <- i * 100
	}
	var ptrs []*int
	for i := 0; i < 3; i++ {
		v := <-c
		ptrs = append(ptrs, &v)
	}
	fmt.Println(*ptrs[0], *ptrs[1], *ptrs[2])

	// A variable of interface type received into keeps its type.
	c <- 5
	last = <-c
	var s2 source
	fc := make(chan feed, 1)
	fc <- f
	s2 = <-fc
	f <- 6
	fmt.Println(last.(int), s2.next())
}
