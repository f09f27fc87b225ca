package main

import "fmt"

type point struct{ x, y int }

type named interface{ name() string }

type dog struct{}

func (dog) name() string { return "dog" }

func main() {
	// Comma-ok receives at the top level of a cell, with the blank
	// identifier on either side.
	ch := make(chan int, 2)
	ch <- 5
	close(ch)
	v, ok := <-ch
	fmt.Println(v, ok)
	_, ok = <-ch
	fmt.Println(ok)
	// cell
	done := make(chan struct{})
	close(done)
	_, open := <-done
	fmt.Println(open)
	pts := make(chan point, 1)
	pts <- point{1, 2}
	p, _ := <-pts
	fmt.Println(p, len(pts))
	var w int
	ch2 := make(chan int, 1)
	ch2 <- 9
	w, _ = <-ch2
	fmt.Println(w)
	// cell
	// Map lookups.
	m := map[string]int{"a": 1}
	x, found := m["a"]
	_, missing := m["b"]
	y, _ := m["a"]
	fmt.Println(x, found, missing, y)
	// cell
	// Type assertions.
	var i any = "s"
	s, isString := i.(string)
	_, isInt := i.(int)
	var n named = dog{}
	d, isDog := n.(dog)
	_, isStringer := n.(fmt.Stringer)
	fmt.Println(s, isString, isInt, d.name(), isDog, isStringer)
	// cell
	// In a loop at the top level.
	work := make(chan int, 3)
	for k := range 3 {
		work <- k
	}
	close(work)
	sum := 0
	for {
		k, more := <-work
		if !more {
			break
		}
		sum += k
	}
	fmt.Println(sum)
}
