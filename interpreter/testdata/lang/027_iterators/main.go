package main

import (
	"fmt"
	"iter"
)

func Count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func Enumerate[T any](s []T) iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		for i, v := range s {
			if !yield(i, v) {
				return
			}
		}
	}
}

func main() {
	for v := range Count(5) {
		if v == 3 {
			break
		}
		fmt.Println(v)
	}
	for i, s := range Enumerate([]string{"a", "b"}) {
		fmt.Println(i, s)
	}
	total := 0
	for v := range Count(10) {
		if v%2 == 0 {
			continue
		}
		total += v
	}
	fmt.Println(total)
}
