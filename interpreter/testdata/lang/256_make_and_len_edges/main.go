package main

import (
	"fmt"
	"runtime"
)

// make with a size out of range panics with the runtime's error, a
// runtime.Error; len and cap of an array are constants that do not
// evaluate their operand, and of a pointer to an array (nil too) they are
// the array's length, and ranging over its indexes does not dereference
// it.

func try(what string, f func()) {
	defer func() {
		r := recover()
		_, isRuntime := r.(runtime.Error)
		fmt.Printf("%s: %v (runtime.Error: %v)\n", what, r, isRuntime)
	}()
	f()
}

var grid [][8]int

func main() {
	n := -1
	try("slice len", func() { _ = make([]int, n) })
	try("slice cap", func() { _ = make([]int, 2, n+2) })
	try("chan", func() { _ = make(chan int, n) })
	big := 1 << 62
	try("huge slice", func() { _ = make([]int64, big) })
	fmt.Println(len(grid[10]), cap(grid[3]))
	var p *[5]int
	fmt.Println(len(p), cap(p))
	for i := range p {
		fmt.Print(i)
	}
	fmt.Println()
}
