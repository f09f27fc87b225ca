package main

import (
	"fmt"
	"strings"
)

type IntList []int

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", c) }

type bag struct {
	items []string
	temps []Celsius
}

var globalInts []int

func caps[T any](s []T, n int, add func([]T) []T) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		s = add(s)
		fmt.Fprintf(&b, "%d/%d ", len(s), cap(s))
	}
	return b.String()
}

func appended(xs []int, x int) []int {
	return append(xs, x)
}

func boxedAppend(a []int, b int) any { return append(a, b) }

func boxedMany(a []string) any { return append(a, "x", "y") }

func boxedSpread(a, b []float64) any { return append(a, b...) }

func namedAppend(a []int) IntList { return append(a, 1) }

func main() {
	// Capacity grows as Go's append grows it, for each element size. (xs
	// escapes: Go gives a slice that does not a first array on the stack,
	// of 32 bytes.)
	var xs []int
	defer func() { globalInts = xs }()
	for i := 0; i < 2000; i++ {
		xs = append(xs, i)
		if len(xs) == cap(xs) {
			fmt.Print(cap(xs), " ")
		}
	}
	fmt.Println(len(xs), xs[1999])
	fmt.Println(caps([]byte(nil), 40, func(s []byte) []byte { return append(s, 'x') }))
	fmt.Println(caps([]string(nil), 20, func(s []string) []string { return append(s, "s") }))
	fmt.Println(caps([]bool(nil), 20, func(s []bool) []bool { return append(s, true) }))
	fmt.Println(caps([]int16(nil), 20, func(s []int16) []int16 { return append(s, 1) }))
	fmt.Println(caps([]complex128(nil), 10, func(s []complex128) []complex128 { return append(s, 1i) }))
	fmt.Println(caps([]float32(nil), 10, func(s []float32) []float32 { return append(s, 0.5, 1.5, 2.5) }))
	fmt.Println(caps([]int(nil), 8, func(s []int) []int { return append(s, 1, 2, 3, 4, 5) }))
	fmt.Println(caps([]uint64(nil), 8, func(s []uint64) []uint64 { return append(s, []uint64{1, 2, 3}...) }))

	// Several values at once grow the slice once, to fit them all.
	var m []int
	m = append(m, 1, 2, 3)
	fmt.Println(len(m), cap(m))
	m = append(m, 4, 5, 6, 7, 8, 9, 10)
	fmt.Println(len(m), cap(m))
	m = append(m, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)
	fmt.Println(len(m), cap(m), m)

	// Every kind, constants converted to the element type.
	var fs []float64
	fs = append(fs, 1, 2.5, 'a')
	var rs []rune
	for _, r := range "héllo" {
		rs = append(rs, r)
	}
	rs = append(rs, '!')
	var bs []byte
	bs = append(bs, 'g', 'o')
	bs = append(bs, " run"...)
	var u8 []uint8
	u8 = append(u8, 255)
	var ss []string
	for i := 0; i < 3; i++ {
		ss = append(ss, strings.Repeat("ab", i))
	}
	var us []uintptr
	us = append(us, 7)
	var cs []complex64
	cs = append(cs, 1+2i)
	var i8 []int8
	i8 = append(i8, -128, 127)
	fmt.Println(fs, string(rs), string(bs), u8, ss, len(ss[0]), us, cs, i8)

	// Named slice and element types, with methods too.
	var il IntList
	il = append(il, 3, 1, 2)
	il = append(il, il...)
	fmt.Println(il, len(il))
	var temps []Celsius
	temps = append(temps, 21.5)
	temps = append(temps, 1)
	var t Celsius = 30
	temps = append(temps, t, t*2)
	fmt.Println(temps, temps[0])
	var anyTemps []any
	anyTemps = append(anyTemps, t, 1, "x")
	fmt.Println(len(anyTemps), anyTemps[0], anyTemps[1:])
	var strs []fmt.Stringer
	strs = append(strs, t)
	fmt.Println(strs[0].String())

	// Aliasing: the result shares the array while it has room.
	base := make([]int, 3, 10)
	ys := append(base, 4)
	zs := append(base, 5)
	fmt.Println(ys, zs, ys[3], len(base), cap(ys))
	arr := [5]int{1, 2, 3, 4, 5}
	s := arr[:2]
	s = append(s, 9)
	s = append(s, 8, 7)
	s = append(s, 6)
	s[0] = 100
	fmt.Println(arr, s, len(s), cap(s))
	full := arr[1:3:3]
	grown := append(full, 0)
	grown[0] = -1
	fmt.Println(arr, full, grown)

	// Appending to itself, from its own elements, to a different variable.
	self := []int{1, 2, 3}
	self = append(self, self...)
	self = append(self, self[0], self[len(self)-1])
	self = append(self[:2], self[3:]...)
	fmt.Println(self, len(self), cap(self))
	other := []string{"a"}
	var dst []string
	dst = append(other, "b")
	other = append(other, "c")
	fmt.Println(dst, other)

	// Fields, pointers, globals, closures, results, interfaces.
	var bg bag
	p := &bg
	for i := 0; i < 3; i++ {
		bg.items = append(bg.items, fmt.Sprint(i))
		p.temps = append(p.temps, Celsius(i))
	}
	fmt.Println(bg.items, p.temps)
	for i := 0; i < 5; i++ {
		globalInts = append(globalInts, i*i)
	}
	fmt.Println(globalInts, cap(globalInts))
	var acc []int
	add := func(x int) { acc = append(acc, x) }
	for i := 0; i < 4; i++ {
		add(i)
	}
	fmt.Println(acc)
	fmt.Println(appended(acc, 10), acc)
	var boxed any = append(acc, 99)
	fmt.Println(boxed)
	var boxed2 any
	boxed2 = append(acc[:1], 98)
	fmt.Println(boxed2, acc)
	var nested [][]int
	nested = append(nested, acc, []int{7})
	nested[0] = append(nested[0], 5)
	fmt.Println(nested)
	// Returned as an interface, or as a named type.
	fmt.Println(boxedAppend([]int{1, 2}, 3).([]int), boxedMany(nil).([]string), boxedSpread([]float64{1}, []float64{2, 3}))
	fmt.Printf("%T %v\n", namedAppend(nil), namedAppend([]int{5}))
	var nilInts []int
	nilInts = append(nilInts)
	fmt.Println(nilInts == nil, len(append([]int(nil), 1)))
}
