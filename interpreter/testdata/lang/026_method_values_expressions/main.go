package main

import "fmt"

type Acc struct{ n int }

func (a *Acc) Add(k int) { a.n += k }
func (a Acc) Get() int   { return a.n }

func main() {
	a := &Acc{}
	add := a.Add
	add(3)
	add(4)
	fmt.Println(a.Get())
	get := Acc.Get
	fmt.Println(get(*a))
	addExpr := (*Acc).Add
	addExpr(a, 10)
	fmt.Println(a.n)
	fs := []func(int){a.Add, a.Add}
	for _, f := range fs {
		f(1)
	}
	fmt.Println(a.n)
}
