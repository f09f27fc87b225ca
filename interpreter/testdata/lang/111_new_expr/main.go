package main

import (
	"errors"
	"fmt"
	"time"
)

type point struct{ x, y int }

type shape interface{ area() float64 }

type square struct{ side float64 }

func (s square) area() float64 { return s.side * s.side }

type pair[T any] struct{ a, b T }

func double(n int) int { return 2 * n }

// answer returns a pointer to a fresh variable each call.
func answer() *int { return new(42) }

func main() {
	// Go 1.26's new(expr): a pointer to a new variable holding the value.
	p, q, r := new(42), new(int64(7)), new("hi")
	fmt.Println(*p, *q, *r)
	fmt.Printf("%T %T %T %T %T\n", p, q, r, new(1.5), new('a'))
	pt := new(point{3, 4})
	fmt.Println(*pt, pt.x)
	// cell
	// Each evaluation makes a new variable.
	a, b := answer(), answer()
	*a = 1
	fmt.Println(*a, *b, a != b)
	x := 5
	px := new(x * 2)
	x = 0
	*px++
	fmt.Println(x, *px)
	var ptrs []*int
	for i := 0; i < 3; i++ {
		ptrs = append(ptrs, new(i*i))
	}
	fmt.Println(*ptrs[0], *ptrs[1], *ptrs[2])
	// cell
	// Values of every kind: calls, indexes, interfaces, constants of
	// compiled packages, generic types; new(T) still makes a zero value.
	arr := [3]int{1, 2, 3}
	var e error = errors.New("boom")
	var s shape = square{2}
	fmt.Println(*new(arr[1]), *new(double(21)), *new(arr), **new(&arr[2]))
	fmt.Println(*new(e), (*new(s)).area(), *new(time.Second), *new(time.Duration))
	fmt.Println(*new(pair[int]{1, 2}), *new(pair[string]{"a", "b"}), *new(1 > 0), *new(struct{}{}))
	fmt.Println(*new(int), *new(point), *new([]int{1, 2}), len(*new([]int)))
}
