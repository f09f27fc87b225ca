package main

import (
	"fmt"
	"iter"
)

func Naturals() iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 1; ; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func firstSquareAbove(limit int) int {
	for n := range Naturals() {
		if n*n > limit {
			return n
		}
	}
	return -1
}

func collect() (out []int) {
	defer func() { out = append(out, -1) }()
	for n := range Naturals() {
		defer func() { out = append(out, n*10) }()
		if n == 3 {
			break
		}
	}
	return []int{0}
}

func main() {
	fmt.Println(firstSquareAbove(50))
	fmt.Println(collect())
outer:
	for i := range 3 {
		for n := range Naturals() {
			if n > 2 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			fmt.Print(i, n, " ")
		}
	}
	fmt.Println()
}
