package main

import (
	"errors"
	"fmt"
	"io"
)

// == and != between interface values compare dynamic types and values:
// values of a cell's struct types in the cell's interfaces and in any,
// pointers by identity, sentinel errors, and an uncomparable type panics.

type Shape interface{ Area() float64 }

type Circle struct{ R float64 }

func (c Circle) Area() float64 { return 3 * c.R * c.R }

type Rect struct{ W, H float64 }

func (r Rect) Area() float64 { return r.W * r.H }

var ErrEmpty = errors.New("empty")

func first(xs []int) (int, error) {
	if len(xs) == 0 {
		return 0, ErrEmpty
	}
	return xs[0], nil
}

func main() {
	var a, b Shape = Circle{1}, Circle{1}
	var c Shape = Circle{2}
	var d Shape = Rect{1, 1}
	fmt.Println(a == b, a != b, a == c, a == d, a == Circle{1})

	shapes := []Shape{Circle{1}, Rect{2, 3}, Circle{1}}
	n := 0
	for _, s := range shapes {
		if s == shapes[0] {
			n++
		}
	}
	fmt.Println("equal to the first:", n)

	var x, y any = Circle{1}, Circle{1}
	fmt.Println(x == y, x == any(Circle{3}), x == any(1))
	var i, j any = 3, 3
	fmt.Println(i == j, i == any("3"), i == 3)

	p := &Circle{1}
	var s1, s2 Shape = p, p
	var s3 Shape = &Circle{1}
	fmt.Println(s1 == s2, s1 == s3)

	_, err := first(nil)
	fmt.Println(err == ErrEmpty, err != nil, errors.Is(err, ErrEmpty))
	_, err = first([]int{1})
	fmt.Println(err == nil, err == ErrEmpty)
	fmt.Println(fmt.Errorf("wrap: %w", io.EOF) == io.EOF, errors.Unwrap(fmt.Errorf("wrap: %w", io.EOF)) == io.EOF)

	defer func() { fmt.Println("recovered:", recover()) }()
	var u, v any = []int{1}, []int{1}
	fmt.Println(u == v)
}
