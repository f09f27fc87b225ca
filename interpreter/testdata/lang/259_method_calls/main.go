package main

import (
	"fmt"
	"strings"
)

// Method calls of every shape: value and pointer receivers (a value
// receiver gets a copy), through embedded structs and pointers, on slice
// elements and map values, through the program's interfaces (also one
// embedded in a struct), variadic, with several results, recursive, as
// conditions, and funcs called through variables.

type Counter struct{ n int }

func (c *Counter) Inc() int     { c.n++; return c.n }
func (c Counter) Get() int      { return c.n }
func (c Counter) Bump() Counter { c.n += 100; return c }

type Named struct {
	Counter
	name string
}

type Wrapped struct {
	*Counter
}

type Stack struct{ items []int }

func (s *Stack) Push(xs ...int) { s.items = append(s.items, xs...) }
func (s *Stack) Pop() (int, bool) {
	if len(s.items) == 0 {
		return 0, false
	}
	x := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return x, true
}
func (s *Stack) Empty() bool { return len(s.items) == 0 }

type Tree struct {
	left, right *Tree
	v           int
}

func (t *Tree) Sum() int {
	if t == nil {
		return 0
	}
	return t.v + t.left.Sum() + t.right.Sum()
}

type Shape interface {
	Area() float64
	Name() string
}

type Rect struct{ w, h float64 }

func (r Rect) Area() float64 { return r.w * r.h }
func (r Rect) Name() string  { return "rect" }

type Circle struct{ r float64 }

func (c *Circle) Area() float64 { return 3 * c.r * c.r }
func (c *Circle) Name() string  { return "circle" }

type Labeled struct {
	Shape
	label string
}

func describe(s Shape) string { return fmt.Sprintf("%s %.1f", s.Name(), s.Area()) }

func twice(f func(int) int, x int) int { return f(f(x)) }

func inc(x int) int { return x + 1 }

func main() {
	c := Counter{}
	c.Inc()
	c.Inc()
	b := c.Bump()
	fmt.Println(c.Get(), b.Get(), c.n)

	nm := Named{name: "x"}
	nm.Inc()
	fmt.Println(nm.Get(), nm.Counter.Get())
	w := Wrapped{&Counter{5}}
	w.Inc()
	fmt.Println(w.Get(), w.Counter.n)

	cs := []Counter{{1}, {2}}
	cs[1].Inc()
	fmt.Println(cs[0].Get(), cs[1].Get())
	m := map[string]*Counter{"a": {10}}
	m["a"].Inc()
	fmt.Println(m["a"].Get())

	var s Stack
	s.Push(1, 2, 3)
	s.Push([]int{4, 5}...)
	var out []string
	for !s.Empty() {
		x, _ := s.Pop()
		out = append(out, fmt.Sprint(x))
	}
	_, ok := s.Pop()
	fmt.Println(strings.Join(out, ","), ok)

	t := &Tree{&Tree{nil, nil, 2}, &Tree{&Tree{nil, nil, 4}, nil, 3}, 1}
	fmt.Println(t.Sum())

	shapes := []Shape{Rect{2, 3}, &Circle{1}, Labeled{Rect{1, 1}, "unit"}}
	total := 0.0
	for _, sh := range shapes {
		total += sh.Area()
		fmt.Println(describe(sh))
	}
	fmt.Println(total)
	l := Labeled{&Circle{2}, "big"}
	fmt.Println(l.Name(), l.Area(), l.label)

	fmt.Println(twice(inc, 3), twice(func(x int) int { return x * 3 }, 2))
	f := inc
	fmt.Println(f(41))
}
