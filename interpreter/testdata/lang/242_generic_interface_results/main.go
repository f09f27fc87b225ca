package main

import "fmt"

// Values of generic struct types returned and stored as a generic
// interface inside generic code.

type Getter[T any] interface {
	Get() T
}

type value[T any] struct{ v T }

func (v value[T]) Get() T { return v.v }

type pair[T any] struct {
	all []Getter[T]
}

func (p pair[T]) Get() T {
	p.all[0] = value[T]{p.all[1].Get()}
	return p.all[0].Get()
}

func Of[T any](v T) Getter[T] {
	return value[T]{v}
}

func Pair[T any](a, b T) Getter[T] {
	return pair[T]{[]Getter[T]{Of(a), value[T]{b}}}
}

func main() {
	fmt.Println(Of(7).Get(), Of("seven").Get())
	p := Pair(1.5, 2.5)
	fmt.Println(p.Get())
	if v, ok := Of(3).(value[int]); ok {
		fmt.Println("value", v.v)
	}
}
