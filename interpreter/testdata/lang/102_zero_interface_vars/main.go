package main

import "fmt"

type Shape interface{ Area() float64 }

type Square struct{ Side float64 }

func (q Square) Area() float64 { return q.Side * q.Side }

func describe(s Shape) string {
	if s == nil {
		return "no shape"
	}
	return fmt.Sprint("area ", s.Area())
}

func main() {
	// Variables of interface types declared in a cell start as nil.
	var s Shape
	var str fmt.Stringer
	var err error
	var box struct{ S Shape }
	fmt.Println(s == nil, str == nil, err == nil, box.S == nil)
	fmt.Println(s, box, describe(s))
	// cell
	s = Square{2}
	fmt.Println(s == nil, describe(s))
	s = nil
	fmt.Println(s == nil, describe(s))
	// cell
	shapes := []Shape{Square{1}, Square{3}}
	clear(shapes)
	fmt.Println(shapes[0] == nil, shapes, len(shapes))
}
