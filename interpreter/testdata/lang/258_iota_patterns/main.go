package main

import "fmt"

// Constants declared with iota, repeated expressions and typed enums get
// the values the compiler computes, in every pattern of Go's test/iota.go
// kind.

const (
	a = 1
	b = iota << a
	c = iota << b
	d
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

const (
	_  = iota
	KB = 1 << (10 * iota)
	MB
	GB
)

const (
	s = string(iota + 'a')
	t
)

const (
	abit, amask = 1 << iota, 1<<iota - 1
	bbit, bmask = 1 << iota, 1<<iota - 1
)

const r = 'x'

func main() {
	fmt.Println(a, b, c, d, Monday, Tuesday, KB, MB, GB, s, t, bbit, bmask)
	fmt.Printf("%T %T %v\n", r, Tuesday, r)
	const third = 1.0 / 3
	const (
		u = third * (iota + 3)
		v
	)
	fmt.Println(u, v, u == 1)
}
