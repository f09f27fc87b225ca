package main

import (
	"fmt"
	"math"
	"sort"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Rect struct{ W, H float64 }

func (r Rect) Area() float64      { return r.W * r.H }
func (r Rect) Perimeter() float64 { return 2 * (r.W + r.H) }

type Circle struct{ R float64 }

func (c *Circle) Area() float64      { return math.Pi * c.R * c.R }
func (c *Circle) Perimeter() float64 { return 2 * math.Pi * c.R }
func (c *Circle) String() string     { return fmt.Sprintf("Circle(r=%g)", c.R) }

type Square float64

func (s Square) Area() float64      { return float64(s * s) }
func (s Square) Perimeter() float64 { return float64(4 * s) }

type Named struct {
	Name string
	S    Shape
}

type Animal interface{ Sound() string }

type Dog struct{}

func (Dog) Sound() string { return "woof" }

type Cat struct{ name string }

func (c Cat) Sound() string  { return "meow" }
func (c Cat) String() string { return "cat " + c.name }

func main() {
	shapes := []Shape{Rect{3, 4}, &Circle{1}, Square(2)}
	fmt.Println(shapes)
	fmt.Printf("%v\n%+v\n", shapes, shapes)
	for _, s := range shapes {
		fmt.Printf("%-14T %-12v area=%.2f perim=%.2f\n", s, s, s.Area(), s.Perimeter())
	}
	sort.Slice(shapes, func(i, j int) bool { return shapes[i].Area() < shapes[j].Area() })
	fmt.Println(shapes)
	// cell
	for _, s := range shapes {
		switch v := s.(type) {
		case Rect:
			fmt.Printf("rect %v %T\n", v, v)
		case *Circle:
			fmt.Printf("circle %v %T\n", v, v)
		default:
			fmt.Printf("other %v %T\n", v, v)
		}
	}
	byName := map[string]Shape{"r": Rect{1, 2}, "s": Square(3)}
	fmt.Println(byName)
	n := Named{"big", Rect{10, 10}}
	fmt.Printf("%v %+v\n", n, n)
	var one Shape = Rect{1, 1}
	fmt.Println(one)
	fmt.Printf("%T %v %+v\n", one, one, one)
	// cell
	animals := []Animal{Dog{}, Cat{"tom"}}
	fmt.Println(animals)
	for _, a := range animals {
		fmt.Printf("%T says %s (%v)\n", a, a.Sound(), a)
	}
	var st fmt.Stringer = Cat{"kit"}
	fmt.Println(st, []fmt.Stringer{st, &Circle{2}})
}
