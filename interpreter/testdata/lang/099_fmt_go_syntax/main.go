package main

import (
	"fmt"
	"time"
)

type Point struct{ X, Y int }

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Flags uint8

type Name string

type Line struct {
	From, To Point
	Label    Name
}

type Shape struct {
	Kind   string
	Points []Point
	Tags   map[string]int
	Temp   Celsius
	Extra  any
	next   *Shape
}

type Pair [2]Point

type Base struct{ ID int }

type Derived struct {
	Base
	Name string
}

type Money int

func (m Money) GoString() string { return fmt.Sprintf("Money(%d)", int(m)) }

func main() {
	p := Point{1, 2}
	fmt.Printf("%#v %#v\n", p, &p)
	fmt.Printf("%#v %#v %#v %#v\n", Celsius(3), Flags(5), Name("go"), Money(12))
	fmt.Printf("%#v\n", Line{Point{0, 0}, Point{3, 4}, "diag"})
	fmt.Printf("%#v\n", []Point{{1, 2}, {3, 4}})
	var none []Point
	var noMap map[string]Point
	fmt.Printf("%#v %#v\n", none, noMap)
	fmt.Printf("%#v\n", map[string]Point{"b": {2, 2}, "a": {1, 1}})
	fmt.Printf("%#v\n", Pair{{1, 1}, {2, 2}})
	fmt.Printf("%#v\n", Derived{Base{7}, "d"})
	// cell
	s := Shape{Kind: "tri", Points: []Point{{0, 0}}, Tags: map[string]int{"z": 1, "a": 2}, Temp: 20, Extra: Point{9, 9}}
	fmt.Printf("%#v\n", s)
	fmt.Printf("%+v\n", s)
	var np *Point
	fmt.Printf("%#v %#v\n", np, []*Point{nil})
	// cell
	var a any = Point{5, 6}
	var b any = &Point{7, 8}
	var c any = Celsius(1.5)
	fmt.Printf("%#v %#v %#v\n", a, b, c)
	vals := []any{1, "s", Point{1, 1}, nil, Name("n"), []int{1}, time.Duration(5)}
	fmt.Printf("%#v\n", vals)
	fmt.Printf("%#v\n", map[string]any{"p": Point{}, "n": nil})
	var e error
	fmt.Printf("%#v %#v\n", e, []error{nil})
	fmt.Printf("%#v %#v\n", Money(3), []Money{1, 2})
	fmt.Printf("%T %T %T %T\n", vals, s, Pair{}, map[Name][]*Line{})
	fmt.Printf("%T %T\n", func(int, ...string) (Point, error) { return Point{}, nil }, struct {
		P Point
		n int
	}{})
}
