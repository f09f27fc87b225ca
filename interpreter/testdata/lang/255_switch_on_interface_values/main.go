package main

import "fmt"

// An expression switch on a value of interface type compares it with each
// case as == does: dynamic type and value, constants of their default
// type, values of the program's struct types, nil; a tagless switch
// compares an interface case with true.

type Circle struct{ R float64 }

func (c Circle) Area() float64 { return 3 * c.R * c.R }

func kind(v any) string {
	switch v {
	case 42:
		return "the int 42"
	case "hello":
		return "hello"
	case 1.5:
		return "one and a half"
	case Circle{1}:
		return "the unit circle"
	case nil:
		return "nil"
	}
	return fmt.Sprintf("other (%T)", v)
}

func main() {
	for _, v := range []any{42, "hello", 1.5, Circle{1}, nil, int64(42), Circle{2}, 1} {
		fmt.Println(kind(v))
	}
	var ok any = true
	switch {
	case ok:
		fmt.Println("true case")
	default:
		fmt.Println("default")
	}
	var p *int
	switch p {
	case nil:
		fmt.Println("nil pointer")
	default:
		fmt.Println("not nil")
	}
}
