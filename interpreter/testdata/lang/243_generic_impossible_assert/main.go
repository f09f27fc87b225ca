package main

import "fmt"

// In a generic body, asserting an interface value to a type parameter is
// legal even when an instance's type cannot satisfy the interface: the
// assertion fails when it runs.

type Sizer interface{ Size() int }

type box struct{ n int }

func (b *box) Size() int { return b.n }

type plain struct{ s string }

func as[T any](s Sizer) (T, bool) {
	v, ok := s.(T)
	return v, ok
}

func describe[T any](x T) string {
	if s, ok := any(x).(Sizer); ok {
		return fmt.Sprint("sizer ", s.Size(), " ", any(s.(T)) == any(x))
	}
	return "not a sizer"
}

func main() {
	b, ok := as[*box](&box{4})
	fmt.Println(b.n, ok)
	p, ok := as[*plain](&box{5})
	fmt.Println(p, ok)
	fmt.Println(describe(&box{2}), describe(&plain{}), describe(3))
}
