package main

import (
	"fmt"
	"strings"
)

// A value of a cell's type held in an any is asserted to the cell's own
// interfaces and to compiled ones (error, fmt.Stringer), with and without
// comma-ok, in type switches, and its methods are called on the result.

type Shape interface{ Area() float64 }

type Circle struct{ R float64 }

func (c Circle) Area() float64 { return 3 * c.R * c.R }

type Square struct{ S float64 }

func (s *Square) Area() float64   { return s.S * s.S }
func (s *Square) String() string  { return fmt.Sprintf("Square(%v)", s.S) }
func (s *Square) Scale(k float64) { s.S *= k }

type Failure struct{ Why string }

func (f *Failure) Error() string { return "failed: " + f.Why }

func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case error:
		return "error " + x.Error()
	case fmt.Stringer:
		return "stringer " + x.String()
	case Shape:
		return fmt.Sprintf("shape %.1f", x.Area())
	default:
		return fmt.Sprintf("other %v", x)
	}
}

func stringerOf(v any) string {
	if s, ok := v.(fmt.Stringer); ok {
		return s.String()
	}
	return "-"
}

func main() {
	var x any = Circle{1}
	s, ok := x.(Shape)
	fmt.Println(s, ok)
	fmt.Println(x.(Shape).Area())

	things := []any{Circle{2}, &Square{3}, &Failure{"disk"}, nil, 7, "text"}
	var parts []string
	for _, t := range things {
		parts = append(parts, describe(t))
	}
	fmt.Println(strings.Join(parts, "; "))
	fmt.Println(stringerOf(&Square{4}), stringerOf(Circle{4}))

	var sq any = &Square{2}
	if sc, ok := sq.(interface{ Scale(float64) }); ok {
		sc.Scale(5)
	}
	fmt.Println(sq.(Shape).Area())

	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		_ = x.(fmt.Stringer)
	}()
}
