// A method value binds its receiver when it is made: a method promoted
// through embedded pointers binds the embedded value, so a nil pointer on
// the way panics at once, and later changes to the fields are not seen.
// A channel compares equal to its receive-only and send-only views. A
// generic map literal may hold keys that only its instances make equal.
// make of a receive-only channel type makes a channel. Calling a method
// promoted from a field of a nil pointer panics, and recover stops it.
package main

import "fmt"

type Inner struct{ n int }

func (i Inner) Get() int { return i.n }

func (i *Inner) Bump() { i.n++ }

type Middle struct{ *Inner }

type Outer struct{ Middle }

type Named interface{ Name() string }

type Wrap struct{ Named }

func try(what string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(what, "panics:", r)
		}
	}()
	f()
	fmt.Println(what, "ok")
}

type Recv <-chan int

type Base struct{}

func (b *Base) F() int { return 1 }

type Holder struct {
	x int
	Base
}

func Keys[T, U ~int]() map[any]string {
	return map[any]string{int(0): "int", T(0): "T", U(0): "U"}
}

func main() {
	o := Outer{Middle{&Inner{1}}}
	get := o.Get
	bump := o.Bump
	o.Inner = &Inner{10}
	bump()
	fmt.Println(get(), o.Get())

	var f func() int
	try("nil embedded pointer", func() { var z Outer; f = z.Get })
	try("nil pointer", func() { var p *Inner; f = p.Get })
	try("nil embedded interface", func() { var w Wrap; _ = w.Name })
	try("pointer method of nil", func() { var p *Inner; _ = p.Bump })
	fmt.Println(f == nil)

	c := make(chan int, 1)
	var r <-chan int = c
	s := (chan<- int)(c)
	d := make(chan int)
	fmt.Println(c == r, s == c, r != c, d == r, (<-chan int)(d) == r)
	s <- 5
	fmt.Println(<-r)

	rc := make(Recv)
	rs := []Recv{rc, make(Recv, 2)}
	fmt.Println(len(rs), rs[0] == rc, cap(rs[1]), cap(make(chan<- string, 3)))

	var h *Holder
	try("promoted method of nil", func() { fmt.Println(h.F()) })
	try("promoted method of nil, by field", func() { fmt.Println(h.Base.F()) })
	h = &Holder{}
	try("promoted method", func() { fmt.Println(h.F()) })

	fmt.Println(len(Keys[int, int]()), Keys[int, int]()[0])
	type small int
	fmt.Println(len(Keys[small, int]()))
}
