package main

import "fmt"

// Assertions and type switch cases on a type parameter whose instance is
// a value type with methods, stored in an interface.

type Shape interface{ Area() float64 }

type Square struct{ s float64 }

func (q Square) Area() float64 { return q.s * q.s }

type Circle struct{ r float64 }

func (c Circle) Area() float64 { return 3 * c.r * c.r }

func only[T Shape](shapes []Shape) []T {
	var out []T
	for _, s := range shapes {
		if v, ok := s.(T); ok {
			out = append(out, v)
		}
	}
	return out
}

func name[T Shape](s Shape) string {
	switch v := s.(type) {
	case T:
		return fmt.Sprint("T ", v.Area())
	case Circle:
		return fmt.Sprint("circle ", v.r)
	default:
		return "other"
	}
}

func must[T any](x any) T { return x.(T) }

func main() {
	shapes := []Shape{Square{2}, Circle{1}, Square{3}}
	fmt.Println(only[Square](shapes), only[Circle](shapes))
	fmt.Println(name[Square](Square{2}), name[Square](Circle{1}), name[Circle](Circle{2}))
	var s Shape = Square{4}
	fmt.Println(must[Square](s).s)
	defer func() { fmt.Println("recovered:", recover() != nil) }()
	fmt.Println(must[Circle](s))
}
