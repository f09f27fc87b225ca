package main

import (
	"fmt"
	"unsafe"
)

// The builtins of package unsafe, blank fields and types, elements
// addressed through a pointer to an array, slice-to-array conversions that
// fail, and constant expressions beyond 64 bits, as the compiler has them.

type Point struct{ X, Y int }

type Padded struct {
	_, _ int
	A    int
}

type _ struct{}

type (
	_     int
	Label string
)

const (
	huge           = 1 << 100
	huge1          = huge - 1
	fhuge  float64 = 1 << 100
	fhuge1 float64 = huge - 1
)

func mustPanic(what string, f func()) {
	defer func() { fmt.Println(what+":", recover()) }()
	f()
}

func main() {
	points := [3]Point{{1, 2}, {3, 4}, {5, 6}}
	s := unsafe.Slice(&points[1], 2)
	fmt.Println(s, len(s), cap(s), unsafe.SliceData(s) == &points[1])
	b := []byte("héllo")
	fmt.Println(unsafe.String(&b[0], uint8(3)), *unsafe.StringData("abc"), unsafe.Slice((*int)(nil), 0) == nil)
	var n int = -1
	mustPanic("negative length", func() { _ = unsafe.String(&b[0], n) })
	var tooBig uint64 = 1<<64 - 1
	mustPanic("length too large", func() { _ = unsafe.Slice(&points[0], tooBig) })
	mustPanic("nil pointer", func() { _ = unsafe.String(nil, 1) })

	var p Padded
	p.A = 2
	fmt.Println(p, p == Padded{A: 2}, map[Padded]int{p: 1})
	fmt.Printf("%+v %#v %v\n", p, p, Label("x"))

	arr := (*[4]int)(make([]int, 4, 8))
	q := &arr[2]
	*q = 7
	fmt.Println(*arr, &arr[0] == &(*arr)[0])
	var nilArr *[3]int
	mustPanic("nil array pointer", func() { _ = &nilArr[1] })
	mustPanic("short slice", func() { _ = [5]int(arr[:]) })

	var f float64 = huge
	fmt.Println(huge > huge1, huge>>98, f, fhuge == fhuge1, f == huge1, huge1%7)
}
