package main

import (
	"fmt"
	"strconv"
)

func Map[T, U any](s []T, f func(T) U) []U {
	out := make([]U, 0, len(s))
	for _, v := range s {
		out = append(out, f(v))
	}
	return out
}

func Filter[T any](s []T, keep func(T) bool) []T {
	var out []T
	for _, v := range s {
		if keep(v) {
			out = append(out, v)
		}
	}
	return out
}

func Reduce[T, A any](s []T, init A, f func(A, T) A) A {
	acc := init
	for _, v := range s {
		acc = f(acc, v)
	}
	return acc
}

type Number interface{ ~int | ~float64 }

func Sum[T Number](s []T) T {
	var t T
	for _, v := range s {
		t += v
	}
	return t
}

func main() {
	xs := []int{1, 2, 3, 4}
	strs := Map(xs, strconv.Itoa)
	fmt.Println(strs, len(strs[0]))
	fmt.Println(Map(xs, func(x int) float64 { return float64(x) / 2 }))
	fmt.Println(Filter(xs, func(x int) bool { return x%2 == 0 }))
	fmt.Println(Reduce(xs, "", func(a string, x int) string { return a + strconv.Itoa(x) }))
	fmt.Println(Sum(xs), Sum([]float64{0.5, 0.25}))
}
