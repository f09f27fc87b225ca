package main

import (
	"errors"
	"fmt"
)

type Shape interface{ Area() float64 }

type Circ struct{ r float64 }

func (c Circ) Area() float64 { return 3 * c.r * c.r }

type Sq struct{ s float64 }

func (q *Sq) Area() float64 { return q.s * q.s }

type E struct{ msg string }

func (e E) Error() string { return e.msg }

var global = any(Circ{2})

func describe(x any) string {
	switch v := x.(type) {
	case Shape:
		return fmt.Sprint("shape ", v.Area())
	default:
		return fmt.Sprintf("other %v", v)
	}
}

func main() {
	// A value with methods keeps its type in an interface however it got
	// there: a literal assigned, converted, or declared with it.
	var a any = Circ{1}
	_, ok := a.(Shape)
	fmt.Println("literal into any:", ok)
	b := any(Circ{1})
	_, ok = b.(Shape)
	fmt.Println("converted with any():", ok)
	var c any
	c = Circ{1}
	_, ok = c.(Shape)
	fmt.Println("assigned later:", ok)
	_, ok = global.(Shape)
	fmt.Println("package variable:", ok)
	_, ok = any(&Sq{2}).(Shape)
	fmt.Println("pointer receiver:", ok)
	_, ok = any(Sq{2}).(Shape)
	fmt.Println("value without the method:", ok)

	// Explicit conversions to compiled interfaces.
	err := error(E{"boom"})
	var target E
	fmt.Println("errors.As:", errors.As(err, &target), target.msg, err)
	st := fmt.Stringer(nil)
	fmt.Println("nil Stringer:", st == nil)

	for _, x := range []any{Circ{1}, 7, Shape(Circ{2})} {
		fmt.Println(describe(x))
	}
}
