package main

import "fmt"

// Asserting to an empty interface holds for every value but nil, also
// when the empty interface is a type parameter's argument, as in a type
// switch's case T.

func kind[T any](i any) string {
	switch i.(type) {
	case T:
		return "T"
	case int:
		return "int"
	default:
		return "other"
	}
}

func main() {
	var i any = 1
	_, ok := i.(any)
	_, ok2 := i.(interface{})
	var none any
	_, ok3 := none.(any)
	fmt.Println(ok, ok2, ok3)

	fmt.Println(kind[any](1), kind[any]("s"), kind[float64](1), kind[float64](2.5))
	fmt.Println(kind[interface{ M() }](1), kind[fmt.Stringer]("s"))

	defer func() { fmt.Println("recovered:", recover()) }()
	_ = none.(any)
}
