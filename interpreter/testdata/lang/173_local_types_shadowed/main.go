package main

import (
	"fmt"
	"sort"
)

// Types declared in funcs under names that enclosing scopes or other funcs
// declare too, printed with fmt (map keys of local types are sorted as fmt
// sorts them).

type node struct{ Weight float64 }

type Color int

func (c Color) String() string { return [...]string{"red", "green", "blue"}[c] }

func walk() []string {
	type node struct {
		Name string
		Next *node
	}
	list := &node{"a", &node{"b", nil}}
	var names []string
	for n := list; n != nil; n = n.Next {
		names = append(names, n.Name)
	}
	return names
}

func main() {
	type node struct {
		ID    int
		Color Color
	}
	a := node{1, 2}
	fmt.Println(a, walk())
	func() {
		type node struct {
			Label string
			Kids  []*node
		}
		root := node{"root", []*node{{"leaf", nil}}}
		fmt.Println(root.Label, root.Kids[0].Label, len(root.Kids[0].Kids))
		fmt.Printf("%+v\n", *root.Kids[0])
	}()
	{
		type node [2]Color
		fmt.Println(node{1, 2})
	}
	fmt.Println(a.ID, a.Color)

	type cell struct {
		Row, Col int
	}
	counts := map[cell]Color{{2, 1}: 0, {0, 3}: 1, {0, 1}: 2}
	fmt.Println(counts)
	type tag string
	tags := map[tag][]Color{"z": {2}, "a": {0, 1}}
	fmt.Println(tags)
	keys := make([]cell, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].Col != keys[j].Col {
			return keys[i].Col < keys[j].Col
		}
		return keys[i].Row < keys[j].Row
	})
	fmt.Println(keys)
	fmt.Println(node{7, 0}, []node{{8, 1}}, map[int]node{9: {9, 2}})
	_ = (*node)(nil)
}
