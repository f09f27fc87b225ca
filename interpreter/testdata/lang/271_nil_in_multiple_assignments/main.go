package main

import (
	"errors"
	"fmt"
)

type node struct{ next *node }

func main() {
	header := "h0"
	seq := []byte("abc")
	header, seq = "h1", nil
	fmt.Println(header, seq == nil, len(seq))

	m := map[string]int{"a": 1}
	p := &node{}
	var err error = errors.New("x")
	var f = func() {}
	ch := make(chan int)
	var a any = 3
	m, p, err, f, ch, a = nil, nil, nil, nil, nil, nil
	fmt.Println(m == nil, p == nil, err == nil, f == nil, ch == nil, a == nil)

	// Into elements and map entries, and back again.
	xs := [][]int{{1}, {2}}
	ms := map[string][]int{"k": {1}}
	xs[0], ms["k"] = nil, nil
	fmt.Println(xs[0] == nil, ms["k"] == nil, len(ms))
	n := &node{next: &node{}}
	n.next, seq = nil, []byte("z")
	fmt.Println(n.next == nil, string(seq))

	// In a loop, as a parser resets its state.
	var cur []string
	name := ""
	for _, line := range []string{">a", "x", "y", ">b", "z"} {
		if line[0] == '>' {
			if name != "" {
				fmt.Println(name, cur)
			}
			name, cur = line[1:], nil
		} else {
			cur = append(cur, line)
		}
	}
	fmt.Println(name, cur)
}
