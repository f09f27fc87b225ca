// Calls whose frames are reused by later calls of the same func, and what
// must not see a reused frame: results, pointers to locals, method values,
// interface values, slices of local arrays, values passed on through
// interfaces, panics, goroutines.
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

type Point struct{ X, Y int }

func (p Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }
func (p Point) Sum() int       { return p.X + p.Y }
func (p *Point) Move(d int)    { p.X += d; p.Y += d }

type Shape interface{ Area() int }

type Rect struct{ W, H int }

func (r Rect) Area() int { return r.W * r.H }

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func same(p Point) Point { return p }

func pair(i int) (Rect, int) { return Rect{i, i + 1}, i }

var shapes []Shape

func keep(s Shape, i int) int { shapes = append(shapes, s); return i }

func id(s Shape) Shape { return s }

func mk(i int) Rect { return Rect{i, 2} }

func addrOf(v int) *int {
	x := v * 10
	return &x
}

func firstTwo(a, b int) []int {
	arr := [3]int{a, b, a + b}
	return arr[:2]
}

func grid(n int) [3]int {
	var g [3]int
	for i := range g {
		g[i] = n + i
	}
	return g
}

func build(parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(p)
	}
	return b.String()
}

func counter() func() int {
	n := 0
	return func() int { n++; return n }
}

func mayPanic(i int) (r int) {
	if i%3 == 0 {
		panic(fmt.Sprint("three divides ", i))
	}
	return i * i
}

func safe(i int) (r int, err error) {
	defer func() {
		if e := recover(); e != nil {
			err = fmt.Errorf("%v", e)
		}
	}()
	return mayPanic(i), nil
}

func scale(p Point, k int) Point {
	p.X *= k
	p.Y *= k
	return p
}

func words(s string) map[string]int {
	m := map[string]int{}
	for _, w := range strings.Fields(s) {
		m[w]++
	}
	return m
}

func main() {
	fmt.Println(fib(15), fib(1), fib(10))

	// A zero argument after a non-zero one is still zero.
	fmt.Println(same(Point{1, 2}), same(Point{}), same(Point{3, 0}), same(Point{}))

	// Results of a call passed on to another, into an interface parameter.
	for i := 0; i < 3; i++ {
		keep(pair(i))
		keep(id(mk(i)), i)
	}
	for _, s := range shapes {
		fmt.Print(s.Area(), " ")
	}
	fmt.Println()

	// Pointers to locals outlive their calls.
	ps := []*int{}
	for i := 0; i < 4; i++ {
		ps = append(ps, addrOf(i))
	}
	for _, p := range ps {
		fmt.Print(*p, " ")
	}
	fmt.Println()

	// Slices of local arrays too.
	ss := [][]int{}
	for i := 0; i < 3; i++ {
		ss = append(ss, firstTwo(i, i+1))
	}
	fmt.Println(ss)

	// Arrays are values.
	g1, g2 := grid(1), grid(5)
	fmt.Println(g1, g2)

	fmt.Println(build("a", "b", "c"), build(), build("xyz"))

	// Closures keep their variables.
	c1, c2 := counter(), counter()
	c1()
	c1()
	fmt.Println(c1(), c2(), c1())

	// Method values bind their receiver when they are made.
	p := Point{1, 1}
	sum := p.Sum
	str := p.String
	move := p.Move
	p.X = 10
	fmt.Println(sum(), str(), p)
	move(5)
	fmt.Println(p, sum())

	// An interface holds a copy of the value.
	q := Point{2, 3}
	var st fmt.Stringer = q
	q.X = 100
	fmt.Println(st, q)

	// Panics and recovery between calls.
	for i := 1; i <= 6; i++ {
		r, err := safe(i)
		fmt.Print(r, " ", err, "; ")
	}
	fmt.Println()

	// Arguments are copies.
	base := Point{1, 2}
	fmt.Println(scale(base, 3), scale(base, 0), base)

	m := words("a b a c b a")
	ks := []string{}
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	for _, k := range ks {
		fmt.Print(k, "=", m[k], " ")
	}
	fmt.Println()

	// Many goroutines calling the same funcs at once.
	var wg sync.WaitGroup
	results := make([]int, 50)
	for i := range results {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			s := 0
			for j := 0; j < 200; j++ {
				s += same(Point{i, j}).Sum() + fib(i%8)
			}
			results[i] = s
		}(i)
	}
	wg.Wait()
	total := 0
	for _, r := range results {
		total += r
	}
	fmt.Println(total)
}
