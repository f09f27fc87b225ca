package main

import "fmt"

// Generic funcs called with type arguments that are themselves generic
// types or func types, and funcs made by generic funcs called through
// variables.

type Gen[A any] func() (A, bool)

type Pair[A, B any] struct {
	A A
	B B
}

func Join[T1, T2, T any](g1 Gen[T1], g2 Gen[T2], mk func(T1, T2) T) Gen[T] {
	return func() (T, bool) {
		var t T
		a, ok := g1()
		if !ok {
			return t, false
		}
		b, ok := g2()
		if !ok {
			return t, false
		}
		return mk(a, b), true
	}
}

func Apply[F any, T any](f F, call func(F) T) T { return call(f) }

func main() {
	var g1 Gen[int] = func() (int, bool) { return 3, true }
	var g2 Gen[string] = func() (string, bool) { return "y", true }
	mk := func(a int, b string) Pair[int, string] { return Pair[int, string]{a, b} }
	g := Join[int, string, Pair[int, string]](g1, g2, mk)
	p, ok := g()
	fmt.Println(p.A, p.B, ok)

	double := func(x int) int { return 2 * x }
	r := Apply[func(int) int, int](double, func(f func(int) int) int { return f(21) })
	fmt.Println(r)
}
