package main

import "fmt"

type Inner struct{ k int }

func (Inner) String() string { return "inner" }

type Outer struct {
	Inner
	N int
}

type PtrStr struct{ V int }

func (p *PtrStr) String() string { return fmt.Sprint("ptr ", p.V) }

type Boom struct{}

func (Boom) String() string { panic("boom") }

type Tree struct {
	Val         int
	Left, Right *Tree
}

type List struct {
	Head int
	Tail *List
}

func main() {
	var a any = Outer{Inner{1}, 2}
	var b any = PtrStr{3}
	var c any = &PtrStr{4}
	var d any = Boom{}
	fmt.Println(a, b, c, d)
	fmt.Printf("%+v %+v\n", a, b)
	var t any = Tree{1, nil, nil}
	fmt.Printf("%v %+v %T\n", t, t, t)
	var l any = List{1, nil}
	fmt.Printf("%+v\n", l)
	fmt.Printf("%T\n", []any{a}[0])
}
