package main

import "fmt"

// Instances of generic types first named inside the body of a generic
// func, with its type parameter: as a conversion, a composite literal
// and a type argument.

type Shower[T any] interface {
	Show() string
}

type Any[T any] interface{}

type Box[T any] struct{ v T }

func (b Box[T]) Show() string { return fmt.Sprint("box ", b.v) }

type Num struct{ n int }

func (n *Num) Show() string { return fmt.Sprint("num ", n.n) }

func asAny[T Shower[T]](x T) Any[T] {
	return Any[T](Shower[T](x))
}

func pick[T any, B Shower[B]](b B) string { return b.Show() }

func wrap[T any](v T) string {
	return pick[T, Box[T]](Box[T]{v})
}

func main() {
	a := asAny(&Num{7})
	fmt.Println(a.(*Num).n, a.(*Num).Show())
	fmt.Println(wrap(3), wrap("x"), wrap(2.5))
}
