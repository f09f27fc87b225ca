package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
)

type Shape interface{ Area() float64 }

type Sq struct{ S float64 }

func (s Sq) Area() float64 { return s.S * s.S }

func counter() func() int {
	n := 0
	return func() int { n++; return n }
}

func adder(k int) func(int) int { return func(x int) int { return x + k } }

func apply(f func(int) int, x int) int { return f(x) }

func twice(x int) int { return 2 * x }

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func main() {
	// Each closure keeps its own variables.
	c1, c2 := counter(), counter()
	c1()
	c1()
	fmt.Println(c1(), c2())

	// Closures made in a loop capture each iteration's variable.
	var fs []func() int
	for i := range 3 {
		fs = append(fs, func() int { return i * i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	// A closure changes the variable it captured.
	total := 0
	add := func(x int) { total += x }
	for i := 1; i <= 4; i++ {
		add(i)
	}
	fmt.Println("total", total)

	// A recursive closure through its variable.
	var fact func(int) int
	fact = func(n int) int {
		if n <= 1 {
			return 1
		}
		return n * fact(n-1)
	}
	fmt.Println(fact(10))

	// Func values passed around, declared funcs among them.
	fmt.Println(apply(adder(5), 1), apply(twice, 21), apply(func(x int) int { return -x }, 3))
	g := twice
	fmt.Println(g(4))

	// Variadic closures, with a spread slice too.
	vs := func(prefix string, xs ...int) string { return fmt.Sprint(prefix, len(xs), xs) }
	fmt.Println(vs("a"), vs("b", 1, 2), vs("c", []int{7, 8, 9}...))
	s := sum
	fmt.Println(s(1, 2, 3), s([]int{4, 5}...))

	// Interface and error parameters and results.
	area := func(sh Shape) float64 { return sh.Area() }
	fmt.Println(area(Sq{3}))
	check := func(n int) (int, error) {
		if n < 0 {
			return 0, errors.New("negative")
		}
		return n * 2, nil
	}
	v, err := check(4)
	fmt.Println(v, err)
	v, err = check(-1)
	fmt.Println(v, err)

	// A named result set before a panic that the closure recovers.
	safe := func() (r int) {
		defer func() {
			if e := recover(); e != nil {
				r = -1
			}
		}()
		r = 1
		panic("oops")
	}
	fmt.Println(safe())

	// A variable assigned a call that panicked keeps its value.
	x := 10
	func() {
		defer func() { recover() }()
		boom := func() int { panic("boom") }
		x = boom()
	}()
	fmt.Println("x", x)

	// Closures called by compiled code and on goroutines.
	words := []string{"pear", "fig", "apple", "kiwi"}
	sort.Slice(words, func(i, j int) bool {
		return len(words[i]) < len(words[j]) || len(words[i]) == len(words[j]) && words[i] < words[j]
	})
	fmt.Println(strings.Join(words, ","))
	var mu sync.Mutex
	var wg sync.WaitGroup
	hits := map[int]int{}
	record := func(i int) {
		defer wg.Done()
		mu.Lock()
		hits[i%3]++
		mu.Unlock()
	}
	for i := range 30 {
		wg.Add(1)
		go record(i)
	}
	wg.Wait()
	fmt.Println(hits)

	// A closure returning several values into existing variables.
	swap := func(a, b string) (string, string) { return b, a }
	p, q := "x", "y"
	p, q = swap(p, q)
	fmt.Println(p, q)

	// A closure reading the variable its result goes to sees the old value.
	y := 1
	incr := func() int { return y + 1 }
	y = incr()
	y = incr()
	fmt.Println("y", y)
}
