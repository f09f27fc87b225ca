package main

import "fmt"

type point struct{ x, y int }

func main() {
	// Ranging with = assigns the variables declared before the loop; they
	// keep the last values after it.
	i := -1
	for i = range [5]struct{}{} {
	}
	fmt.Println("array index after the loop:", i)

	var k string
	var v int
	for k, v = range map[string]int{"only": 7} {
	}
	fmt.Println("map entry after the loop:", k, v)

	var pos int
	var r rune
	for pos, r = range "héllo" {
		if r == 'l' {
			break
		}
	}
	fmt.Println("string stopped at:", pos, string(r))

	var p point
	for _, p.y = range []int{3, 1, 4} {
		p.x += p.y
	}
	fmt.Println("into a field:", p)

	m := map[int]int{}
	var n int
	for n, m[n] = range []int{10, 20, 30} {
	}
	fmt.Println("into a map entry:", len(m), n)

	var any1 any
	for _, any1 = range []float64{1.5, 2.5} {
	}
	fmt.Printf("into an interface: %v %T\n", any1, any1)

	ch := make(chan int, 3)
	ch <- 1
	ch <- 2
	close(ch)
	var last int
	for last = range ch {
	}
	fmt.Println("from a channel:", last)
	// cell
	j := 0
	for j = range []string{"a", "b", "c"} {
		if j == 1 {
			continue
		}
	}
	fmt.Println("with continue:", j)
	// cell
	// An assignment to several places evaluates their operands first.
	a := []int{0, 0, 0}
	x := 0
	x, a[x] = 2, 7
	fmt.Println("index before the assignment:", x, a)
	s, t := []int{1, 2}, []int{3, 4}
	s, s[0] = t, 9
	fmt.Println("slice before the assignment:", s, t)
	pa, pb := &point{}, &point{}
	pa, pa.x = pb, 5
	fmt.Println("pointer before the assignment:", *pa, *pb)
	arr := [2]int{}
	arr, arr[1] = [2]int{4, 4}, 6
	fmt.Println("array assigned in order:", arr)
	idx := []int{0, 1}
	idx[0], a[idx[0]] = 1, 8
	fmt.Println("element before the assignment:", idx, a)
}
