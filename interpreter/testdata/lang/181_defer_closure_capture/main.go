package main

import (
	"errors"
	"fmt"
)

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return a / b, nil
}

func counter() (n int) {
	defer func() { n *= 2 }()
	n = 3
	return n + 1
}

func late() string {
	s := "before"
	defer func() { fmt.Println("deferred sees", s) }()
	s = "after"
	return s
}

func nested() {
	defer func() {
		defer func() {
			fmt.Println("inner recover:", recover())
		}()
		panic("second")
	}()
	fmt.Println("nested body")
}

func main() {
	fmt.Println(safeDiv(6, 3))
	fmt.Println(safeDiv(1, 0))
	fmt.Println(counter())
	late()
	nested()
	err := func() (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = errors.New(fmt.Sprint(r))
			}
		}()
		var m map[string]int
		m["x"] = 1
		return nil
	}()
	fmt.Println(err)
	for i := 0; i < 3; i++ {
		defer func() { fmt.Print(i, " ") }()
	}
}

func init() {
	// Closures deferred in a loop capture each iteration's variables.
	func() {
		for i := 0; i < 3; i++ {
			x := i * 10
			defer func() { fmt.Print(x, " ") }()
		}
	}()
	fmt.Println()
}
