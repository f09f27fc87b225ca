package main

import "fmt"

// A generic body calling another generic func with its own type
// parameter, instantiated with named, interface and func types.

type celsius float64

func (c celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

func zero[T any]() T {
	var z T
	return z
}

func describe[T any](x T) string {
	z := zero[T]()
	return fmt.Sprintf("%v (zero %v)", x, z)
}

func pair[A, B any](a A, b B) string {
	return describe[A](a) + " " + describe[B](b)
}

func main() {
	fmt.Println(describe(celsius(21.5)))
	fmt.Println(describe[any](3))
	fmt.Println(describe[fmt.Stringer](celsius(1)))
	fmt.Println(describe[[]int]([]int{1, 2}))
	fmt.Println(pair[celsius, *int](2, nil))
	fmt.Println(zero[func(int) int]() == nil)
}
