// Levenshtein distance, a task of Rosetta Code
// (https://rosettacode.org/wiki/Levenshtein_distance): the edit distance
// of the task's pairs, then of pairs of longer words made by a linear
// congruential generator (Park and Miller's minimal standard), by the
// dynamic programme on two rows. Written plainly from the task's
// description; levenshtein.py is the same program.
package main

import (
	"fmt"
	"os"
	"strconv"
)

func levenshtein(s, t string) int {
	prev := make([]int, len(t)+1)
	cur := make([]int, len(t)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(s); i++ {
		cur[0] = i
		for j := 1; j <= len(t); j++ {
			cost := 1
			if s[i-1] == t[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(t)]
}

var seed = 1

func word(n int) string {
	b := make([]byte, n)
	for i := range b {
		seed = seed * 16807 % 2147483647
		b[i] = "acgt"[seed%4]
	}
	return string(b)
}

func main() {
	n := 100
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	fmt.Println("kitten sitting", levenshtein("kitten", "sitting"))
	fmt.Println("rosettacode raisethysword", levenshtein("rosettacode", "raisethysword"))
	total := 0
	for i := 0; i < 10; i++ {
		d := levenshtein(word(n), word(n+i))
		total += d
		fmt.Printf("pair %d: %d\n", i, d)
	}
	fmt.Println("total", total)
}
