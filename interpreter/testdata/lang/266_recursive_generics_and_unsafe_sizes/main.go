// Generic types that refer to each other, generic funcs instantiated
// explicitly inside literals and recursively, constraints built from type
// parameters, and unsafe's sizes and offsets, which are constants whose
// operand is never evaluated.
package main

import (
	"fmt"
	"sort"
	"unsafe"
)

// A list is a Nil or a Cons, and a Cons holds a list.
type List[T any] interface{ isList() }

type Nil[T any] struct{}

type Cons[T any] struct {
	Head T
	Tail List[T]
}

func (Nil[T]) isList()  {}
func (Cons[T]) isList() {}

func Len[T any](l List[T]) int {
	switch c := l.(type) {
	case Cons[T]:
		return 1 + Len[T](c.Tail)
	}
	return 0
}

func Sum(l List[int]) int {
	if c, ok := l.(Cons[int]); ok {
		return c.Head + Sum(c.Tail)
	}
	return 0
}

// A tree whose nodes hold a forest, whose forest holds trees.
type Tree[T any] struct {
	Value T
	Kids  Forest[T]
}

type Forest[T any] struct{ Trees []*Tree[T] }

func (t *Tree[T]) Count() int {
	n := 1
	for _, k := range t.Kids.Trees {
		n += k.Count()
	}
	return n
}

func Map[A, B any](xs []A, f func(A) B) []B {
	out := make([]B, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

// Keys takes a map type through a constraint made of its own parameters.
func Keys[M ~map[K]V, K comparable, V any](m M) []K {
	out := make([]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

type Ages map[string]int

func Zero[T any]() T {
	var z T
	return z
}

func Fact[T ~int | ~int64](n T) T {
	if n <= 1 {
		return 1
	}
	return n * Fact(n-1)
}

type Inner struct {
	A int8
	B int64
}

type Outer struct {
	X byte
	Inner
	C [3]int16
}

var calls int

func sideEffect() Outer {
	calls++
	return Outer{}
}

func sizeOfOuter() uintptr {
	var o Outer
	return unsafe.Sizeof(o)
}

func main() {
	var l List[int] = Cons[int]{1, Cons[int]{2, Cons[int]{3, Nil[int]{}}}}
	fmt.Println("len", Len[int](l), "sum", Sum(l))

	t := &Tree[string]{Value: "root", Kids: Forest[string]{Trees: []*Tree[string]{{Value: "a"}, {Value: "b", Kids: Forest[string]{Trees: []*Tree[string]{{Value: "c"}}}}}}}
	fmt.Println("nodes", t.Count())

	pairs := []Pair[string, []int]{
		{"squares", Map[int, int]([]int{1, 2, 3}, func(i int) int { return i * i })},
		{"lengths", Map[string, int]([]string{"go", "gopher"}, func(s string) int { return len(s) })},
	}
	fmt.Println(pairs)

	keys := Keys(Ages{"ada": 36, "alan": 41, "grace": 85})
	sort.Strings(keys)
	fmt.Println(keys)

	type local struct{ N int }
	fmt.Printf("%+v %+v\n", Zero[local](), Zero[Pair[string, int]]())
	fmt.Println(Fact(10), Fact(int64(20)))

	var o Outer
	fmt.Println("sizes", unsafe.Sizeof(o), unsafe.Sizeof(o.Inner), unsafe.Sizeof(o.C), sizeOfOuter())
	fmt.Println("offsets", unsafe.Offsetof(o.Inner), unsafe.Offsetof(o.B), unsafe.Offsetof(o.Inner.B), unsafe.Offsetof(o.C))
	fmt.Println("aligns", unsafe.Alignof(o), unsafe.Alignof(o.X), unsafe.Alignof(o.C))
	fmt.Println("not evaluated", unsafe.Sizeof(sideEffect()), calls)
	const size = unsafe.Sizeof(Inner{})
	var buf [size]byte
	fmt.Println("array of", len(buf))
}
