// Hailstone sequence, a task of Rosetta Code
// (https://rosettacode.org/wiki/Hailstone_sequence): the Collatz sequence
// of 27 (its length, first and last four numbers), and the number below n
// with the longest sequence. Written plainly from the task's description;
// hailstone.py is the same program.
package main

import (
	"fmt"
	"os"
	"strconv"
)

func hailstone(n int) []int {
	seq := []int{n}
	for n != 1 {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
		seq = append(seq, n)
	}
	return seq
}

func main() {
	limit := 1000
	if len(os.Args) > 1 {
		limit, _ = strconv.Atoi(os.Args[1])
	}
	s := hailstone(27)
	fmt.Printf("hailstone(27): %d numbers, starting %v, ending %v\n", len(s), s[:4], s[len(s)-4:])
	longest, length := 0, 0
	for i := 1; i < limit; i++ {
		if l := len(hailstone(i)); l > length {
			longest, length = i, l
		}
	}
	fmt.Printf("below %d, %d has the longest sequence: %d numbers\n", limit, longest, length)
}
