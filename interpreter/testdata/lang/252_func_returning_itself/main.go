package main

import "fmt"

// A func that returns itself as an any gives a func value, which asserts
// to its func type and can be called, as the Go suite's typeswitch.go does.

func step(i int) interface{} {
	if i > 2 {
		return i
	}
	return step
}

func main() {
	v := step(0)
	switch f := v.(type) {
	case func(int) interface{}:
		fmt.Println("a func; called with 5 it gives", f(5))
	default:
		fmt.Printf("unexpected %T\n", f)
	}
	_, ok := v.(func(int) interface{})
	fmt.Println(ok)
}
