package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

func main() {
	for part := range strings.SplitSeq("a,b,c", ",") {
		fmt.Print(part, ";")
	}
	fmt.Println()
	n := 0
	for line := range strings.Lines("one\ntwo\nthree\n") {
		n += len(line)
	}
	fmt.Println(n)
	words := slices.Collect(strings.FieldsSeq(" x  y z "))
	fmt.Println(words, len(words))
	m := map[string]int{}
	for i, w := range slices.All(words) {
		m[w] = i
	}
	fmt.Println(slices.Sorted(maps.Keys(m)))
}
