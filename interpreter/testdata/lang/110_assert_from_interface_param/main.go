package main

import (
	"fmt"
	"math"
)

type geometry interface{ area() float64 }

type circle struct{ r float64 }

func (c circle) area() float64 { return math.Pi * c.r * c.r }

type rect struct{ w, h float64 }

func (r *rect) area() float64 { return r.w * r.h }

type side float64

func (s side) area() float64 { return float64(s * s) }

// Interface values made by a call, passed straight on as an argument.
func asGeometry(g geometry) geometry { return g }

func newCircle(r float64) geometry { return circle{r} }

func detect(g geometry) {
	c, ok := g.(circle)
	fmt.Println("circle:", c, ok)
	r, ok := g.(*rect)
	fmt.Println("rect:", r != nil && ok)
	s, ok := g.(side)
	fmt.Println("side:", s, ok)
}

func mustCircle(g geometry) circle { return g.(circle) }

func kind(g geometry) string {
	switch v := g.(type) {
	case nil:
		return "nil"
	case circle:
		return fmt.Sprint("circle ", v.r)
	case *rect:
		return fmt.Sprint("rect ", v.w)
	}
	return "other"
}

func isStringer(g geometry) bool {
	_, ok := g.(fmt.Stringer)
	return ok
}

func radius(x any) float64 {
	if c, ok := x.(circle); ok {
		return c.r
	}
	if n, ok := x.(int); ok {
		return float64(n)
	}
	return -1
}

func main() {
	// Assertions on an interface-typed parameter, to value and pointer
	// receiver types and to a named non-struct type.
	detect(circle{5})
	detect(&rect{2, 3})
	detect(side(4))
	detect(asGeometry(circle{1}))
	detect(newCircle(2))
	fmt.Println(mustCircle(circle{5}), mustCircle(newCircle(3)).r)
	fmt.Println(radius(circle{7}), radius(3), radius("x"))
	// cell
	// A nil interface value asserted in a func.
	detect(nil)
	fmt.Println(kind(nil), kind(circle{2}), kind(&rect{3, 1}), kind(side(1)))
	fmt.Println(isStringer(nil), isStringer(circle{1}), radius(nil))
	var none geometry
	fmt.Println(radius(none), kind(none))
	// cell
	// The same at the top level of a cell.
	var g geometry = circle{6}
	c, ok := g.(circle)
	fmt.Println(c, ok)
	g = &rect{1, 2}
	r, ok := g.(*rect)
	fmt.Println(r.w, r.h, ok)
	_, ok = g.(circle)
	fmt.Println(ok)
	h := newCircle(8)
	fmt.Println(h.(circle).r, asGeometry(h).(circle))
	switch v := asGeometry(g).(type) {
	case circle:
		fmt.Println("circle", v.r)
	case *rect:
		fmt.Println("rect", v.w)
	}
	// cell
	// A failed assertion panics with Go's message.
	fmt.Println(mustCircle(g))
}
