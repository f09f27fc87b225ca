package main

import "fmt"

type Res struct{ name string }

func (r *Res) Close() { fmt.Println("close", r.name) }

func open(n string) *Res { fmt.Println("open", n); return &Res{n} }

func main() {
	for _, n := range []string{"a", "b", "c"} {
		r := open(n)
		defer r.Close()
	}
	total := 0
	func() {
		defer func() { total += 100 }()
		total = 1
	}()
	fmt.Println("total", total)
}
