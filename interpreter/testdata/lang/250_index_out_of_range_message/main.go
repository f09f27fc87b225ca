package main

import (
	"fmt"
	"runtime"
)

// An index out of range says which index and which length, as the Go
// runtime does, and is a runtime.Error, in a func and through a variable.

func at(xs []string, i int) (s string, err error) {
	defer func() {
		if r := recover(); r != nil {
			_, isRuntime := r.(runtime.Error)
			err = fmt.Errorf("%v (runtime error: %v)", r, isRuntime)
		}
	}()
	return xs[i], nil
}

func main() {
	args := []string{"prog"}
	fmt.Println(at(args, 0))
	fmt.Println(at(args, 3))
	fmt.Println(at(nil, 0))
	grid := [3]int{1, 2, 3}
	k := -1
	func() {
		defer func() { fmt.Println(recover()) }()
		fmt.Println(grid[k+4])
	}()
}
