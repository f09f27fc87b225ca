package main

import (
	"fmt"
	"maps"
	"slices"
)

func main() {
	m := map[string]int{"x": 1, "y": 2, "z": 3}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		fmt.Println(k, m[k])
	}
	for i, v := range slices.All([]string{"a", "b"}) {
		fmt.Println(i, v)
	}
	for i, v := range slices.Backward([]int{1, 2, 3}) {
		fmt.Print(i, ":", v, " ")
	}
	fmt.Println()
	evens := maps.Collect(func(yield func(int, bool) bool) {
		for i := range 5 {
			if !yield(i, i%2 == 0) {
				return
			}
		}
	})
	fmt.Println(evens)
}
