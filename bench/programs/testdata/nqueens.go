// N-queens problem, a task of Rosetta Code
// (https://rosettacode.org/wiki/N-queens_problem): count the ways to
// place n queens on an n×n board so that none attacks another, by
// backtracking row by row with a flag per column and diagonal. Written
// plainly from the task's description; nqueens.py is the same program.
package main

import (
	"fmt"
	"os"
	"strconv"
)

type Board struct {
	n                int
	cols, up, down   []bool
	solutions, tried int
}

func NewBoard(n int) *Board {
	return &Board{n: n, cols: make([]bool, n), up: make([]bool, 2*n-1), down: make([]bool, 2*n-1)}
}

func (b *Board) place(row int) {
	if row == b.n {
		b.solutions++
		return
	}
	for col := 0; col < b.n; col++ {
		b.tried++
		if b.cols[col] || b.up[row+col] || b.down[row-col+b.n-1] {
			continue
		}
		b.cols[col], b.up[row+col], b.down[row-col+b.n-1] = true, true, true
		b.place(row + 1)
		b.cols[col], b.up[row+col], b.down[row-col+b.n-1] = false, false, false
	}
}

func main() {
	n := 8
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	for size := 4; size <= n; size++ {
		b := NewBoard(size)
		b.place(0)
		fmt.Printf("%d queens: %d solutions, %d squares tried\n", size, b.solutions, b.tried)
	}
}
