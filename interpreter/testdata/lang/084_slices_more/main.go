package main

import (
	"fmt"
	"slices"
)

func main() {
	xs := []int{1, 2, 3, 4, 5, 6, 7}
	for c := range slices.Chunk(xs, 3) {
		fmt.Print(c, " ")
	}
	fmt.Println()
	fmt.Println(slices.Concat([]int{1}, []int{2, 3}, nil, []int{4}))
	fmt.Println(slices.Repeat([]string{"a", "b"}, 2))
	fmt.Println(slices.IndexFunc(xs, func(x int) bool { return x > 4 }))
	ys := slices.DeleteFunc(slices.Clone(xs), func(x int) bool { return x%2 == 0 })
	fmt.Println(ys, slices.Compact([]int{1, 1, 2, 2, 2, 3, 1}))
	type P struct {
		N string
		A int
	}
	ps := []P{{"b", 2}, {"a", 2}, {"c", 1}}
	slices.SortStableFunc(ps, func(x, y P) int { return x.A - y.A })
	fmt.Println(ps)
	fmt.Println(slices.MaxFunc(ps, func(x, y P) int { return x.A - y.A }).N)
}
