package main

import (
	"fmt"
	"slices"
	"strings"
)

func main() {
	xs := []int{5, 2, 8, 1, 9}
	slices.Sort(xs)
	fmt.Println(xs, slices.Max(xs), slices.Min(xs))
	fmt.Println(slices.Contains(xs, 8), slices.Index(xs, 9))
	ys := slices.Clone(xs)
	slices.Reverse(ys)
	fmt.Println(ys, slices.Equal(xs, ys))
	words := []string{"pear", "fig", "banana"}
	slices.SortFunc(words, func(a, b string) int { return len(a) - len(b) })
	fmt.Println(words)
	fmt.Println(slices.Insert([]int{1, 4}, 1, 2, 3))
	idx, found := slices.BinarySearch(xs, 8)
	fmt.Println(idx, found)
	fmt.Println(strings.Join(slices.Sorted(slices.Values(words)), ","))
}
