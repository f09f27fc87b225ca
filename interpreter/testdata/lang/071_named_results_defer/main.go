package main

import (
	"errors"
	"fmt"
)

func divide(a, b int) (q int, err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("divide(%d, %d): %w", a, b, err)
		}
	}()
	if b == 0 {
		return 0, errors.New("division by zero")
	}
	return a / b, nil
}

func counter() (n int) {
	defer func() { n *= 2 }()
	n = 3
	return n + 1
}

func main() {
	fmt.Println(divide(7, 2))
	fmt.Println(divide(1, 0))
	fmt.Println(counter())
	acc := 0
	add := func(k int) { acc += k }
	for i := range 4 {
		add(i)
	}
	fmt.Println(acc)
}
