package main

import (
	"errors"
	"fmt"
)

type Shape interface{ Area() float64 }

type Named interface {
	Shape
	Name() string
}

type Circ struct{ r float64 }

func (c Circ) Area() float64 { return 3 * c.r * c.r }
func (c Circ) Name() string  { return "circle" }

type E struct{ msg string }

func (e E) Error() string { return e.msg }

func main() {
	// A value with methods in an interface with methods.
	var s Shape = Circ{1}
	n, ok := s.(Named)
	fmt.Println("literal into Shape, then Named:", ok, n.Name())
	t := Shape(Circ{2})
	fmt.Println("converted with Shape():", t.Area())
	var u Shape
	u = Circ{3}
	c, ok := u.(Circ)
	fmt.Println("assigned later, back to Circ:", ok, c.r)

	// Explicit conversions to compiled interfaces.
	err := error(E{"boom"})
	var target E
	fmt.Println("errors.As:", errors.As(err, &target), target.msg, err)
	e2 := E{"bang"}
	fmt.Println("from a variable:", errors.As(error(e2), &target), target.msg)
	st := fmt.Stringer(nil)
	fmt.Println("nil Stringer:", st == nil)
}
