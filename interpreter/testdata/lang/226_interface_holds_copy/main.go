package main

import "fmt"

type item interface{ show() string }

type rat struct{ num, den int }

func (r *rat) show() string { return fmt.Sprintf("%d/%d", r.num, r.den) }

type pt struct{ x int }

func (p pt) show() string { return fmt.Sprint("pt", p.x) }

func mk(i int) *rat { return &rat{i, i + 1} }

func main() {
	// An interface made from a value holds a copy of it: the variable or
	// the call result it came from may change afterwards.
	var list []item
	for i := 0; i < 3; i++ {
		var it item = &rat{i, 1}
		list = append(list, it)
	}
	items := make([]item, 3)
	for i := range items {
		items[i] = mk(i)
	}
	c := make(chan item, 3)
	for i := 0; i < 3; i++ {
		c <- mk(i * 10)
	}
	a, b, d := <-c, <-c, <-c
	for _, l := range [][]item{list, items, {a, b, d}} {
		for _, it := range l {
			fmt.Print(it.show(), " ")
		}
		fmt.Println()
	}

	p := pt{1}
	var s item = p
	p.x = 2
	m := map[string]item{}
	for i := 0; i < 3; i++ {
		p.x = i
		m[fmt.Sprint(i)] = p
	}
	fmt.Println(s.show(), p.show(), m["0"].show(), m["1"].show(), m["2"].show())
}
