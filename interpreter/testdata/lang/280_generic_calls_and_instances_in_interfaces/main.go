// Generic funcs called in var declarations, and values of generic types'
// instances held in interfaces: an immutable list whose empty lists of
// different element types have the same shape (Nil[int] and Nil[bool] are
// both empty structs), mapped through a visitor interface that names
// Cons[T] inside Cons[T]'s own methods.
package main

import "fmt"

type Visitor[T, R any] interface {
	Visit(x T) R
}

type List[T any] interface {
	Match(onNil Visitor[Nil[T], any], onCons Visitor[Cons[T], any]) any
}

type Nil[T any] struct{}

func (xs Nil[T]) Match(onNil Visitor[Nil[T], any], onCons Visitor[Cons[T], any]) any {
	return onNil.Visit(xs)
}

type Cons[T any] struct {
	Head T
	Tail List[T]
}

func (xs Cons[T]) Match(onNil Visitor[Nil[T], any], onCons Visitor[Cons[T], any]) any {
	return onCons.Visit(xs)
}

type mapNil[T, U any] struct{}

func (mapNil[T, U]) Visit(Nil[T]) any { return Nil[U]{} }

type mapCons[T, U any] struct{ f func(T) U }

func (m mapCons[T, U]) Visit(xs Cons[T]) any {
	return Cons[U]{m.f(xs.Head), Map(m.f, xs.Tail)}
}

func Map[T, U any](f func(T) U, xs List[T]) List[U] {
	return xs.Match(mapNil[T, U]{}, mapCons[T, U]{f}).(List[U])
}

func Len[T any](xs List[T]) int {
	n := 0
	for {
		c, ok := xs.(Cons[T])
		if !ok {
			return n
		}
		n++
		xs = c.Tail
	}
}

type Box[T any] struct{ V T }

func (b Box[T]) Get() T { return b.V }

type Getter[T any] interface{ Get() T }

func Twice[T any](x T) []T {
	fmt.Println("Twice called with", x)
	return []T{x, x}
}

func Sum[T int | float64](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func main() {
	// A generic func called to initialise a declared variable runs.
	var a []int = Twice[int](3)
	var b = Twice("go")
	var c, d float64 = Sum(1.5, 2.5), Sum[float64](1)
	fmt.Println(a, b, c, d)

	var xs List[int] = Cons[int]{3, Cons[int]{6, Nil[int]{}}}
	ys := Map(func(x int) int { return x - 5 }, xs)
	zs := Map(func(x int) bool { return x > 0 }, ys)
	fmt.Println(Len(xs), Len(ys), Len(zs))
	c1 := zs.(Cons[bool])
	c2 := c1.Tail.(Cons[bool])
	_, isNil := c2.Tail.(Nil[bool])
	var tail any = c2.Tail
	_, isNilInt := tail.(Nil[int])
	fmt.Println(c1.Head, c2.Head, isNil, isNilInt)
	fmt.Println(xs)
	fmt.Println(ys)

	// An instance in an empty interface keeps its methods.
	var v any = Box[string]{"hi"}
	g, ok := v.(Getter[string])
	fmt.Println(g.Get(), ok)
	_, ok = v.(Getter[int])
	fmt.Println(ok)
	var w any = Box[int]{7}
	fmt.Println(w.(Getter[int]).Get())
}
