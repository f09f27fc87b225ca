package main

import "fmt"

// An interface holding a nil pointer is not a nil interface, whether it
// was made by a conversion, an assignment or a call.

type T struct{}

func get() *T { return nil }

func isNil(v any) bool { return v == nil }

func main() {
	var p *int
	fmt.Println(any(p) == nil, any(p) != nil, interface{}(p) == nil)
	if any(p) == nil {
		fmt.Println("wrong branch")
	} else {
		fmt.Println("right branch")
	}
	var x any = p
	fmt.Println(x == nil, x != nil, isNil(p), isNil(nil), isNil(get()))
	var e error
	fmt.Println(e == nil, any(e) == nil)
}
