package main

import "fmt"

func main() {
	// Parentheses around a comma-ok operand change nothing.
	c := make(chan int, 1)
	c <- 3
	x, ok := (<-c)
	fmt.Println(x, ok)
	close(c)
	select {
	case y, ok := (<-c):
		fmt.Println(y, ok)
	}
	select {
	case z := (<-c):
		fmt.Println(z)
	}
	select {
	case (<-c):
		fmt.Println("received")
	}
	m := map[string]int{"a": 1}
	v, found := (m["a"])
	fmt.Println(v, found)
	v, found = (m["b"])
	fmt.Println(v, found)
	// A missing key sets the zero value, also in a loop's variable.
	for _, k := range []string{"a", "b"} {
		w, ok := m[k]
		fmt.Println(k, w, ok)
	}
	var i any = "s"
	var s, isString = (i.(string))
	n, isInt := (i.(int))
	fmt.Println(s, isString, n, isInt)
}
