package main

import (
	"fmt"
	"sync"
)

// Types declared inside funcs where the lowering writes their names:
// clear's zero values, range over a func yielding them, range over a
// count of a local int type, and deferred methods promoted from an
// embedded field.

type Point struct{ X, Y int }

func clearing() {
	type T struct{ A int }
	ts := []T{{1}, {2}, {3}}
	clear(ts[1:])
	fmt.Println(ts)
	type named []Point
	ps := named{{1, 2}, {3, 4}}
	clear(ps)
	fmt.Println(ps, len(ps))
	type grid [2][2]int
	gs := []grid{{{1, 2}, {3, 4}}}
	clear(gs)
	fmt.Println(gs)
	type lookup map[string]T
	m := lookup{"a": {1}}
	clear(m)
	fmt.Println(len(m))
}

func ranging() {
	type cell struct{ R, C int }
	cells := func(yield func(int, cell) bool) {
		for i := range 4 {
			if !yield(i, cell{i / 2, i % 2}) {
				return
			}
		}
	}
	for i, c := range cells {
		if i == 3 {
			break
		}
		fmt.Print(i, c.R, c.C, " ")
	}
	fmt.Println()
	type idx int
	total := idx(0)
	for i := range idx(5) {
		total += i
	}
	fmt.Println(total)
}

func locking() int {
	type counter struct {
		sync.Mutex
		n int
	}
	var c counter
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Lock()
			defer c.Unlock()
			c.n++
		}()
	}
	wg.Wait()
	return c.n
}

func main() {
	clearing()
	ranging()
	fmt.Println(locking())
	type T struct{ A, B int }
	ts := []T{{1, 2}}
	clear(ts)
	fmt.Println(ts)
}
