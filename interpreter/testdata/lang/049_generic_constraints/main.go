package main

import (
	"cmp"
	"fmt"
)

type Number interface {
	~int | ~int64 | ~float64
}

func Max[T cmp.Ordered](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func SumMap[K comparable, V Number](m map[K]V) V {
	var s V
	for _, v := range m {
		s += v
	}
	return s
}

type Celsius float64

func Keys[K comparable, V any](m map[K]V) []K {
	out := make([]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func main() {
	fmt.Println(Max(3, 7), Max("a", "b"), Max(2.5, 1.5))
	fmt.Println(SumMap(map[string]int{"a": 1, "b": 2}))
	fmt.Println(SumMap(map[int]Celsius{1: 1.5, 2: 2.5}))
	fmt.Println(len(Keys(map[string]bool{"x": true, "y": false})))
	fmt.Println(cmp.Compare(1, 2), cmp.Compare("b", "a"))
}
