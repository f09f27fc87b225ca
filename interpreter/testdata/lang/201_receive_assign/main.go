package main

import "fmt"

type pair struct{ a, b int }

func main() {
	ch := make(chan int, 20)
	for i := 1; i <= 20; i++ {
		ch <- i
	}

	// A receive assigned to an element or a field stores it there.
	xs := make([]int, 3)
	xs[1] = <-ch
	var arr [2]int
	arr[0] = <-ch
	var p pair
	p.b = <-ch
	q := &p
	q.a = <-ch
	m := map[string]int{}
	m["k"] = <-ch
	fmt.Println(xs, arr, p, m)

	// A receive assigned to a variable that closures share is seen by them.
	var x int
	show := func() { fmt.Println("closure sees", x) }
	x = <-ch
	show()

	// ... and one assigned inside closures reaches the enclosing func.
	var y, z int
	func() { y = <-ch }()
	func() {
		func() { z = <-ch }()
	}()
	fmt.Println(y, z)

	var v any
	v = <-ch
	fmt.Printf("%T %v\n", v, v)

	// Channels of channels, as pipelines build them.
	outs := []chan int{make(chan int, 1), make(chan int, 1)}
	outs[1] <- 99
	got := make([]int, 2)
	got[1] = <-outs[1]
	fmt.Println(got)

	// A variable declared by a receive is a new one each time.
	c := make(chan int, 1)
	var ptrs []*int
	for i := 0; i < 2; i++ {
		c <- i
		v := <-c
		ptrs = append(ptrs, &v)
	}
	fmt.Println(*ptrs[0], *ptrs[1], ptrs[0] != ptrs[1])
}
