// Struct types with the same fields are different types: in an interface
// each keeps its own methods, its own case in a type switch, its own name,
// and values of the two are never equal. Instances of a generic type too.
package main

import "fmt"

type Point struct{ X, Y int }
type Vec struct{ X, Y int }

func (p Point) String() string { return fmt.Sprintf("P(%d,%d)", p.X, p.Y) }
func (v Vec) String() string   { return fmt.Sprintf("V<%d,%d>", v.X, v.Y) }

type Square struct{ Side int }
type Cube struct{ Side int }

func (s Square) Area() int { return s.Side * s.Side }
func (c Cube) Area() int   { return 6 * c.Side * c.Side }

type Box[T any] struct{ V T }

func (b Box[T]) Describe() string { return fmt.Sprintf("box of %v", b.V) }

type Crate struct{ V int }

func (c Crate) Describe() string { return fmt.Sprintf("crate of %d", c.V) }

func kind(x any) string {
	switch x.(type) {
	case Point:
		return "Point"
	case Vec:
		return "Vec"
	}
	return "other"
}

func main() {
	var a, b any = Point{1, 2}, Vec{3, 4}
	fmt.Println(a, b)
	fmt.Printf("%T %T %v %v\n", a, b, kind(a), kind(b))
	_, isPoint := b.(Point)
	fmt.Println(isPoint, a == any(Vec{1, 2}), a == any(Point{1, 2}))
	fmt.Println(Point(Vec{5, 6}), Vec(a.(Point)))

	for _, s := range []any{Square{2}, Cube{2}} {
		fmt.Println(s.(interface{ Area() int }).Area())
	}

	seen := map[any]string{Point{0, 0}: "point", Vec{0, 0}: "vec"}
	fmt.Println(len(seen), seen[Point{}], seen[Vec{}])

	var d1, d2 any = Box[int]{8}, Crate{8}
	fmt.Println(d1.(interface{ Describe() string }).Describe())
	fmt.Println(d2.(interface{ Describe() string }).Describe())
	fmt.Printf("%T %T\n", d1, d2)
}
