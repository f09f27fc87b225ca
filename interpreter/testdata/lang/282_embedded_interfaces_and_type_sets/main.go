// Methods promoted from an interface embedded some structs deep, generic
// types with several type parameters converted to, constraints satisfied
// by defined pointer types, and the length of a nil pointer to an array.
package main

import (
	"fmt"
	"io"
	"slices"
)

type Logger interface{ Log(string) }

type prefixLogger struct{ prefix string }

func (p *prefixLogger) Log(s string) { fmt.Println(p.prefix + s) }

type Base struct {
	id int
	Logger
}

type Service struct {
	name string
	Base
}

type App struct {
	a, b, c int
	Service
}

type Node[T any] struct{ val T }

func (n *Node[T]) Set(v T) { n.val = v }

type Holder[T any] interface{ Get() T }

type box[T any] struct{ v T }

func (b *box[T]) Get() T { return b.v }

type Wrap[T any] struct {
	n int
	*Node[T]
	Holder[T]
}

type Outer[T any] struct {
	pad int
	Wrap[T]
}

type Set[E comparable, S ~[]E] []S

func (s Set[E, S]) Has(x S) bool {
	for _, y := range s {
		if equal(x, y) {
			return true
		}
	}
	return false
}

func equal[E comparable, S ~[]E](a, b S) bool { return slices.Equal(a, b) }

func Intersect[E comparable](x, y [][]E) [][]E {
	var out [][]E
	sy := Set[E, []E](y)
	for _, s := range Set[E, []E](x) {
		if sy.Has(s) {
			out = append(out, s)
		}
	}
	return out
}

type Block *[4]byte

type Reader struct{ buf []byte }

func Read[T interface{ ~*[4]byte }](r *Reader) (t T, err error) {
	if n := len(t); len(r.buf) >= n {
		t = T(r.buf[:n])
		r.buf = r.buf[n:]
		return t, nil
	}
	return t, io.EOF
}

func main() {
	var app App
	app.Service.Base.Logger = &prefixLogger{"app: "}
	app.Log("started")
	app.Service.Log("via service")

	var o Outer[string]
	o.Wrap.Node = &Node[string]{}
	o.Wrap.Holder = &box[string]{"held"}
	o.Set("x")
	fmt.Println(o.Get(), o.val)

	fmt.Println(Intersect([][]int{{1, 2}, {3}}, [][]int{{3}, {4}}))

	var p *[4]int
	fmt.Println(len(p), cap(p))
	r := &Reader{buf: []byte("abcdefghij")}
	for {
		b, err := Read[Block](r)
		if err != nil {
			fmt.Println(err, len(b))
			break
		}
		fmt.Println(string(b[:]))
	}
}
