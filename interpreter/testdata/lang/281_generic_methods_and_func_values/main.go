// Generic types whose methods call methods declared after them, generic
// funcs used as values (explicitly instantiated with several type
// arguments, returned), type parameters' values converted to the
// constraint's interface, and comma-ok map reads into interfaces.
package main

import (
	"fmt"
	"strconv"
)

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(x T) {
	if s.Len() >= 3 { // Len is declared below
		s.items = s.items[1:]
	}
	s.items = append(s.items, x)
}

func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if s.Empty() {
		return zero, false
	}
	x := s.items[s.Len()-1]
	s.items = s.items[:s.Len()-1]
	return x, true
}

func (s *Stack[T]) Empty() bool { return s.Len() == 0 }

func (s *Stack[T]) Len() int { return len(s.items) }

type Getter[T any] interface{ get() T }

type Foo[T any] struct{ v T }

func (f *Foo[T]) viaMethod() T { return f.get() }

func (f *Foo[T]) viaInterface() T {
	var g Getter[T] = f
	return g.get()
}

func (f *Foo[T]) get() T { return f.v }

type Pair[A, B any] struct {
	A A
	B B
}

func NewPair[A, B any](a A, b B) Pair[A, B] { return Pair[A, B]{a, b} }

func Zip[A, B, C any](as []A, bs []B, f func(A, B) C) []C {
	var out []C
	for i := range as {
		out = append(out, f(as[i], bs[i]))
	}
	return out
}

func hello[T any]() string { return fmt.Sprintf("hello %T", *new(T)) }

func greeter[T any]() func() string { return hello[T] }

func plain() string { return "plain" }

func getPlain() func() string { return plain }

type Stringer interface{ String() string }

type celsius int

func (c celsius) String() string { return strconv.Itoa(int(c)) + "°C" }

type point struct{ x, y int }

func (p point) String() string { return fmt.Sprintf("(%d,%d)", p.x, p.y) }

func describe[T Stringer](xs []T) []string {
	var out []string
	for _, x := range xs {
		out = append(out, Stringer(x).String()+"/"+x.String())
	}
	return out
}

var last Stringer

func lookup[T Stringer](m map[string]T, k string) (string, bool) {
	var ok bool
	last, ok = m[k]
	return last.String(), ok
}

func main() {
	var s Stack[string]
	for _, w := range []string{"a", "b", "c", "d"} {
		s.Push(w)
	}
	for !s.Empty() {
		x, _ := s.Pop()
		fmt.Print(x, " ")
	}
	fmt.Println()

	f := &Foo[int]{42}
	fmt.Println(f.viaMethod(), f.viaInterface())

	mk := NewPair[int, string]
	fmt.Println(mk(1, "one"))
	fmt.Println(Zip([]int{1, 2}, []string{"x", "y"}, NewPair[int, string]))

	g := greeter[float64]()
	fmt.Println(g(), greeter[string]()(), getPlain()())

	fmt.Println(describe([]celsius{20, 25}))
	fmt.Println(describe([]point{{1, 2}}))

	temps := map[string]celsius{"paris": 18}
	fmt.Println(lookup(temps, "paris"))
	fmt.Println(lookup(temps, "oslo"))
}
