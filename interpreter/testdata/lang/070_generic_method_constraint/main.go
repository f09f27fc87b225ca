package main

import (
	"fmt"
	"strings"
)

type Shape interface {
	Area() float64
	fmt.Stringer
}

type Sq float64

func (s Sq) Area() float64  { return float64(s * s) }
func (s Sq) String() string { return fmt.Sprintf("Sq(%g)", float64(s)) }

type Circ float64

func (c Circ) Area() float64  { return 3 * float64(c*c) }
func (c Circ) String() string { return fmt.Sprintf("Circ(%g)", float64(c)) }

func Largest[S Shape](shapes []S) S {
	best := shapes[0]
	for _, s := range shapes[1:] {
		if s.Area() > best.Area() {
			best = s
		}
	}
	return best
}

func Join[T fmt.Stringer](xs []T, sep string) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = x.String()
	}
	return strings.Join(parts, sep)
}

func main() {
	fmt.Println(Largest([]Sq{1, 3, 2}))
	fmt.Println(Join([]Circ{1, 2}, ", "))
	fmt.Println(Join([]Shape{Sq(1), Circ(2)}, " | "))
}
