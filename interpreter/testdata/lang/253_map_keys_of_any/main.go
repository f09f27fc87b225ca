package main

import "fmt"

// A map with keys of type any keeps equal values as one key, also values
// of a program's struct types with methods: stored, looked up, counted and
// deleted through literals, variables and the values of a slice of any.

type Circle struct{ R float64 }

func (c Circle) Area() float64 { return 3 * c.R * c.R }

func main() {
	m := map[any]string{1: "one", Circle{1}: "circle"}
	fmt.Println(m[Circle{1}], len(m))
	m[Circle{2}] = "two"
	m[Circle{2}] = "two again"
	fmt.Println(m[Circle{2}], len(m))
	v, ok := m[Circle{1}]
	fmt.Println(v, ok)
	delete(m, Circle{1})
	_, ok = m[Circle{1}]
	fmt.Println(len(m), ok)
	var k any = Circle{2}
	fmt.Println(m[k])

	counts := map[any]int{}
	for _, x := range []any{Circle{1}, "a", Circle{1}, 1, "a", nil, nil} {
		counts[x]++
	}
	fmt.Println(len(counts), counts[Circle{1}], counts["a"], counts[nil])
}
