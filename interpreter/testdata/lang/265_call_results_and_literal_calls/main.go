package main

import (
	"fmt"
	"sort"
	"sync"
)

var x = 7

func boom() int {
	panic("boom")
}

func named() (r int) {
	r = 3
	fmt.Println("x in named:", x)
	return r
}

// try's named result keeps the value set before boom panicked.
func try() (r int) {
	defer func() { recover() }()
	r = 5
	return boom()
}

func pair(a, b int) (int, int) { return b, a }

func main() {
	// A call's results reach the variable when it returns, not before.
	func() {
		defer func() { recover() }()
		x = boom()
	}()
	fmt.Println("x after panic:", x)
	x = named()
	fmt.Println("x:", x)
	fmt.Println("try:", try())
	a, b := pair(1, 2)
	a, b = pair(a, b)
	fmt.Println("pair:", a, b)

	// Func literals called where they are written.
	sum := 0
	for i := 0; i < 5; i++ {
		func() { sum += i }()
	}
	fmt.Println("sum:", sum)
	v := func(n int) int { return n * func() int { return n + 1 }() }(4)
	fmt.Println("nested:", v)
	s, t := func() (string, int) { return "two", 2 }()
	fmt.Println("results:", s, t)
	g := func() func() int { k := 10; return func() int { k++; return k } }()
	fmt.Println("closure from literal:", g(), g())
	r := func() (n int) {
		defer func() {
			if recover() != nil {
				n = -1
			}
		}()
		n = 1
		panic("in literal")
	}()
	fmt.Println("recovered literal:", r)

	// Goroutines of literals see their own iteration's variables.
	var wg sync.WaitGroup
	var mu sync.Mutex
	var got []int
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			got = append(got, i*i)
			mu.Unlock()
		}()
	}
	wg.Wait()
	sort.Ints(got)
	fmt.Println("goroutines:", len(got), got[0], got[19])
}
