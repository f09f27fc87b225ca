package main

import "fmt"

type T int

func (t T) V() int  { return int(t) }
func (t *T) P() int { return int(*t) * 10 }

type V interface{ V() int }
type P interface {
	P() int
	V() int
}

type S struct{ T }
type SP struct{ *T }

type Foo interface{ Foo() }

type box struct{ n int }

func (b box) Get() int { return b.n }

type getter interface{ Get() int }

func assertPanics(name string, f func()) {
	defer func() {
		fmt.Println(name, "panicked:", recover() != nil)
	}()
	f()
}

func main() {
	// A value's method set has no pointer-receiver methods: it satisfies
	// V but not P, directly or through a struct embedding it.
	t := T(4)
	var sp P = SP{&t}
	fmt.Println(sp.P())
	var i any = t
	_, ok := i.(P)
	fmt.Println("T is P:", ok)
	_, ok = i.(V)
	fmt.Println("T is V:", ok)
	i = &t
	_, ok = i.(P)
	fmt.Println("*T is P:", ok)
	i = S{t}
	_, ok = i.(P)
	fmt.Println("S is P:", ok)

	// A failed assertion to an interface panics unless it is comma-ok.
	assertPanics("S to Foo", func() { _ = i.(Foo) })
	assertPanics("T to P", func() { var e any = t; _ = e.(P) })
	assertPanics("int to Foo", func() { var e any = 1; _ = e.(Foo) })
	assertPanics("*T to P", func() { var e any = &t; _ = e.(P) })

	// A method value of a value method through a pointer copies the value
	// when it is made; through a nil pointer or a nil interface it panics.
	b := &box{1}
	get := b.Get
	b.n = 2
	fmt.Println("bound copy:", get(), b.Get())
	var nb *box
	assertPanics("nil pointer method value", func() { get = nb.Get })
	var g getter
	assertPanics("nil interface method value", func() { get = g.Get })
	fmt.Println(get())
}
