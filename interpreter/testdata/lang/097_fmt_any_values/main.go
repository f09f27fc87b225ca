package main

import (
	"fmt"
	"log"
	"os"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Point struct{ X, Y int }

type Reading struct {
	Where string
	Temp  Celsius
	At    *Point
}

type person struct {
	name string
	age  int
}

type Score int

func describe(i any) {
	fmt.Printf("(%v, %T)\n", i, i)
}

func main() {
	log.SetFlags(0)
	log.SetOutput(os.Stdout)

	var a any = Celsius(3)
	var p any = Point{1, 2}
	fmt.Printf("%T %v %T %v %#v\n", a, a, p, p, p)
	fmt.Printf("%+v %s %v\n", p, a, a)

	var pp any = &Point{3, 4}
	fmt.Printf("%T %v %+v %#v\n", pp, pp, pp, pp)
	fmt.Println(a, p, pp)
	fmt.Print(a, p, "\n")
	fmt.Println(fmt.Sprint(a, " ", p), fmt.Sprintf("%v|%T|%+v", a, a, p))
	log.Printf("log %v %T %+v", a, a, p)
	log.Println("log", p, a)
	// cell
	describe(42)
	describe("hello")
	describe(Point{5, 6})
	describe(Celsius(21.5))
	describe(&Point{7, 8})
	describe(Reading{"lab", 19, nil})
	describe(person{"Ann", 40})
	describe([]Point{{1, 1}})
	describe(nil)
	// cell
	things := []any{42, "hi", 2.5, Point{1, 2}, Celsius(-4), nil, Reading{"roof", 8.25, nil}, true}
	fmt.Println(things)
	fmt.Printf("%v\n%+v\n", things, things)
	for _, t := range things {
		fmt.Printf("%-16T %v\n", t, t)
	}
	m := map[string]any{"temp": Celsius(2), "pos": Point{1, 1}, "n": 3, "who": person{"Bo", 9}}
	fmt.Println(m)
	fmt.Printf("%+v\n", m)
	// cell
	var r any = Reading{"hall", 20.5, nil}
	fmt.Printf("%v %+v\n", r, r)
	var who any = person{"Cy", 33}
	fmt.Printf("%v %+v %#v\n", who, who, who)
	var s any = Score(7)
	fmt.Printf("%v %d %5v|\n", s, s, s)
	var np *Point
	var n any = np
	fmt.Printf("%v %T %+v\n", n, n, n)
	var x any = 3.14159
	fmt.Printf("%.2v|%8v|%-8v|\n", x, x, a)
	err := fmt.Errorf("bad reading %v at %+v", a, p)
	fmt.Println(err)
}
